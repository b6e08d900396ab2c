package project

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"coder/codebook"
	"coder/qda"
	"coder/store"
)

// Memos lists memos on one target kind and id; an empty kind lists them all.
func (p *Project) Memos(on qda.TargetKind, target qda.ID) ([]qda.Memo, error) {
	var out []qda.Memo
	err := p.view(func(tx *store.Tx) error {
		all, err := tx.Memos()
		for _, m := range all {
			if on == "" || (m.On == on && m.Target == target) {
				out = append(out, m)
			}
		}
		return err
	})
	return out, err
}

// Memo returns one memo as it is now in the project.
func (p *Project) Memo(id qda.ID) (*qda.Memo, error) {
	var m *qda.Memo
	err := p.view(func(tx *store.Tx) error {
		var err error
		m, err = tx.Memo(id)
		return err
	})
	if errors.Is(err, qda.ErrNotFound) {
		return nil, &qda.Error{What: "memo", Why: "it was deleted", Fix: "Edit ▸ Undo brings it back", Err: err}
	}
	return m, err
}

// AddMemo writes a new memo on the project (target ""), a document, a code, a
// coding or a case.
func (p *Project) AddMemo(on qda.TargetKind, target qda.ID, title, text string) (*qda.Memo, error) {
	if strings.TrimSpace(text) == "" && strings.TrimSpace(title) == "" {
		return nil, &qda.Error{What: "memo", Why: "the memo is empty", Fix: "write some text"}
	}
	now := time.Now().UTC()
	m := &qda.Memo{ID: qda.NewID(), On: on, Target: target, Title: title, Text: text, Coder: p.coder.ID, Created: now, Modified: now}
	err := p.act(Change{Action: "Add memo", Memos: true}, func(tx *store.Tx) error { return tx.PutMemo(m) })
	return m, err
}

// EditMemo replaces a memo's title and text. was is the memo's Modified time
// as the editor read it: when the memo has changed since (another editor
// saved it, or an undo or import changed it), nothing is written and the
// error wraps qda.ErrConflict, so no save replaces text its editor did not
// show.
func (p *Project) EditMemo(id qda.ID, was time.Time, title, text string) error {
	return p.act(Change{Action: "Edit memo", Memos: true}, func(tx *store.Tx) error {
		m, err := tx.Memo(id)
		if errors.Is(err, qda.ErrNotFound) {
			return &qda.Error{What: "memo", Why: "it was deleted after this editor opened it", Fix: "copy your text into a new memo, or Edit ▸ Undo to bring it back", Err: err}
		}
		if err != nil {
			return err
		}
		if !m.Modified.Equal(was) {
			return memoChanged(m.Modified)
		}
		m.Title, m.Text, m.Modified = title, text, time.Now().UTC()
		return tx.PutMemo(m)
	})
}

// memoChanged is the error of a save whose memo moved on since its editor
// read it.
func memoChanged(at time.Time) error {
	when := ""
	if !at.IsZero() {
		when = " (at " + at.Local().Format("15:04:05") + ")"
	}
	return &qda.Error{What: "memo", Why: "it was changed elsewhere" + when + " after this editor opened it, so saving would replace text you have not seen",
		Fix: "reload it, or keep both texts", Err: qda.ErrConflict}
}

// DeleteMemo deletes a memo.
func (p *Project) DeleteMemo(id qda.ID) error {
	return p.act(Change{Action: "Delete memo", Memos: true}, func(tx *store.Tx) error { return tx.DeleteMemo(id) })
}

// SetCodingMemo sets the note on one coding. was is the note as its editor
// showed it: when the note is something else now, nothing is written and the
// error wraps qda.ErrConflict (see EditMemo).
func (p *Project) SetCodingMemo(coding qda.ID, was, memo string) error {
	var doc []qda.ID
	p.view(func(tx *store.Tx) error {
		if c, err := tx.Coding(coding); err == nil {
			doc = []qda.ID{c.Document}
		}
		return nil
	})
	return p.act(Change{Action: "Coding memo", Documents: doc, Memos: true}, func(tx *store.Tx) error {
		c, err := tx.Coding(coding)
		if errors.Is(err, qda.ErrNotFound) {
			return &qda.Error{What: "coding memo", Why: "the coding was removed after this editor opened it", Fix: "Edit ▸ Undo brings the coding back", Err: err}
		}
		if err != nil {
			return err
		}
		if c.Memo != was {
			return memoChanged(time.Time{})
		}
		c.Memo = memo
		return tx.PutCoding(c)
	})
}

// HasMemo reports whether a coding carries a note or memos: what the
// document's margin marks.
func (r CodingRow) HasMemo() bool { return strings.TrimSpace(r.Memo) != "" || r.Memos > 0 }

