package project

import (
	"slices"

	"coder/ingest"
	"coder/qda"
	"coder/store"
)

// DetectTurns splits one document's paragraphs into speaker turns again
// (on) or takes its turns away, leaving paragraphs (off), in one
// transaction that can be undone. It returns how many turns the document
// has afterwards; "on" finds none when the text does not read as a
// transcript.
func (p *Project) DetectTurns(doc qda.ID, on bool) (int, error) {
	action := "Remove speaker turns"
	if on {
		action = "Detect speaker turns"
	}
	turns := 0
	err := p.act(Change{Action: action, Documents: []qda.ID{doc}, All: true}, func(tx *store.Tx) error {
		d, err := tx.DocumentWithText(doc)
		if err != nil {
			return err
		}
		passages := ingest.Repassage(d.Text, d.Passages, on)
		for _, ps := range passages {
			if ps.Kind == qda.PassageTurn {
				turns++
			}
		}
		kind := d.Kind
		if on && turns > 0 && (kind == "" || kind == qda.KindOther) {
			kind = qda.KindInterview
		}
		if kind == d.Kind && slices.Equal(passages, d.Passages) {
			return nil // nothing to change, so no undo step either
		}
		d.Passages, d.Kind = passages, kind
		return tx.PutDocument(d)
	})
	if err != nil {
		return 0, err
	}
	return turns, nil
}
