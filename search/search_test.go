package search_test

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"coder/qda"
	"coder/search"
)

// Ensure that each query form finds the passages a researcher expects, and
// marks the words that made them hits.
func TestSearch_QuerySyntax(t *testing.T) {
	ix, b := built(t)
	for _, tc := range []struct {
		name, q  string
		passages []string
		matched  []string
	}{
		{"WordFindsOtherEnglishForms", "mobilise",
			[]string{"Interview 01 - Village head#1", "Interview 02 - Resident#1"}, []string{"mobilised", "mobilise"}},
		{"AllWordsMustMatch", "quota county",
			[]string{"Field notes March#0"}, []string{"quota", "county"}},
		{"PhraseIsExact", `"the quota"`,
			[]string{"Interview 01 - Village head#3", "Field notes March#0"}, []string{"the quota", "the quota"}},
		{"PhraseDoesNotStem", `"quota were"`, nil, nil},
		{"Or", "reservoir OR petition",
			[]string{"Interview 02 - Resident#1", "Field notes March#1"}, []string{"reservoir", "reservoir"}},
		{"Exclusion", "quota -township",
			[]string{"Interview 01 - Village head#3", "Field notes March#0"}, []string{"quota", "quota"}},
		{"ExcludedWordsAreNotMarked", "reservoir -rain",
			[]string{"Interview 02 - Resident#1"}, []string{"reservoir"}},
		{"Prefix", "mobili*",
			[]string{"Interview 01 - Village head#1", "Interview 02 - Resident#1"}, []string{"mobilised", "mobilise"}},
		{"Fuzzy", "organized~",
			[]string{"Interview 01 - Village head#3", "Interview 02 - Resident#2"}, []string{"organised", "organized"}},
		{"WidthFoldingAndCase", "CADRE", []string{"Field notes March#0"}, []string{"Ｃａｄｒｅ"}},
		{"ChineseInEnglishText", "征地",
			[]string{"Township notice 2019#1", "Field notes March#0"}, []string{"征地", "征地"}},
		{"OneChineseCharacter", "地",
			[]string{"Township notice 2019#1", "Field notes March#0"}, []string{"地", "地"}},
		{"ChineseCharacterEndingARun", "策",
			[]string{"Township notice 2019#1"}, []string{"策"}},
		{"ChineseNeedsTheCharactersTogether", "征补", nil, nil},
		{"ChineseAcrossPunctuationIsNoMatch", "视落", nil, nil},
		{"UnknownWord", "zeppelin", nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := find(t, ix, b, tc.q)
			if got := passages(res); !sameSet(got, tc.passages) {
				t.Errorf("passages = %v, want %v", got, tc.passages)
			}
			if got := matched(b, res); !sameSet(got, tc.matched) {
				t.Errorf("matched = %q, want %q", got, tc.matched)
			}
			if res.Total != len(res.Hits) {
				t.Errorf("total %d, but %d hits", res.Total, len(res.Hits))
			}
		})
	}
}

// Ensure that each filter narrows hits by a fact about the passage.
func TestSearch_Filters(t *testing.T) {
	ix, b := built(t)
	for _, tc := range []struct {
		name, q  string
		passages []string
	}{
		{"CodeMatchesItsDescendants", `code:"Political logic"`,
			[]string{"Interview 01 - Village head#1", "Township notice 2019#1"}},
		{"CodeChildOnly", `code:"political logic/quota pressure"`, []string{"Interview 01 - Village head#1"}},
		{"CodeNameIsNotAPrefixOfAnother", `code:"Political"`, nil},
		{"Case", `quota case:"G Community"`,
			[]string{"Interview 01 - Village head#1", "Interview 01 - Village head#3"}},
		{"CaseAnyLetterCase", `case:"h township"`,
			[]string{"Township notice 2019#0", "Township notice 2019#1", "Township notice 2019#2"}},
		{"Kind", "quota kind:fieldnote", []string{"Field notes March#0"}},
		{"Speaker", "speaker:resident",
			[]string{"Interview 02 - Resident#1", "Interview 02 - Resident#2"}},
		{"DocByNamePrefix", "quota doc:interview", []string{"Interview 01 - Village head#1", "Interview 01 - Village head#3"}},
		{"DocByID", "reservoir doc:" + string(docNotes), []string{"Field notes March#1"}},
		{"Attr", "mobilise attr:role=cadre", []string{"Interview 01 - Village head#1"}},
		{"NegatedFilter", "quota -kind:interview", []string{"Field notes March#0"}},
		{"CoderFindsThePassagesTheyCoded", `coder:ann`,
			[]string{"Interview 01 - Village head#1", "Interview 02 - Resident#1", "Township notice 2019#1"}},
		{"CoderWithOthers", `quota coder:"Ann"`, []string{"Interview 01 - Village head#1"}},
		{"CoderWhoCodedNothing", `coder:Nobody`, nil},
		{"FilterInsideOr", "speaker:cadre OR kind:fieldnote",
			[]string{"Interview 01 - Village head#1", "Interview 01 - Village head#3", "Field notes March#0", "Field notes March#1"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := passages(find(t, ix, b, tc.q)); !sameSet(got, tc.passages) {
				t.Errorf("passages = %v, want %v", got, tc.passages)
			}
		})
	}
}

