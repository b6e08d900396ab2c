package main_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Ensure that coder words, kwic and timeline print their documented JSON
// shapes with counts and offsets a reader of the fixture finds, that the
// stop-word lists can be edited, and that --chart writes a PNG.
func TestCLI_WordsKWICAndTimeline(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "study.coder")
	ok(t, "new", p, "--codebook", "empty")
	yard := filepath.Join(dir, "yard.txt")
	os.WriteFile(yard, []byte("The gate was shut on 2023-05-04.\n大门坏了，居民很生气。\n"), 0o644)
	ok(t, "import", p, yard, "--case", "Yard 3")
	ok(t, "codes", "add", p, "Community logic")
	ok(t, "code", p, "--doc", "yard", "--code", "Community logic", "--match", "大门坏了")

	words := jsonOut[[]struct {
		Word      string `json:"word"`
		Count     int    `json:"count"`
		Documents int    `json:"documents"`
	}](t, "words", p, "--case", "Yard 3")
	got := map[string]int{}
	for _, w := range words {
		got[w.Word] = w.Count
	}
	if got["gate"] != 1 || got["大门"] != 1 || got["居民"] != 1 || got["the"] != 0 || got["2023"] != 0 {
		t.Errorf("words = %+v", words)
	}
	coded := jsonOut[[]struct {
		Word string `json:"word"`
	}](t, "words", p, "--code", "Community logic")
	if len(coded) != 2 { // 大门 坏 (了 is a stop word)
		t.Errorf("words of the code = %+v", coded)
	}

	lines := jsonOut[[]struct {
		Document string `json:"document"`
		Start    int    `json:"start"`
		End      int    `json:"end"`
		Left     string `json:"left"`
		Match    string `json:"match"`
		Right    string `json:"right"`
	}](t, "kwic", p, "大门", "--width", "4")
	if len(lines) != 1 || lines[0].Document != "yard" || lines[0].Start != 33 || lines[0].End != 35 || lines[0].Left != "04. " || lines[0].Right != "坏了，居" {
		t.Errorf("kwic = %+v", lines)
	}

	ok(t, "stopwords", p, "--add", "gate")
	if again := jsonOut[[]struct {
		Word string `json:"word"`
	}](t, "words", p); len(again) == 0 || again[0].Word == "gate" {
		for _, w := range again {
			if w.Word == "gate" {
				t.Errorf("gate is a stop word now: %+v", again)
			}
		}
	}

	ok(t, "attr", p, "--doc", "yard", "Date", "2023-06-01", "--type", "date")
	png := filepath.Join(dir, "timeline.png")
	events := jsonOut[[]struct {
		Date     string `json:"date"`
		Document string `json:"document"`
		Code     string `json:"code"`
		Start    int    `json:"start"`
		End      int    `json:"end"`
		Text     string `json:"text"`
	}](t, "timeline", p, "--case", "Yard 3", "--chart", png)
	if len(events) != 1 || events[0].Date != "2023-06-01" || events[0].Code != "Community logic" || events[0].Start != 33 || events[0].Text != "大门坏了" {
		t.Errorf("timeline = %+v", events)
	}
	if st, err := os.Stat(png); err != nil || st.Size() < 1000 {
		t.Errorf("timeline chart: %v", err)
	}
}

// Ensure that coder timeline takes --by-coder as coder codings does: the
// demo's G Community timeline for Researcher B lists her codings there, and
// an unknown coder is refused with the coders named.
func TestCLI_TimelineByCoder(t *testing.T) {
	p := filepath.Join(t.TempDir(), "demo.coder")
	ok(t, "demo", p)
	events := jsonOut[[]map[string]any](t, "timeline", p, "--case", "G Community", "--by-coder", "Researcher B", "--json")
	all := jsonOut[[]map[string]any](t, "timeline", p, "--case", "G Community", "--json")
	want := jsonOut[[]map[string]any](t, "codings", p, "--case", "G Community", "--by-coder", "Researcher B", "--json")
	if len(events) != len(want) || len(events) == len(all) {
		t.Errorf("Researcher B's timeline has %d events; she has %d codings there, of %d", len(events), len(want), len(all))
	}
	if r := coder(t, "timeline", p, "--by-coder", "Nobody"); r.code != 1 || !strings.Contains(r.stderr, "Researcher A") {
		t.Errorf("an unknown coder: exit %d, %s", r.code, r.stderr)
	}
}
