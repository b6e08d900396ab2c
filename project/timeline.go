package project

import (
	"strings"

	"coder/analysis"
	"coder/codebook"
	"coder/qda"
	"coder/store"
)

// DateAttribute is the document attribute that dates a document: a coding
// without an event date of its own happened on its document's date.
const DateAttribute = "Date"

// TimelineFilter picks the events of a timeline: those in a case's documents
// (zero: every document), coded with one of Codes or a code under them (none:
// every code).
type TimelineFilter struct {
	Case   qda.ID
	Codes  []qda.ID
	Coders []qda.ID // only these coders' codings; none: every coder's
}

// Timeline returns the selected codings as dated events in date order, and
// how many selected codings have no date (no event date and no document
// Date) and so are left off.
func (p *Project) Timeline(f TimelineFilter) ([]analysis.Event, int, error) {
	var events []analysis.Event
	err := p.view(func(tx *store.Tx) error {
		t, err := tx.Codebook()
		if err != nil {
			return err
		}
		docs, err := tx.Documents()
		if err != nil {
			return err
		}
		var inCase map[qda.ID]bool
		if f.Case != "" {
			c, err := tx.Case(f.Case)
			if err != nil {
				return err
			}
			inCase = map[qda.ID]bool{}
			for _, d := range c.Documents {
				inCase[d] = true
			}
		}
		codes := expandCodes(t, f.Codes)
		coders := map[qda.ID]bool{}
		for _, c := range f.Coders {
			coders[c] = true
		}
		dates, err := documentDates(tx)
		if err != nil {
			return err
		}
		for _, d := range docs {
			if inCase != nil && !inCase[d.ID] {
				continue
			}
			cs, err := tx.CodingsOf(d.ID)
			if err != nil || len(cs) == 0 {
				if err != nil {
					return err
				}
				continue
			}
			runes := []rune(mustText(tx, d.ID))
			for _, c := range cs {
				if codes != nil && !codes[c.Code] || len(coders) > 0 && !coders[c.Coder] {
					continue
				}
				date, fromDoc := analysis.EventDate(c, dates[d.ID])
				top := topCode(t, c.Code)
				events = append(events, analysis.Event{
					Date: date, DocName: d.Name, Code: t.Path(c.Code), Start: c.Span.Start, End: c.Span.End,
					Text: c.Span.Slice(runes), Doc: d.ID, Coding: c.ID, Logic: t.Path(top.ID), Color: top.Color, FromDocument: fromDoc,
				})
			}
		}
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	dated, undated := analysis.Timeline(events)
	return dated, undated, nil
}

// topCode returns the top-level code above id (id's own code at the top).
func topCode(t *codebook.Tree, id qda.ID) qda.Code {
	c, ok := t.Code(id)
	if !ok {
		return qda.Code{ID: id}
	}
	seen := map[qda.ID]bool{}
	for c.Parent != "" && !seen[c.ID] {
		seen[c.ID] = true
		parent, ok := t.Code(c.Parent)
		if !ok {
			break
		}
		c = parent
	}
	return *c
}

// documentDates reads each document's Date attribute.
func documentDates(tx *store.Tx) (map[qda.ID]string, error) {
	vars, err := tx.Variables()
	if err != nil {
		return nil, err
	}
	dateVars := map[qda.ID]bool{}
	for _, v := range vars {
		if v.Scope == qda.ScopeDocument && strings.EqualFold(v.Name, DateAttribute) {
			dateVars[v.ID] = true
		}
	}
	out := map[qda.ID]string{}
	if len(dateVars) == 0 {
		return out, nil
	}
	vals, err := tx.Values()
	if err != nil {
		return nil, err
	}
	for _, v := range vals {
		if dateVars[v.Variable] {
			if d, err := eventDateRule.Normalize(v.Value); err == nil {
				out[v.Owner] = d
			}
		}
	}
	return out, nil
}

// eventDateRule is how event dates are read and written: a date variable's
// rule (YYYY-MM-DD, also 2006/01/02).
var eventDateRule = qda.Variable{Name: "event date", Type: qda.VarDate}

// NormalizeEventDate reads date as SetEventDate does: YYYY-MM-DD (or a
// time stamp of that day), "" for none; what else is written is refused,
// saying how to write it.
func NormalizeEventDate(date string) (string, error) { return eventDateRule.Normalize(date) }

// SetEventDate gives a coding the date its event happened (YYYY-MM-DD); an
// empty date clears it, so the document's Date stands for it again.
func (p *Project) SetEventDate(coding qda.ID, date string) error {
	d, err := NormalizeEventDate(date)
	if err != nil {
		return err
	}
	var doc qda.ID
	err = p.view(func(tx *store.Tx) error {
		c, err := tx.Coding(coding)
		if err == nil {
			doc = c.Document
		}
		return err
	})
	if err != nil {
		return err
	}
	return p.act(Change{Action: "Set event date", Documents: []qda.ID{doc}}, func(tx *store.Tx) error {
		c, err := tx.Coding(coding)
		if err != nil {
			return err
		}
		c.EventDate = d
		return tx.PutCoding(c)
	})
}

// SuggestEventDate reads a date written in the coded text (or, failing that,
// in the passage around it), for the researcher to accept or not.
func (p *Project) SuggestEventDate(coding qda.ID) (string, bool, error) {
	var text, around string
	err := p.view(func(tx *store.Tx) error {
		c, err := tx.Coding(coding)
		if err != nil {
			return err
		}
		d, err := tx.DocumentWithText(c.Document)
		if err != nil {
			return err
		}
		runes := []rune(d.Text)
		text = c.Span.Slice(runes)
		if i := d.PassageAt(c.Span.Start); i >= 0 {
			around = d.Passages[i].Span.Slice(runes)
		}
		return nil
	})
	if err != nil {
		return "", false, err
	}
	if date, ok := analysis.SuggestDate(text); ok {
		return date, true, nil
	}
	date, ok := analysis.SuggestDate(around)
	return date, ok, nil
}
