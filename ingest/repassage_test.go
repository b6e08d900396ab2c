package ingest_test

import (
	"reflect"
	"testing"

	"coder/ingest"
	"coder/qda"
)

// Ensure that turning speaker detection off gives a transcript's paragraphs
// back, and turning it on again gives the same turns as the import did.
func TestRepassage_TurnsOffAndOn(t *testing.T) {
	d := mustImport(t, "t.txt", []byte("Harbour notes\n\nQ: When did the ferry stop?\nA: In the winter.\n\nIt never came back.\n\nQ: Why?\nA: Money.\n")).Document
	if n := len(turnsOf(&d)); n != 4 {
		t.Fatalf("turns on import = %d, want 4", n)
	}
	off := ingest.Repassage(d.Text, d.Passages, false)
	for _, p := range off {
		if p.Kind == qda.PassageTurn || p.Speaker != "" {
			t.Errorf("passage %+v is a turn with detection off", p)
		}
	}
	if len(off) != 6 {
		t.Errorf("paragraphs = %d, want 6 (header, each former turn line, the continuation): %+v", len(off), off)
	}
	if on := ingest.Repassage(d.Text, off, true); !reflect.DeepEqual(on, d.Passages) {
		t.Errorf("turns on again:\n got %+v\nwant %+v", on, d.Passages)
	}
}
