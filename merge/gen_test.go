package merge_test

import (
	"fmt"
	"math/rand"
	"strconv"
	"strings"
	"time"

	"coder/merge"
	"coder/qda"
)

// A generator of projects edited concurrently: a lead's base project copied
// to several coders, each of whom makes random edits and deletions with the
// store's rules (stamps on edits, tombstones on deletions, cascades). Every
// edit gets a later time than the one before, in whichever copy it is made.

var (
	codeNames = []string{"Trust", "Conflict", "Gatekeeping", "Mutual aid", "Rules"}
	docNames  = []string{"Interview Li", "Interview Wang", "Yard notes", "Notice 12"}
	texts     = []string{
		"Resident Li: The yard committee met under the plane tree and agreed to fix the gate.\nInterviewer: Who paid?\n",
		"Resident Wang: Nobody asked us. The office decided and the notice went up on the door.\n",
		"Field note: Children play by the bicycle shed while the elders argue about parking.\n",
		"Notice: From Monday the east gate closes at ten. Residents may apply for a card.\n",
		"Resident Zhao: 我们自己管大门。 We keep the keys ourselves now.\n",
	}
	colors   = []string{"#C62828", "#1E6FD9", "#2E9E44", "#F9A825"}
	words    = []string{"gate", "keys", "trust", "meeting", "notice", "office", "card"}
	caseName = []string{"Yard 3", "Yard 5", "East block"}
	roles    = []string{"cadre", "resident", "volunteer"}
)

type world struct {
	r     *rand.Rand
	now   time.Time
	opt   genOptions
	peers []*branch // this round's copies, for coders who merge each other's
}

// genOptions shapes what the generator makes.
type genOptions struct {
	ops int64 // edits per round
	// memos makes a memo-heavy world: more memos, more concurrent edits of
	// them, coders who merge a colleague's copy mid-round, flagged copies
	// edited or deleted to resolve a conflict.
	memos bool
	// texts adds text corrections (see project.EditText) to the edits of
	// one copy a round; concurrentTexts to every copy's.
	texts, concurrentTexts bool
}

// genSpace names the IDs the generator makes: drawn from the world's
// seeded source, so a seed makes the same projects, IDs included, on every
// run, and a failing seed fails again.
var genSpace = qda.ID("5c0de2a1-7e57-4b1d-9e4e-6d65726765aa")

func (w *world) id() qda.ID { return qda.NameID(genSpace, strconv.FormatInt(w.r.Int63(), 36)) }

func (w *world) tick() time.Time {
	w.now = w.now.Add(time.Second)
	return w.now
}

// copyOf is a deep copy of a bundle, as copying the project file gives.
func copyOf(b *qda.Bundle) *qda.Bundle {
	c := *b
	c.Coders = append([]qda.Coder(nil), b.Coders...)
	c.Codes = append([]qda.Code(nil), b.Codes...)
	c.Documents = append([]qda.Document(nil), b.Documents...)
	c.Codings = append([]qda.Coding(nil), b.Codings...)
	c.Cases = nil
	for _, cs := range b.Cases {
		cs.Documents = append([]qda.ID(nil), cs.Documents...)
		c.Cases = append(c.Cases, cs)
	}
	c.Variables = append([]qda.Variable(nil), b.Variables...)
	c.Values = append([]qda.Value(nil), b.Values...)
	c.Memos = append([]qda.Memo(nil), b.Memos...)
	c.Tombstones = append([]qda.Tombstone(nil), b.Tombstones...)
	c.Rejections = append([]qda.Rejection(nil), b.Rejections...)
	return &c
}

// branch is one coder's copy being edited.
type branch struct {
	w     *world
	b     *qda.Bundle
	coder qda.ID
}

func (w *world) base() *qda.Bundle {
	b := &qda.Bundle{Project: qda.Project{ID: w.id(), Name: "Field study", Created: w.tick()}}
	lead := qda.Coder{ID: w.id(), Name: "Lead"}
	b.Coders = []qda.Coder{lead}
	b.Variables = []qda.Variable{{ID: w.id(), Name: "Role", Type: qda.VarText, Scope: qda.ScopeDocument}}
	br := &branch{w: w, b: b, coder: lead.ID}
	for range 3 {
		br.addCode()
	}
	for range 2 {
		br.importDoc()
	}
	for range 6 {
		br.addCoding()
	}
	br.addMemo()
	if w.opt.memos {
		br.addMemo()
		br.addMemo()
	}
	br.addCase()
	br.setValue()
	br.reject()
	return b
}

