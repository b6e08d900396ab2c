package exchange

import (
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"coder/codebook"
	"coder/qda"
)

// Origin is what Coder writes in the origin attribute of its REFI-QDA files.
const Origin = "Coder"

// kindSetNamespace roots the IDs of the sets that carry document kinds, so
// an import recognises them as kinds rather than as document groups.
const kindSetNamespace qda.ID = "3d0c8e52-6a8f-4b8e-9f61-2c7b5a9e0d14"

// kindSetID is the GUID of the set holding the documents of kind k.
func kindSetID(k qda.Kind) qda.ID { return qda.NameID(kindSetNamespace, string(k)) }

// kindLabels name the kind sets as other tools will show them.
var kindLabels = map[qda.Kind]string{
	qda.KindInterview: "Interviews",
	qda.KindPolicy:    "Policy documents",
	qda.KindNews:      "News reports",
	qda.KindFieldnote: "Field notes",
	qda.KindArchive:   "Archive material",
	qda.KindOther:     "Other documents",
}

// WriteQDE writes b as a REFI-QDA project.qde document. Source texts are not
// included: they go beside it as sources/<guid>.txt (see WriteQDPX), and so
// do the memos' texts, which the notes also carry inline.
func WriteQDE(w io.Writer, b *qda.Bundle) error {
	p := buildProject(b)
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(p); err != nil {
		return fmt.Errorf("writing project.qde: %w", err)
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// sourceFileName is the name of a document's text inside the archive.
func sourceFileName(id qda.ID) string { return string(id) + ".txt" }

// buildProject maps a bundle onto the schema. Everything is sorted so the
// same bundle always gives the same bytes.
func buildProject(b *qda.Bundle) *xProject {
	w := &qdeWriter{b: b, memosOn: map[qda.ID][]qda.Memo{}}
	for _, m := range sortedMemos(b.Memos) {
		if m.On != qda.OnProject {
			w.memosOn[m.Target] = append(w.memosOn[m.Target], m)
		}
	}
	name := strings.TrimSpace(b.Project.Name)
	if name == "" {
		name = "Untitled project"
	}
	p := &xProject{
		Xmlns:       projectNS,
		Name:        xmlText(name),
		Origin:      Origin,
		Created:     xmlTime(b.Project.Created),
		Description: xmlText(b.Project.Description),
		Users:       w.users(),
		Variables:   w.variables(),
		Cases:       w.cases(),
		Sources:     w.sources(),
		Notes:       w.notes(),
		Links:       w.links(),
		Sets:        w.sets(),
	}
	if codes := buildCodes(b.Codes, w.noteRefs); len(codes) > 0 {
		p.CodeBook = &xCodeBook{Codes: xCodes{Code: codes}}
	}
	for _, m := range sortedMemos(b.Memos) {
		if m.On == qda.OnProject {
			p.NoteRefs = append(p.NoteRefs, xRef{Target: string(m.ID)})
		}
	}
	return p
}

type qdeWriter struct {
	b       *qda.Bundle
	memosOn map[qda.ID][]qda.Memo // by target, for NoteRefs
}

func (w *qdeWriter) noteRefs(target qda.ID, on qda.TargetKind) []xRef {
	var refs []xRef
	for _, m := range w.memosOn[target] {
		if m.On == on {
			refs = append(refs, xRef{Target: string(m.ID)})
		}
	}
	return refs
}

func (w *qdeWriter) users() *xUsers {
	coders := append([]qda.Coder(nil), w.b.Coders...)
	sort.Slice(coders, func(i, j int) bool {
		if coders[i].Name != coders[j].Name {
			return coders[i].Name < coders[j].Name
		}
		return coders[i].ID < coders[j].ID
	})
	var us []xUser
	for _, c := range coders {
		if !c.ID.Valid() {
			continue
		}
		us = append(us, xUser{GUID: string(c.ID), Name: xmlText(c.Name)})
	}
	if len(us) == 0 {
		return nil
	}
	return &xUsers{User: us}
}

// buildCodes writes the code tree in tree order. Codes the tree cannot reach
// (a parent cycle in damaged data) are written at the top rather than lost.
func buildCodes(codes []qda.Code, refs func(qda.ID, qda.TargetKind) []xRef) []xCode {
	t := codebook.NewTree(codes)
	seen := map[qda.ID]bool{}
	var build func(c *qda.Code) xCode
	build = func(c *qda.Code) xCode {
		seen[c.ID] = true
		x := xCode{
			GUID:        string(c.ID),
			Name:        xmlText(c.Name),
			IsCodable:   strconv.FormatBool(!c.Folder),
			Description: xmlText(c.Description),
		}
		if qda.ValidColor(c.Color) {
			x.Color = strings.ToUpper(c.Color)
		}
		if refs != nil {
			x.NoteRefs = refs(c.ID, qda.OnCode)
		}
		for _, k := range t.Children(c.ID) {
			if !seen[k.ID] {
				x.Codes = append(x.Codes, build(k))
			}
		}
		return x
	}
	var out []xCode
	for _, c := range t.Children("") {
		if c.ID.Valid() {
			out = append(out, build(c))
		}
	}
	rest := append([]qda.Code(nil), codes...)
	sort.Slice(rest, func(i, j int) bool { return rest[i].ID < rest[j].ID })
	for i := range rest {
		if !seen[rest[i].ID] && rest[i].ID.Valid() {
			out = append(out, build(&rest[i]))
		}
	}
	return out
}

var varTypeNames = map[qda.VarType]string{
	qda.VarText:    "Text",
	qda.VarInteger: "Integer",
	qda.VarFloat:   "Float",
	qda.VarBoolean: "Boolean",
	qda.VarDate:    "Date",
}

func (w *qdeWriter) variables() *xVariables {
	var vs []xVariable
	for _, v := range sortedVariables(w.b.Variables) {
		t, ok := varTypeNames[v.Type]
		if !ok {
			t = "Text"
		}
		vs = append(vs, xVariable{GUID: string(v.ID), Name: xmlText(v.Name), Type: t, Description: xmlText(v.Description)})
	}
	if len(vs) == 0 {
		return nil
	}
	return &xVariables{Variable: vs}
}

// valuesOf returns the owner's values, ordered by variable name.
func (w *qdeWriter) valuesOf(owner qda.ID, scope qda.VarScope) []xVarValue {
	var out []xVarValue
	for _, v := range sortedVariables(w.b.Variables) {
		if v.Scope != scope {
			continue
		}
		for _, val := range w.b.Values {
			if val.Variable == v.ID && val.Owner == owner {
				out = append(out, xValue(v, val.Value))
			}
		}
	}
	return out
}

// xValue writes a value in the element its type calls for. A value that does
// not fit its type (damaged data) is written as text rather than breaking
// schema validity.
func xValue(v qda.Variable, raw string) xVarValue {
	x := xVarValue{VariableRef: xRef{Target: string(v.ID)}}
	s, err := v.Normalize(raw)
	if err != nil || s == "" {
		t := xmlText(raw)
		x.TextValue = &t
		return x
	}
	switch v.Type {
	case qda.VarInteger:
		x.IntegerValue = &s
	case qda.VarFloat:
		f, _ := strconv.ParseFloat(s, 64)
		d := strconv.FormatFloat(f, 'f', -1, 64) // xsd:decimal has no exponent
		x.FloatValue = &d
	case qda.VarBoolean:
		x.BooleanValue = &s
	case qda.VarDate:
		x.DateValue = &s
	default:
		t := xmlText(s)
		x.TextValue = &t
	}
	return x
}

func (w *qdeWriter) cases() *xCases {
	cases := append([]qda.Case(nil), w.b.Cases...)
	sort.Slice(cases, func(i, j int) bool {
		if cases[i].Name != cases[j].Name {
			return cases[i].Name < cases[j].Name
		}
		return cases[i].ID < cases[j].ID
	})
	var out []xCase
	for _, c := range cases {
		x := xCase{GUID: string(c.ID), Name: xmlText(c.Name), Description: xmlText(c.Description)}
		x.Values = w.valuesOf(c.ID, qda.ScopeCase)
		for _, d := range c.Documents {
			x.SourceRefs = append(x.SourceRefs, xRef{Target: string(d)})
		}
		out = append(out, x)
	}
	if len(out) == 0 {
		return nil
	}
	return &xCases{Case: out}
}

func (w *qdeWriter) sources() *xSources {
	byDoc := map[qda.ID][]qda.Coding{}
	for _, c := range w.b.Codings {
		byDoc[c.Document] = append(byDoc[c.Document], c)
	}
	var out []xTextSource
	for _, d := range sortedDocuments(w.b.Documents) {
		x := xTextSource{
			GUID:          string(d.ID),
			Name:          xmlText(d.Name),
			PlainTextPath: "internal://" + sourceFileName(d.ID),
			Created:       xmlTime(d.Imported),
		}
		runes := []rune(d.Text)
		codings := byDoc[d.ID]
		sort.Slice(codings, func(i, j int) bool {
			a, b := codings[i], codings[j]
			if a.Span != b.Span {
				if a.Span.Start != b.Span.Start {
					return a.Span.Start < b.Span.Start
				}
				return a.Span.End < b.Span.End
			}
			return a.ID < b.ID
		})
		for _, c := range codings {
			x.Selections = append(x.Selections, w.selection(c, runes))
		}
		x.NoteRefs = w.noteRefs(d.ID, qda.OnDocument)
		x.Values = w.valuesOf(d.ID, qda.ScopeDocument)
		out = append(out, x)
	}
	if len(out) == 0 {
		return nil
	}
	return &xSources{Text: out}
}

// selectionID derives the selection's GUID from its coding's: Coder keeps one
// selection per coding, and the same coding must always give the same file.
func selectionID(coding qda.ID) qda.ID { return qda.NameID(coding, "selection") }

func (w *qdeWriter) selection(c qda.Coding, runes []rune) xSelection {
	user := ""
	if c.Coder.Valid() {
		user = string(c.Coder)
	}
	return xSelection{
		GUID:         string(selectionID(c.ID)),
		Name:         xmlText(clip(c.Span.Slice(runes), 100)),
		Start:        strconv.Itoa(c.Span.Start),
		End:          strconv.Itoa(c.Span.End),
		CreatingUser: user,
		Created:      xmlTime(c.Created),
		Description:  xmlText(c.Memo),
		Codings: []xCoding{{
			GUID:         string(c.ID),
			CreatingUser: user,
			Created:      xmlTime(c.Created),
			CodeRef:      &xRef{Target: string(c.Code)},
			NoteRefs:     w.noteRefs(c.ID, qda.OnCoding),
		}},
	}
}

func (w *qdeWriter) notes() *xNotes {
	var out []xTextSource
	for _, m := range sortedMemos(w.b.Memos) {
		text := xmlText(m.Text)
		// The text is written twice: inline, as the standard allows, and
		// as a file beside the sources, which is the only place QualCoder
		// reads a note's text from.
		x := xTextSource{
			GUID:             string(m.ID),
			Name:             xmlText(m.Title),
			PlainTextPath:    "internal://" + sourceFileName(m.ID),
			Created:          xmlTime(m.Created),
			Modified:         xmlTime(m.Modified),
			PlainTextContent: &text,
		}
		if m.Coder.Valid() {
			x.CreatingUser, x.ModifyingUser = string(m.Coder), string(m.Coder)
		}
		out = append(out, x)
	}
	if len(out) == 0 {
		return nil
	}
	return &xNotes{Note: out}
}

// caseMemoLink names the links that attach a note to a case: the schema gives
// cases no NoteRef, so a one-way link from the note is the way to say it.
const caseMemoLink = "Memo on case"

func (w *qdeWriter) links() *xLinks {
	var out []xLink
	for _, m := range sortedMemos(w.b.Memos) {
		if m.On != qda.OnCase || !m.Target.Valid() {
			continue
		}
		out = append(out, xLink{
			GUID:      string(qda.NameID(m.ID, "case-link")),
			Name:      caseMemoLink,
			Direction: "OneWay",
			Origin:    string(m.ID),
			Target:    string(m.Target),
		})
	}
	if len(out) == 0 {
		return nil
	}
	return &xLinks{Link: out}
}

// sets writes the code sets, then one set per document kind in use: the
// document groups other tools show, and how a kind survives the trip out and
// back.
func (w *qdeWriter) sets() *xSets {
	members := map[qda.Kind][]xRef{}
	for _, d := range sortedDocuments(w.b.Documents) {
		members[d.Kind] = append(members[d.Kind], xRef{Target: string(d.ID)})
	}
	out := codeSets(w.b)
	for _, k := range qda.Kinds {
		if len(members[k]) == 0 {
			continue
		}
		out = append(out, xSet{
			GUID:         string(kindSetID(k)),
			Name:         kindLabels[k],
			Description:  fmt.Sprintf("Documents of kind %q in %s", k, Origin),
			MemberSource: members[k],
		})
	}
	if len(out) == 0 {
		return nil
	}
	return &xSets{Set: out}
}

// codeSets writes each code set as a <Set> of <MemberCode>s, by name, with
// the members in codebook order; codes no longer in the codebook are left out.
func codeSets(b *qda.Bundle) []xSet {
	sets := append([]qda.CodeSet(nil), b.CodeSets...)
	sort.Slice(sets, func(i, j int) bool {
		if sets[i].Name != sets[j].Name {
			return sets[i].Name < sets[j].Name
		}
		return sets[i].ID < sets[j].ID
	})
	t := codebook.NewTree(b.Codes)
	var out []xSet
	for _, s := range sets {
		if !s.ID.Valid() {
			continue
		}
		x := xSet{GUID: string(s.ID), Name: xmlText(s.Name), Description: xmlText(s.Description)}
		t.Walk(func(c *qda.Code, _ int) {
			if s.Has(c.ID) && c.ID.Valid() {
				x.MemberCode = append(x.MemberCode, xRef{Target: string(c.ID)})
			}
		})
		out = append(out, x)
	}
	return out
}

// xmlTime writes t as xsd:dateTime in UTC, with fractions of a second only
// when there are any; the zero time is left out.
func xmlTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func sortedDocuments(docs []qda.Document) []qda.Document {
	out := append([]qda.Document(nil), docs...)
	sort.Slice(out, func(i, j int) bool {
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return out[i].ID < out[j].ID
	})
	return out
}

func sortedVariables(vars []qda.Variable) []qda.Variable {
	out := append([]qda.Variable(nil), vars...)
	sort.Slice(out, func(i, j int) bool {
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return out[i].ID < out[j].ID
	})
	return out
}

func sortedMemos(memos []qda.Memo) []qda.Memo {
	out := append([]qda.Memo(nil), memos...)
	sort.Slice(out, func(i, j int) bool {
		if !out[i].Created.Equal(out[j].Created) {
			return out[i].Created.Before(out[j].Created)
		}
		return out[i].ID < out[j].ID
	})
	return out
}
