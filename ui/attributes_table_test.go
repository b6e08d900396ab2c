package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"coder/qda"
)

// painted is what the attributes grid shows now, cell by cell, as the
// labels on screen hold it.
func painted(v *attributesView) map[widget.TableCellID]string {
	out := map[widget.TableCellID]string{}
	walk(v.table, func(o fyne.CanvasObject) bool {
		if l, ok := o.(*widget.Label); ok && l.Visible() {
			if id, ok := v.bound[l]; ok {
				out[id] = l.Text
			}
		}
		return false
	})
	return out
}

// checkPainted asserts that every cell on screen shows the project's
// value for its row and column, read afresh from the project.
func checkPainted(t *testing.T, ws *workspace, when string) {
	t.Helper()
	v := ws.attributes
	s, err := ws.p.AttributeSheet(v.scope)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]int{}
	for i, r := range s.Rows {
		byName[r.Name] = i
	}
	cells := painted(v)
	if len(cells) == 0 {
		t.Fatalf("%s: the grid shows nothing", when)
	}
	for id, text := range cells {
		if id.Row == 0 || id.Col == 0 {
			continue
		}
		name, ok := cells[cellAt(id.Row, 0)]
		if !ok {
			continue
		}
		r, ok := byName[name]
		if !ok {
			t.Errorf("%s: row %d shows %q, which is no row of the project", when, id.Row, name)
			continue
		}
		want := shownValue(s.Attributes[id.Col-1], s.Rows[r].Values[id.Col-1])
		if text != want {
			t.Errorf("%s: %s × %s shows %q, the project holds %q", when, name, s.Attributes[id.Col-1].Name, text, want)
		}
	}
}

func cellAt(r, c int) widget.TableCellID { return widget.TableCellID{Row: r, Col: c} }

// cellOf is the grid cell of the row named row and the attribute named attr.
func cellOf(t *testing.T, v *attributesView, row, attr string) widget.TableCellID {
	t.Helper()
	c := v.sheet.Column(attr)
	if c < 0 {
		t.Fatalf("no column %q", attr)
	}
	for i, r := range v.order {
		if v.sheet.Rows[r].Name == row {
			return cellAt(i+1, c+1)
		}
	}
	t.Fatalf("no row %q", row)
	return cellAt(0, 0)
}

// Ensure that the attributes grid shows each case's values, that a value
// typed in place is checked against its type (words refused in a number,
// nothing saved), saved as one undoable action, and that what is painted
// matches the project after the edit, after undo and after redo.
func TestAttributesTable_EditInPlaceIsTypedAndUndoable(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	ws.showAttributes(qda.ScopeCase)
	v := ws.attributes
	if ws.centre.Selected() != v.tab {
		t.Fatal("the Attributes tab is not on show")
	}
	checkPainted(t, ws, "opened")
	id := cellOf(t, v, "Business operator", "Years in community")
	owner := v.sheet.Rows[v.order[id.Row-1]].ID
	before, _ := ws.p.Attributes(owner)

	v.table.Select(id)
	if v.editor == nil || v.editor.entry == nil {
		t.Fatal("clicking a value cell opened no editor")
	}
	if topOverlay(t, w) != v.editor {
		t.Fatal("the editor is not over the window")
	}
	typeInto(v.editor.entry, "many")
	pressEnter(v.editor.entry)
	if v.editor == nil || !v.editor.problem.Visible() || !strings.Contains(v.editor.problem.Text, "whole number") {
		t.Fatal("a word in a whole-number attribute was not refused with a reason")
	}
	if after, _ := ws.p.Attributes(owner); after["Years in community"] != before["Years in community"] {
		t.Fatal("a refused value was saved")
	}
	typeInto(v.editor.entry, " 42 ")
	pressEnter(v.editor.entry)
	if v.editor != nil {
		t.Fatal("the editor stayed open after a good value")
	}
	if after, _ := ws.p.Attributes(owner); after["Years in community"] != "42" {
		t.Fatalf("Years in community is %q after typing 42", after["Years in community"])
	}
	if got := painted(v)[cellOf(t, v, "Business operator", "Years in community")]; got != "42" {
		t.Errorf("the cell shows %q after typing 42", got)
	}
	checkPainted(t, ws, "after the edit")
	if ws.p.CanUndo() != "Set attribute" {
		t.Errorf("Undo offers %q, not the edit", ws.p.CanUndo())
	}

	ws.menus.doUndo()
	if after, _ := ws.p.Attributes(owner); after["Years in community"] != before["Years in community"] {
		t.Fatalf("undo left Years in community at %q", after["Years in community"])
	}
	checkPainted(t, ws, "after undo")
	ws.menus.doRedo()
	checkPainted(t, ws, "after redo")

	// A yes-or-no attribute is a choice, and choosing saves.
	id = cellOf(t, v, "Business operator", "Party member")
	v.table.Select(id)
	sel, ok := v.editor.field.(*widget.Select)
	if !ok {
		t.Fatal("a yes-or-no attribute is not edited with a choice")
	}
	want := "yes"
	if sel.Selected == "yes" {
		want = "no"
	}
	sel.SetSelected(want)
	checkPainted(t, ws, "after choosing")
	if got := painted(v)[cellOf(t, v, "Business operator", "Party member")]; got != want {
		t.Errorf("Party member shows %q after choosing %q", got, want)
	}
}

