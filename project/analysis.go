package project

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"coder/analysis"
	"coder/codebook"
	"coder/qda"
	"coder/store"
)

// analysisCache keeps the last snapshot with the change counter it was read
// at: reading 100,000 codings takes longer than any table computed from
// them, and the Analysis view asks again on every choice the researcher
// makes.
type analysisCache struct {
	mu    sync.Mutex
	stamp uint64
	data  *analysis.Data
}

// Analysis reads the project into an analysis snapshot in one read
// transaction: the tables (frequencies, co-occurrence, framework matrix,
// coding queries) are methods of what it returns. The snapshot is read
// again only after the project has changed.
func (p *Project) Analysis() (*analysis.Data, error) {
	c := &p.analysis
	c.mu.Lock()
	defer c.mu.Unlock()
	var s analysis.Snapshot
	var stamp uint64
	fresh := false
	err := p.view(func(tx *store.Tx) error {
		stamp = tx.Changes()
		if c.data != nil && c.stamp == stamp {
			fresh = true
			return nil
		}
		var err error
		if s.Codes, err = tx.Codes(); err != nil {
			return err
		}
		docs, err := tx.Documents()
		if err != nil {
			return err
		}
		for _, d := range docs {
			ad := analysis.Document{ID: d.ID, Name: d.Name, Chars: d.Chars, Passages: make([]qda.Span, len(d.Passages))}
			for i, pa := range d.Passages {
				ad.Passages[i] = pa.Span
			}
			s.Documents = append(s.Documents, ad)
		}
		if s.Codings, err = tx.Codings(); err != nil {
			return err
		}
		if s.Cases, err = tx.Cases(); err != nil {
			return err
		}
		if s.Variables, err = tx.Variables(); err != nil {
			return err
		}
		s.Values, err = tx.Values()
		return err
	})
	if err != nil {
		return nil, err
	}
	if !fresh {
		c.data, c.stamp = analysis.New(s), stamp
	}
	return c.data, nil
}

// CodingRows describes codings by ID, in the order given, with their code
// path, document name, cases, coder and text: the passages behind a number.
// Codings deleted since the table was computed are left out.
func (p *Project) CodingRows(ids []qda.ID) ([]CodingRow, error) {
	var out []CodingRow
	err := p.view(func(tx *store.Tx) error {
		t, err := tx.Codebook()
		if err != nil {
			return err
		}
		cases, err := tx.Cases()
		if err != nil {
			return err
		}
		inCases := caseNamesByDoc(cases)
		texts := map[qda.ID][]rune{}
		docs := map[qda.ID]string{}
		coders := map[qda.ID]string{}
		for _, id := range ids {
			c, err := tx.Coding(id)
			if errors.Is(err, qda.ErrNotFound) {
				continue
			}
			if err != nil {
				return err
			}
			if _, ok := texts[c.Document]; !ok {
				texts[c.Document] = []rune(mustText(tx, c.Document))
				if d, err := tx.Document(c.Document); err == nil {
					docs[c.Document] = d.Name
				}
			}
			if _, ok := coders[c.Coder]; !ok {
				if cd, err := tx.Coder(c.Coder); err == nil {
					coders[c.Coder] = cd.Name
				}
			}
			row := CodingRow{Coding: *c, CodePath: t.Path(c.Code), DocName: docs[c.Document], Cases: inCases[c.Document], CoderName: coders[c.Coder], Text: c.Span.Slice(texts[c.Document])}
			if code, ok := t.Code(c.Code); ok {
				row.CodeColor = code.Color
			}
			out = append(out, row)
		}
		return nil
	})
	return out, err
}

// SpanText returns the text of a span of a document.
func (p *Project) SpanText(doc qda.ID, span qda.Span) (string, error) {
	var s string
	err := p.view(func(tx *store.Tx) error {
		t, err := tx.Text(doc)
		s = span.Slice([]rune(t))
		return err
	})
	return s, err
}

// SegmentRow is a coding-query result as lists and the CLI show it.
type SegmentRow struct {
	analysis.Segment
	DocName string
	Text    string
}