func (w *world) fork(b *qda.Bundle, name string) *branch {
	c := copyOf(b)
	id := w.id()
	// A name the project already knows is the same coder as before, as
	// the app's coder name does.
	for _, o := range c.Coders {
		if o.Name == name {
			return &branch{w: w, b: c, coder: o.ID}
		}
	}
	c.Coders = append(c.Coders, qda.Coder{ID: id, Name: name})
	return &branch{w: w, b: c, coder: id}
}

// step makes one random edit.
func (br *branch) step() {
	ops := []func(){
		br.addCode, br.renameCode, br.recolorCode, br.deleteCode,
		br.importDoc, br.renameDoc, br.deleteDoc,
		br.addCoding, br.addCoding, br.addCoding, br.deleteCoding, br.noteCoding,
		br.addMemo, br.editMemo, br.editMemo, br.deleteMemo,
		br.addCase, br.deleteCase, br.setValue,
		br.reject, br.reject, br.undoReject,
	}
	if br.w.opt.texts && (br.w.opt.concurrentTexts || br == br.w.peers[0]) {
		ops = append(ops, br.correctText, br.correctText, br.correctText)
	}
	if br.w.opt.memos {
		ops = []func(){
			br.addMemo, br.editMemo, br.editMemo, br.editMemo, br.editMemo, br.editMemo,
			br.deleteMemo, br.resolveMemo, br.resolveMemo, br.sync, br.sync,
		}
	}
	ops[br.w.r.Intn(len(ops))]()
}

// sync merges another coder's copy as it is now into this one, as coders
// who share their files do between the lead's merges.
func (br *branch) sync() {
	o := br.w.peers[br.pick(len(br.w.peers))]
	if o == br {
		return
	}
	br.w.tick()
	br.b, _ = merge.Merge(br.b, copyOf(o.b))
	// One person with two copies is one coder from now on, as the app's
	// session takes up the coder its name now is.
	for _, t := range br.b.Tombstones {
		if t.ID == br.coder && t.Into != "" {
			br.coder = t.Into
		}
	}
}

// resolveMemo settles a conflict a merge flagged: the flagged copy is
// deleted, after its memo is edited to take in what it said, or the copy is
// edited instead (kept, reworded).
func (br *branch) resolveMemo() {
	b := br.b
	var flagged []int
	for i, x := range b.Memos {
		if x.ConflictOf != "" {
			flagged = append(flagged, i)
		}
	}
	if len(flagged) == 0 {
		br.editMemo()
		return
	}
	i := flagged[br.pick(len(flagged))]
	cp := b.Memos[i]
	switch br.pick(3) {
	case 0: // reword the copy
		x := &b.Memos[i]
		old := x.Version()
		x.Text += " Reread."
		stampEdit(x, old, br.w.tick(), br.coder)
	case 1: // take it into the memo, delete the copy
		for j := range b.Memos {
			if x := &b.Memos[j]; x.ID == cp.ConflictOf {
				old := x.Version()
				x.Text += " Also: " + cp.Text
				stampEdit(x, old, br.w.tick(), br.coder)
			}
		}
		fallthrough
	default: // delete the copy
		br.w.tick()
		br.dropMemo(cp.ID)
	}
}

func (br *branch) pick(n int) int { return br.w.r.Intn(n) }

func stampEdit(v qda.Versioned, old string, at time.Time, by qda.ID) {
	_, _, hist := v.Edited()
	v.SetEdited(at, by, qda.Replacing(hist, old))
}

func (br *branch) bury(kind string, id qda.ID) {
	br.b.Tombstones = append(br.b.Tombstones, qda.Tombstone{ID: id, Kind: kind, At: br.w.now, Coder: br.coder})
}

func siblingHas(codes []qda.Code, parent qda.ID, name string, self qda.ID) bool {
	for _, c := range codes {
		if c.Parent == parent && c.ID != self && strings.EqualFold(c.Name, name) {
			return true
		}
	}
	return false
}

func (br *branch) addCode() {
	b := br.b
	parent := qda.ID("")
	if len(b.Codes) > 0 && br.pick(2) == 0 {
		parent = b.Codes[br.pick(len(b.Codes))].ID
	}
	name := codeNames[br.pick(len(codeNames))]
	if siblingHas(b.Codes, parent, name, "") {
		return
	}
	at := br.w.tick()
	b.Codes = append(b.Codes, qda.Code{ID: br.w.id(), Parent: parent, Name: name, Color: colors[br.pick(len(colors))], Edit: qda.Edit{Modified: at, ModifiedBy: br.coder}})
}

