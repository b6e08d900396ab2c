package exchange_test

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"coder/exchange"
	"coder/qda"
)

// readPeer reads the hand-made QualCoder-style project in testdata.
func readPeer(t *testing.T) (*qda.Bundle, *exchange.Report) {
	t.Helper()
	b, rep, err := exchange.ReadQDPX(filepath.Join("testdata", "peers", "qualcoder-style", "project.qde"))
	if err != nil {
		t.Fatal(err)
	}
	return b, rep
}

// Ensure that sources without a name, or with a name another source of the
// file has, arrive under unique names instead of clashing.
func TestReadQDPX_UnnamedAndTwinSourcesGetUniqueNames(t *testing.T) {
	b, _ := readPeer(t)
	var names []string
	for _, d := range b.Documents {
		names = append(names, d.Name)
	}
	want := []string{"Untitled source", "Untitled source (2)", "Interview", "Interview (2)"}
	if strings.Join(names, "|") != strings.Join(want, "|") {
		t.Errorf("documents named %q, want %q", names, want)
	}
}

// Ensure that a code whose GUID is malformed keeps its codings: they follow
// it to the ID Coder gives it, and its place in sets too.
func TestReadQDPX_MalformedCodeGUIDKeepsItsCodings(t *testing.T) {
	b, rep := readPeer(t)
	var worry qda.ID
	for _, c := range b.Codes {
		if c.Name == "Worry" {
			worry = c.ID
		}
	}
	if !worry.Valid() {
		t.Fatalf("code Worry missing or without a valid ID: %q", worry)
	}
	n := 0
	for _, c := range b.Codings {
		if c.Code == worry {
			n++
		}
	}
	if n != 2 {
		t.Errorf("Worry has %d codings, want 2 (warnings: %q)", n, rep.Warnings)
	}
	for _, w := range rep.Warnings {
		if strings.Contains(w, "not in the codebook") {
			t.Errorf("coding dropped: %s", w)
		}
	}
	if len(b.CodeSets) != 1 || !b.CodeSets[0].Has(worry) || len(b.CodeSets[0].Codes) != 2 {
		t.Errorf("code sets = %+v", b.CodeSets)
	}
}

// Ensure that a selection with a negative start is reported as what was
// done with it (it now starts at the beginning), not as cut at the end.
func TestReadQDPX_NegativeStartIsReportedAsMovedToTheBeginning(t *testing.T) {
	b, rep := readPeer(t)
	all := strings.Join(rep.Warnings, "\n")
	if !strings.Contains(all, "started before the text") || strings.Contains(all, "cut at its end") {
		t.Errorf("warnings:\n%s", all)
	}
	for _, c := range b.Codings {
		if c.Document == "11111111-2222-4333-8444-0000000000d1" && c.Span != (qda.Span{Start: 0, End: 9}) {
			t.Errorf("the selection from -4 to 9 became %v, want [0,9)", c.Span)
		}
	}
}

// Ensure that code sets go out as <Set> elements with <MemberCode>s and come
// back with the same members, and that the export still validates.
func TestWriteQDPX_CodeSetsTravelOutAndBack(t *testing.T) {
	b, _ := readPeer(t)
	b.Project.Name = "Orchard lane study"
	var buf bytes.Buffer
	if err := exchange.WriteQDE(&buf, b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(buf.Bytes(), []byte(`<Set guid="11111111-2222-4333-8444-0000000000b1" name="Feelings">`)) ||
		bytes.Count(buf.Bytes(), []byte("<MemberCode ")) != 2 {
		t.Errorf("no Feelings set with two member codes in:\n%s", buf.Bytes())
	}
	xmllint(t, buf.Bytes(), "Project.xsd")
	got, _, err := exchange.ReadQDPX(writeQDPX(t, b))
	if err != nil {
		t.Fatal(err)
	}
	if len(got.CodeSets) != 1 || got.CodeSets[0].Name != "Feelings" || len(got.CodeSets[0].Codes) != 2 {
		t.Errorf("code sets after the trip = %+v", got.CodeSets)
	}
}

// Ensure that every memo's text is also written as a file the note points
// to with plainTextPath, which is where QualCoder reads notes from.
func TestWriteQDPX_MemoTextsAreSourceFiles(t *testing.T) {
	b := fixture(t)
	entries := zipEntries(t, readFile(t, writeQDPX(t, b)))
	qde := string(entries["project.qde"])
	for _, m := range b.Memos {
		file := "sources/" + string(m.ID) + ".txt"
		if string(entries[file]) != m.Text {
			t.Errorf("%s holds %q, want the memo's text %q", file, entries[file], m.Text)
		}
		if !strings.Contains(qde, `plainTextPath="internal://`+string(m.ID)+`.txt"`) {
			t.Errorf("the note of memo %q does not point to its file", m.Title)
		}
	}
}
