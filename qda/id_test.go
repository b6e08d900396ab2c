package qda_test

import (
	"testing"

	"coder/qda"
)

// Ensure that IDs parse in the forms other tools write them, and that
// malformed ones are refused rather than crashing.
func TestParseID(t *testing.T) {
	want := qda.ID("1f0e8a52-3b4c-4d5e-8f60-718293a4b5c6")
	for _, in := range []string{"1f0e8a52-3b4c-4d5e-8f60-718293a4b5c6", "1F0E8A52-3B4C-4D5E-8F60-718293A4B5C6", "{1f0e8a52-3b4c-4d5e-8f60-718293a4b5c6}", " 1f0e8a52-3b4c-4d5e-8f60-718293a4b5c6 "} {
		if got, err := qda.ParseID(in); err != nil || got != want {
			t.Errorf("ParseID(%q) = %q, %v", in, got, err)
		}
	}
	for _, bad := range []string{"", "0-000000-0000-0000-0000-000000000000", "1f0e8a52-3b4c-4d5e-8f60-718293a4b5cZ", "1f0e8a523b4c4d5e8f60718293a4b5c6"} {
		if _, err := qda.ParseID(bad); err == nil {
			t.Errorf("ParseID(%q) accepted a malformed ID", bad)
		}
	}
}

// Ensure that new IDs are valid version-4 UUIDs and name IDs are stable.
func TestNewIDAndNameID(t *testing.T) {
	a, b := qda.NewID(), qda.NewID()
	if !a.Valid() || a == b || a[14] != '4' {
		t.Errorf("NewID gave %s and %s", a, b)
	}
	ns := qda.NewID()
	x1, x2, y := qda.NameID(ns, "x"), qda.NameID(ns, "x"), qda.NameID(ns, "y")
	if x1 != x2 || x1 == y || x1[14] != '5' {
		t.Error("NameID is not a stable version-5 UUID")
	}
}

func FuzzParseID(f *testing.F) {
	f.Add("1f0e8a52-3b4c-4d5e-8f60-718293a4b5c6")
	f.Add("{1F0E8A52-3B4C-4D5E-8F60-718293A4B5C6}")
	f.Add("0-000000-0000-0000-0000-000000000000")
	f.Fuzz(func(t *testing.T, s string) {
		id, err := qda.ParseID(s)
		if err == nil && !id.Valid() {
			t.Errorf("ParseID(%q) = %q, which is not canonical", s, id)
		}
	})
}

func FuzzParseSpan(f *testing.F) {
	f.Add("10:42")
	f.Add("-1:3")
	f.Fuzz(func(t *testing.T, s string) {
		sp, err := qda.ParseSpan(s)
		if err == nil && sp.String() != s && "+"+sp.String() != s {
			// Accepting other spellings is fine as long as they mean the same span.
			if again, err := qda.ParseSpan(sp.String()); err != nil || again != sp {
				t.Errorf("ParseSpan(%q) = %v does not round-trip", s, sp)
			}
		}
	})
}
