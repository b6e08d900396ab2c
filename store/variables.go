package store

import (
	"fmt"
	"sort"
	"strings"

	"coder/qda"
)

// Variable returns one variable.
func (tx *Tx) Variable(id qda.ID) (*qda.Variable, error) {
	return getJSON[qda.Variable](tx, bVars, id, "variable")
}

// Variables returns every variable, sorted by name.
func (tx *Tx) Variables() ([]qda.Variable, error) {
	vs, err := allJSON[qda.Variable](tx, bVars, "variable")
	sort.Slice(vs, func(i, j int) bool { return strings.ToLower(vs[i].Name) < strings.ToLower(vs[j].Name) })
	return vs, err
}

// VariableByName finds a variable of a scope by name, ignoring case.
func (tx *Tx) VariableByName(scope qda.VarScope, name string) (*qda.Variable, error) {
	vs, err := tx.Variables()
	if err != nil {
		return nil, err
	}
	for _, v := range vs {
		if v.Scope == scope && strings.EqualFold(v.Name, name) {
			return &v, nil
		}
	}
	return nil, fmt.Errorf("no %s attribute named %q: %w", scope, name, qda.ErrNotFound)
}

// PutVariable adds or updates a variable. Changing its type re-checks every
// value it already has.
func (tx *Tx) PutVariable(v *qda.Variable) error {
	if !v.ID.Valid() {
		return fmt.Errorf("variable %q: ID %q is not a UUID", v.Name, v.ID)
	}
	if strings.TrimSpace(v.Name) == "" {
		return fmt.Errorf("an attribute needs a name")
	}
	if _, err := qda.ParseVarType(string(v.Type)); err != nil {
		return err
	}
	if v.Scope != qda.ScopeCase && v.Scope != qda.ScopeDocument {
		return fmt.Errorf("attribute %q: scope must be case or document", v.Name)
	}
	vs, err := tx.Variables()
	if err != nil {
		return err
	}
	for _, o := range vs {
		if o.ID != v.ID && o.Scope == v.Scope && strings.EqualFold(o.Name, v.Name) {
			return fmt.Errorf("there is already a %s attribute named %q: %w", v.Scope, o.Name, qda.ErrConflict)
		}
	}
	vals, err := tx.Values()
	if err != nil {
		return err
	}
	for _, val := range vals {
		if val.Variable == v.ID {
			if _, err := v.Normalize(val.Value); err != nil {
				return fmt.Errorf("cannot change the type: %w", err)
			}
		}
	}
	return putJSON(tx, bVars, v.ID, v)
}

// DeleteVariable removes a variable and all its values.
func (tx *Tx) DeleteVariable(id qda.ID) error {
	vals, err := tx.Values()
	if err != nil {
		return err
	}
	for _, val := range vals {
		if val.Variable == id {
			if err := tx.del(bValues, valueKey(val.Owner, val.Variable)); err != nil {
				return err
			}
		}
	}
	return tx.del(bVars, []byte(id))
}

// Values returns every attribute value.
func (tx *Tx) Values() ([]qda.Value, error) { return allJSON[qda.Value](tx, bValues, "value") }

// ValuesOf returns the attribute values of one case or document.
func (tx *Tx) ValuesOf(owner qda.ID) ([]qda.Value, error) {
	var out []qda.Value
	prefix := []byte(owner + "/")
	err := tx.seek(bValues, prefix, func(k, v []byte) error {
		var val qda.Value
		if err := jsonUnmarshal(v, &val); err != nil {
			return fmt.Errorf("value %s is damaged: %w", k, err)
		}
		out = append(out, val)
		return nil
	})
	return out, err
}

// SetValue sets (or, with an empty value, clears) a variable's value on a case
// or document, normalised to the variable's type.
func (tx *Tx) SetValue(val qda.Value) error {
	v, err := tx.Variable(val.Variable)
	if err != nil {
		return err
	}
	bucket := bCases
	if v.Scope == qda.ScopeDocument {
		bucket = bDocs
	}
	if !exists(tx, bucket, val.Owner) {
		return qda.Invalidf("attribute %q belongs on a %s, and %s is not one", v.Name, v.Scope, val.Owner)
	}
	norm, err := v.Normalize(val.Value)
	if err != nil {
		return err
	}
	key := valueKey(val.Owner, val.Variable)
	if norm == "" {
		return tx.del(bValues, key)
	}
	val.Value = norm
	stampWith(tx, &val, val.Owner, func(qda.ID) (*qda.Value, error) { return getJSON[qda.Value](tx, bValues, qda.ID(key), "value") })
	return putJSONKey(tx, bValues, key, val)
}

func (tx *Tx) deleteValuesOf(owner qda.ID) error {
	vals, err := tx.ValuesOf(owner)
	if err != nil {
		return err
	}
	for _, v := range vals {
		if err := tx.del(bValues, valueKey(v.Owner, v.Variable)); err != nil {
			return err
		}
	}
	return nil
}

func valueKey(owner, variable qda.ID) []byte { return []byte(string(owner) + "/" + string(variable)) }
