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
	// Rejections are the assistant's rejected suggestions.
	Rejections int `json:"rejections"`
}

// Total is the sum of the counts.
func (c Counts) Total() int {
	return c.Codes + c.Documents + c.Codings + c.Memos + c.Cases + c.Values + c.Coders + c.Rejections
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

func (r *Report) renamedCode(from, to string) {
	r.Moved = append(r.Moved, Note{What: from, Why: fmt.Sprintf("renamed %q: another code under the same parent has its name", to)})
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
	for _, ts := range [][]Tally{r.Applied, r.Dropped} {
		sort.Slice(ts, func(i, j int) bool {
			if ts[i].Kind != ts[j].Kind {
				return ts[i].Kind < ts[j].Kind
			}
			return ts[i].Why < ts[j].Why
		})
	}
	sort.SliceStable(r.Unified, func(i, j int) bool {
		a, b := r.Unified[i], r.Unified[j]
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		if a.What != b.What {
			return a.What < b.What
		}
		return a.ID < b.ID
	})
}

// count compares the project before and after, kind by kind. An entity
// unified into another under the other's ID counts as changed, not as one
// removed and one added.
func count(added, changed, removed *Counts, before, after *qda.Bundle) {
	into := map[qda.ID]qda.ID{}
	for _, t := range after.Tombstones {
		if t.Into != "" {
			into[t.ID] = t.Into
		}
	}
	diff(into, &added.Codes, &changed.Codes, &removed.Codes, before.Codes, after.Codes, func(c *qda.Code) qda.ID { return c.ID })
	diffBy(into, &added.Documents, &changed.Documents, &removed.Documents, before.Documents, after.Documents, func(d *qda.Document) qda.ID { return d.ID }, func(a, b *qda.Document) bool {
		return a.ID == b.ID && a.Version() == b.Version() && a.Modified.Equal(b.Modified)
	})
	diff(into, &added.Codings, &changed.Codings, &removed.Codings, before.Codings, after.Codings, func(c *qda.Coding) qda.ID { return c.ID })
	diff(into, &added.Memos, &changed.Memos, &removed.Memos, before.Memos, after.Memos, func(m *qda.Memo) qda.ID { return m.ID })
	diffBy(into, &added.Cases, &changed.Cases, &removed.Cases, before.Cases, after.Cases, func(c *qda.Case) qda.ID { return c.ID }, func(a, b *qda.Case) bool {
		return a.ID == b.ID && a.Version() == b.Version() && a.Modified.Equal(b.Modified)
	})
	diff(nil, &added.Values, &changed.Values, &removed.Values, before.Values, after.Values, func(v *qda.Value) qda.ID { return v.Owner + "/" + v.Variable })
	diff(into, &added.Coders, &changed.Coders, &removed.Coders, before.Coders, after.Coders, func(c *qda.Coder) qda.ID { return c.ID })
	diff(nil, &added.Rejections, &changed.Rejections, &removed.Rejections, before.Rejections, after.Rejections, func(r *qda.Rejection) qda.ID {
		return qda.ID(fmt.Sprintf("%s/%s/%s", r.Document, r.Code, r.Span))
	})
}

func diff[T comparable](into map[qda.ID]qda.ID, add, chg, rem *int, before, after []T, id func(*T) qda.ID) {
	diffBy(into, add, chg, rem, before, after, id, func(a, b *T) bool { return *a == *b })
}

func diffBy[T any](into map[qda.ID]qda.ID, add, chg, rem *int, before, after []T, id func(*T) qda.ID, same func(a, b *T) bool) {
	old := make(map[qda.ID]*T, len(before))
	for i := range before {
		old[id(&before[i])] = &before[i]
	}
	now := make(map[qda.ID]bool, len(after))
	for i := range after {
		now[id(&after[i])] = true
	}
	for i := range before {
		k := id(&before[i])
		if x, ok := into[k]; ok && now[x] && !now[k] {
			delete(old, k)
			if _, taken := old[x]; !taken {
				old[x] = &before[i]
			}
		}
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

// Lines says in words what the report holds, a line each, for people: the
// CLI prints them and the app shows them.
func (r *Report) Lines() []string {
	var out []string
	if n := r.Added.Total() + r.Changed.Total() + r.Removed.Total(); n == 0 {
		out = append(out, "Nothing changed: this project already holds everything in it.")
	}
	if s := r.Added.phrase(); s != "" {
		out = append(out, "Came in: "+s+".")
	}
	if s := r.Changed.phrase(); s != "" {
		out = append(out, "Changed: "+s+".")
	}
	if s := r.Removed.phrase(); s != "" {
		out = append(out, "Removed, deleted in the other copy: "+s+".")
	}
	for _, t := range r.Applied {
		out = append(out, fmt.Sprintf("Not brought back, deleted here: %s.", qda.Plural(t.Count, t.Kind, plural(t.Kind))))
	}
	for _, u := range r.Unified {
		out = append(out, fmt.Sprintf("Unified %s %q with this project's (%s).", u.Kind, u.What, u.How))
	}
	for _, c := range r.Conflicts {
		if c.Copy != "" {
			out = append(out, fmt.Sprintf("Conflict: memo %q was edited in both copies; the later version (%s, %s) stays and the other (%s, %s) is kept beside it, flagged.", c.What, c.Kept.who(), c.Kept.At.Format("2 Jan 15:04"), c.Other.who(), c.Other.At.Format("2 Jan 15:04")))
			continue
		}
		out = append(out, fmt.Sprintf("Conflict: %s %q: %s (the later edit, by %s, %s, wins over %s's).", c.Kind, c.What, c.Detail, c.Kept.who(), c.Kept.At.Format("2 Jan 15:04"), c.Other.who()))
	}
	for _, d := range r.Dropped {
		out = append(out, fmt.Sprintf("Left out: %s: %s.", qda.Plural(d.Count, d.Kind, plural(d.Kind)), d.Why))
	}
	for _, n := range r.Moved {
		out = append(out, fmt.Sprintf("%s: %s.", n.What, n.Why))
	}
	return out
}

func (e Edit) who() string {
	if e.Name != "" {
		return e.Name
	}
	return "someone"
}

func (c Counts) phrase() string {
	var parts []string
	for _, x := range []struct {
		n    int
		kind string
	}{{c.Documents, "document"}, {c.Codes, "code"}, {c.Codings, "coding"}, {c.Memos, "memo"}, {c.Cases, "case"}, {c.Values, "attribute value"}, {c.Coders, "coder"}, {c.Rejections, kindRejection}} {
		if x.n > 0 {
			parts = append(parts, qda.Plural(x.n, x.kind, plural(x.kind)))
		}
	}
	return join(parts)
}

func plural(kind string) string {
	if kind == "case" {
		return "cases"
	}
	return kind + "s"
}
