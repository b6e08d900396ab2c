package store

import (
	"sort"
	"time"

	"coder/qda"
)

// bTombs holds a tombstone per deleted entity (see qda.Tombstone), keyed by
// the entity's ID. The bucket is made with the first deletion, so project
// files from before it need no migration.
var bTombs = []byte("tombstones")

// bury records that entity id of kind was deleted by this transaction's
// editor, through the same logged write as every change, so undoing the
// deletion removes the tombstone with it.
func (tx *Tx) bury(kind string, id qda.ID) error { return tx.unify(kind, id, "") }

// PutTombstone writes a tombstone (a merge writes those it brings in).
func (tx *Tx) PutTombstone(t qda.Tombstone) error {
	if !t.ID.Valid() {
		return qda.Invalidf("tombstone ID %q is not a UUID", t.ID)
	}
	if t.Kind == "" {
		return qda.Invalidf("tombstone %s has no kind", t.ID)
	}
	if tx.tx.Bucket(bTombs) == nil {
		if _, err := tx.tx.CreateBucketIfNotExists(bTombs); err != nil {
			return err
		}
	}
	return putJSON(tx, bTombs, t.ID, t)
}

// Tombstones returns every tombstone, ordered by ID.
func (tx *Tx) Tombstones() ([]qda.Tombstone, error) {
	if tx.tx.Bucket(bTombs) == nil {
		return nil, nil
	}
	out, err := allJSON[qda.Tombstone](tx, bTombs, "tombstone")
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, err
}

// Tombstone returns the tombstone of id, if it was deleted.
func (tx *Tx) Tombstone(id qda.ID) (qda.Tombstone, bool) {
	if tx.tx.Bucket(bTombs) == nil {
		return qda.Tombstone{}, false
	}
	t, err := getJSON[qda.Tombstone](tx, bTombs, id, "tombstone")
	if err != nil {
		return qda.Tombstone{}, false
	}
	return *t, true
}

// unify records that entity id of kind was unified with into (a code merged
// into another): whatever a merge brings in on id lands on into.
func (tx *Tx) unify(kind string, id, into qda.ID) error {
	t := qda.Tombstone{ID: id, Kind: kind, At: time.Now().UTC(), Into: into}
	if tx.editor != nil {
		t.At, t.Coder = tx.editor.at, tx.editor.coder
	}
	return tx.PutTombstone(t)
}
