package store

import (
	"encoding/json"
	"testing"

	"coder/qda"
)

// Ensure that a rejected suggestion's record found on a page no tree
// reaches is told for what it is, so salvage keeps it, and that an
// attribute value's is still told apart from it.
func TestGuessBucket_RejectedSuggestion(t *testing.T) {
	r := Rejection{Code: qda.NewID(), Document: qda.NewID(), Span: qda.Span{Start: 3, End: 9}, Text: "gate w"}
	data, _ := json.Marshal(r)
	if got := guessBucket(rejectionKey(&r), data); got != string(bAssist) {
		t.Errorf("a rejected suggestion's record is guessed to be in %q", got)
	}
	v := []byte(`{"owner":"x","variable":"y","value":"cadre"}`)
	if got := guessBucket([]byte(string(r.Document)+"/"+string(r.Code)), v); got != string(bValues) {
		t.Errorf("an attribute value's record is guessed to be in %q", got)
	}
}

// Ensure that a tombstone's and a pseudonym's record found on a page no
// tree reaches are told for what they are, so salvage keeps them.
func TestGuessBucket_TombstoneAndPseudonym(t *testing.T) {
	tomb, _ := json.Marshal(qda.Tombstone{ID: qda.NewID(), Kind: qda.GoneCoding, Coder: qda.NewID()})
	if got := guessBucket([]byte(qda.NewID()), tomb); got != string(bTombs) {
		t.Errorf("a tombstone's record is guessed to be in %q", got)
	}
	name, _ := json.Marshal(qda.Pseudonym{ID: qda.NewID(), Real: "Li Wei", Replacement: "Resident A"})
	if got := guessBucket([]byte(qda.NewID()), name); got != string(bPseudonyms) {
		t.Errorf("a pseudonym's record is guessed to be in %q", got)
	}
}

// Ensure that where salvage reads both a tombstone and the entity it says
// was deleted, the current tree decides: a tombstone there and the entity
// only on an older page means the entity was deleted since (it is left
// out); the entity there and the tombstone only on an older page means the
// deletion was undone (the tombstone is left out). Each is reported.
func TestSettleDeletions_CurrentTreeDecides(t *testing.T) {
	deleted, undone := qda.NewID(), qda.NewID()
	tombs := []qda.Tombstone{{ID: deleted, Kind: qda.GoneCode}, {ID: undone, Kind: qda.GoneCoding}}
	recs := map[string]map[string][]byte{
		string(bCodes):   {string(deleted): []byte(`{}`)},
		string(bCodings): {string(undone): []byte(`{}`)},
	}
	older := map[string]int{string(bCodes) + "\x00" + string(deleted): 2, string(bTombs) + "\x00" + string(undone): 1}
	keep, lines := settleDeletions(tombs, recs, older)
	if len(keep) != 1 || keep[0].ID != deleted {
		t.Errorf("kept tombstones %+v, want only the deleted code's", keep)
	}
	if recs[string(bCodes)][string(deleted)] != nil || recs[string(bCodings)][string(undone)] == nil {
		t.Errorf("records left %v; want the deleted code out and the coding whose deletion was undone in", recs)
	}
	if len(lines) != 2 {
		t.Errorf("reported %q, want a line for each", lines)
	}
}
