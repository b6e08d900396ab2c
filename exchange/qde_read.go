package exchange

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"coder/codebook"
	"coder/qda"
)

// importNamespace roots the IDs Coder derives when a file gives an entity a
// GUID that is malformed or already taken, so a second import of the same
// file derives the same IDs and merges instead of duplicating.
const importNamespace qda.ID = "9b5e2f47-1c3a-4d8e-b6f0-7a2d4c8e1f39"

// ReadQDE imports a REFI-QDA project document. name is used in messages;
// sources supplies the texts the project refers to and may be nil, in which
// case every source is reported missing. On any error nothing is returned.
func ReadQDE(r io.Reader, name string, sources SourceFS) (*qda.Bundle, *Report, error) {
	data, err := readLimited(r, DefaultLimits.MaxXML)
	if err != nil {
		return nil, nil, sizeError(name, err, DefaultLimits.MaxXML)
	}
	return readQDE(data, name, sources, DefaultLimits)
}

func readQDE(data []byte, name string, src SourceFS, lim Limits) (*qda.Bundle, *Report, error) {
	var p xProject
	if err := decodeXML(data, name, &p, lim); err != nil {
		return nil, nil, err
	}
	r := &qdeReader{
		src:       src,
		rep:       newReport(),
		b:         &qda.Bundle{},
		unit:      unitFor(p.Origin),
		taken:     map[qda.ID]string{},
		users:     map[qda.ID]bool{},
		codes:     map[qda.ID]bool{},
		docs:      map[qda.ID]int{},
		selCoding: map[qda.ID]qda.ID{},
		notes:     map[qda.ID]noteTarget{},
		vars:      map[qda.ID]*varUse{},
		docNames:  map[string]bool{},
	}
	r.rep.Producer = strings.TrimSpace(p.Origin)
	r.readProject(&p)
	if r.src != nil {
		if zs, ok := r.src.(*zipSources); ok && zs.err != nil {
			return nil, nil, zs.err
		}
	}
	r.rep.finish()
	return r.b, r.rep, nil
}

// noteTarget is what a note is attached to, as far as the file says.
type noteTarget struct {
	on     qda.TargetKind
	target qda.ID
}

// varUse records where a variable's values were found, which decides its
// scope: REFI-QDA variables have none of their own.
type varUse struct {
	v              qda.Variable
	onCase, onDocs bool
}

type qdeReader struct {
	src  SourceFS
	rep  *Report
	b    *qda.Bundle
	unit posUnit

	taken     map[qda.ID]string     // every ID handed out, with what it names
	users     map[qda.ID]bool       // coders present
	codes     map[qda.ID]bool       // codes present
	docs      map[qda.ID]int        // documents present, index in b.Documents
	selCoding map[qda.ID]qda.ID     // selection GUID -> its first coding
	notes     map[qda.ID]noteTarget // note GUID -> what refers to it
	vars      map[qda.ID]*varUse    // variables by ID
	values    []pendingValue        // values seen on cases and sources
	docNames  map[string]bool       // lower-cased names given to documents
}

type pendingValue struct {
	x     xVarValue
	owner qda.ID
	scope qda.VarScope
	what  string
}

// id parses a GUID from the file. A malformed or reused one is replaced by an
// ID derived from it, with a warning, so nothing is silently merged or lost.
func (r *qdeReader) id(raw, what string) qda.ID {
	id, err := parseID(raw)
	if err != nil {
		id = malformedID(raw)
		r.rep.warnf("%s has a malformed GUID %q; Coder gave it a stable one of its own", what, raw)
	}
	if prev, dup := r.taken[id]; dup {
		id = qda.NameID(id, what)
		r.rep.warnf("%s reuses the GUID of %s; Coder gave it a stable one of its own", what, prev)
	}
	r.taken[id] = what
	return id
}

// malformedID is the ID Coder gives an entity whose GUID is malformed. It
// depends on the raw text alone, so the references to that entity elsewhere
// in the file (a coding's CodeRef, a set's MemberCode) find it by the same
// rule, and a second import of the file merges instead of duplicating.
func malformedID(raw string) qda.ID {
	return qda.NameID(importNamespace, strings.TrimSpace(raw))
}

// ref parses a GUID that refers to something: a malformed one leads to the
// ID its entity was given (see malformedID); "" when absent.
func ref(raw string) qda.ID {
	if strings.TrimSpace(raw) == "" {
		return ""
	}
	id, err := parseID(raw)
	if err != nil {
		return malformedID(raw)
	}
	return id
}

