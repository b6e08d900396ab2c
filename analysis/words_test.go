package analysis_test

import (
	"testing"

	"coder/analysis"
	"coder/qda"
)

// Fictional fixture texts. The counts in the tests below were made by reading
// them.
const (
	gateNotes = "The gate was locked. Residents met at the gate; the committee mobilised residents.\nMobilising was hard."
	gateZH    = "居民代表在议事会上讨论了小区大门的改造方案。"
	gateZH2   = "大门坏了，居民很生气。"
)

func whole(id, name, text string) analysis.Excerpt {
	return analysis.Excerpt{Doc: qda.ID(id), DocName: name, Text: text, Start: 0, End: len([]rune(text))}
}

func counts(ws []analysis.WordCount) map[string]analysis.WordCount {
	m := map[string]analysis.WordCount{}
	for _, w := range ws {
		m[w.Word] = w
	}
	return m
}

// Ensure that English words are counted lower-cased, stop words left out, and
// stemming joins the forms of a word under its most frequent form.
func TestWordFrequencies_EnglishStopWordsAndStems(t *testing.T) {
	stop := analysis.DefaultStopWords().Set()
	ex := []analysis.Excerpt{whole("a", "notes", gateNotes)}
	got := counts(analysis.WordFrequencies(ex, analysis.WordOptions{Stop: stop}))
	want := map[string]int{"gate": 2, "locked": 1, "residents": 2, "met": 1, "committee": 1, "mobilised": 1, "mobilising": 1, "hard": 1}
	if len(got) != len(want) {
		t.Errorf("got %d words %v, want %d", len(got), got, len(want))
	}
	for w, n := range want {
		if got[w].Count != n || got[w].Documents != 1 {
			t.Errorf("%q: got %+v, want count %d in 1 document", w, got[w], n)
		}
	}
	stemmed := counts(analysis.WordFrequencies(ex, analysis.WordOptions{Stop: stop, Stem: true}))
	if stemmed["mobilised"].Count != 2 || stemmed["residents"].Count != 2 {
		t.Errorf("stemmed: got %v, want mobilised 2 and residents 2", stemmed)
	}
	if _, ok := stemmed["mobilising"]; ok {
		t.Errorf("stemmed: mobilising should count under mobilised: %v", stemmed)
	}
}

// Ensure that Chinese is segmented into words (not characters), counted per
// document, with Chinese stop words left out.
func TestWordFrequencies_ChineseWordsFromTheSegmenter(t *testing.T) {
	ex := []analysis.Excerpt{whole("a", "会议", gateZH), whole("b", "访谈", gateZH2)}
	got := counts(analysis.WordFrequencies(ex, analysis.WordOptions{Stop: analysis.DefaultStopWords().Set()}))
	for _, w := range []string{"居民", "大门"} {
		if got[w].Count != 2 || got[w].Documents != 2 {
			t.Errorf("%s: got %+v, want 2 in 2 documents", w, got[w])
		}
	}
	for _, w := range []string{"讨论", "改造", "方案", "生气"} {
		if got[w].Count != 1 {
			t.Errorf("%s: got %+v, want 1", w, got[w])
		}
	}
	for _, w := range []string{"的", "了", "在", "很", "门", "大"} {
		if _, ok := got[w]; ok {
			t.Errorf("%s should not be a word of the list: %v", w, got)
		}
	}
}

// Ensure that overlapping segments of one document count their shared words
// once, and that a limit keeps the most frequent.
func TestWordFrequencies_OverlappingSegmentsCountOnce(t *testing.T) {
	// "The gate was locked. Residents met at the gate;" is runes 0..47; the
	// two segments overlap on "Residents met".
	a := whole("a", "notes", gateNotes)
	s1, s2 := a, a
	s1.Start, s1.End = 0, 34  // The gate was locked. Residents met
	s2.Start, s2.End = 21, 47 // Residents met at the gate;
	got := analysis.WordFrequencies([]analysis.Excerpt{s1, s2}, analysis.WordOptions{Stop: analysis.DefaultStopWords().Set(), Limit: 1})
	if len(got) != 1 || got[0].Word != "gate" || got[0].Count != 2 {
		t.Errorf("got %+v, want only gate 2", got)
	}
	all := counts(analysis.WordFrequencies([]analysis.Excerpt{s1, s2}, analysis.WordOptions{}))
	if all["residents"].Count != 1 || all["met"].Count != 1 {
		t.Errorf("residents and met are in both segments but once in the text: %v", all)
	}
}

// Ensure that KWIC lines give the match's rune offsets and the context around
// it on one line, in Chinese and English.
func TestKWIC_OffsetsAndContext(t *testing.T) {
	ex := []analysis.Excerpt{whole("a", "notes", gateNotes), whole("b", "访谈", gateZH2)}
	lines := analysis.KWIC(ex, "Gate", 10, analysis.WordOptions{})
	if len(lines) != 2 {
		t.Fatalf("got %d lines %+v, want 2", len(lines), lines)
	}
	if l := lines[0]; l.Start != 4 || l.End != 8 || l.Left != "The " || l.Match != "gate" || l.Right != " was locke" || l.DocName != "notes" {
		t.Errorf("first line: %+v", l)
	}
	if l := lines[1]; l.Start != 42 || l.End != 46 || l.Left != "et at the " || l.Right != "; the comm" {
		t.Errorf("second line: %+v", l)
	}
	// Stemmed, "mobilise" finds both forms; the context before the second
	// crosses a line break, shown as a space.
	mob := analysis.KWIC(ex, "mobilise", 12, analysis.WordOptions{Stem: true})
	if len(mob) != 2 || mob[0].Match != "mobilised" || mob[1].Match != "Mobilising" || mob[1].Start != 83 || mob[1].Left != " residents. " {
		t.Errorf("stemmed: %+v", mob)
	}
	zh := analysis.KWIC(ex, "居民", 3, analysis.WordOptions{})
	if len(zh) != 1 || zh[0].Start != 5 || zh[0].End != 7 || zh[0].Left != "坏了，" || zh[0].Right != "很生气" {
		t.Errorf("Chinese: %+v", zh)
	}
}