// Ensure that hit spans are rune offsets into the document, even with
// full-width letters, CJK characters and an emoji (two UTF-16 units, four
// bytes) before the match.
func TestSearch_HitSpansAreRunes(t *testing.T) {
	ix, b := built(t)
	for _, q := range []string{"落实征地", "政策", `"the quota"`, "county", "mobilised"} {
		res := find(t, ix, b, q)
		if len(res.Hits) == 0 {
			t.Fatalf("%s: no hits", q)
		}
		for _, h := range res.Hits {
			d, _ := lookupIn(b)(h.DocumentID)
			rs := []rune(d.Text)
			if got := h.Passage.Slice(rs); got != d.Text[byteAt(d.Text, h.Passage.Start):byteAt(d.Text, h.Passage.End)] || !h.Passage.Contains(h.Matches[0]) {
				t.Errorf("%s: passage span %v does not hold its match %v", q, h.Passage, h.Matches)
			}
			want := strings.Trim(q, `"`)
			for _, m := range h.Matches {
				if got := m.Slice(rs); !strings.EqualFold(got, want) && !strings.HasPrefix(got, "mobilis") {
					t.Errorf("%s: match %v reads %q", q, m, got)
				}
			}
		}
	}
	// The notice's second passage has "各村要高度重视，😀落实征地补偿政策": the match
	// starts 9 runes into the passage (10 UTF-16 units, 28 bytes).
	res := find(t, ix, b, "落实征地")
	h := res.Hits[0]
	if got := h.Matches[0].Start - h.Passage.Start; got != 9 {
		t.Errorf("match starts %d runes into the passage, want 9", got)
	}
}

// byteAt converts a rune offset to a byte offset, the slow obvious way.
func byteAt(s string, r int) int {
	n := 0
	for i := range s {
		if n == r {
			return i
		}
		n++
	}
	return len(s)
}

// Ensure that the snippet marks every match in the text it shows, and that
// Excerpt carries the same marks for a GUI.
func TestSearch_SnippetMarksMatches(t *testing.T) {
	ix, b := built(t)
	res := find(t, ix, b, "quota county")
	if len(res.Hits) != 1 {
		t.Fatalf("hits = %v", passages(res))
	}
	h := res.Hits[0]
	if !strings.Contains(h.Snippet, "«quota»") || !strings.Contains(h.Snippet, "«county»") {
		t.Errorf("snippet %q does not mark both words", h.Snippet)
	}
	rs := []rune(h.Excerpt.Text)
	if len(h.Excerpt.Marks) != 2 || string(rs[h.Excerpt.Marks[0].Start:h.Excerpt.Marks[0].End]) != "quota" {
		t.Errorf("excerpt marks %v in %q", h.Excerpt.Marks, h.Excerpt.Text)
	}
}

