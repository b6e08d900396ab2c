package bench

import (
	"bufio"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"coder/qda"
	"coder/search"
)

// Lang is the language of a synthetic corpus.
type Lang string

// The corpora the benchmark generates.
const (
	English Lang = "en"
	Chinese Lang = "zh"
)

// docBytes is the target size of one document; 100 MB makes 1,000 documents.
const docBytes = 100 << 10

// Corpus is a generated corpus on disk: one text file per document (one
// passage a line, "Speaker: words" in interviews) for ripgrep and for loading
// documents as a store would, and one rows file for SQLite's .import.
type Corpus struct {
	Lang  Lang
	Dir   string
	Docs  int
	Bytes int64 // text bytes over all documents
	Rows  string
	Seed  int64
	// Passages counts passages (lines) over all documents.
	Passages int
}

// Field and record separators of the rows file, as sqlite3's ".mode ascii" reads them.
const (
	unitSep   = "\x1f"
	recordSep = "\x1e"
)

// Generate writes a corpus of about mb megabytes to dir.
func Generate(dir string, lang Lang, mb int, seed int64) (*Corpus, error) {
	if err := os.MkdirAll(filepath.Join(dir, "docs"), 0o755); err != nil {
		return nil, err
	}
	c := &Corpus{Lang: lang, Dir: dir, Docs: max(1, mb*(1<<20)/docBytes), Rows: filepath.Join(dir, "rows.txt"), Seed: seed}
	rf, err := os.Create(c.Rows)
	if err != nil {
		return nil, err
	}
	defer rf.Close()
	rows := bufio.NewWriterSize(rf, 1<<20)
	for i := 0; i < c.Docs; i++ {
		g := newGen(lang, seed+int64(i)*7919)
		meta := c.meta(i)
		var b strings.Builder
		for b.Len() < docBytes {
			speaker := ""
			if meta.Kind == qda.KindInterview {
				speaker = g.speaker(b.Len() == 0 || g.r.Intn(2) == 0)
				b.WriteString(speaker + ": ")
			}
			text := g.passage()
			b.WriteString(text)
			b.WriteByte('\n')
			fmt.Fprint(rows, meta.Name, unitSep, meta.Kind, unitSep, speaker, unitSep, text, recordSep)
			c.Passages++
		}
		c.Bytes += int64(b.Len())
		if err := os.WriteFile(c.docPath(i), []byte(b.String()), 0o644); err != nil {
			return nil, err
		}
	}
	if err := rows.Flush(); err != nil {
		return nil, err
	}
	return c, rf.Close()
}

func (c *Corpus) docPath(i int) string {
	return filepath.Join(c.Dir, "docs", fmt.Sprintf("%04d.txt", i))
}

// docMeta is what a store would know about a document besides its text.
type docMeta struct {
	ID   qda.ID
	Name string
	Kind qda.Kind
	Case string
}

var benchNS = qda.ID("6ba7b810-9dad-11d1-80b4-00c04fd430c8")

func (c *Corpus) meta(i int) docMeta {
	kind := qda.KindInterview
	switch i % 20 {
	case 5, 13, 17:
		kind = qda.KindFieldnote
	case 7, 11:
		kind = qda.KindPolicy
	case 19:
		kind = qda.KindNews
	}
	name := fmt.Sprintf("%s %04d", strings.ToUpper(string(kind[:1]))+string(kind[1:]), i)
	return docMeta{
		ID:   qda.NameID(benchNS, fmt.Sprintf("%s-%d-%d", c.Lang, c.Seed, i)),
		Name: name,
		Kind: kind,
		Case: caseNames[i%len(caseNames)],
	}
}

