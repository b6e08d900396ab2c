package merge

import (
	"coder/qda"
)

// codes unites the codebooks: by ID (the later edit wins), minus deleted
// codes and codes under them, then by path from the top down, so that two
// codes made separately (each in one copy only) with the same name under
// the same parent become one (the least ID stays) and their children meet
// under it. Codes that still share a path (one was renamed onto the
// other's) stay two, numbered.
func (m *merger) codes() []qda.Code {
	byID := map[qda.ID]qda.Code{}
	in := [2]map[qda.ID]bool{{}, {}}
	eachLive(m, qda.GoneCode, func(b *qda.Bundle) []qda.Code { return b.Codes }, func(c *qda.Code) (qda.ID, string) {
		c.ID = m.resolve(c.ID)
		c.Parent = m.resolve(c.Parent)
		c.ModifiedBy = m.resolve(c.ModifiedBy)
		c.Name, c.Replaces = ownName(c.Name, c.Replaces)
		return c.ID, c.Name
	}, func(side int, c qda.Code) {
		in[side][c.ID] = true
		m.foldCode(byID, c)
	})
	// A code made under a code another copy deleted goes with it, as the
	// codes under a deleted code do.
	for orphans := true; orphans; {
		orphans = false
		for _, id := range sortedKeys(byID) {
			if p := byID[id].Parent; p != "" {
				if _, ok := byID[p]; !ok {
					delete(byID, id)
					m.report.dropped(qda.GoneCode, "the code it was under was deleted")
					orphans = true
				}
			}
		}
	}
	m.breakCycles(byID)
	children := map[qda.ID][]qda.ID{}
	for _, id := range sortedKeys(byID) {
		p := byID[id].Parent
		children[p] = append(children[p], id)
	}
	var visit func(parent qda.ID, path string)
	visit = func(parent qda.ID, path string) {
		groups := map[string][]qda.ID{}
		var keys []string
		for _, id := range sortedIDs(children[parent]) {
			key := nameKey(byID[id].Name)
			if _, ok := groups[key]; !ok {
				keys = append(keys, key)
			}
			groups[key] = append(groups[key], id)
		}
		// Only codes one copy has and the other has not (made separately)
		// are joined: one copy's, with the other's.
		for _, key := range keys {
			apart := madeApart(groups[key], in)
			if apart == nil {
				continue
			}
			into := apart[0] // the least ID
			for _, id := range apart[1:] {
				c := byID[id]
				m.unify(qda.GoneCode, id, into, path+c.Name, "by path")
				delete(byID, id)
				c.ID = into
				m.foldCode(byID, c)
				for _, k := range children[id] {
					kc := byID[k]
					kc.Parent = into
					byID[k] = kc
				}
				children[into] = append(children[into], children[id]...)
				delete(children, id)
			}
		}
		// Any other codes left on one path (a code renamed onto a code
		// made elsewhere) stay apart, numbered: the least ID keeps the name.
		var kids []qda.ID
		for _, id := range sortedIDs(children[parent]) {
			if _, ok := byID[id]; ok {
				kids = append(kids, id)
			}
		}
		names := make([]string, len(kids))
		for i, id := range kids {
			names[i] = byID[id].Name
		}
		for i, name := range numberClashes(names) {
			if c := byID[kids[i]]; name != c.Name {
				m.report.renamedCode(path+c.Name, name)
				c.Name, c.Replaces = withNumber(name, c.Replaces)
				byID[kids[i]] = c
			}
		}
		for _, id := range kids {
			visit(id, path+byID[id].Name+"/")
		}
	}
	visit("", "")
	out := values(byID)
	sortByID(out, func(c *qda.Code) qda.ID { return c.ID })
	return out
}

// foldCode adds version c of a code to byID: the later edit wins, and two
// versions edited concurrently are reported.
func (m *merger) foldCode(byID map[qda.ID]qda.Code, c qda.Code) {
	foldVersion(byID, c.ID, c, func(win, lose *qda.Code) { m.report.codeConflict(*win, *lose) })
}

// breakCycles moves to the top level the greatest ID of every cycle that
// concurrent moves made (A put X under Y while B put Y under X).
func (m *merger) breakCycles(byID map[qda.ID]qda.Code) {
	for _, id := range sortedKeys(byID) {
		seen := map[qda.ID]bool{}
		for cur := id; cur != "" && !seen[cur]; cur = byID[cur].Parent {
			seen[cur] = true
			if next := byID[cur].Parent; seen[next] {
				// cycle: from next round to cur
				greatest := next
				for x := byID[next].Parent; x != next; x = byID[x].Parent {
					if x > greatest {
						greatest = x
					}
				}
				c := byID[greatest]
				c.Parent = ""
				byID[greatest] = c
				m.report.moved(c.Name, "it was moved under its own child in another copy")
				break
			}
		}
	}
}

// fixFolders makes a code that has codings an ordinary code (a folder
// cannot hold codings; one copy made it a folder while another coded it).
func fixFolders(b *qda.Bundle) {
	used := map[qda.ID]bool{}
	for _, c := range b.Codings {
		used[c.Code] = true
	}
	for i := range b.Codes {
		if b.Codes[i].Folder && used[b.Codes[i].ID] {
			b.Codes[i].Folder = false
		}
	}
}

func sortedIDs(ids []qda.ID) []qda.ID {
	out := append([]qda.ID(nil), ids...)
	sortByID(out, func(id *qda.ID) qda.ID { return *id })
	return out
}

// codeSets unites sets of codes by ID; of two differing copies of one set
// the same one is kept either way round, its codes following the codes'
// unification.
func (m *merger) codeSets(out *qda.Bundle) []qda.CodeSet {
	codes := idSet(out.Codes, func(c *qda.Code) qda.ID { return c.ID })
	byID := map[qda.ID]qda.CodeSet{}
	for _, b := range []*qda.Bundle{m.ours, m.theirs} {
		for _, s := range b.CodeSets {
			var ids []qda.ID
			seen := map[qda.ID]bool{}
			for _, c := range s.Codes {
				if c = m.resolve(c); codes[c] && !seen[c] {
					seen[c] = true
					ids = append(ids, c)
				}
			}
			s.Codes = ids
			if o, ok := byID[s.ID]; !ok || jsonLess(o, s) {
				byID[s.ID] = s
			}
		}
	}
	res := values(byID)
	sortByID(res, func(s *qda.CodeSet) qda.ID { return s.ID })
	return res
}