// Ensure that a long passage's snippet is cut around the first match.
func TestSearch_LongPassageSnippetIsCutAroundMatch(t *testing.T) {
	b := fixture()
	long := strings.Repeat("Nothing of note happened on the road today. ", 30) + "Then the petition arrived at the office. " + strings.Repeat("We waited for the bus. ", 30)
	b.Documents = append(b.Documents, newDoc("00000000-0000-4000-8000-000000000005", "Diary", qda.KindFieldnote, turn{"", long}))
	ix, err := search.Build(context.Background(), t.TempDir(), search.CorpusFromBundle(b, 1), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	res := find(t, ix, b, "petition")
	if len(res.Hits) != 1 {
		t.Fatalf("hits = %v", passages(res))
	}
	s := res.Hits[0].Snippet
	if !strings.HasPrefix(s, "…") || !strings.HasSuffix(s, "…") || !strings.Contains(s, "«petition»") || len([]rune(s)) > 260 {
		t.Errorf("snippet = %q", s)
	}
}

// Ensure that the CLI's JSON has exactly the documented shape.
func TestResult_JSONShape(t *testing.T) {
	ix, b := built(t)
	res := find(t, ix, b, "quota county")
	raw, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatal(err)
	}
	if keys := sortedKeys(got); !reflect.DeepEqual(keys, []string{"hits", "total"}) {
		t.Errorf("top-level keys = %v", keys)
	}
	hit := got["hits"].([]any)[0].(map[string]any)
	if keys := sortedKeys(hit); !reflect.DeepEqual(keys, []string{"case", "codes", "document", "matches", "passage", "snippet", "speaker"}) {
		t.Errorf("hit keys = %v", keys)
	}
	if keys := sortedKeys(hit["passage"].(map[string]any)); !reflect.DeepEqual(keys, []string{"end", "start"}) {
		t.Errorf("passage keys = %v", keys)
	}
	if keys := sortedKeys(hit["matches"].([]any)[0].(map[string]any)); !reflect.DeepEqual(keys, []string{"end", "start"}) {
		t.Errorf("match keys = %v", keys)
	}
	if hit["document"] != "Field notes March" {
		t.Errorf("document = %v", hit["document"])
	}
}

func sortedKeys(m map[string]any) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sortStrings(ks)
	return ks
}

// Ensure that hits carry the passage's speaker, cases and codes.
func TestSearch_HitsCarryContext(t *testing.T) {
	ix, b := built(t)
	res := find(t, ix, b, "household")
	if len(res.Hits) != 1 {
		t.Fatalf("hits = %v", passages(res))
	}
	h := res.Hits[0]
	if h.Speaker != "Cadre" || h.Case != "G Community" || !reflect.DeepEqual(h.Codes, []string{"Political logic/Quota pressure"}) {
		t.Errorf("hit = speaker %q case %q codes %v", h.Speaker, h.Case, h.Codes)
	}
	if h.Unit != search.Passages || h.PassageIndex != 1 || h.DocumentID != docHead {
		t.Errorf("hit = unit %q passage %d document %s", h.Unit, h.PassageIndex, h.DocumentID)
	}
}

// Ensure that facets count codes, cases and documents over all hits, not only
// the page returned.
func TestSearch_FacetsCountAllHits(t *testing.T) {
	ix, b := built(t)
	res := find(t, ix, b, "quota OR reservoir OR 征地", func(o *search.Options) { o.Limit = 1; o.Facets = true })
	if res.Total != 6 || len(res.Hits) != 1 {
		t.Fatalf("total %d with %d hits, want 6 with 1", res.Total, len(res.Hits))
	}
	f := res.Facets
	want := map[string]int{"Political logic/Quota pressure": 1, "Political logic": 1, "Livelihood": 1}
	if got := counts(f.Codes); !reflect.DeepEqual(got, want) {
		t.Errorf("codes = %v, want %v", got, want)
	}
	if got := counts(f.Cases); !reflect.DeepEqual(got, map[string]int{"G Community": 3, "H Township": 1}) {
		t.Errorf("cases = %v", got)
	}
	if f.Uncased != 2 {
		t.Errorf("uncased = %d, want 2 (the field notes)", f.Uncased)
	}
	if got := counts(f.Documents); !reflect.DeepEqual(got, map[string]int{
		"Interview 01 - Village head": 2, "Interview 02 - Resident": 1, "Township notice 2019": 1, "Field notes March": 2,
	}) {
		t.Errorf("documents = %v", got)
	}
}

func counts(cs []search.Count) map[string]int {
	m := map[string]int{}
	for _, c := range cs {
		m[c.Name] = c.Count
	}
	return m
}

// Ensure that pages of hits follow each other without overlap.
func TestSearch_Paging(t *testing.T) {
	ix, b := built(t)
	all := passages(find(t, ix, b, "the"))
	var paged []string
	for off := 0; off < len(all); off += 2 {
		p := find(t, ix, b, "the", func(o *search.Options) { o.Limit, o.Offset = 2, off })
		paged = append(paged, passages(p)...)
	}
	if !reflect.DeepEqual(paged, all) {
		t.Errorf("paged %v, all at once %v", paged, all)
	}
}

