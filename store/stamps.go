package store

import (
	"time"

	"coder/qda"
)

// editor is who a transaction's edits are by, and when they were made.
type editor struct {
	coder qda.ID
	at    time.Time
}

// SetEditor makes the transaction stamp what it writes (codes, documents,
// cases, attribute values, codings, memos) with coder and at as their last
// edit, and with the version each replaces (see qda.Versioned). An empty
// coder and a zero time turn stamping off: a merge writes entities with
// the stamps they came with.
func (tx *Tx) SetEditor(coder qda.ID, at time.Time) {
	if coder == "" && at.IsZero() {
		tx.editor = nil
		return
	}
	tx.editor = &editor{coder: coder, at: at.UTC()}
}

// stamp records the transaction's editor on v, which replaces old (nil when
// v is new). Writing a version that says what old said keeps old's stamp.
func (tx *Tx) stamp(v, old qda.Versioned) {
	if tx.editor == nil {
		return
	}
	if old == nil {
		// A new coding or document is dated by its Created or Imported
		// time; anything else is dated now.
		if at, _, _ := v.Edited(); at.IsZero() {
			v.SetEdited(tx.editor.at, tx.editor.coder, "")
		}
		return
	}
	at, by, hist := old.Edited()
	if ov := old.Version(); v.Version() != ov {
		at, by, hist = tx.editor.at, tx.editor.coder, qda.Replacing(hist, ov)
	}
	v.SetEdited(at, by, hist)
}

// stampWith stamps v, reading the version it replaces with read.
func stampWith[T any, P interface {
	*T
	qda.Versioned
}](tx *Tx, v P, id qda.ID, read func(qda.ID) (*T, error)) {
	if tx.editor == nil {
		return
	}
	if old, err := read(id); err == nil {
		tx.stamp(v, P(old))
	} else {
		tx.stamp(v, nil)
	}
}
