package codebook

import (
	"errors"
	"testing"

	"coder/qda"
)

// Ensure that the merge rules, now the codebook's, move codings onto the
// kept code, drop those it already has on the same span, move children
// (renaming on a clash) and memos, extend the description, and refuse
// merging into a folder, into itself or into a code inside it.
func TestPlanMerge_MovesCodingsChildrenMemosDropsRepeats(t *testing.T) {
	tr := NewTree([]qda.Code{
		{ID: "a", Name: "Gates", Color: "#111111", Description: "fences too"},
		{ID: "a1", Parent: "a", Name: "Locks", Color: "#111111"},
		{ID: "b", Name: "Boundaries", Color: "#222222"},
		{ID: "b1", Parent: "b", Name: "Locks", Color: "#222222"},
		{ID: "f", Name: "Logics", Color: "#333333", Folder: true},
	})
	span := qda.Span{Start: 0, End: 4}
	codings := []qda.Coding{
		{ID: "k1", Document: "d", Code: "a", Span: span},
		{ID: "k2", Document: "d", Code: "b", Span: span},
		{ID: "k3", Document: "d", Code: "a", Span: qda.Span{Start: 5, End: 9}},
	}
	memos := []qda.Memo{{ID: "m", On: qda.OnCode, Target: "a"}, {ID: "n", On: qda.OnCode, Target: "b"}}
	m, err := tr.PlanMerge("a", "b", codings, memos)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Drop) != 1 || m.Drop[0] != "k1" {
		t.Errorf("dropped %v, want k1 (b already codes that span)", m.Drop)
	}
	if len(m.Recode) != 1 || m.Recode[0].ID != "k3" || m.Recode[0].Code != "b" {
		t.Errorf("recoded %+v, want k3 onto b", m.Recode)
	}
	if len(m.Children) != 1 || m.Children[0].Parent != "b" || m.Children[0].Name != "Locks (merged)" {
		t.Errorf("children %+v, want Locks under b renamed Locks (merged)", m.Children)
	}
	if len(m.Memos) != 1 || m.Memos[0].ID != "m" || m.Memos[0].Target != "b" {
		t.Errorf("memos %+v, want m moved onto b", m.Memos)
	}
	if m.Into.Description != "Merged from Gates: fences too" || m.Remove != "a" {
		t.Errorf("into %+v remove %s", m.Into, m.Remove)
	}
	for _, bad := range [][2]qda.ID{{"a", "a"}, {"a", "a1"}, {"a", "f"}} {
		if _, err := tr.PlanMerge(bad[0], bad[1], codings, memos); !errors.Is(err, qda.ErrInvalid) {
			t.Errorf("merge %s into %s: err = %v, want ErrInvalid", bad[0], bad[1], err)
		}
	}
	if _, err := tr.PlanMerge("a", "zz", codings, memos); !errors.Is(err, qda.ErrNotFound) {
		t.Errorf("merge into a missing code: err = %v, want ErrNotFound", err)
	}
}

// Ensure that CheckPut refuses a missing parent (ErrNotFound), a move inside
// itself (ErrInvalid) and a sibling's name (ErrConflict).
func TestCheckPut_ErrorsMatchSentinels(t *testing.T) {
	tr := NewTree([]qda.Code{
		{ID: "a", Name: "Gates", Color: "#111111"},
		{ID: "a1", Parent: "a", Name: "Locks", Color: "#111111"},
		{ID: "b", Name: "Boundaries", Color: "#222222"},
	})
	cases := []struct {
		code qda.Code
		want error
	}{
		{qda.Code{ID: "x", Parent: "zz", Name: "X", Color: "#111111"}, qda.ErrNotFound},
		{qda.Code{ID: "a", Parent: "a1", Name: "Gates", Color: "#111111"}, qda.ErrInvalid},
		{qda.Code{ID: "x", Name: "gates", Color: "#111111"}, qda.ErrConflict},
		{qda.Code{ID: "x", Name: "", Color: "#111111"}, qda.ErrInvalid},
	}
	for _, c := range cases {
		if err := tr.CheckPut(c.code); !errors.Is(err, c.want) {
			t.Errorf("put %+v: err = %v, want %v", c.code, err, c.want)
		}
	}
	if err := tr.CheckPut(qda.Code{ID: "x", Parent: "b", Name: "Walls", Color: "#111111"}); err != nil {
		t.Errorf("a sound code: %v", err)
	}
}
