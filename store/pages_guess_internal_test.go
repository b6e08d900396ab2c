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
