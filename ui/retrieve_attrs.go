package ui

import (
	"slices"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"coder/qda"
)

// anyAttr is the attribute choice that narrows nothing.
const anyAttr = "Any attribute"

// The comparisons the attribute row offers for numbers and dates, with the
// filter operator each stands for.
var attrOps = []struct {
	label string
	op    qda.AttrOp
}{
	{"is", qda.AttrEq},
	{"over", qda.AttrGreater},
	{"at least", qda.AttrAtLeast},
	{"under", qda.AttrLess},
	{"at most", qda.AttrAtMost},
	{"between", qda.AttrBetween},
}

// attrFilterRow narrows Retrieve by one attribute: a value chosen from the
// list (or typed) for text and yes/no attributes, one of its list for a
// choice attribute, and for numbers and dates
// also a comparison (over, under, between), as in "Years in community over
// 10" or "Date between 2024-05-01 and 2024-05-31". It makes the same
// qda.AttrCond that `coder codings --attr` does.
type attrFilterRow struct {
	name    *widget.Select
	op      *widget.Select
	value   *widget.SelectEntry
	choice  *widget.Select // the value of a choice attribute, from its list
	offered []string       // the values value's list offers
	to      *widget.Entry
	problem *widget.Label
	content fyne.CanvasObject

	types   map[string]qda.VarType // by attribute name
	values  map[string][]string    // known values, by attribute name
	choices map[string][]string    // a choice attribute's list, by name
}

func newAttrFilterRow(changed func()) *attrFilterRow {
	a := &attrFilterRow{types: map[string]qda.VarType{}, values: map[string][]string{}}
	var labels []string
	for _, o := range attrOps {
		labels = append(labels, o.label)
	}
	a.name = widget.NewSelect([]string{anyAttr}, func(string) { a.shape(); changed() })
	a.name.Selected = anyAttr
	a.op = widget.NewSelect(labels, func(string) { a.shape(); changed() })
	a.op.Selected = labels[0]
	a.value = widget.NewSelectEntry(nil)
	a.value.OnChanged = func(string) { changed() }
	a.choice = widget.NewSelect(nil, func(string) { changed() })
	a.choice.PlaceHolder = "choose a value"
	a.to = widget.NewEntry()
	a.to.SetPlaceHolder("and")
	a.to.OnChanged = func(string) { changed() }
	a.problem = widget.NewLabel("")
	a.problem.Wrapping = fyne.TextWrapWord
	a.problem.Importance = widget.DangerImportance
	a.problem.Hide() // until a value cannot be compared
	a.content = container.NewVBox(a.name, container.NewGridWithColumns(2, a.op, container.NewStack(a.value, a.choice)), a.to, a.problem)
	a.shape()
	return a
}

// setChoices lists the project's attributes with their types and values,
// keeping the current choice when it still exists.
func (a *attrFilterRow) setChoices(vars []qda.Variable, values map[string][]string) {
	a.types, a.choices = map[string]qda.VarType{}, map[string][]string{}
	names := []string{}
	for _, v := range vars {
		if _, dup := a.types[v.Name]; !dup {
			names = append(names, v.Name)
		}
		a.types[v.Name] = v.Type
		if v.Type == qda.VarChoice {
			a.choices[v.Name] = append(a.choices[v.Name], v.Choices...) // a case and a document attribute may share the name
		}
	}
	sort.Strings(names)
	a.values = values
	a.name.Options = append([]string{anyAttr}, names...)
	if !containsString(a.name.Options, a.name.Selected) {
		a.name.Selected = anyAttr
	}
	a.name.Refresh()
	a.shape()
}

// ranged reports whether the chosen attribute takes comparisons.
func (a *attrFilterRow) ranged() bool {
	switch a.types[a.name.Selected] {
	case qda.VarInteger, qda.VarFloat, qda.VarDate:
		return true
	}
	return false
}

// shape shows the fields the chosen attribute and comparison need.
func (a *attrFilterRow) shape() {
	if a.name.Selected == anyAttr || a.name.Selected == "" {
		a.op.Hide()
		a.value.Hide()
		a.choice.Hide()
		a.to.Hide()
		return
	}
	if a.types[a.name.Selected] == qda.VarChoice {
		// The list's values, whether or not a case has one yet.
		if !slices.Equal(a.choice.Options, a.choices[a.name.Selected]) {
			a.choice.Options = a.choices[a.name.Selected]
			if !containsString(a.choice.Options, a.choice.Selected) {
				a.choice.Selected = ""
			}
			a.choice.Refresh()
		}
		a.choice.Show()
		a.value.Hide()
		a.op.Hide()
		a.to.Hide()
		return
	}
	a.choice.Hide()
	a.value.Show()
	a.offered = a.values[a.name.Selected]
	if a.types[a.name.Selected] == qda.VarBoolean {
		a.offered = []string{"yes", "no"} // as the attributes table shows them
	}
	a.value.SetOptions(a.offered)
	switch a.types[a.name.Selected] {
	case qda.VarDate:
		a.value.SetPlaceHolder("YYYY-MM-DD")
		a.to.SetPlaceHolder("and YYYY-MM-DD")
	case qda.VarInteger, qda.VarFloat:
		a.value.SetPlaceHolder("number")
		a.to.SetPlaceHolder("and number")
	default:
		a.value.SetPlaceHolder("value")
	}
	if !a.ranged() {
		a.op.Hide()
		a.to.Hide()
		return
	}
	a.op.Show()
	if a.op.Selected == "between" {
		a.to.Show()
	} else {
		a.to.Hide()
	}
}

// cond returns the condition the row holds; ok is false when it narrows
// nothing. A value that cannot be compared is said under the row and
// narrows nothing until it is fixed.
func (a *attrFilterRow) cond() (c qda.AttrCond, ok bool) {
	a.problem.Hide()
	name := a.name.Selected
	value := strings.TrimSpace(a.value.Text)
	if a.types[name] == qda.VarChoice {
		value = a.choice.Selected
		if value == "" {
			return c, false
		}
	}
	if name == anyAttr || name == "" || (value == "" && strings.TrimSpace(a.to.Text) == "") {
		return c, false
	}
	expr := name + "=" + value
	if a.ranged() {
		for _, o := range attrOps {
			if o.label != a.op.Selected {
				continue
			}
			switch o.op {
			case qda.AttrEq:
			case qda.AttrBetween:
				expr = name + "=" + value + ".." + strings.TrimSpace(a.to.Text)
			default:
				expr = name + string(o.op) + value
			}
		}
	}
	c, err := qda.ParseAttrCond(expr)
	if err != nil {
		a.problem.SetText(strings.TrimSuffix(err.Error(), ": "+qda.ErrInvalid.Error()))
		a.problem.Show()
		return c, false
	}
	return c, true
}
