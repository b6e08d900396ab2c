package search_test

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"coder/qda"
	"coder/search"
)

// turn is one speaker turn of a fixture transcript.
type turn struct{ speaker, text string }

// newDoc builds a document whose passages are the given turns, separated by
// blank lines, with rune spans computed as the importer would.
func newDoc(id qda.ID, name string, kind qda.Kind, turns ...turn) qda.Document {
	var b strings.Builder
	d := qda.Document{ID: id, Name: name, Kind: kind}
	for i, t := range turns {
		if i > 0 {
			b.WriteString("\n\n")
		}
		start := utf8.RuneCountInString(b.String())
		b.WriteString(t.text)
		k := qda.PassageParagraph
		if t.speaker != "" {
			k = qda.PassageTurn
		}
		d.Passages = append(d.Passages, qda.Passage{
			Span: qda.Span{Start: start, End: start + utf8.RuneCountInString(t.text)}, Kind: k, Speaker: t.speaker,
		})
	}
	d.Text = b.String()
	d.Chars = utf8.RuneCountInString(d.Text)
	return d
}

// IDs of the fixture's entities, fixed so failures are easy to read.
const (
	docHead    qda.ID = "00000000-0000-4000-8000-000000000001"
	docRes     qda.ID = "00000000-0000-4000-8000-000000000002"
	docNotice  qda.ID = "00000000-0000-4000-8000-000000000003"
	docNotes   qda.ID = "00000000-0000-4000-8000-000000000004"
	codePol    qda.ID = "00000000-0000-4000-8000-000000000011"
	codeQuota  qda.ID = "00000000-0000-4000-8000-000000000012"
	codeLive   qda.ID = "00000000-0000-4000-8000-000000000013"
	caseG      qda.ID = "00000000-0000-4000-8000-000000000021"
	caseH      qda.ID = "00000000-0000-4000-8000-000000000022"
	varRole    qda.ID = "00000000-0000-4000-8000-000000000031"
	coderAnn   qda.ID = "00000000-0000-4000-8000-000000000041"
	codingA    qda.ID = "00000000-0000-4000-8000-000000000051"
	codingB    qda.ID = "00000000-0000-4000-8000-000000000052"
	codingC    qda.ID = "00000000-0000-4000-8000-000000000053"
	memoOnCode qda.ID = "00000000-0000-4000-8000-000000000061"
)

// fixture is a small fictional project: two interviews in one village, a
// Chinese township notice and mixed field notes.
func fixture() *qda.Bundle {
	head := newDoc(docHead, "Interview 01 - Village head", qda.KindInterview,
		turn{"Interviewer", "How did the village respond to the new planting targets?"},
		turn{"Cadre", "We mobilised every household within a week. The township sent a quota and we had to meet it."},
		turn{"Interviewer", "Was there any resistance?"},
		turn{"Cadre", "Some families organised a meeting, but in the end the quota was met."},
	)
	res := newDoc(docRes, "Interview 02 - Resident", qda.KindInterview,
		turn{"Interviewer", "What changed for your family last spring?"},
		turn{"Resident", "They told us to mobilise for the reservoir work. Nobody asked about our harvest."},
		turn{"Resident", "My neighbour organized the older people to write a letter to the township."},
	)
	notice := newDoc(docNotice, "Township notice 2019", qda.KindPolicy,
		turn{"", "关于做好春季植树工作的通知"},
		turn{"", "各村要高度重视，😀落实征地补偿政策，确保群众利益。"},
		turn{"", "乡镇干部要深入农户，动员群众参与。"},
	)
	notes := newDoc(docNotes, "Field notes March", qda.KindFieldnote,
		turn{"", "Market day. Talked with Ｃａｄｒｅ Li about the 征地 dispute; he said the quota came from the county."},
		turn{"", "Rain all afternoon. The reservoir site was empty."},
	)
	codes := []qda.Code{
		{ID: codePol, Name: "Political logic", Color: "#aa0000"},
		{ID: codeQuota, Parent: codePol, Name: "Quota pressure", Color: "#cc0000"},
		{ID: codeLive, Name: "Livelihood", Color: "#00aa00"},
	}
	return &qda.Bundle{
		Project:   qda.Project{ID: "00000000-0000-4000-8000-0000000000ff", Name: "Fixture"},
		Coders:    []qda.Coder{{ID: coderAnn, Name: "Ann"}},
		Codes:     codes,
		Documents: []qda.Document{head, res, notice, notes},
		Codings: []qda.Coding{
			// "The township sent a quota" in the cadre's first answer.
			{ID: codingA, Document: docHead, Code: codeQuota, Span: spanOf(head, "The township sent a quota"), Coder: coderAnn, Memo: "pressure from above, compare the county report"},
			{ID: codingB, Document: docRes, Code: codeLive, Span: spanOf(res, "Nobody asked about our harvest"), Coder: coderAnn},
			{ID: codingC, Document: docNotice, Code: codePol, Span: spanOf(notice, "落实征地补偿政策"), Coder: coderAnn},
		},
		Cases: []qda.Case{
			{ID: caseG, Name: "G Community", Documents: []qda.ID{docHead, docRes}},
			{ID: caseH, Name: "H Township", Documents: []qda.ID{docNotice}},
		},
		Variables: []qda.Variable{{ID: varRole, Name: "role", Type: qda.VarText, Scope: qda.ScopeDocument}},
		Values: []qda.Value{
			{Variable: varRole, Owner: docHead, Value: "cadre"},
			{Variable: varRole, Owner: docRes, Value: "resident"},
		},
		Memos: []qda.Memo{
			{ID: memoOnCode, On: qda.OnCode, Target: codeQuota, Title: "Quota talk", Text: "Informants speak of the quota as weather: it arrives and nobody argues."},
		},
	}
}

