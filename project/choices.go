package project

import (
	"errors"
	"slices"
	"strings"

	"coder/qda"
	"coder/store"
)

// AddAttributeOf gives a case or document a value of the attribute def
// names, as one action. When the scope has no attribute of that name it is
// defined as def says (its type, and a choice attribute's list); one that
// exists keeps its type, and a choice attribute takes def's list when def
// gives one. The value must fit.
func (p *Project) AddAttributeOf(scope qda.VarScope, owner qda.ID, def qda.Variable, value string) error {
	c := Change{Action: "Add attribute", Cases: true}
	if scope == qda.ScopeDocument {
		c.Documents = []qda.ID{owner}
	} else {
		c.All = true
	}
	return p.act(c, func(tx *store.Tx) error {
		v, err := tx.VariableByName(scope, def.Name)
		switch {
		case errors.Is(err, qda.ErrNotFound):
			v = &qda.Variable{ID: qda.NewID(), Name: strings.TrimSpace(def.Name), Type: def.Type, Scope: scope, Choices: def.Choices}
			if err := v.CheckChoices(); err != nil {
				return err
			}
			if err := tx.PutVariable(v); err != nil {
				return err
			}
		case err != nil:
			return err
		case v.Type == qda.VarChoice && len(def.Choices) > 0 && !slices.Equal(v.Choices, def.Choices):
			if err := putChoices(tx, v, def.Choices); err != nil {
				return err
			}
		}
		return setValue(tx, scope, owner, v.Name, value)
	})
}

// DefineChoices makes the scope's attribute name a choice from a list, or
// gives a choice attribute a new list, as one action; an attribute of that
// name that does not exist yet is defined. A text attribute may become a
// choice when every value it has is in the list; other types may not.
func (p *Project) DefineChoices(scope qda.VarScope, name string, choices []string) (*qda.Variable, error) {
	var out *qda.Variable
	err := p.act(Change{Action: "Set attribute choices", Cases: true, All: true}, func(tx *store.Tx) error {
		v, err := tx.VariableByName(scope, name)
		if errors.Is(err, qda.ErrNotFound) {
			v, err = &qda.Variable{ID: qda.NewID(), Name: strings.TrimSpace(name), Type: qda.VarChoice, Scope: scope}, nil
		}
		if err != nil {
			return err
		}
		switch v.Type {
		case qda.VarChoice, qda.VarText, "":
		default:
			return qda.Invalidf("attribute %q holds %s values: only a text attribute can become a choice from a list", v.Name, v.Type)
		}
		out = v
		return putChoices(tx, v, choices)
	})
	return out, err
}

// putChoices stores v as a choice attribute with choices, refusing a list
// that leaves out a value v already has.
func putChoices(tx *store.Tx, v *qda.Variable, choices []string) error {
	next := *v
	next.Type, next.Choices = qda.VarChoice, choices
	if err := next.CheckChoices(); err != nil {
		return err
	}
	vals, err := tx.Values()
	if err != nil {
		return err
	}
	var respell []qda.Value
	for _, val := range vals {
		if val.Variable != v.ID {
			continue
		}
		norm, err := next.Normalize(val.Value)
		if err != nil {
			return qda.Invalidf("the list of %q leaves out %q, a value it already has: add it to the list, or change that value first", v.Name, val.Value)
		}
		if norm != val.Value {
			val.Value = norm // spelt as the list spells it
			respell = append(respell, val)
		}
	}
	*v = next
	if err := tx.PutVariable(v); err != nil {
		return err
	}
	for _, val := range respell {
		if err := tx.SetValue(val); err != nil {
			return err
		}
	}
	return nil
}