// Ensure that coded segments and memos are searchable as their own units.
func TestSearch_SegmentsAndMemos(t *testing.T) {
	ix, b := built(t)
	t.Run("SegmentByItsNote", func(t *testing.T) {
		res := find(t, ix, b, "county report", func(o *search.Options) { o.Units = []search.Unit{search.Segments} })
		if len(res.Hits) != 1 || res.Hits[0].ID != codingA || res.Hits[0].Coder != "Ann" {
			t.Fatalf("hits = %+v", res.Hits)
		}
		if !strings.Contains(res.Hits[0].Snippet, "«county» «report»") {
			t.Errorf("snippet = %q, want the note with the words marked", res.Hits[0].Snippet)
		}
	})
	t.Run("SegmentByItsText", func(t *testing.T) {
		res := find(t, ix, b, "harvest", func(o *search.Options) { o.Units = []search.Unit{search.Segments} })
		if len(res.Hits) != 1 || res.Hits[0].ID != codingB || res.Hits[0].Codes[0] != "Livelihood" {
			t.Fatalf("hits = %+v", res.Hits)
		}
		d, _ := lookupIn(b)(docRes)
		if got := res.Hits[0].Matches[0].Slice([]rune(d.Text)); got != "harvest" {
			t.Errorf("match reads %q", got)
		}
	})
	t.Run("Memo", func(t *testing.T) {
		res := find(t, ix, b, "weather code:\"Political logic\"", func(o *search.Options) { o.Units = []search.Unit{search.Memos} })
		if len(res.Hits) != 1 || res.Hits[0].ID != memoOnCode || res.Hits[0].Title != "Quota talk" || res.Hits[0].Document != "Political logic/Quota pressure" {
			t.Fatalf("hits = %+v", res.Hits)
		}
	})
	t.Run("PassagesOnlyByDefault", func(t *testing.T) {
		for _, h := range find(t, ix, b, "quota").Hits {
			if h.Unit != search.Passages {
				t.Errorf("hit of unit %q in a default search", h.Unit)
			}
		}
	})
}

// Ensure that a search needs a way to read documents and says so.
func TestSearch_WithoutLookupFails(t *testing.T) {
	ix, _ := built(t)
	if _, err := ix.Search(context.Background(), "quota", search.Options{}); !errors.Is(err, search.ErrNoLookup) {
		t.Errorf("err = %v, want ErrNoLookup", err)
	}
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	x, y := append([]string(nil), a...), append([]string(nil), b...)
	sortStrings(x)
	sortStrings(y)
	return reflect.DeepEqual(x, y)
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// Ensure that hits group by document and by case, with totals over the whole
// result when facets were asked for.
func TestResult_Groups(t *testing.T) {
	ix, b := built(t)
	res := find(t, ix, b, "quota OR reservoir OR 征地", func(o *search.Options) { o.Facets = true })
	docs := map[string]int{}
	for _, g := range res.ByDocument() {
		docs[g.Name] = g.Total
		for _, h := range g.Hits {
			if h.Document != g.Name {
				t.Errorf("hit of %q in the group of %q", h.Document, g.Name)
			}
		}
	}
	if !reflect.DeepEqual(docs, map[string]int{"Interview 01 - Village head": 2, "Interview 02 - Resident": 1, "Township notice 2019": 1, "Field notes March": 2}) {
		t.Errorf("documents = %v", docs)
	}
	cases := res.ByCase()
	var names []string
	for _, g := range cases {
		names = append(names, g.Name+"="+itoa(g.Total))
	}
	if last := cases[len(cases)-1]; last.Name != "" || len(last.Hits) != 2 {
		t.Errorf("cases = %v, want the uncased field notes last", names)
	}
	if !sameSet(names, []string{"G Community=3", "H Township=1", "=2"}) {
		t.Errorf("cases = %v", names)
	}
}

// Ensure that SpansOnly returns the spans without snippets, for coding every hit.
func TestSearch_SpansOnly(t *testing.T) {
	ix, b := built(t)
	res := find(t, ix, b, "quota", func(o *search.Options) { o.SpansOnly = true })
	if res.Total != 3 {
		t.Fatalf("total %d", res.Total)
	}
	for _, h := range res.Hits {
		if h.Snippet != "" || len(h.Matches) != 1 {
			t.Errorf("hit with snippet %q and matches %v", h.Snippet, h.Matches)
		}
	}
}