func (br *branch) renameCode() {
	b := br.b
	if len(b.Codes) == 0 {
		return
	}
	c := &b.Codes[br.pick(len(b.Codes))]
	// Often a name another copy's code may have under the same parent: a
	// rename onto a code made elsewhere.
	name := codeNames[br.pick(len(codeNames))]
	if br.pick(3) == 0 {
		name = fmt.Sprintf("%s %d", name, br.w.now.Unix()%100000)
	}
	if siblingHas(b.Codes, c.Parent, name, c.ID) {
		return
	}
	at := br.w.tick()
	old := c.Version()
	c.Name = name
	stampEdit(c, old, at, br.coder)
}

func (br *branch) recolorCode() {
	b := br.b
	if len(b.Codes) == 0 {
		return
	}
	c := &b.Codes[br.pick(len(b.Codes))]
	col := colors[br.pick(len(colors))]
	if col == c.Color {
		return
	}
	old := c.Version()
	c.Color = col
	c.Description = "colour chosen by " + string(br.coder)[:4]
	stampEdit(c, old, br.w.tick(), br.coder)
}

func (br *branch) deleteCode() {
	b := br.b
	if len(b.Codes) == 0 {
		return
	}
	br.w.tick()
	root := b.Codes[br.pick(len(b.Codes))].ID
	doomed := map[qda.ID]bool{root: true}
	for grew := true; grew; {
		grew = false
		for _, c := range b.Codes {
			if !doomed[c.ID] && doomed[c.Parent] {
				doomed[c.ID], grew = true, true
			}
		}
	}
	var gone []qda.ID
	b.Codings = keep(b.Codings, func(c qda.Coding) bool {
		if doomed[c.Code] {
			gone = append(gone, c.ID)
			br.bury(qda.GoneCoding, c.ID)
			return false
		}
		return true
	})
	b.Codes = keep(b.Codes, func(c qda.Code) bool {
		if doomed[c.ID] {
			gone = append(gone, c.ID)
			br.bury(qda.GoneCode, c.ID)
			return false
		}
		return true
	})
	br.dropMemosOn(gone)
	b.Rejections = keep(b.Rejections, func(r qda.Rejection) bool { return !doomed[r.Code] })
}

func (br *branch) dropMemosOn(targets []qda.ID) {
	on := map[qda.ID]bool{}
	for _, t := range targets {
		on[t] = true
	}
	br.b.Memos = keep(br.b.Memos, func(m qda.Memo) bool {
		if m.Target != "" && on[m.Target] {
			br.bury(qda.GoneMemo, m.ID)
			return false
		}
		return true
	})
}

func (br *branch) importDoc() {
	b := br.b
	text := texts[br.pick(len(texts))]
	// Often a name a document in another copy has: different files
	// imported under one name get numbered names when merged.
	name := docNames[br.pick(len(docNames))]
	for _, o := range b.Documents {
		if strings.EqualFold(o.Name, name) {
			name = fmt.Sprintf("%s %d", name, br.w.now.Unix()%100000)
			break
		}
	}
	n := len([]rune(text))
	b.Documents = append(b.Documents, qda.Document{ID: br.w.id(), Name: name, Kind: qda.KindInterview, Text: text, Chars: n,
		Passages: []qda.Passage{{Span: qda.Span{Start: 0, End: n}}}, Imported: br.w.tick()})
}

func (br *branch) renameDoc() {
	b := br.b
	if len(b.Documents) == 0 {
		return
	}
	d := &b.Documents[br.pick(len(b.Documents))]
	name := d.Name + " revised"
	for _, o := range b.Documents {
		if strings.EqualFold(o.Name, name) {
			return
		}
	}
	old := d.Version()
	d.Name = name
	stampEdit(d, old, br.w.tick(), br.coder)
}

func (br *branch) deleteDoc() {
	b := br.b
	if len(b.Documents) == 0 {
		return
	}
	br.w.tick()
	id := b.Documents[br.pick(len(b.Documents))].ID
	gone := []qda.ID{id}
	b.Codings = keep(b.Codings, func(c qda.Coding) bool {
		if c.Document == id {
			gone = append(gone, c.ID)
			br.bury(qda.GoneCoding, c.ID)
			return false
		}
		return true
	})
	for i := range b.Cases {
		c := &b.Cases[i]
		if c.Has(id) {
			old := c.Version()
			c.Documents = keep(c.Documents, func(d qda.ID) bool { return d != id })
			stampEdit(c, old, br.w.now, br.coder)
		}
	}
	b.Values = keep(b.Values, func(v qda.Value) bool { return v.Owner != id })
	br.dropMemosOn(gone)
	b.Rejections = keep(b.Rejections, func(r qda.Rejection) bool { return r.Document != id })
	b.Documents = keep(b.Documents, func(d qda.Document) bool { return d.ID != id })
	br.bury(qda.GoneDocument, id)
}

