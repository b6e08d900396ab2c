package project

import (
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
		d.Passages = ingest.Repassage(d.Text, d.Passages, on)
		for _, ps := range d.Passages {
			if ps.Kind == qda.PassageTurn {
				turns++
			}
		}
		if on && turns > 0 && (d.Kind == "" || d.Kind == qda.KindOther) {
			d.Kind = qda.KindInterview
		}
		return tx.PutDocument(d)
	})
	if err != nil {
		return 0, err
	}
	return turns, nil
}
