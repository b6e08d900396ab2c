package exchange

import "coder/qda"

// settleVariables gives each variable the scope its values show and keeps
// the values that fit their variable's type.
func (r *qdeReader) settleVariables() {
	for _, pv := range r.values {
		u, ok := r.vars[ref(pv.x.VariableRef.id())]
		if !ok {
			r.rep.warnf("%s has a value for a variable the file does not define; skipped", pv.what)
			continue
		}
		if pv.scope == qda.ScopeCase {
			u.onCase = true
		} else {
			u.onDocs = true
		}
	}
	for i := range r.b.Variables {
		u := r.vars[r.b.Variables[i].ID]
		u.v.Scope = qda.ScopeCase
		if u.onDocs && !u.onCase {
			u.v.Scope = qda.ScopeDocument
		}
		if u.onDocs && u.onCase {
			r.rep.warnf("variable %q has values on both cases and sources; Coder keeps those on cases", u.v.Name)
		}
		r.b.Variables[i] = u.v
	}
	seen := map[[2]qda.ID]bool{}
	for _, pv := range r.values {
		u, ok := r.vars[ref(pv.x.VariableRef.id())]
		if !ok || u.v.Scope != pv.scope {
			continue
		}
		raw, ok := valueText(pv.x)
		if !ok {
			continue
		}
		s, err := u.v.Normalize(raw)
		if err != nil {
			r.rep.warnf("%s: %v; the value was skipped", pv.what, err)
			continue
		}
		key := [2]qda.ID{u.v.ID, pv.owner}
		if s == "" || seen[key] {
			continue
		}
		seen[key] = true
		r.b.Values = append(r.b.Values, qda.Value{Variable: u.v.ID, Owner: pv.owner, Value: s})
	}
}

// valueText returns whichever typed value element is present.
func valueText(x xVarValue) (string, bool) {
	for _, p := range []*string{x.TextValue, x.BooleanValue, x.IntegerValue, x.FloatValue, x.DateValue, x.DateTimeValue} {
		if p != nil {
			return *p, true
		}
	}
	return "", false
}
