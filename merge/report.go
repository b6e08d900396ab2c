package merge

import (
	"fmt"
	"sort"
	"time"

	"coder/qda"
)

// Report says what a merge did to the project it merged into: what came in,
// what was unified, what conflicted, what tombstones removed. Nothing is
// dropped without a line here.
type Report struct {
	Added   Counts `json:"added"`   // entities the project did not have
	Changed Counts `json:"changed"` // entities it had, now different
	Removed Counts `json:"removed"` // entities it had, now gone (deleted in the other copy)
	// Tombstones counts the deletions that came in; Applied lists what
	// they kept out of the result.
	Tombstones int        `json:"tombstones"`
	Applied    []Tally    `json:"applied"`
	Unified    []Unified  `json:"unified"`
	Conflicts  []Conflict `json:"conflicts"`
	Dropped    []Tally    `json:"dropped"` // incoming things left out, and why
	Moved      []Note     `json:"moved"`   // codes moved to the top level, documents renamed
}

// Counts are numbers of entities by kind.
type Counts struct {
	Codes     int `json:"codes"`
	Documents int `json:"documents"`
	Codings   int `json:"codings"`
	Memos     int `json:"memos"`
	Cases     int `json:"cases"`
	Values    int `json:"values"`
	Coders    int `json:"coders"`
}

// Total is the sum of the counts.
func (c Counts) Total() int {
	return c.Codes + c.Documents + c.Codings + c.Memos + c.Cases + c.Values + c.Coders
}

// Tally is a number of entities of one kind and the reason they share.
type Tally struct {
	Kind  string `json:"kind"`
	Why   string `json:"why"`
	Count int    `json:"count"`
}

// Unified is one entity found to be the same as another.
type Unified struct {
	Kind string `json:"kind"`
	What string `json:"what"` // a code path, document or case name
	ID   qda.ID `json:"id"`
	Into qda.ID `json:"into"`
	How  string `json:"how"` // "by path", "same text", "by name", ...
}

// Conflict is two concurrent edits of one thing: the later was kept. For a
// memo both were kept, the other as a memo flagged ConflictOf.
type Conflict struct {
	Kind   string `json:"kind"`
	What   string `json:"what"`
	Detail string `json:"detail"` // what differs: "colour #112233 over #445566"
	Kept   Edit   `json:"kept"`
	Other  Edit   `json:"other"`
	Copy   qda.ID `json:"copy,omitempty"` // a memo's flagged copy
}

// Edit is who made a version and when.
type Edit struct {
	Coder qda.ID    `json:"coder,omitempty"`
	Name  string    `json:"name,omitempty"` // the coder's name
	At    time.Time `json:"at"`
}

// Note is a change the merge made to keep the project valid.
type Note struct {
	What string `json:"what"`
	Why  string `json:"why"`
}

func newReport() *Report { return &Report{} }

func (r *Report) unified(kind, what string, id, into qda.ID, how string) {
	r.Unified = append(r.Unified, Unified{Kind: kind, What: what, ID: id, Into: into, How: how})
}

func tally(ts []Tally, kind, why string) []Tally {
	for i := range ts {
		if ts[i].Kind == kind && ts[i].Why == why {
			ts[i].Count++
			return ts
		}
	}
	return append(ts, Tally{Kind: kind, Why: why, Count: 1})
}

func (r *Report) applied(kind, _ string) {
	r.Applied = tally(r.Applied, kind, "deleted in this project")
}

func (r *Report) dropped(kind, why string) { r.Dropped = tally(r.Dropped, kind, why) }

func (r *Report) moved(what, why string) {
	r.Moved = append(r.Moved, Note{What: what, Why: "moved to the top level: " + why})
}

func (r *Report) renamed(from, to string) {
	r.Moved = append(r.Moved, Note{What: from, Why: fmt.Sprintf("renamed %q: another document has its name", to)})
}

func editOf(v qda.Versioned) Edit {
	at, by := stamp(v)
	return Edit{Coder: by, At: at}
}

func (r *Report) conflict(kind, what, detail string, win, lose qda.Versioned) {
	r.Conflicts = append(r.Conflicts, Conflict{Kind: kind, What: what, Detail: detail, Kept: editOf(win), Other: editOf(lose)})
}

