package store

import "coder/qda"

// Bundle reads the whole project, texts and rejected suggestions included,
// in one consistent snapshot.
func (tx *Tx) Bundle() (*qda.Bundle, error) {
	b, err := tx.Metadata()
	if err != nil {
		return nil, err
	}
	if b.Rejections, err = tx.Rejections(); err != nil {
		return nil, err
	}
	for i := range b.Documents {
		if b.Documents[i].Text, err = tx.Text(b.Documents[i].ID); err != nil {
			return nil, err
		}
	}
	return b, nil
}

// Metadata reads everything but the documents' texts: what listings and
// derived data such as the search index need about the whole project.
func (tx *Tx) Metadata() (*qda.Bundle, error) {
	var b qda.Bundle
	var err error
	if b.Project, err = tx.Project(); err != nil {
		return nil, err
	}
	if b.Coders, err = tx.Coders(); err != nil {
		return nil, err
	}
	if b.Codes, err = tx.Codes(); err != nil {
		return nil, err
	}
	if b.Documents, err = tx.Documents(); err != nil {
		return nil, err
	}
	if b.Codings, err = tx.Codings(); err != nil {
		return nil, err
	}
	if b.Cases, err = tx.Cases(); err != nil {
		return nil, err
	}
	if b.Variables, err = tx.Variables(); err != nil {
		return nil, err
	}
	if b.Values, err = tx.Values(); err != nil {
		return nil, err
	}
	if b.Memos, err = tx.Memos(); err != nil {
		return nil, err
	}
	if b.CodeSets, err = tx.CodeSets(); err != nil {
		return nil, err
	}
	return &b, nil
}

// PutBundle writes every entity of b, in dependency order, into the project:
// entities are matched by ID, so existing ones are updated and new ones added.
// Codes whose parents come later in b.Codes are handled by ordering them
// parents-first. Run it inside one Update so that a failure leaves nothing.
func (tx *Tx) PutBundle(b *qda.Bundle) error {
	for i := range b.Coders {
		if err := tx.PutCoder(&b.Coders[i]); err != nil {
			return err
		}
	}
	for _, c := range parentsFirst(b.Codes) {
		if err := tx.PutCode(&c); err != nil {
			return err
		}
	}
	for i := range b.Documents {
		if err := tx.PutDocument(&b.Documents[i]); err != nil {
			return err
		}
	}
	for i := range b.Codings {
		if err := tx.PutCoding(&b.Codings[i]); err != nil {
			return err
		}
	}
	for i := range b.Cases {
		if err := tx.PutCase(&b.Cases[i]); err != nil {
			return err
		}
	}
	for i := range b.Variables {
		if err := tx.PutVariable(&b.Variables[i]); err != nil {
			return err
		}
	}
	for _, v := range b.Values {
		if err := tx.SetValue(v); err != nil {
			return err
		}
	}
	for i := range b.Memos {
		if err := tx.PutMemo(&b.Memos[i]); err != nil {
			return err
		}
	}
	for i := range b.CodeSets {
		if err := tx.PutCodeSet(&b.CodeSets[i]); err != nil {
			return err
		}
	}
	for i := range b.Rejections {
		if err := tx.PutRejection(&b.Rejections[i]); err != nil {
			return err
		}
	}
	return nil
}

func parentsFirst(codes []qda.Code) []qda.Code {
	byID := map[qda.ID]bool{}
	for _, c := range codes {
		byID[c.ID] = true
	}
	placed := map[qda.ID]bool{}
	var out []qda.Code
	for len(out) < len(codes) {
		progress := false
		for _, c := range codes {
			if placed[c.ID] {
				continue
			}
			if c.Parent == "" || placed[c.Parent] || !byID[c.Parent] {
				out = append(out, c)
				placed[c.ID] = true
				progress = true
			}
		}
		if !progress { // a cycle: let PutCode report it
			for _, c := range codes {
				if !placed[c.ID] {
					out = append(out, c)
					placed[c.ID] = true
				}
			}
		}
	}
	return out
}
