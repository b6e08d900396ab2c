package store

import (
	"cmp"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"coder/qda"
)

// SalvageReport says what Salvage copied and what it could not.
type SalvageReport struct {
	// Kept counts the records copied, by kind ("documents", "codings"...).
	Kept map[string]int
	// Lost lists, one line each, what could not be read or no longer fits
	// with what was read (a coding whose document was lost).
	Lost []string
	// Older counts records that only older copies of pages still held:
	// they may be from before a record's last change, or deleted since.
	Older int
}

// Salvage reads every record that can still be read from the damaged
// project file at damaged, without bbolt, and writes them into a new project
// at newPath through the same checks every write goes through, so the new
// project is sound. The damaged file is not changed.
func Salvage(damaged, newPath string) (*SalvageReport, error) {
	buckets, problems, older, err := readableBuckets(damaged)
	if err != nil {
		return nil, &qda.Error{What: damaged, Why: "nothing can be read from it (" + err.Error() + ")", Fix: "restore one of its backups instead"}
	}
	rep := &SalvageReport{Kept: map[string]int{}, Older: len(older)}
	for _, p := range problems {
		rep.Lost = append(rep.Lost, "unreadable part of the file: "+p)
	}
	recs := map[string]map[string][]byte{}
	for name, kvs := range buckets {
		m := map[string][]byte{}
		for _, kv := range kvs {
			m[string(kv[0])] = kv[1]
		}
		recs[name] = m
	}
	get := func(bucket []byte) map[string][]byte { return recs[string(bucket)] }
	if get(bMeta)[string(kCrypt)] != nil {
		return nil, &qda.Error{What: damaged, Why: "it is an encrypted project, and salvage reads only plain ones", Fix: "restore one of its backups instead: they open with the same passphrase"}
	}
	var info qda.Project
	if data := get(bMeta)[string(kProject)]; data == nil || json.Unmarshal(data, &info) != nil || !info.ID.Valid() {
		rep.Lost = append(rep.Lost, "the project's name and identity (a new one is made)")
		info = qda.Project{ID: qda.NewID(), Name: "Salvaged project"}
	}
	db, err := Create(newPath, info)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	texts := get(bTexts)
	var settled []string
	err = db.Update(func(tx *Tx) error {
		var b qda.Bundle
		decode(rep, get(bTombs), "deletion record", &b.Tombstones)
		b.Tombstones, settled = settleDeletions(b.Tombstones, recs, older)
		decode(rep, get(bCoders), "coder", &b.Coders)
		decode(rep, get(bCodes), "code", &b.Codes)
		decode(rep, get(bDocs), "document", &b.Documents)
		decode(rep, get(bCodings), "coding", &b.Codings)
		decode(rep, get(bCases), "case", &b.Cases)
		decode(rep, get(bVars), "attribute", &b.Variables)
		decode(rep, get(bValues), "attribute value", &b.Values)
		decode(rep, get(bMemos), "memo", &b.Memos)
		decode(rep, get(bCodeSets), "code set", &b.CodeSets)
		decode(rep, get(bAssist), "rejected suggestion", &b.Rejections)
		b.Rejections, settled = withoutTakenBack(b.Rejections, b.Tombstones, settled)
		var names []qda.Pseudonym
		decode(rep, get(bPseudonyms), "pseudonym", &names)
		keep := func(kind, what string, err error) {
			if err != nil {
				rep.Lost = append(rep.Lost, what+": "+err.Error())
				return
			}
			rep.Kept[kind]++
		}
		b.Coders = append(b.Coders, standInCoders(rep, &b)...)
		for i := range b.Coders {
			keep("coders", "coder "+b.Coders[i].Name, tx.PutCoder(&b.Coders[i]))
		}
		for _, c := range parentsFirst(b.Codes) {
			keep("codes", "code "+c.Name, tx.PutCode(&c))
		}
		for i := range b.Documents {
			d := &b.Documents[i]
			text, ok := texts[string(d.ID)]
			switch {
			case !ok:
				keep("documents", "document "+d.Name, fmt.Errorf("its text could not be read"))
			case !utf8.Valid(text):
				keep("documents", "document "+d.Name, fmt.Errorf("its text is damaged (not valid UTF-8)"))
			default:
				d.Text = string(text)
				keep("documents", "document "+d.Name, tx.PutDocument(d))
			}
		}
		for i := range b.Codings {
			keep("codings", "coding "+string(b.Codings[i].ID), tx.PutCoding(&b.Codings[i]))
		}
		for i := range b.Cases {
			c := &b.Cases[i]
			var docs []qda.ID
			for _, d := range c.Documents {
				if _, err := tx.Document(d); err == nil {
					docs = append(docs, d)
				} else {
					rep.Lost = append(rep.Lost, fmt.Sprintf("case %s: its document %s", c.Name, d))
				}
			}
			c.Documents = docs
			keep("cases", "case "+c.Name, tx.PutCase(c))
		}
		for i := range b.Variables {
			keep("attributes", "attribute "+b.Variables[i].Name, tx.PutVariable(&b.Variables[i]))
		}
		for _, v := range b.Values {
			keep("attribute values", "attribute value "+string(v.Owner)+"/"+string(v.Variable), tx.SetValue(v))
		}
		for i := range b.Memos {
			keep("memos", "memo "+cmp.Or(b.Memos[i].Title, string(b.Memos[i].ID)), tx.PutMemo(&b.Memos[i]))
		}
		for i := range b.CodeSets {
			keep("code sets", "code set "+b.CodeSets[i].Name, tx.PutCodeSet(&b.CodeSets[i]))
		}
		for i := range b.Rejections {
			keep("rejected suggestions", "rejected suggestion "+string(rejectionKey(&b.Rejections[i])), tx.PutRejection(&b.Rejections[i]))
		}
		for i := range names {
			keep("pseudonyms", "pseudonym for "+names[i].Real, tx.PutPseudonym(&names[i]))
		}
		for _, t := range b.Tombstones {
			keep("deletion records", "the record that "+t.Kind+" "+string(t.ID)+" was deleted", tx.PutTombstone(t))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	rep.Lost = append(rep.Lost, settled...)
	sort.Strings(rep.Lost[len(problems):])
	if len(older) > 0 {
		if probs, err := db.Check(); err == nil && len(probs) > 0 {
			for _, p := range probs {
				rep.Lost = append(rep.Lost, "in the salvaged project: "+p.String())
			}
		}
	}
	return rep, nil
}

// salvageKinds are the kinds of record Salvage copies, in the order a
// summary names them. Deletion records are the tombstones: without them a
// salvaged project merged with a colleague's copy would bring back what
// was deleted.
var salvageKinds = []string{"documents", "codes", "codings", "cases", "attributes", "attribute values", "memos", "code sets", "coders", "rejected suggestions", "pseudonyms", "deletion records"}

// goneBuckets names the bucket of each kind of entity a tombstone records.
var goneBuckets = map[string][]byte{
	qda.GoneCoding: bCodings, qda.GoneCode: bCodes, qda.GoneMemo: bMemos, qda.GoneDocument: bDocs,
	qda.GoneCase: bCases, qda.GoneCoder: bCoders, qda.GoneVariable: bVars,
}

// settleDeletions decides, where both a tombstone and the entity it says
// was deleted were read, which one is current: deleting leaves a
// tombstone and undoing the deletion removes it, so they never stand
// together in a sound file. When the tombstone was read from a newer tree
// than the entity (see readableBuckets), the entity was deleted since: it
// is taken out of recs. Otherwise the entity stays (nothing the researcher
// made is dropped on a guess) and the tombstone goes. It returns the
// tombstones to keep and a line for each thing left out.
func settleDeletions(tombs []qda.Tombstone, recs map[string]map[string][]byte, older map[string]int) ([]qda.Tombstone, []string) {
	var keep []qda.Tombstone
	var lines []string
	for _, t := range tombs {
		b := goneBuckets[t.Kind]
		if b == nil || recs[string(b)][string(t.ID)] == nil {
			keep = append(keep, t)
			continue
		}
		if older[string(bTombs)+"\x00"+string(t.ID)] < older[string(b)+"\x00"+string(t.ID)] {
			delete(recs[string(b)], string(t.ID))
			keep = append(keep, t)
			lines = append(lines, fmt.Sprintf("%s %s: only an older copy of a page held it, and it was deleted since (its deletion record says so)", t.Kind, t.ID))
			continue
		}
		lines = append(lines, fmt.Sprintf("the record that %s %s was deleted: the %s itself was read too, so the deletion was undone", t.Kind, t.ID, t.Kind))
	}
	return keep, lines
}

// Summary names how many records of each kind were copied, every kind
// named, in one line ("4 documents, 31 codes, …").
func (r *SalvageReport) Summary() string {
	parts := make([]string, len(salvageKinds))
	for i, k := range salvageKinds {
		parts[i] = fmt.Sprintf("%d %s", r.Kept[k], k)
	}
	return strings.Join(parts, ", ")
}

// standInCoders makes a coder for each coder the codings and memos of b
// name whose own record was not read, with the same ID, so their work is
// kept (a merge with a colleague's copy then meets the real record), and
// reports each.
func standInCoders(rep *SalvageReport, b *qda.Bundle) []qda.Coder {
	known := map[qda.ID]bool{}
	for _, c := range b.Coders {
		known[c.ID] = true
	}
	var out []qda.Coder
	add := func(id qda.ID) {
		if id == "" || known[id] || !id.Valid() {
			return
		}
		known[id] = true
		c := qda.Coder{ID: id, Name: "Salvaged coder " + string(id)[:8]}
		rep.Lost = append(rep.Lost, fmt.Sprintf("coder %s: their record could not be read; their codings and memos are kept under the name %q", id, c.Name))
		out = append(out, c)
	}
	for _, c := range b.Codings {
		add(c.Coder)
	}
	for _, m := range b.Memos {
		add(m.Coder)
	}
	return out
}

// withoutTakenBack leaves out the rejections a tombstone says were taken
// back after they were made (only an older copy of a page can still hold
// such a one), adding a line for each to lines.
func withoutTakenBack(rs []Rejection, tombs []qda.Tombstone, lines []string) ([]Rejection, []string) {
	taken := map[qda.ID]qda.Tombstone{}
	for _, t := range tombs {
		if t.Kind == qda.GoneRejection {
			taken[t.ID] = t
		}
	}
	out := rs[:0]
	for _, r := range rs {
		if t, ok := taken[r.TombID()]; ok && !r.Outlives(t) {
			lines = append(lines, fmt.Sprintf("rejected suggestion %s: only an older copy of a page held it, and it was taken back since", rejectionKey(&r)))
			continue
		}
		out = append(out, r)
	}
	return out, lines
}

// decode appends to out every record in recs that decodes, and reports the
// others as lost.
func decode[T any](rep *SalvageReport, recs map[string][]byte, what string, out *[]T) {
	keys := make([]string, 0, len(recs))
	for k := range recs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		var v T
		if err := json.Unmarshal(recs[k], &v); err != nil {
			rep.Lost = append(rep.Lost, fmt.Sprintf("%s %s: its record is damaged", what, strings.ToValidUTF8(k, "?")))
			continue
		}
		*out = append(*out, v)
	}
}
