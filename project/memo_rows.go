package project

import (
	"fmt"
	"sort"

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

// MemoRows lists every memo and every coding's note, oldest first, with
// what it is on: the entries MemoList gives, named for a listing.
func (p *Project) MemoRows() ([]MemoRow, error) {
	var out []MemoRow
	err := p.view(func(tx *store.Tx) error {
		entries, err := memoEntries(tx)
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
		for _, e := range entries {
			row := MemoRow{Memo: e.Memo, CoderName: coderName[e.Coder], Note: e.Note}
			switch e.On {
			case qda.OnProject, "":
				row.About = "project"
			case qda.OnCode:
				row.About = t.Path(e.Target)
			case qda.OnDocument:
				row.About = docName(tx, e.Target)
			case qda.OnCase:
				if c, err := tx.Case(e.Target); err == nil {
					row.About = c.Name
				}
			case qda.OnCoding:
				if c := e.Coding; c != nil {
					doc := c.DocName
					if doc == "" {
						doc = docName(tx, c.Document)
					}
					row.About = fmt.Sprintf("%s in %s %s: “%s”", c.CodePath, doc, c.Span, Excerpt(c.Text, 40))
				}
			}
			if row.About == "" {
				row.About = "(missing " + string(e.On) + ")"
			}
			out = append(out, row)
		}
		return nil
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].Created.Before(out[j].Created) })
	return out, err
}

// docName is a document's name, or says it is missing.
func docName(tx *store.Tx, id qda.ID) string {
	if d, err := tx.Document(id); err == nil {
		return d.Name
	}
	return "(missing document)"
}