// SegmentRows adds document names and texts to query results.
func (p *Project) SegmentRows(segs []analysis.Segment) ([]SegmentRow, error) {
	out := make([]SegmentRow, 0, len(segs))
	err := p.view(func(tx *store.Tx) error {
		texts := map[qda.ID][]rune{}
		names := map[qda.ID]string{}
		for _, s := range segs {
			if _, ok := texts[s.Document]; !ok {
				texts[s.Document] = []rune(mustText(tx, s.Document))
				if d, err := tx.Document(s.Document); err == nil {
					names[s.Document] = d.Name
				}
			}
			out = append(out, SegmentRow{Segment: s, DocName: names[s.Document], Text: s.Span.Slice(texts[s.Document])})
		}
		return nil
	})
	return out, err
}

// CodeSegments codes every segment of a query result with a new code at
// path, in one transaction (one undo step), and returns the code.
func (p *Project) CodeSegments(segs []analysis.Segment, path, description string) (*qda.Code, error) {
	if len(segs) == 0 {
		return nil, &qda.Error{What: path, Why: "the query found nothing to code", Fix: "change the query first"}
	}
	if strings.TrimSpace(path) == "" {
		return nil, &qda.Error{What: "new code", Why: "the code needs a name"}
	}
	var docs []qda.ID
	seen := map[qda.ID]bool{}
	for _, s := range segs {
		if !seen[s.Document] {
			seen[s.Document] = true
			docs = append(docs, s.Document)
		}
	}
	var made *qda.Code
	err := p.act(Change{Action: "Code query results", Documents: docs, Codebook: true}, func(tx *store.Tx) error {
		c, err := addCode(tx, codebook.SplitPath(path), "", description)
		if err != nil {
			return err
		}
		made = c
		batch := p.codingBatch(tx)
		for _, s := range segs {
			if _, err := batch.add(s.Document, s.Span, c.ID); err != nil {
				return err
			}
		}
		return nil
	})
	return made, err
}

// MatrixMemos returns the memos written on framework-matrix cells, by cell
// key (see analysis.CellKey).
func (p *Project) MatrixMemos() (map[string]qda.Memo, error) {
	out := map[string]qda.Memo{}
	err := p.view(func(tx *store.Tx) error {
		all, err := tx.Memos()
		for _, m := range all {
			if m.Cell != "" {
				out[m.Cell] = m
			}
		}
		return err
	})
	return out, err
}

// SetMatrixMemo writes the memo on a framework-matrix cell: a project memo
// carrying the cell's key, titled with the row and code so it reads well in
// the memo list. was is the memo's Modified time as the editor read it (zero
// for a new memo); see EditMemo for the conflict rule. Empty text deletes it.
func (p *Project) SetMatrixMemo(cell, title, text string, was time.Time) error {
	return p.act(Change{Action: "Matrix cell memo", Memos: true}, func(tx *store.Tx) error {
		all, err := tx.Memos()
		if err != nil {
			return err
		}
		var m *qda.Memo
		for i := range all {
			if all[i].Cell == cell {
				m = &all[i]
			}
		}
		now := time.Now().UTC()
		if m == nil {
			if !was.IsZero() {
				return memoChanged(time.Time{})
			}
			if strings.TrimSpace(text) == "" {
				return nil
			}
			return tx.PutMemo(&qda.Memo{ID: qda.NewID(), On: qda.OnProject, Cell: cell, Title: title, Text: text, Coder: p.coder.ID, Created: now, Modified: now})
		}
		if !m.Modified.Equal(was) {
			return memoChanged(m.Modified)
		}
		if strings.TrimSpace(text) == "" {
			return tx.DeleteMemo(m.ID)
		}
		m.Title, m.Text, m.Modified = title, text, now
		return tx.PutMemo(m)
	})
}

// CodeIDs resolves code paths.
func (p *Project) CodeIDs(paths []string) ([]qda.ID, error) {
	var out []qda.ID
	for _, path := range paths {
		if strings.TrimSpace(path) == "" {
			continue
		}
		c, err := p.FindCode(path)
		if err != nil {
			return nil, err
		}
		out = append(out, c.ID)
	}
	if len(paths) > 0 && len(out) == 0 {
		return nil, fmt.Errorf("no codes given")
	}
	return out, nil
}