// Load reads document i as the store would hand it to the index: its text,
// its passages (one a line; a speaker's name is not part of the passage), and
// its case, attributes and codings.
func (c *Corpus) Load(i int) (*search.DocInput, error) {
	raw, err := os.ReadFile(c.docPath(i))
	if err != nil {
		return nil, err
	}
	m := c.meta(i)
	d := &qda.Document{ID: m.ID, Name: m.Name, Kind: m.Kind, Text: string(raw)}
	roles := map[string]bool{}
	r := 0
	for line := range strings.Lines(d.Text) {
		n := utf8.RuneCountInString(line)
		body := strings.TrimSuffix(line, "\n")
		p := qda.Passage{Span: qda.Span{Start: r, End: r + utf8.RuneCountInString(body)}, Kind: qda.PassageParagraph}
		if m.Kind == qda.KindInterview {
			if sp, _, ok := strings.Cut(body, ": "); ok {
				skip := utf8.RuneCountInString(sp) + 2
				p.Span.Start += skip
				p.Speaker, p.Kind = sp, qda.PassageTurn
				roles[sp] = true
			}
		}
		d.Passages = append(d.Passages, p)
		r += n
	}
	d.Chars = r
	in := &search.DocInput{Doc: d, Cases: []string{m.Case}}
	for role := range roles {
		in.Attrs = append(in.Attrs, search.Attr{Name: "role", Value: role})
	}
	g := rand.New(rand.NewSource(c.Seed + int64(i)))
	for k := 0; k < 8 && len(d.Passages) > 0; k++ {
		p := d.Passages[g.Intn(len(d.Passages))]
		in.Codings = append(in.Codings, search.CodingInput{
			ID:       qda.NameID(benchNS, fmt.Sprintf("coding-%s-%d-%d", c.Lang, i, k)),
			CodePath: codebook[g.Intn(len(codebook))],
			Span:     p.Span,
			Coder:    []string{"Ann", "Ben"}[k%2],
		})
	}
	return in, nil
}

// gen writes fictional text from the word lists, with a Zipf-like spread so
// some words are common and most are rare, as in real talk.
type gen struct {
	lang  Lang
	r     *rand.Rand
	vocab []entry
	zipf  *rand.Zipf
}

func newGen(lang Lang, seed int64) *gen {
	r := rand.New(rand.NewSource(seed))
	en, zh := vocabularies()
	v := en
	if lang == Chinese {
		v = zh
	}
	return &gen{lang: lang, r: r, vocab: v, zipf: rand.NewZipf(r, 1.07, 2, uint64(len(v)-1))}
}

// word draws a content word by rank; a verb comes in any of its forms.
func (g *gen) word() string {
	e := g.vocab[g.zipf.Uint64()]
	return e[g.r.Intn(len(e))]
}

func (g *gen) speaker(interviewer bool) string {
	if g.lang == Chinese {
		if interviewer {
			return "访谈者"
		}
		return speakersZH[g.r.Intn(len(speakersZH))]
	}
	if interviewer {
		return "Interviewer"
	}
	return speakersEN[g.r.Intn(len(speakersEN))]
}

// passage writes a paragraph-sized turn: 2 to 7 sentences.
func (g *gen) passage() string {
	var b strings.Builder
	n := 2 + g.r.Intn(6)
	for i := 0; i < n; i++ {
		if i > 0 && g.lang == English {
			b.WriteByte(' ')
		}
		if g.lang == Chinese {
			g.zhSentence(&b)
		} else {
			g.enSentence(&b)
		}
	}
	return b.String()
}

func (g *gen) enSentence(b *strings.Builder) {
	n := 6 + g.r.Intn(14)
	for i := 0; i < n; i++ {
		w := g.word()
		if g.r.Intn(100) < 45 {
			w = enFunction[g.r.Intn(len(enFunction))]
		}
		if i == 0 {
			w = strings.ToUpper(w[:1]) + w[1:]
		} else {
			b.WriteByte(' ')
		}
		b.WriteString(w)
		if i < n-1 && g.r.Intn(12) == 0 {
			b.WriteByte(',')
		}
	}
	b.WriteByte('.')
}

// zhFunction are the particles and pronouns that make up much of spoken Chinese.
var zhFunction = []string{"的", "了", "在", "是", "也", "就", "都", "很", "要", "说", "我们", "他们", "这个", "那个", "没有", "还是"}

func (g *gen) zhSentence(b *strings.Builder) {
	n := 5 + g.r.Intn(12)
	for i := 0; i < n; i++ {
		if g.r.Intn(100) < 30 {
			b.WriteString(zhFunction[g.r.Intn(len(zhFunction))])
		} else {
			b.WriteString(g.word())
		}
		if i < n-1 && g.r.Intn(6) == 0 {
			b.WriteString("，")
		}
	}
	b.WriteString("。")
}
