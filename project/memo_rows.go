package project

import (
	"fmt"

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
					row.About = fmt.Sprintf("%s in %s %s", t.Path(c.Code), docName(c.Document), c.Span)
				}
			}
			if row.About == "" {
				row.About = "(missing " + string(m.On) + ")"
			}
			out = append(out, row)
		}
		return nil
	})
	return out, err
}
