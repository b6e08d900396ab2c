package qda

import (
	"errors"
	"strings"
	"testing"
)

// Ensure that every rule this package checks fails with an error that
// matches ErrInvalid, whose message says what is wrong without the
// sentinel's own word tacked on.
func TestRules_ErrorsMatchErrInvalid(t *testing.T) {
	doc := &Document{Name: "Notes", Kind: KindFieldnote, Text: "abc", Chars: 3}
	folder := &Code{ID: "f", Name: "Logics", Color: "#112233", Folder: true}
	code := &Code{ID: "c", Name: "Trust", Color: "#112233"}
	num := &Variable{Name: "Age", Type: VarInteger}
	cases := map[string]error{
		"code name with /":    (&Code{Name: "a/b", Color: "#112233"}).Validate(),
		"bad colour":          (&Code{Name: "a", Color: "red"}).Validate(),
		"document no name":    (&Document{Kind: KindFieldnote}).Validate(),
		"span past the text":  Span{Start: 1, End: 9}.CheckIn(3),
		"coding on a folder":  (&Coding{Span: Span{Start: 0, End: 1}}).CheckOn(doc, folder),
		"coding past text":    (&Coding{Span: Span{Start: 0, End: 5}}).CheckOn(doc, code),
		"not a number":        func() error { _, err := num.Normalize("old"); return err }(),
		"memo on nothing":     (&Memo{On: "shelf"}).Validate(),
		"project memo target": (&Memo{On: OnProject, Target: "x"}).Validate(),
	}
	for name, err := range cases {
		if !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: err = %v, want one matching ErrInvalid", name, err)
			continue
		}
		if strings.HasSuffix(err.Error(), "invalid") {
			t.Errorf("%s: message %q ends in the sentinel's word", name, err)
		}
	}
	if err := (&Coding{Span: Span{Start: 0, End: 2}}).CheckOn(doc, code); err != nil {
		t.Errorf("a sound coding: %v", err)
	}
}
