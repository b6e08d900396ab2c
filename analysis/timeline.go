package analysis

import (
	"sort"

	"coder/qda"
)

// Event is one coded event on a case's timeline: a coding with the date it
// happened.
type Event struct {
	Date    string `json:"date"` // YYYY-MM-DD
	DocName string `json:"document"`
	Code    string `json:"code"` // the code's path
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Text    string `json:"text"`

	Doc    qda.ID `json:"-"`
	Coding qda.ID `json:"-"`
	// Logic is the top-level code the coding falls under (its own path when
	// it is top-level): what the timeline colours by.
	Logic string `json:"-"`
	Color string `json:"-"` // the top-level code's colour
	// FromDocument is set when the date is the document's Date attribute,
	// the coding having no event date of its own.
	FromDocument bool `json:"-"`
}

// EventDate is the date a coding's event happened: its own event date when
// the researcher gave one, else its document's date; "" when neither is
// known.
func EventDate(c qda.Coding, docDate string) (date string, fromDocument bool) {
	if c.EventDate != "" {
		return c.EventDate, false
	}
	return docDate, docDate != ""
}

// Timeline puts dated events in date order (then document, then position)
// and leaves undated ones out, returning how many were left out.
func Timeline(events []Event) (dated []Event, undated int) {
	dated = make([]Event, 0, len(events))
	for _, e := range events {
		if e.Date == "" {
			undated++
			continue
		}
		dated = append(dated, e)
	}
	sort.SliceStable(dated, func(i, j int) bool {
		a, b := dated[i], dated[j]
		if a.Date != b.Date {
			return a.Date < b.Date
		}
		if a.DocName != b.DocName {
			return a.DocName < b.DocName
		}
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.Code < b.Code
	})
	return dated, undated
}