// Ensure that clicking a heading sorts the rows by that column, numbers as
// numbers with empty cells last, and a second click reverses it.
func TestAttributesTable_HeadingSortsByColumn(t *testing.T) {
	app, _ := openDemoCopy(t)
	ws := app.ws
	ws.showAttributes(qda.ScopeCase)
	v := ws.attributes
	col := v.sheet.Column("Years in community") + 1
	v.table.Select(cellAt(0, col))
	var seen []string
	cells := painted(v)
	for r := 1; r <= len(v.sheet.Rows); r++ {
		if s, ok := cells[cellAt(r, col)]; ok {
			seen = append(seen, s)
		}
	}
	if len(seen) < 2 {
		t.Fatalf("only %d values on screen", len(seen))
	}
	for i := 1; i < len(seen); i++ {
		if seen[i] == "" {
			continue
		}
		if seen[i-1] == "" || compareValues(qda.VarInteger, seen[i-1], seen[i]) > 0 {
			t.Fatalf("sorted by years, the column reads %q", seen)
		}
	}
	if !strings.HasSuffix(cells[cellAt(0, col)], "▲") {
		t.Errorf("the heading reads %q, with no sign of the sort", cells[cellAt(0, col)])
	}
	v.table.Select(cellAt(0, col))
	if first := painted(v)[cellAt(1, col)]; first != seen[len(nonEmpty(seen))-1] {
		t.Errorf("reversed, the first row has %q, want the largest %q", first, seen[len(nonEmpty(seen))-1])
	}
	checkPainted(t, ws, "sorted")
}

func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// Ensure that Add attribute adds a column to the documents' grid, as one
// undoable action, and that a date typed in it is kept as YYYY-MM-DD.
func TestAttributesTable_AddColumnToDocuments(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	ws.showAttributes(qda.ScopeCase)
	v := ws.attributes
	v.which.SetSelected(sheetDocs)
	if v.scope != qda.ScopeDocument || len(v.sheet.Rows) != len(ws.docs) {
		t.Fatalf("Documents shows %d rows for %d documents", len(v.sheet.Rows), len(ws.docs))
	}
	cols := len(v.sheet.Attributes)
	v.addColumnDialog()
	form := topOverlay(t, w)
	var name *escEntry
	walk(form, func(o fyne.CanvasObject) bool {
		name, _ = o.(*escEntry)
		return name != nil
	})
	if name == nil {
		t.Fatal("Add attribute asks for no name")
	}
	typeInto(&name.Entry, "Collected on")
	sel := formWidget(t, form, "Type").(*widget.Select)
	sel.SetSelected(attrTypeLabel(qda.VarDate))
	test.Tap(button(t, form, "Add"))
	if len(v.sheet.Attributes) != cols+1 || v.sheet.Column("Collected on") < 0 {
		t.Fatalf("the grid has %d columns after adding one to %d", len(v.sheet.Attributes), cols)
	}
	if !strings.Contains(painted(v)[cellAt(0, v.sheet.Column("Collected on")+1)], "date") {
		t.Error("the new column's heading does not say it holds dates")
	}
	id := cellOf(t, v, v.sheet.Rows[0].Name, "Collected on")
	v.table.Select(id)
	typeInto(v.editor.entry, "2024/03/05")
	pressEnter(v.editor.entry)
	if got := painted(v)[id]; got != "2024-03-05" {
		t.Errorf("the date shows as %q", got)
	}
	checkPainted(t, ws, "after the date")
	ws.menus.doUndo()
	ws.menus.doUndo()
	if v.sheet.Column("Collected on") >= 0 {
		t.Error("undoing twice left the added column")
	}
}