// CodingMemos returns one coding as it is now, with its note, and the memos
// written on it: what a coding's pop-up and memo editor read when they open,
// so they never show an older copy.
func (p *Project) CodingMemos(id qda.ID) (*CodingRow, []qda.Memo, error) {
	var row *CodingRow
	var memos []qda.Memo
	err := p.view(func(tx *store.Tx) error {
		c, err := tx.Coding(id)
		if err != nil {
			return err
		}
		t, err := tx.Codebook()
		if err != nil {
			return err
		}
		row = codingRow(tx, t, *c)
		all, err := tx.Memos()
		for _, m := range all {
			if m.On == qda.OnCoding && m.Target == id {
				memos = append(memos, m)
			}
		}
		row.Memos = len(memos)
		return err
	})
	if errors.Is(err, qda.ErrNotFound) {
		return nil, nil, &qda.Error{What: "coding", Why: "it was removed", Fix: "Edit ▸ Undo brings it back", Err: err}
	}
	return row, memos, err
}

// codingRow describes one coding: its code's path and colour, its document's
// name, its coder's name and its text.
func codingRow(tx *store.Tx, t *codebook.Tree, c qda.Coding) *CodingRow {
	row := &CodingRow{Coding: c, CodePath: t.Path(c.Code)}
	if code, ok := t.Code(c.Code); ok {
		row.CodeColor = code.Color
	}
	if d, err := tx.Document(c.Document); err == nil {
		row.DocName = d.Name
	}
	if cd, err := tx.Coder(c.Coder); err == nil {
		row.CoderName = cd.Name
	}
	row.Text = c.Span.Slice([]rune(mustText(tx, c.Document)))
	return row
}

// codingMemoCounts counts the memos written on each coding.
func codingMemoCounts(tx *store.Tx) (map[qda.ID]int, error) {
	all, err := tx.Memos()
	n := map[qda.ID]int{}
	for _, m := range all {
		if m.On == qda.OnCoding {
			n[m.Target]++
		}
	}
	return n, err
}

// MemoEntry is one line of the memo list: a memo, or the note on a coding.
type MemoEntry struct {
	qda.Memo
	// Note is set for a coding's own note (qda.Coding.Memo, edited with
	// SetCodingMemo): then ID and Target are the coding's, and Created and
	// Modified its creation time.
	Note bool
	// Coding is the coding a memo or note is on, with its code path,
	// document name and text; nil for memos on anything else.
	Coding *CodingRow
}

// MemoList lists every memo and every coding's note, newest first.
func (p *Project) MemoList() ([]MemoEntry, error) {
	var out []MemoEntry
	err := p.view(func(tx *store.Tx) error {
		var err error
		out, err = memoEntries(tx)
		return err
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].Modified.After(out[j].Modified) })
	return out, err
}

// memoEntries gathers every memo and every coding's note, each memo on a
// coding and each note with its coding's row; MemoList and MemoRows order
// and dress what it returns.
func memoEntries(tx *store.Tx) ([]MemoEntry, error) {
	memos, err := tx.Memos()
	if err != nil {
		return nil, err
	}
	codings, err := tx.Codings()
	if err != nil {
		return nil, err
	}
	t, err := tx.Codebook()
	if err != nil {
		return nil, err
	}
	rows := map[qda.ID]*CodingRow{}
	row := func(c qda.Coding) *CodingRow {
		if r, ok := rows[c.ID]; ok {
			return r
		}
		r := codingRow(tx, t, c)
		rows[c.ID] = r
		return r
	}
	byID := map[qda.ID]qda.Coding{}
	for _, c := range codings {
		byID[c.ID] = c
	}
	var out []MemoEntry
	for _, m := range memos {
		e := MemoEntry{Memo: m}
		if c, ok := byID[m.Target]; ok && m.On == qda.OnCoding {
			e.Coding = row(c)
		}
		out = append(out, e)
	}
	for _, c := range codings {
		if strings.TrimSpace(c.Memo) == "" {
			continue
		}
		out = append(out, MemoEntry{Memo: qda.Memo{ID: c.ID, On: qda.OnCoding, Target: c.ID, Text: c.Memo, Coder: c.Coder, Created: c.Created, Modified: c.Created}, Note: true, Coding: row(c)})
	}
	return out, nil
}

// Excerpt is the start of a coding's text on one line, at most n runes.
func Excerpt(text string, n int) string {
	s := strings.Join(strings.Fields(text), " ")
	if r := []rune(s); len(r) > n {
		s = strings.TrimSpace(string(r[:n])) + "…"
	}
	return s
}

// String says what the entry is on, for a list: "on Political logic in
// interview-03: “the gate was…”" for a coding.
func (e MemoEntry) String() string {
	if e.Coding == nil {
		return ""
	}
	return fmt.Sprintf("on %s in %s: “%s”", e.Coding.CodePath, e.Coding.DocName, Excerpt(e.Coding.Text, 40))
}