func (r *Report) codeConflict(win, lose qda.Code) {
	var d []string
	if win.Name != lose.Name {
		d = append(d, fmt.Sprintf("name %q over %q", win.Name, lose.Name))
	}
	if win.Color != lose.Color {
		d = append(d, fmt.Sprintf("colour %s over %s", win.Color, lose.Color))
	}
	if win.Description != lose.Description {
		d = append(d, "definition")
	}
	if win.Parent != lose.Parent {
		d = append(d, "place in the codebook")
	}
	if win.Folder != lose.Folder {
		d = append(d, "folder or not")
	}
	if len(d) == 0 {
		return
	}
	r.conflict(qda.GoneCode, win.Name, join(d), &win, &lose)
}

func (r *Report) memoConflict(win, cp qda.Memo) {
	title := win.Title
	if title == "" {
		title = firstWords(win.Text)
	}
	r.Conflicts = append(r.Conflicts, Conflict{Kind: qda.GoneMemo, What: title, Detail: "both versions kept; the other is flagged as a conflict", Kept: editOf(&win), Other: editOf(&cp), Copy: cp.ID})
}

func join(parts []string) string {
	s := ""
	for i, p := range parts {
		if i > 0 {
			s += ", "
		}
		s += p
	}
	return s
}

func firstWords(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// finish counts what the merge added to, changed in and removed from ours,
// names the coders, and puts the lists in a stable order.
func (r *Report) finish(ours, theirs, out *qda.Bundle) {
	r.Tombstones = 0
	known := idSet(ours.Tombstones, func(t *qda.Tombstone) qda.ID { return t.ID })
	for _, t := range theirs.Tombstones {
		if !known[t.ID] {
			r.Tombstones++
		}
	}
	count(&r.Added, &r.Changed, &r.Removed, ours, out)
	names := map[qda.ID]string{}
	for _, b := range []*qda.Bundle{ours, theirs, out} {
		for _, c := range b.Coders {
			names[c.ID] = c.Name
		}
	}
	for i := range r.Conflicts {
		r.Conflicts[i].Kept.Name = names[r.Conflicts[i].Kept.Coder]
		r.Conflicts[i].Other.Name = names[r.Conflicts[i].Other.Coder]
	}
	sort.SliceStable(r.Conflicts, func(i, j int) bool {
		a, b := r.Conflicts[i], r.Conflicts[j]
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		return a.What < b.What
	})
	sort.SliceStable(r.Unified, func(i, j int) bool {
		if r.Unified[i].Kind != r.Unified[j].Kind {
			return r.Unified[i].Kind < r.Unified[j].Kind
		}
		return r.Unified[i].What < r.Unified[j].What
	})
}

// count compares the project before and after, kind by kind.
func count(added, changed, removed *Counts, before, after *qda.Bundle) {
	diff(&added.Codes, &changed.Codes, &removed.Codes, before.Codes, after.Codes, func(c *qda.Code) qda.ID { return c.ID })
	diffBy(&added.Documents, &changed.Documents, &removed.Documents, before.Documents, after.Documents, func(d *qda.Document) qda.ID { return d.ID }, func(a, b *qda.Document) bool {
		return a.Version() == b.Version() && a.Modified.Equal(b.Modified)
	})
	diff(&added.Codings, &changed.Codings, &removed.Codings, before.Codings, after.Codings, func(c *qda.Coding) qda.ID { return c.ID })
	diff(&added.Memos, &changed.Memos, &removed.Memos, before.Memos, after.Memos, func(m *qda.Memo) qda.ID { return m.ID })
	diffBy(&added.Cases, &changed.Cases, &removed.Cases, before.Cases, after.Cases, func(c *qda.Case) qda.ID { return c.ID }, func(a, b *qda.Case) bool {
		return a.Version() == b.Version() && a.Modified.Equal(b.Modified)
	})
	diff(&added.Values, &changed.Values, &removed.Values, before.Values, after.Values, func(v *qda.Value) qda.ID { return v.Owner + "/" + v.Variable })
	diff(&added.Coders, &changed.Coders, &removed.Coders, before.Coders, after.Coders, func(c *qda.Coder) qda.ID { return c.ID })
}

func diff[T comparable](add, chg, rem *int, before, after []T, id func(*T) qda.ID) {
	diffBy(add, chg, rem, before, after, id, func(a, b *T) bool { return *a == *b })
}

func diffBy[T any](add, chg, rem *int, before, after []T, id func(*T) qda.ID, same func(a, b *T) bool) {
	old := make(map[qda.ID]*T, len(before))
	for i := range before {
		old[id(&before[i])] = &before[i]
	}
	for i := range after {
		o, ok := old[id(&after[i])]
		switch {
		case !ok:
			*add++
		case !same(o, &after[i]):
			*chg++
		}
		delete(old, id(&after[i]))
	}
	*rem += len(old)
}
