package ingest_test

import (
	"testing"

	"coder/ingest"
	"coder/qda"
)

// Ensure that, when the kind is left to guess, a file's name says what it is
// if its text does not (speaker turns always make an interview).
func TestImport_KindGuessedFromFileName(t *testing.T) {
	for name, want := range map[string]qda.Kind{
		"fieldnote-day3.md":           qda.KindFieldnote,
		"Field Notes 12 May.txt":      qda.KindFieldnote,
		"policy-notice-d-town.txt":    qda.KindPolicy,
		"news-city-ranking.txt":       qda.KindNews,
		"committee-minutes-2023.txt":  qda.KindArchive,
		"居委会通知.txt":                   qda.KindPolicy,
		"interview-resident-wang.txt": qda.KindInterview,
		"notes.txt":                   qda.KindOther,
	} {
		res, err := ingest.Bytes(name, []byte("The yard met on Sunday and agreed on the bins.\n"), ingest.Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if res.Document.Kind != want {
			t.Errorf("%s: kind %s, want %s", name, res.Document.Kind, want)
		}
	}
	res, err := ingest.Bytes("policy.txt", []byte("Interviewer: Why?\nResident Li: Because.\nInterviewer: And then?\nResident Li: We met.\n"), ingest.Options{})
	if err != nil || res.Document.Kind != qda.KindInterview {
		t.Errorf("a transcript named policy.txt: %v, %v; want interview (turns win)", res.Document.Kind, err)
	}
	res, err = ingest.Bytes("fieldnote.txt", []byte("Plain text.\n"), ingest.Options{Kind: qda.KindNews})
	if err != nil || res.Document.Kind != qda.KindNews {
		t.Errorf("an explicit kind was overridden: %v, %v", res.Document.Kind, err)
	}
}