func (r *qdeReader) readProject(p *xProject) {
	r.b.Project = qda.Project{
		Name:        strings.TrimSpace(p.Name),
		Description: p.Description,
		Created:     parseTime(p.Created),
	}
	if p.Users != nil {
		for _, u := range p.Users.User {
			r.addUser(u)
		}
	}
	if p.CodeBook != nil {
		r.b.Codes = r.readCodes(p.CodeBook.Codes.Code)
	}
	if p.Variables != nil {
		r.readVariables(p.Variables.Variable)
	}
	if p.Sources != nil {
		r.readSources(p.Sources)
	}
	if p.Cases != nil {
		r.readCases(p.Cases.Case)
	}
	if p.Sets != nil {
		r.readSets(p.Sets.Set)
	}
	for _, n := range p.NoteRefs {
		r.attachNote(n, qda.OnProject, "")
	}
	if p.Links != nil {
		r.readLinks(p.Links.Link)
	}
	if p.Notes != nil {
		r.readNotes(p.Notes.Note)
	}
	r.settleVariables()
	if p.Graphs != nil && len(p.Graphs.Graph) > 0 {
		r.rep.warnf("%s skipped: Coder has no network views", qda.Plural(len(p.Graphs.Graph), "graph", "graphs"))
	}
	r.rep.Counts["users"] = len(r.b.Coders)
	r.rep.Counts["codes"] = len(r.b.Codes)
	r.rep.Counts["sources"] = len(r.b.Documents)
	r.rep.Counts["codings"] = len(r.b.Codings)
	r.rep.Counts["cases"] = len(r.b.Cases)
	r.rep.Counts["notes"] = len(r.b.Memos)
	r.rep.Counts["variables"] = len(r.b.Variables)
	r.rep.Counts["values"] = len(r.b.Values)
}

func (r *qdeReader) addUser(u xUser) {
	id := r.id(u.GUID, fmt.Sprintf("user %q", u.Name))
	name := cleanName(u.Name)
	if name == "" {
		name = "User " + string(id)[:8]
	}
	r.users[id] = true
	r.b.Coders = append(r.b.Coders, qda.Coder{ID: id, Name: name})
}

// coder returns the coder for a creatingUser attribute, adding a placeholder
// for a user the file uses but never lists.
func (r *qdeReader) coder(raw string) qda.ID {
	id := ref(raw)
	if id == "" {
		return ""
	}
	if !r.users[id] {
		r.users[id] = true
		r.b.Coders = append(r.b.Coders, qda.Coder{ID: id, Name: "Unknown user " + string(id)[:8]})
		r.rep.warnf("the file credits work to user %s but does not list that user; they were added as %q", id, "Unknown user "+string(id)[:8])
	}
	return id
}

// readCodes reads the code tree, repairing what Coder's codebook rules
// forbid: '/' in names, missing names and colours, two siblings with one name.
func (r *qdeReader) readCodes(xs []xCode) []qda.Code {
	var out []qda.Code
	var walk func(xs []xCode, parent qda.ID)
	walk = func(xs []xCode, parent qda.ID) {
		names := map[string]bool{}
		for i, x := range xs {
			name := cleanName(x.Name)
			if name == "" {
				name = "Unnamed code"
			}
			if strings.Contains(name, "/") {
				fixed := strings.ReplaceAll(name, "/", "-")
				r.rep.warnf("code %q renamed %q: '/' separates levels in Coder's code paths", name, fixed)
				name = fixed
			}
			base := name
			for n := 2; names[strings.ToLower(name)]; n++ {
				name = fmt.Sprintf("%s (%d)", base, n)
			}
			if name != base {
				r.rep.warnf("two codes named %q under the same parent; the second is now %q", base, name)
			}
			names[strings.ToLower(name)] = true
			id := r.id(x.GUID, fmt.Sprintf("code %q", name))
			c := qda.Code{
				ID:          id,
				Parent:      parent,
				Name:        name,
				Color:       normColor(x.Color),
				Description: x.Description,
				Folder:      strings.EqualFold(strings.TrimSpace(x.IsCodable), "false") || strings.TrimSpace(x.IsCodable) == "0",
				Order:       i,
			}
			if c.Color == "" {
				c.Color = codebook.Palette[len(out)%len(codebook.Palette)]
			}
			r.codes[id] = true
			out = append(out, c)
			for _, n := range x.NoteRefs {
				r.attachNote(n, qda.OnCode, id)
			}
			walk(x.Codes, id)
		}
	}
	walk(xs, "")
	r.rep.Counts["codes"] = len(out)
	return out
}

