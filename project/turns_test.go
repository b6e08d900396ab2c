package project_test

import "testing"

// Ensure that detecting speaker turns where there are none, or removing
// turns a document does not have, leaves no undo step: Edit ▸ Undo must
// not offer to undo something that changed nothing.
func TestDetectTurns_NothingToChangeLeavesNoUndoStep(t *testing.T) {
	p := demo(t)
	d, err := p.DocumentByName("Field notes - courtyard meeting")
	if err != nil {
		t.Fatal(err)
	}
	before := p.CanUndo()
	for _, on := range []bool{true, false, true} {
		n, err := p.DetectTurns(d.ID, on)
		if err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Fatalf("the field notes have %d speaker turns; the test needs a document without any", n)
		}
		if got := p.CanUndo(); got != before {
			t.Errorf("after DetectTurns(%v) found nothing to change, Undo offers %q (before: %q)", on, got, before)
		}
	}
}
