package merge_test

import (
	"testing"
	"time"

	"coder/qda"
)

func at(min int) time.Time { return time.Date(2026, 3, 2, 9, min, 0, 0, time.UTC) }

func codeNamed(b *qda.Bundle, id qda.ID) string {
	for _, c := range b.Codes {
		if c.ID == id {
			return c.Name
		}
	}
	return "(missing)"
}

// Ensure that a code renamed in one copy onto the name of a code another
// copy made stays its own code, numbered, whatever the order of merges; and
// that a later edit of the renamed code in a third copy, which brings back
// its old name, leaves both codes under their own names in every order.
func TestMerge_RenameOntoCodeMadeElsewhereIsNumberedInAnyOrder(t *testing.T) {
	lead, ana, bo, chen := qda.ID("c0"), qda.ID("c1"), qda.ID("c2"), qda.ID("c3")
	base := &qda.Bundle{Project: qda.Project{ID: "p", Name: "Field study", Created: at(0)},
		Coders: []qda.Coder{{ID: lead, Name: "Lead"}, {ID: ana, Name: "Ana"}, {ID: bo, Name: "Bo"}, {ID: chen, Name: "Chen"}},
		Codes:  []qda.Code{{ID: "x", Name: "Conflict", Color: "#C62828", Edit: qda.Edit{Modified: at(1), ModifiedBy: lead}}}}
	a, b, c := copyOf(base), copyOf(base), copyOf(base)
	old := a.Codes[0].Version()
	a.Codes[0].Name = "Trust"
	stampEdit(&a.Codes[0], old, at(2), ana)
	c.Codes = append(c.Codes, qda.Code{ID: "w", Name: "Trust", Color: "#1E6FD9", Edit: qda.Edit{Modified: at(3), ModifiedBy: chen}})
	old = b.Codes[0].Version()
	b.Codes[0].Color = "#2E9E44"
	stampEdit(&b.Codes[0], old, at(4), bo)

	ac := m(a, c)
	valid(t, "A⊕C", ac)
	if codeNamed(ac, "w") != "Trust" || codeNamed(ac, "x") != "Trust (2)" {
		t.Errorf("A⊕C: codes are %q and %q, want the made code to keep \"Trust\" and the renamed one \"Trust (2)\"", codeNamed(ac, "w"), codeNamed(ac, "x"))
	}
	all := m(ac, b)
	if codeNamed(all, "x") != "Conflict" || codeNamed(all, "w") != "Trust" {
		t.Errorf("(A⊕C)⊕B: codes are %q and %q, want \"Conflict\" (Bo's later edit wins) and \"Trust\"", codeNamed(all, "x"), codeNamed(all, "w"))
	}
	sameProject(t, "(A⊕C)⊕B vs (A⊕B)⊕C", all, m(m(a, b), c))
	sameProject(t, "(A⊕C)⊕B vs C⊕(B⊕A)", all, m(c, m(b, a)))
	sameProject(t, "(A⊕C)⊕B vs (A⊕C)⊕B⊕A⊕C", all, m(m(all, a), c))
}

// Ensure that documents with different texts imported under one name in
// three copies get the same numbers in any order of merges: the earliest
// import keeps the name, the others are numbered by import time.
func TestMerge_SameNameImportsAreNumberedByImportTimeInAnyOrder(t *testing.T) {
	base := &qda.Bundle{Project: qda.Project{ID: "p", Name: "Field study", Created: at(0)}}
	doc := func(id qda.ID, text string, min int) qda.Document {
		n := len([]rune(text))
		return qda.Document{ID: id, Name: "Interview Li", Kind: qda.KindInterview, Text: text, Chars: n,
			Passages: []qda.Passage{{Span: qda.Span{Start: 0, End: n}}}, Imported: at(min)}
	}
	a, b, c := copyOf(base), copyOf(base), copyOf(base)
	a.Documents = append(a.Documents, doc("d1", "Resident Li: We fixed the gate ourselves.\n", 5))
	b.Documents = append(b.Documents, doc("d2", "Resident Li: The office fixed the gate.\n", 7))
	c.Documents = append(c.Documents, doc("d3", "Resident Li: Nobody fixed the gate.\n", 3))
	ab := m(a, b)
	all := m(ab, c)
	valid(t, "A⊕B⊕C", all)
	want := map[qda.ID]string{"d3": "Interview Li", "d1": "Interview Li (2)", "d2": "Interview Li (3)"}
	for _, d := range all.Documents {
		if d.Name != want[d.ID] {
			t.Errorf("document %s is named %q, want %q", d.ID, d.Name, want[d.ID])
		}
	}
	sameProject(t, "(A⊕B)⊕C vs (C⊕B)⊕A", all, m(m(c, b), a))
	sameProject(t, "(A⊕B)⊕C vs B⊕(A⊕C)", all, m(b, m(a, c)))
	sameProject(t, "(A⊕B)⊕C vs ((A⊕B)⊕C)⊕A⊕B", all, m(m(all, a), ab))
}
