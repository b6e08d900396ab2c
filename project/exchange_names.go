package project

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"coder/exchange"
	"coder/qda"
	"coder/store"
)

// numbered matches the " (2)" that makes a name unique, so that renaming
// "Interview (2)" gives "Interview (3)", not "Interview (2) (2)".
var numbered = regexp.MustCompile(` \(\d+\)$`)

// settleNames gives an incoming document or code set that is new to the
// project, but whose name another one already has, the next free name
// ("name (2)"), as Coder's own importer does, and says so in the report.
// Documents the project already has (same GUID) keep the name they have
// here, which the researcher may have changed; real conflicts, such as a known document whose text differs,
// are still refused by the store.
func settleNames(tx *store.Tx, b *qda.Bundle, rep *exchange.Report) error {
	claimed := map[string]bool{} // names this import has already handed out
	for i := range b.Documents {
		d := &b.Documents[i]
		if have, err := tx.Document(d.ID); err == nil {
			d.Name = have.Name // merged by GUID: the name given here stays
			claimed[strings.ToLower(d.Name)] = true
			continue
		} else if !errors.Is(err, qda.ErrNotFound) {
			return err
		}
		name, base := d.Name, numbered.ReplaceAllString(d.Name, "")
		for n := 2; ; n++ {
			other, err := tx.DocumentByName(name)
			taken := err == nil && other.ID != d.ID
			if !taken && !claimed[strings.ToLower(name)] {
				break
			}
			name = fmt.Sprintf("%s (%d)", base, n)
		}
		if name != d.Name {
			rep.Warnings = append(rep.Warnings, fmt.Sprintf("source %q arrived as %q: the project already has a document named %q", d.Name, name, d.Name))
			d.Name = name
		}
		claimed[strings.ToLower(name)] = true
	}
	sets, err := tx.CodeSets()
	if err != nil {
		return err
	}
	for i := range b.CodeSets {
		s := &b.CodeSets[i]
		name := s.Name
		for n := 2; setNameTaken(sets, b.CodeSets[:i], s.ID, name); n++ {
			name = fmt.Sprintf("%s (%d)", s.Name, n)
		}
		if name != s.Name {
			rep.Warnings = append(rep.Warnings, fmt.Sprintf("code set %q arrived as %q: the project already has a code set named %q", s.Name, name, s.Name))
			s.Name = name
		}
	}
	return nil
}

func setNameTaken(have, incoming []qda.CodeSet, id qda.ID, name string) bool {
	for _, group := range [][]qda.CodeSet{have, incoming} {
		for _, o := range group {
			if o.ID != id && strings.EqualFold(strings.TrimSpace(o.Name), strings.TrimSpace(name)) {
				return true
			}
		}
	}
	return false
}