// spanOf returns the rune span of the first occurrence of s in d's text.
func spanOf(d qda.Document, s string) qda.Span {
	i := strings.Index(d.Text, s)
	if i < 0 {
		panic("fixture: " + s + " not in " + d.Name)
	}
	start := utf8.RuneCountInString(d.Text[:i])
	return qda.Span{Start: start, End: start + utf8.RuneCountInString(s)}
}

// lookupIn serves documents from a bundle, as the store would.
func lookupIn(b *qda.Bundle) search.DocLookup {
	return func(id qda.ID) (*qda.Document, error) {
		for i := range b.Documents {
			if b.Documents[i].ID == id {
				return &b.Documents[i], nil
			}
		}
		return nil, qda.ErrNotFound
	}
}

// built builds the fixture's index in a temporary directory.
func built(t *testing.T) (*search.Index, *qda.Bundle) {
	t.Helper()
	b := fixture()
	ix, err := search.Build(context.Background(), t.TempDir()+"/index", search.CorpusFromBundle(b, 7), nil)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix, b
}

// find runs a query over passages and returns the result, failing the test on error.
func find(t *testing.T, ix *search.Index, b *qda.Bundle, q string, opt ...func(*search.Options)) *search.Result {
	t.Helper()
	o := search.Options{Docs: lookupIn(b), Limit: 100}
	for _, f := range opt {
		f(&o)
	}
	res, err := ix.Search(context.Background(), q, o)
	if err != nil {
		t.Fatalf("Search(%q): %v", q, err)
	}
	return res
}

// matched returns the text of every match of every hit, read from the
// documents by rune span: what a user would see highlighted.
func matched(b *qda.Bundle, res *search.Result) []string {
	var out []string
	runes := map[qda.ID][]rune{}
	for _, h := range res.Hits {
		d, _ := lookupIn(b)(h.DocumentID)
		if d == nil {
			continue
		}
		rs, ok := runes[d.ID]
		if !ok {
			rs = []rune(d.Text)
			runes[d.ID] = rs
		}
		for _, m := range h.Matches {
			out = append(out, m.Slice(rs))
		}
	}
	return out
}

// passages returns "document#index" for each hit, in order.
func passages(res *search.Result) []string {
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.Document+"#"+itoa(h.PassageIndex))
	}
	return out
}

func itoa(i int) string {
	if i < 0 {
		return "-" + itoa(-i)
	}
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}
