package exchange_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"coder/exchange"
	"coder/qda"
)

// onWordBoundary reports whether a span starts and ends outside a word: it
// cuts no word (letters and digits) in two.
func onWordBoundary(text []rune, s qda.Span) bool {
	word := func(i int) bool {
		return i >= 0 && i < len(text) && (unicode.IsLetter(text[i]) || unicode.IsDigit(text[i]) || unicode.Is(unicode.Mn, text[i]))
	}
	startCuts := word(s.Start-1) && word(s.Start)
	endCuts := word(s.End-1) && word(s.End)
	return !startCuts && !endCuts
}

// Ensure that every source, code, selection and coding of a real NVivo export
// arrives, and that NVivo's UTF-16 positions over CRLF text are converted so
// the codings land on the words the coder selected.
func TestReadQDPX_NVivoCodingsLandOnWords(t *testing.T) {
	path := sharedDir(t, "refi-qda", "samples", "nvivo-win-12.6_oltas0517.qdpx")
	b, rep, err := exchange.ReadQDPX(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("ProducerDetected", func(t *testing.T) {
		if !strings.Contains(rep.Producer, "NVivo") {
			t.Errorf("producer = %q", rep.Producer)
		}
	})
	t.Run("EverythingArrives", func(t *testing.T) {
		for what, want := range map[string]int{"sources": 2, "codes": 152, "selections": 303, "codings": 303, "users": 2} {
			if rep.Counts[what] != want {
				t.Errorf("%s: %d arrived, want %d", what, rep.Counts[what], want)
			}
		}
		if len(b.Documents) != 2 || len(b.Codes) != 152 || len(b.Codings) != 303 || len(b.Coders) != 2 {
			t.Errorf("bundle holds %d documents, %d codes, %d codings, %d coders", len(b.Documents), len(b.Codes), len(b.Codings), len(b.Coders))
		}
		if len(rep.MissingSources) > 0 {
			t.Errorf("missing sources reported: %v", rep.MissingSources)
		}
	})
	t.Run("TextIsNormalised", func(t *testing.T) {
		for _, d := range b.Documents {
			if strings.ContainsAny(d.Text, "\r\uFEFF") {
				t.Errorf("%s still holds CR or a BOM", d.Name)
			}
			if err := d.Validate(); err != nil {
				t.Error(err)
			}
		}
	})
	t.Run("AtLeast97PercentOnWordBoundaries", func(t *testing.T) {
		texts := map[qda.ID][]rune{}
		for _, d := range b.Documents {
			texts[d.ID] = []rune(d.Text)
		}
		ok := 0
		for _, c := range b.Codings {
			if onWordBoundary(texts[c.Document], c.Span) {
				ok++
			}
		}
		pct := 100 * float64(ok) / float64(len(b.Codings))
		t.Logf("%d of %d NVivo selections on word boundaries (%.1f%%)", ok, len(b.Codings), pct)
		if pct < 97 {
			t.Errorf("only %.1f%% of selections start and end on word boundaries", pct)
		}
	})
	t.Run("CodeTreeKeepsItsDepth", func(t *testing.T) {
		parent := map[qda.ID]qda.ID{}
		for _, c := range b.Codes {
			parent[c.ID] = c.Parent
		}
		deepest := 0
		for id := range parent {
			d := 1
			for p := parent[id]; p != ""; p = parent[p] {
				d++
			}
			deepest = max(deepest, d)
		}
		if deepest != 4 {
			t.Errorf("code tree is %d deep, want 4", deepest)
		}
	})
}

// Ensure that a lone ATLAS.ti project.qde, whose source files are not with it,
// brings its codebook, users, notes and sets, and reports the missing sources
// by name instead of inventing them.
func TestReadQDPX_AtlasLoneQDEReportsMissingSources(t *testing.T) {
	path := sharedDir(t, "refi-qda", "samples", "atlasti-mac-8.4_standard-project.qde")
	b, rep, err := exchange.ReadQDPX(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(rep.Producer, "ATLAS.ti") {
		t.Errorf("producer = %q", rep.Producer)
	}
	for what, want := range map[string]int{"codes": 14, "users": 3, "notes": 2, "sets": 16} {
		if rep.Counts[what] != want {
			t.Errorf("%s: %d arrived, want %d", what, rep.Counts[what], want)
		}
	}
	if len(b.Codes) != 14 || len(b.Coders) != 3 || len(b.Memos) != 2 {
		t.Errorf("bundle holds %d codes, %d coders, %d memos", len(b.Codes), len(b.Coders), len(b.Memos))
	}
	if len(b.Documents) != 0 {
		t.Errorf("%d documents invented without their text", len(b.Documents))
	}
	for _, name := range []string{"Mabel.txt", "Simon.docx", "Mabêl 2ième.txt", "Kellogg's Passion for Nutrition.pdf"} {
		found := false
		for _, m := range rep.MissingSources {
			found = found || m == name
		}
		if !found {
			t.Errorf("missing source %q not reported; reported %q", name, rep.MissingSources)
		}
	}
	t.Run("CodesKeepColoursAndDescriptions", func(t *testing.T) {
		for _, c := range b.Codes {
			if c.Name == "cornflakes" && (c.Color != "#DC0000" || c.Description != "breakfast cereal made by Kellogg’s") {
				t.Errorf("cornflakes = %+v", c)
			}
			if string(c.ID) != strings.ToLower(string(c.ID)) || !c.ID.Valid() {
				t.Errorf("code ID %q not canonical", c.ID)
			}
		}
	})
	t.Run("EachMissingSourceIsReportedOnce", func(t *testing.T) {
		seen := map[string]bool{}
		for _, m := range rep.MissingSources {
			if seen[m] {
				t.Errorf("missing source %q reported twice", m)
			}
			seen[m] = true
			for _, w := range rep.Warnings {
				if strings.Contains(w, m) && strings.Contains(w, "not imported") {
					t.Errorf("missing source %q also reported as a warning: %s", m, w)
				}
			}
		}
		if rep.LostSelections["Simon.docx"] != 3 {
			t.Errorf("selections lost with Simon.docx = %d, want 3", rep.LostSelections["Simon.docx"])
		}
	})
	t.Run("SetsOfSourcesBecomeCasesAndSetsOfCodesCodeSets", func(t *testing.T) {
		names := map[string]bool{}
		for _, c := range b.Cases {
			names[c.Name] = true
		}
		for _, want := range []string{"Mabel", "Simon", "gender: female", "Text files"} {
			if !names[want] {
				t.Errorf("set %q did not arrive as a case; cases: %v", want, names)
			}
		}
		codeSets := map[string]int{}
		for _, s := range b.CodeSets {
			codeSets[s.Name] = len(s.Codes)
			if err := s.Validate(); err != nil {
				t.Error(err)
			}
		}
		if codeSets["Breakfast food"] != 6 || codeSets["negative feelings"] != 4 {
			t.Errorf("code sets = %v", codeSets)
		}
	})
}

// Ensure that the samples' own texts, read through a folder beside a lone
// .qde, are found: the same project with sources unpacked next to it.
func TestReadQDPX_LoneQDEFindsSourcesFolderBesideIt(t *testing.T) {
	b := fixture(t)
	dir := t.TempDir()
	entries := zipEntries(t, readFile(t, writeQDPX(t, b)))
	os.Mkdir(filepath.Join(dir, "Sources"), 0o755)
	for name, data := range entries {
		target := filepath.Join(dir, strings.Replace(name, "sources/", "Sources/", 1))
		if name == "project.qde" {
			target = filepath.Join(dir, "exported.qde")
		}
		if err := os.WriteFile(target, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, rep, err := exchange.ReadQDPX(filepath.Join(dir, "exported.qde"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.MissingSources) != 0 || len(got.Documents) != 3 {
		t.Fatalf("documents %d, missing %v", len(got.Documents), rep.MissingSources)
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
