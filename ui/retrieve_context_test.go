package ui

import (
	"strings"
	"testing"

	"coder/qda"
)

// Ensure that the Context toggle shows a few lines of the document around
// each retrieved segment, and that turning it off shows the segment alone.
func TestRetrieve_ContextToggleShowsTheLinesAround(t *testing.T) {
	app, _ := openDemoCopy(t)
	ws := app.ws
	r := ws.retrieve
	code, err := ws.p.FindCode("Community logic")
	if err != nil {
		t.Fatal(err)
	}
	r.show([]qda.ID{code.ID})
	if len(r.rows) == 0 {
		t.Fatal("nothing retrieved")
	}
	row := r.newRow()
	r.updateRow(0, row)
	parts := r.parts[row.(*tapCard)]
	if parts.before.Visible() || parts.after.Visible() {
		t.Error("context shown before it was asked for")
	}
	plain := r.rowHeight(0, 600)

	r.context.SetChecked(true)
	r.updateRow(0, row)
	doc, err := ws.p.Document(r.rows[0].Document)
	if err != nil {
		t.Fatal(err)
	}
	around := strings.TrimSpace(r.rows[0].Before) + " " + strings.TrimSpace(r.rows[0].After)
	if strings.TrimSpace(around) == "" || !parts.text.TextStyle.Bold {
		t.Fatalf("context on: before %q after %q, segment bold %v", r.rows[0].Before, r.rows[0].After, parts.text.TextStyle.Bold)
	}
	for _, l := range []struct {
		text    string
		visible bool
	}{{parts.before.Text, parts.before.Visible()}, {parts.after.Text, parts.after.Visible()}} {
		if l.visible && !strings.Contains(doc.Text, l.text) {
			t.Errorf("context %q is not the document's text", l.text)
		}
	}
	if r.rowHeight(0, 600) <= plain {
		t.Errorf("row with context is no taller (%v) than without (%v)", r.rowHeight(0, 600), plain)
	}

	r.context.SetChecked(false)
	r.updateRow(0, row)
	if parts.before.Visible() || parts.after.Visible() || parts.text.TextStyle.Bold {
		t.Error("context still shown after the toggle went off")
	}
}
