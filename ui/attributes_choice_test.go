package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"coder/project"
	"coder/qda"
)

// Ensure that the Add attribute dialog makes a choice attribute from a
// typed list, its value picked from that list; that the case's form then
// offers the list in a select; that editing the list to leave out a value
// in use is refused with a message and changes nothing; and that Retrieve
// filters by the attribute with a select of its choices, giving what
// `coder codings --attr` gives.
func TestChoiceAttribute_MadeEditedAndFilteredInTheWindow(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	c := ws.casesPanel
	id := selectCase(t, ws, "Local activist")
	test.Tap(button(t, c.form, "Add attribute…"))
	form := topOverlay(t, w)
	typeInto(formEntry(t, form, "Attribute"), "Tenure")
	formWidget(t, form, "Type").(*widget.Select).SetSelected(attrTypeLabel(qda.VarChoice))
	list, ok := formWidget(t, form, "Choices").(*widget.Entry)
	if !ok {
		t.Fatal("the Choices row is not a text field")
	}
	typeInto(list, "owner\ntenant, lodger")
	value, ok := formWidget(t, form, "Value").(*fyne.Container).Objects[0].(*widget.Select)
	if !ok {
		t.Fatalf("the value of a choice attribute is not a select: %T", formWidget(t, form, "Value").(*fyne.Container).Objects[0])
	}
	if got := strings.Join(value.Options, "|"); got != "owner|tenant|lodger|"+notSet {
		t.Errorf("the value select offers %q", value.Options)
	}
	value.SetSelected("tenant")
	test.Tap(button(t, form, "Add"))
	if values, _ := ws.p.Attributes(id); values["Tenure"] != "tenant" {
		t.Fatalf("Tenure is %q", values["Tenure"])
	}
	var tenure qda.Variable
	vars, _ := ws.p.Variables()
	for _, v := range vars {
		if v.Name == "Tenure" {
			tenure = v
		}
	}
	if tenure.Type != qda.VarChoice || strings.Join(tenure.Choices, "|") != "owner|tenant|lodger" {
		t.Fatalf("Tenure was made as %q with choices %q", tenure.Type, tenure.Choices)
	}

	var field *widget.Select
	walk(formWidget(t, c.form, "Tenure"), func(o fyne.CanvasObject) bool {
		field, _ = o.(*widget.Select)
		return field != nil
	})
	if field == nil || field.Selected != "tenant" {
		t.Fatalf("the case's form shows Tenure as %v", field)
	}
	field.SetSelected("owner")
	test.Tap(button(t, c.form, "Save attributes"))
	if values, _ := ws.p.Attributes(id); values["Tenure"] != "owner" {
		t.Errorf("after choosing owner and saving, Tenure is %q", values["Tenure"])
	}

	editChoicesDialog(ws, tenure)
	dlg := topOverlay(t, w)
	typeInto(formWidget(t, dlg, "Choices").(*widget.Entry), "tenant\nlodger")
	test.Tap(button(t, dlg, "Save"))
	if msg := textUnder(topOverlay(t, w)); !strings.Contains(msg, "leaves out") || !strings.Contains(msg, "owner") {
		t.Errorf("a list without the value in use says:\n%s", msg)
	}
	vars, _ = ws.p.Variables()
	for _, v := range vars {
		if v.Name == "Tenure" && strings.Join(v.Choices, "|") != "owner|tenant|lodger" {
			t.Errorf("the refused list changed the choices to %q", v.Choices)
		}
	}

	r := ws.retrieve
	code, err := ws.p.FindCode("Community logic")
	if err != nil {
		t.Fatal(err)
	}
	r.show([]qda.ID{code.ID})
	all := len(r.rows)
	r.attrRow.name.SetSelected("Tenure")
	if !r.attrRow.choice.Visible() || r.attrRow.value.Visible() || r.attrRow.op.Visible() {
		t.Fatalf("for a choice attribute the row shows a select %v, a typed value %v, a comparison %v", r.attrRow.choice.Visible(), r.attrRow.value.Visible(), r.attrRow.op.Visible())
	}
	if got := strings.Join(r.attrRow.choice.Options, "|"); got != "owner|tenant|lodger" {
		t.Errorf("the filter offers %q", r.attrRow.choice.Options)
	}
	r.attrRow.choice.SetSelected("owner")
	cond, _ := qda.ParseAttrCond("Tenure=owner")
	rows, err := ws.p.Codings(project.CodingFilter{Codes: []qda.ID{code.ID}, Attrs: []qda.AttrCond{cond}})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.rows) != len(rows) || len(rows) == 0 || len(rows) == all {
		t.Errorf("Tenure is owner: Retrieve shows %d segments, the CLI filter %d (of %d)", len(r.rows), len(rows), all)
	}
	r.attrRow.choice.SetSelected("lodger")
	if len(r.rows) != 0 {
		t.Errorf("Tenure is lodger (no case): Retrieve shows %d segments", len(r.rows))
	}
}
