package project

import (
	"fmt"
	"sort"
	"strings"

	"coder/codebook"
	"coder/qda"
	"coder/store"
)

// MemoRow is a memo as listings show it: with what it is on, named as the
// researcher knows it, and its coder's name.
type MemoRow struct {
	qda.Memo
	// About names the memo's target: "project", a code's path, a document's
	// or a case's name, or for a coding its code, document and span.
	About     string
	CoderName string
	// Note is set for a coding's own memo (qda.Coding.Memo, the one the
	// Memos tab and `coder codings --json` show): then ID and Target are
	// the coding's and Created and Modified its creation time.
	Note bool
}

// MemoRows lists every memo, oldest first, with what it is on.
func (p *Project) MemoRows() ([]MemoRow, error) {
	var out []MemoRow
	err := p.view(func(tx *store.Tx) error {
		memos, err := tx.Memos()
		if err != nil {
			return err
		}
		t, err := tx.Codebook()
		if err != nil {
			return err
		}
		coders, err := tx.Coders()
		if err != nil {
			return err
		}
		coderName := map[qda.ID]string{}
		for _, c := range coders {
			coderName[c.ID] = c.Name
		}
		docName := func(id qda.ID) string {
			if d, err := tx.Document(id); err == nil {
				return d.Name
			}
			return "(missing document)"
		}
		for _, m := range memos {
			row := MemoRow{Memo: m, CoderName: coderName[m.Coder]}
			switch m.On {
			case qda.OnProject, "":
				row.About = "project"
			case qda.OnCode:
				row.About = t.Path(m.Target)
			case qda.OnDocument:
				row.About = docName(m.Target)
			case qda.OnCase:
				if c, err := tx.Case(m.Target); err == nil {
					row.About = c.Name
				}
			case qda.OnCoding:
				if c, err := tx.Coding(m.Target); err == nil {
					row.About = codingAbout(tx, t, *c, docName)
				}
			}
			if row.About == "" {
				row.About = "(missing " + string(m.On) + ")"
			}
			out = append(out, row)
		}
		codings, err := tx.Codings()
		if err != nil {
			return err
		}
		for _, c := range codings {
			if strings.TrimSpace(c.Memo) == "" {
				continue
			}
			out = append(out, MemoRow{
				Memo:  qda.Memo{ID: c.ID, On: qda.OnCoding, Target: c.ID, Text: c.Memo, Coder: c.Coder, Created: c.Created, Modified: c.Created},
				About: codingAbout(tx, t, c, docName), CoderName: coderName[c.Coder], Note: true,
			})
		}
		return nil
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].Created.Before(out[j].Created) })
	return out, err
}

// codingAbout names a coding as listings do: its code's path, its document
// and span, and the start of its text.
func codingAbout(tx *store.Tx, t *codebook.Tree, c qda.Coding, docName func(qda.ID) string) string {
	return fmt.Sprintf("%s in %s %s: “%s”", t.Path(c.Code), docName(c.Document), c.Span, Excerpt(c.Span.Slice([]rune(mustText(tx, c.Document))), 40))
}