// Ensure that importing a CSV from the Attributes tab with a row naming no
// case changes nothing at first and offers to import the other rows, and
// that doing so paints the imported values and is one undo step.
func TestAttributesTable_ImportOffersToSkipUnknownRows(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	ws.showAttributes(qda.ScopeCase)
	v := ws.attributes
	path := writeFile(t, t.TempDir(), "cases.csv", "Case,Households,Place\nBusiness operator,4,E Town\nNobody,3,F Town\n")
	before, _ := ws.p.AttributeSheet(qda.ScopeCase)
	v.importFile(path, false)
	confirm := waitOverlay(t, w, "Import the other rows")
	if !strings.Contains(textUnder(confirm), `"Nobody" is no case`) {
		t.Errorf("the report does not name the unknown row:\n%s", textUnder(confirm))
	}
	if now, _ := ws.p.AttributeSheet(qda.ScopeCase); len(now.Attributes) != len(before.Attributes) {
		t.Fatal("a refused import added an attribute")
	}
	test.Tap(button(t, confirm, "Import the other rows"))
	report := waitOverlay(t, w, "OK")
	if !strings.Contains(textUnder(report), "Set 2 values") {
		t.Errorf("the report says:\n%s", textUnder(report))
	}
	if got := painted(v)[cellOf(t, v, "Business operator", "Households")]; got != "4" {
		t.Errorf("Households shows %q after the import", got)
	}
	checkPainted(t, ws, "after the import")
	ws.menus.doUndo()
	if v.sheet.Column("Households") >= 0 {
		t.Error("one undo did not take the import back")
	}
	checkPainted(t, ws, "after undo")
}

// waitOverlay waits for a dialog with a button labelled label.
func waitOverlay(t *testing.T, w fyne.Window, label string) fyne.CanvasObject {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if o := w.Canvas().Overlays().Top(); o != nil {
			found := walk(o, func(c fyne.CanvasObject) bool {
				b, ok := c.(*widget.Button)
				return ok && b.Text == label
			})
			if found {
				return o
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("no dialog with %q came up", label)
	return nil
}

// Ensure that a choice attribute added from the grid takes its list, is
// edited in place with a choice of those values, and paints the chosen one.
func TestAttributesTable_ChoiceColumn(t *testing.T) {
	app, w := openDemoCopy(t)
	ws := app.ws
	ws.showAttributes(qda.ScopeCase)
	v := ws.attributes
	v.addColumnDialog()
	form := topOverlay(t, w)
	var name *escEntry
	walk(form, func(o fyne.CanvasObject) bool {
		name, _ = o.(*escEntry)
		return name != nil
	})
	typeInto(&name.Entry, "Tenure")
	sel := formWidget(t, form, "Type").(*widget.Select)
	sel.SetSelected(sel.Options[len(sel.Options)-1])
	if !strings.Contains(sel.Selected, "hoice") {
		t.Fatalf("the last type offered is %q, not a choice", sel.Selected)
	}
	typeInto(formEntry(t, form, "Choices"), "owner\nrenter\nrenter")
	test.Tap(button(t, form, "Add"))
	col := v.sheet.Column("Tenure")
	if col < 0 || v.sheet.Attributes[col].Type != qda.VarChoice || len(v.sheet.Attributes[col].Choices) != 2 {
		t.Fatalf("the Tenure column: %+v", v.sheet.Attributes)
	}
	id := cellOf(t, v, "Local activist", "Tenure")
	v.table.Select(id)
	choice, ok := v.editor.field.(*widget.Select)
	if !ok || len(choice.Options) != 3 {
		t.Fatalf("a choice attribute is edited with %T", v.editor.field)
	}
	choice.SetSelected("renter")
	if got := painted(v)[id]; got != "renter" {
		t.Errorf("the cell shows %q after choosing renter", got)
	}
	checkPainted(t, ws, "after choosing")
}
