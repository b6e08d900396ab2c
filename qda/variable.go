package qda

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// VarType is the type of a variable's values.
type VarType string

// Variable types, as REFI-QDA names them in lower case.
const (
	VarText    VarType = "text"
	VarInteger VarType = "integer"
	VarFloat   VarType = "float"
	VarBoolean VarType = "boolean"
	VarDate    VarType = "date"
	// VarChoice takes one of the variable's Choices. REFI-QDA has no such
	// type: it travels as text.
	VarChoice VarType = "choice"
)

// VarScope says whether a variable describes cases or documents.
type VarScope string

// Variable scopes.
const (
	ScopeCase     VarScope = "case"
	ScopeDocument VarScope = "document"
)

// Variable is a typed attribute that cases or documents carry: informant role,
// source type, place, date of interview.
type Variable struct {
	ID          ID       `json:"id"`
	Name        string   `json:"name"`
	Type        VarType  `json:"type"`
	Scope       VarScope `json:"scope"`
	Description string   `json:"description,omitempty"`
	// Choices are the values a choice variable allows, in the order they
	// are offered; other types have none.
	Choices []string `json:"choices,omitempty"`
}

// Value is one variable's value on one case or document, stored in the
// canonical text form that Variable.Normalize returns.
type Value struct {
	Variable ID     `json:"variable"`
	Owner    ID     `json:"owner"` // a case or a document, per the variable's scope
	Value    string `json:"value"`
	Edit
}

// ParseVarType accepts a type name in any case.
func ParseVarType(s string) (VarType, error) {
	switch t := VarType(strings.ToLower(strings.TrimSpace(s))); t {
	case VarText, VarInteger, VarFloat, VarBoolean, VarDate, VarChoice:
		return t, nil
	}
	return "", fmt.Errorf("%q is not a variable type (use text, integer, float, boolean, date or choice)", s)
}

// ParseChoices reads a list of choices as a researcher types it: one per
// line or separated by commas, spaces around each trimmed, empty ones and
// repeats (ignoring case) left out, the order kept.
func ParseChoices(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, line := range strings.Split(s, "\n") {
		for _, c := range strings.Split(line, ",") {
			c = strings.TrimSpace(c)
			if k := strings.ToLower(c); c != "" && !seen[k] {
				seen[k] = true
				out = append(out, c)
			}
		}
	}
	return out
}

// CheckChoices reports a choice variable without choices; other types
// must have none.
func (v *Variable) CheckChoices() error {
	switch {
	case v.Type == VarChoice && len(v.Choices) == 0:
		return Invalidf("attribute %q is a choice from a list but has no choices: give the list (one per line, or separated by commas)", v.Name)
	case v.Type != VarChoice && len(v.Choices) > 0:
		return Invalidf("attribute %q is %s, not a choice from a list: it takes no list of choices", v.Name, v.Type)
	}
	return nil
}

// Normalize checks that raw is a value of the variable's type and returns it in
// canonical form: integers and floats as Go formats them, booleans as
// true/false, dates as YYYY-MM-DD, a choice as the list spells it. An empty
// string clears a value.
func (v *Variable) Normalize(raw string) (string, error) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return "", nil
	}
	switch v.Type {
	case VarText, "":
		return s, nil
	case VarInteger:
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return "", Invalidf("%s: %q is not a whole number", v.Name, raw)
		}
		return strconv.FormatInt(n, 10), nil
	case VarFloat:
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return "", Invalidf("%s: %q is not a number", v.Name, raw)
		}
		return strconv.FormatFloat(f, 'g', -1, 64), nil
	case VarBoolean:
		if b, ok := boolWord(s); ok {
			return b, nil
		}
		return "", Invalidf("%s: %q is not true or false", v.Name, raw)
	case VarChoice:
		for _, c := range v.Choices {
			if strings.EqualFold(c, s) {
				return c, nil
			}
		}
		if len(v.Choices) == 0 {
			return "", Invalidf("%s: %q cannot be set: the attribute has no choices yet (give its list first)", v.Name, raw)
		}
		return "", Invalidf("%s: %q is not one of its choices (%s)", v.Name, raw, strings.Join(v.Choices, ", "))
	case VarDate:
		for _, layout := range []string{"2006-01-02", time.RFC3339, "2006/01/02", "2006-01-02T15:04:05"} {
			if t, err := time.Parse(layout, s); err == nil {
				return t.Format("2006-01-02"), nil
			}
		}
		return "", Invalidf("%s: %q is not a date (write YYYY-MM-DD)", v.Name, raw)
	}
	return "", Invalidf("%s: unknown type %q", v.Name, v.Type)
}

// boolWord reads a yes/no value as researchers write it (yes, no, y, n,
// true, false, 1, 0) and gives it as a yes/no attribute stores it: "true"
// or "false".
func boolWord(s string) (string, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "yes", "y", "1":
		return "true", true
	case "false", "no", "n", "0":
		return "false", true
	}
	return "", false
}
