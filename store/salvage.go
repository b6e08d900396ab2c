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
	rep := &SalvageReport{Kept: map[string]int{}, Older: older}
	for _, p := range problems {
		rep.Lost = append(rep.Lost, "unreadable part of the file: "+p)
	}
	get := func(bucket []byte) map[string][]byte {
		m := map[string][]byte{}
		for _, kv := range buckets[string(bucket)] {
			m[string(kv[0])] = kv[1]
		}
		return m
	}
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
	err = db.Update(func(tx *Tx) error {
		var b qda.Bundle
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
		keep := func(kind, what string, err error) {
			if err != nil {
				rep.Lost = append(rep.Lost, what+": "+err.Error())
				return
			}
			rep.Kept[kind]++
		}
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
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(rep.Lost[len(problems):])
	if older > 0 {
		if probs, err := db.Check(); err == nil && len(probs) > 0 {
			for _, p := range probs {
				rep.Lost = append(rep.Lost, "in the salvaged project: "+p.String())
			}
		}
	}
	return rep, nil
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
