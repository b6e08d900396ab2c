package exchange

import (
	"fmt"
	"strings"

	"coder/qda"
)

// readSets turns sets into what Coder has: Coder's own kind sets back into
// document kinds, other sets of sources into cases (a case is Coder's group
// of documents), and sets of codes into code sets.
func (r *qdeReader) readSets(xs []xSet) {
	kinds := map[qda.ID]qda.Kind{}
	for _, k := range qda.Kinds {
		kinds[kindSetID(k)] = k
	}
	cases := map[qda.ID]bool{}
	for _, c := range r.b.Cases {
		cases[c.ID] = true
	}
	setNames := map[string]bool{}
	for _, x := range xs {
		r.rep.Counts["sets"]++
		if k, ok := kinds[ref(x.GUID)]; ok {
			for _, s := range x.MemberSource {
				if i, ok := r.docs[ref(s.id())]; ok {
					r.b.Documents[i].Kind = k
				}
			}
			continue
		}
		name := cleanName(x.Name)
		if name == "" {
			name = "Unnamed set"
		}
		id := r.id(x.GUID, fmt.Sprintf("set %q", name))
		if len(x.MemberCode) > 0 || len(x.MemberSource) == 0 {
			r.b.CodeSets = append(r.b.CodeSets, r.codeSet(id, name, x, setNames))
		}
		if len(x.MemberSource) > 0 && !cases[id] {
			c := qda.Case{ID: id, Name: name, Description: x.Description}
			c.Documents = r.members(x.MemberSource, fmt.Sprintf("set %q", name))
			if c.Documents == nil {
				c.Documents = []qda.ID{}
			}
			r.b.Cases = append(r.b.Cases, c)
		}
		if n := len(x.MemberNote); n > 0 {
			r.rep.warnf("set %q: %s skipped: Coder groups documents, not notes", name, qda.Plural(n, "note member", "note members"))
		}
	}
}

// codeSet reads a set's member codes (those that arrived, once each) under
// a name no earlier set of the file took.
func (r *qdeReader) codeSet(id qda.ID, name string, x xSet, taken map[string]bool) qda.CodeSet {
	base := name
	for n := 2; taken[strings.ToLower(name)]; n++ {
		name = fmt.Sprintf("%s (%d)", base, n)
	}
	taken[strings.ToLower(name)] = true
	cs := qda.CodeSet{ID: id, Name: name, Description: x.Description, Codes: []qda.ID{}}
	dropped := 0
	for _, m := range x.MemberCode {
		c := ref(m.id())
		switch {
		case !r.codes[c]:
			dropped++
		case !cs.Has(c):
			cs.Codes = append(cs.Codes, c)
		}
	}
	if dropped > 0 {
		r.rep.warnf("set %q lists %s that %s not in the codebook", name, qda.Plural(dropped, "code", "codes"), map[bool]string{true: "is", false: "are"}[dropped == 1])
	}
	return cs
}

// readLinks keeps the links that attach a note to something (Coder writes
// one per memo on a case); other links have no place in Coder.
func (r *qdeReader) readLinks(xs []xLink) {
	skipped := 0
	cases := map[qda.ID]bool{}
	for _, c := range r.b.Cases {
		cases[c.ID] = true
	}
	for _, l := range xs {
		origin, target := ref(l.Origin), ref(l.Target)
		_, claimed := r.notes[origin]
		switch {
		case claimed:
			skipped++
		case cases[target]:
			r.notes[origin] = noteTarget{on: qda.OnCase, target: target}
		case r.codes[target]:
			r.notes[origin] = noteTarget{on: qda.OnCode, target: target}
		case r.isDoc(target):
			r.notes[origin] = noteTarget{on: qda.OnDocument, target: target}
		case r.selCoding[target] != "":
			r.notes[origin] = noteTarget{on: qda.OnCoding, target: r.selCoding[target]}
		default:
			skipped++
		}
	}
	if skipped > 0 {
		r.rep.warnf("%s skipped: Coder keeps links only from a note to what it is about", qda.Plural(skipped, "link", "links"))
	}
}

func (r *qdeReader) isDoc(id qda.ID) bool { _, ok := r.docs[id]; return ok }

func (r *qdeReader) readNotes(xs []xTextSource) {
	for _, x := range xs {
		title := cleanName(x.Name)
		id := r.id(x.GUID, fmt.Sprintf("note %q", title))
		text := ""
		switch {
		case x.PlainTextContent != nil:
			text = NormalizeText(*x.PlainTextContent)
		case x.PlainTextPath != "":
			if raw, _, ok := r.loadText(x.PlainTextPath, id, fmt.Sprintf("note %q", title)); ok {
				text = NormalizeText(raw)
			}
		}
		if text == "" && x.Description != "" {
			text = NormalizeText(x.Description)
		}
		m := qda.Memo{
			ID:       id,
			On:       qda.OnProject,
			Title:    title,
			Text:     text,
			Coder:    r.coder(x.CreatingUser),
			Created:  parseTime(x.Created),
			Modified: parseTime(x.Modified),
		}
		if m.Modified.IsZero() {
			m.Modified = m.Created
		}
		if t, ok := r.notes[id]; ok {
			m.On, m.Target = t.on, t.target
		}
		if m.On != qda.OnProject && !r.targetExists(m.On, m.Target) {
			r.rep.warnf("note %q was about something that did not arrive; it is kept as a project memo", title)
			m.On, m.Target = qda.OnProject, ""
		}
		r.b.Memos = append(r.b.Memos, m)
	}
}

func (r *qdeReader) targetExists(on qda.TargetKind, id qda.ID) bool {
	switch on {
	case qda.OnCode:
		return r.codes[id]
	case qda.OnDocument:
		return r.isDoc(id)
	case qda.OnCase:
		for _, c := range r.b.Cases {
			if c.ID == id {
				return true
			}
		}
	case qda.OnCoding:
		for _, c := range r.b.Codings {
			if c.ID == id {
				return true
			}
		}
	}
	return false
}