func (br *branch) addCoding() {
	b := br.b
	var codes []qda.ID
	for _, c := range b.Codes {
		if !c.Folder {
			codes = append(codes, c.ID)
		}
	}
	if len(codes) == 0 || len(b.Documents) == 0 {
		return
	}
	d := b.Documents[br.pick(len(b.Documents))]
	s := br.pick(d.Chars / 2)
	c := qda.Coding{ID: br.w.id(), Document: d.ID, Code: codes[br.pick(len(codes))], Span: qda.Span{Start: s, End: s + 1 + br.pick(d.Chars/2)}, Coder: br.coder}
	for _, o := range b.Codings {
		if o.Document == c.Document && o.Code == c.Code && o.Span == c.Span && o.Coder == c.Coder {
			return
		}
	}
	c.Created = br.w.tick()
	b.Codings = append(b.Codings, c)
}

func (br *branch) deleteCoding() {
	b := br.b
	if len(b.Codings) == 0 {
		return
	}
	br.w.tick()
	id := b.Codings[br.pick(len(b.Codings))].ID
	b.Codings = keep(b.Codings, func(c qda.Coding) bool { return c.ID != id })
	br.bury(qda.GoneCoding, id)
	br.dropMemosOn([]qda.ID{id})
}

func (br *branch) noteCoding() {
	b := br.b
	if len(b.Codings) == 0 {
		return
	}
	c := &b.Codings[br.pick(len(b.Codings))]
	old := c.Version()
	c.Memo += words[br.pick(len(words))] + " "
	stampEdit(c, old, br.w.tick(), br.coder)
}

func (br *branch) addMemo() {
	b := br.b
	at := br.w.tick()
	m := qda.Memo{ID: br.w.id(), On: qda.OnProject, Text: "First thoughts on " + words[br.pick(len(words))], Coder: br.coder, Created: at, Modified: at}
	switch k := br.pick(3); {
	case k == 1 && len(b.Codes) > 0:
		m.On, m.Target = qda.OnCode, b.Codes[br.pick(len(b.Codes))].ID
	case k == 2 && len(b.Codings) > 0:
		m.On, m.Target = qda.OnCoding, b.Codings[br.pick(len(b.Codings))].ID
	}
	b.Memos = append(b.Memos, m)
}

func (br *branch) editMemo() {
	b := br.b
	if len(b.Memos) == 0 {
		return
	}
	m := &b.Memos[br.pick(len(b.Memos))]
	old := m.Version()
	m.Text += " Then " + words[br.pick(len(words))] + "."
	stampEdit(m, old, br.w.tick(), br.coder)
}

func (br *branch) deleteMemo() {
	b := br.b
	if len(b.Memos) == 0 {
		return
	}
	br.w.tick()
	br.dropMemo(b.Memos[br.pick(len(b.Memos))].ID)
}

// dropMemo deletes a memo as the store does (see qda.DeleteMemo).
func (br *branch) dropMemo(id qda.ID) {
	buried := map[qda.ID]bool{}
	for _, t := range br.b.Tombstones {
		buried[t.ID] = true
	}
	gone, settled := qda.DeleteMemo(br.b.Memos, id, func(id qda.ID) bool { return buried[id] })
	doomed := map[qda.ID]bool{}
	for _, g := range gone {
		doomed[g] = true
		br.bury(qda.GoneMemo, g)
	}
	br.b.Memos = keep(br.b.Memos, func(m qda.Memo) bool { return !doomed[m.ID] })
	for i := range br.b.Memos {
		if settled != nil && br.b.Memos[i].ID == settled.ID {
			br.b.Memos[i] = *settled
		}
	}
}

func (br *branch) addCase() {
	b := br.b
	name := caseName[br.pick(len(caseName))]
	for _, c := range b.Cases {
		if strings.EqualFold(c.Name, name) {
			return
		}
	}
	c := qda.Case{ID: br.w.id(), Name: name, Edit: qda.Edit{Modified: br.w.tick(), ModifiedBy: br.coder}}
	if len(b.Documents) > 0 {
		c.Documents = []qda.ID{b.Documents[br.pick(len(b.Documents))].ID}
	}
	b.Cases = append(b.Cases, c)
}

func (br *branch) deleteCase() {
	b := br.b
	if len(b.Cases) == 0 {
		return
	}
	br.w.tick()
	id := b.Cases[br.pick(len(b.Cases))].ID
	b.Cases = keep(b.Cases, func(c qda.Case) bool { return c.ID != id })
	br.bury(qda.GoneCase, id)
	br.dropMemosOn([]qda.ID{id})
}