// normColor returns c as #RRGGBB, expanding #RGB; "" when it is no colour.
func normColor(c string) string {
	c = strings.TrimSpace(c)
	if len(c) == 4 && c[0] == '#' {
		c = "#" + strings.Repeat(c[1:2], 2) + strings.Repeat(c[2:3], 2) + strings.Repeat(c[3:4], 2)
	}
	if !qda.ValidColor(c) {
		return ""
	}
	return strings.ToUpper(c)
}

// attachNote records that a note belongs to target; the first claim wins.
func (r *qdeReader) attachNote(n xRef, on qda.TargetKind, target qda.ID) {
	id := ref(n.id())
	if id == "" {
		return
	}
	if _, ok := r.notes[id]; !ok {
		r.notes[id] = noteTarget{on: on, target: target}
	}
}

var varTypesIn = map[string]qda.VarType{
	"text":     qda.VarText,
	"boolean":  qda.VarBoolean,
	"integer":  qda.VarInteger,
	"float":    qda.VarFloat,
	"date":     qda.VarDate,
	"datetime": qda.VarText,
}

func (r *qdeReader) readVariables(xs []xVariable) {
	for _, x := range xs {
		name := cleanName(x.Name)
		if name == "" {
			name = "Unnamed variable"
		}
		t, ok := varTypesIn[strings.ToLower(strings.TrimSpace(x.Type))]
		if !ok {
			r.rep.warnf("variable %q has unknown type %q; it was read as text", name, x.Type)
			t = qda.VarText
		}
		if strings.EqualFold(strings.TrimSpace(x.Type), "DateTime") {
			r.rep.warnf("variable %q holds dates with times; Coder keeps them as text", name)
		}
		id := r.id(x.GUID, fmt.Sprintf("variable %q", name))
		r.vars[id] = &varUse{v: qda.Variable{ID: id, Name: name, Type: t, Description: x.Description}}
		r.b.Variables = append(r.b.Variables, r.vars[id].v)
	}
}

func (r *qdeReader) readCases(xs []xCase) {
	ignoredRefs := 0
	for _, x := range xs {
		name := cleanName(x.Name)
		if name == "" {
			name = "Unnamed case"
		}
		c := qda.Case{ID: r.id(x.GUID, fmt.Sprintf("case %q", name)), Name: name, Description: x.Description}
		c.Documents = r.members(x.SourceRefs, fmt.Sprintf("case %q", name))
		for _, v := range x.Values {
			r.values = append(r.values, pendingValue{x: v, owner: c.ID, scope: qda.ScopeCase, what: fmt.Sprintf("case %q", name)})
		}
		ignoredRefs += len(x.CodeRefs) + len(x.SelectionRefs)
		r.b.Cases = append(r.b.Cases, c)
	}
	if ignoredRefs > 0 {
		r.rep.warnf("%s on cases skipped: Coder's cases hold documents", qda.Plural(ignoredRefs, "code or selection reference", "code or selection references"))
	}
}

// members resolves source references to documents that arrived; references
// to missing sources are dropped with one warning per holder.
func (r *qdeReader) members(refs []xRef, holder string) []qda.ID {
	var out []qda.ID
	dropped := 0
	seen := map[qda.ID]bool{}
	for _, s := range refs {
		id := ref(s.id())
		if _, ok := r.docs[id]; ok && !seen[id] {
			seen[id] = true
			out = append(out, id)
		} else if !ok {
			dropped++
		}
	}
	if dropped > 0 {
		r.rep.warnf("%s lists %s that did not arrive", holder, qda.Plural(dropped, "source", "sources"))
	}
	return out
}

// parseTime reads xsd:dateTime as tools write it: with or without a zone
// or fractions. A time it cannot read becomes the zero time.
func parseTime(s string) time.Time {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC()
		}
	}
	return time.Time{}
}

func atoi(s string) (int, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		f, ferr := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if ferr != nil || f != float64(int(f)) {
			return 0, false
		}
		n = int(f)
	}
	return n, true
}

// parseID reads a GUID as qda.ParseID does, after checking its shape here:
// 32 hex digits in 8-4-4-4-12 groups, optionally braced. qda.ParseID checks
// only the length and the dash positions, and panics on a stray dash among
// the digits, which a damaged file can hold.
func parseID(raw string) (qda.ID, error) {
	s := strings.TrimSpace(raw)
	s = strings.TrimSuffix(strings.TrimPrefix(s, "{"), "}")
	if len(s) != 36 {
		return "", fmt.Errorf("%q is not a GUID", raw)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		dash := i == 8 || i == 13 || i == 18 || i == 23
		hex := '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
		if dash != (c == '-') || (!dash && !hex) {
			return "", fmt.Errorf("%q is not a GUID", raw)
		}
	}
	return qda.ParseID(s)
}