func (br *branch) setValue() {
	b := br.b
	if len(b.Documents) == 0 {
		return
	}
	owner := b.Documents[br.pick(len(b.Documents))].ID
	v := qda.Value{Variable: b.Variables[0].ID, Owner: owner, Value: roles[br.pick(len(roles))]}
	at := br.w.tick()
	for i := range b.Values {
		if b.Values[i].Owner == owner && b.Values[i].Variable == v.Variable {
			old := b.Values[i].Version()
			b.Values[i].Value = v.Value
			stampEdit(&b.Values[i], old, at, br.coder)
			return
		}
	}
	v.Modified, v.ModifiedBy = at, br.coder
	b.Values = append(b.Values, v)
}

func keep[T any](xs []T, ok func(T) bool) []T {
	out := xs[:0:0]
	for _, x := range xs {
		if ok(x) {
			out = append(out, x)
		}
	}
	return out
}

// reject rejects a suggested span for a code, as the assistant's review
// queue does: often a span another copy may reject too.
func (br *branch) reject() {
	b := br.b
	if len(b.Codes) == 0 || len(b.Documents) == 0 {
		return
	}
	d := b.Documents[br.pick(len(b.Documents))]
	s := br.pick(3) * d.Chars / 4
	sp := qda.Span{Start: s, End: s + d.Chars/4}
	r := qda.Rejection{Code: b.Codes[br.pick(len(b.Codes))].ID, Document: d.ID, Span: sp, Text: sp.Slice([]rune(d.Text))}
	for _, o := range b.Rejections {
		if o.Same(r) {
			return
		}
	}
	r.At, r.Coder = br.w.tick(), br.coder
	b.Rejections = append(b.Rejections, r)
}

// correctText replaces a few characters of a document's text with a word,
// as the store's text edit does: codings and rejections move through the
// splice (those wholly replaced go), the passages follow, and the document
// is stamped.
func (br *branch) correctText() {
	b := br.b
	if len(b.Documents) == 0 {
		return
	}
	d := &b.Documents[br.pick(len(b.Documents))]
	runes := []rune(d.Text)
	s := br.pick(len(runes))
	e := min(len(runes), s+br.pick(6))
	word := words[br.pick(len(words))]
	sp, err := qda.NewSplice(len(runes), []qda.Replacement{{Span: qda.Span{Start: s, End: e}, Text: word}})
	if err != nil || string(runes[s:e]) == word {
		return
	}
	text, err := sp.Apply(d.Text)
	if err != nil {
		return
	}
	at := br.w.tick()
	var gone []qda.ID
	b.Codings = keep(b.Codings, func(c qda.Coding) bool {
		if c.Document != d.ID {
			return true
		}
		if _, ok := sp.Map(c.Span, qda.Drop); !ok {
			gone = append(gone, c.ID)
			br.bury(qda.GoneCoding, c.ID)
			return false
		}
		return true
	})
	for i := range b.Codings {
		if c := &b.Codings[i]; c.Document == d.ID {
			if ns, _ := sp.Map(c.Span, qda.Drop); ns != c.Span {
				old := c.Version()
				c.Span = ns
				stampEdit(c, old, at, br.coder)
			}
		}
	}
	br.dropMemosOn(gone)
	newRunes := []rune(text)
	b.Rejections = keep(b.Rejections, func(r qda.Rejection) bool {
		return r.Document != d.ID || func() bool { _, ok := r.Through(sp, qda.Drop, newRunes); return ok }()
	})
	for i := range b.Rejections {
		if r := &b.Rejections[i]; r.Document == d.ID {
			*r, _ = r.Through(sp, qda.Drop, newRunes)
		}
	}
	old := d.Version()
	d.Text, d.Chars, d.Passages = text, len(newRunes), sp.Passages(d.Passages)
	_, _, hist := d.Edited()
	if d.Version() != old {
		hist = qda.Replacing(hist, old)
	}
	d.SetEdited(at, br.coder, hist)
}

// undoReject takes a rejection back, as Undo does: it goes and leaves a
// tombstone, so that the same span rejected again later stands.
func (br *branch) undoReject() {
	b := br.b
	if len(b.Rejections) == 0 {
		return
	}
	r := b.Rejections[br.pick(len(b.Rejections))]
	b.Rejections = keep(b.Rejections, func(o qda.Rejection) bool { return !o.Same(r) })
	b.Tombstones = keep(b.Tombstones, func(t qda.Tombstone) bool { return t.ID != r.TombID() })
	br.w.tick()
	br.bury(qda.GoneRejection, r.TombID())
}
