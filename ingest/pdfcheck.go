package ingest

import (
	"github.com/ledongthuc/pdf"
)

// maxPDFChain bounds how far a Parent chain or nested XObjects are
// followed: real files go a few levels deep, and a chain longer than this
// loops back on itself.
const maxPDFChain = 64

// pdfPageDamage returns why a page's structure is broken, or "" when it is
// sound: a Parent chain that loops, Contents that are not content streams
// (a page naming itself), a stream whose Length refers to itself, or an
// XObject that draws itself. The PDF library would otherwise loop for ever
// on some of these and quietly read nothing from the others, and the file
// would be mistaken for scanned pages.
func pdfPageDamage(pg pdf.Page) (why string) {
	defer func() {
		if recover() != nil {
			why = "a page's objects cannot be read"
		}
	}()
	v := pg.V
	for i := 0; !v.IsNull(); i++ {
		if i > maxPDFChain {
			return "a page's Parent refers back to itself"
		}
		v = v.Key("Parent")
	}
	c := pg.V.Key("Contents")
	switch c.Kind() {
	case pdf.Null:
	case pdf.Stream:
		if why := pdfStreamDamage(c); why != "" {
			return why
		}
	case pdf.Array:
		for i := 0; i < c.Len(); i++ {
			s := c.Index(i)
			if s.Kind() != pdf.Stream {
				return "a page's Contents refer to something that is not page content (possibly itself)"
			}
			if why := pdfStreamDamage(s); why != "" {
				return why
			}
		}
	default:
		return "a page's Contents refer to something that is not page content (possibly itself)"
	}
	return pdfXObjectDamage(pg.Resources(), 0)
}

// pdfStreamDamage checks that a stream's Length is a number, not a
// reference back to the stream.
func pdfStreamDamage(s pdf.Value) string {
	if k := s.Key("Length").Kind(); k != pdf.Integer {
		return "a stream's Length refers to itself or is missing"
	}
	return ""
}

// pdfXObjectDamage follows the form XObjects a resource dictionary names,
// and the ones they name in turn, to find one that draws itself.
func pdfXObjectDamage(res pdf.Value, depth int) string {
	if depth > maxPDFChain/4 {
		return "an XObject draws itself"
	}
	xs := res.Key("XObject")
	for _, name := range xs.Keys() {
		x := xs.Key(name)
		if x.Kind() != pdf.Stream {
			if x.Kind() == pdf.Null {
				continue
			}
			return "an XObject is not a stream (it refers to itself or its page)"
		}
		if why := pdfStreamDamage(x); why != "" {
			return why
		}
		if x.Key("Subtype").Name() == "Form" {
			if why := pdfXObjectDamage(x.Key("Resources"), depth+1); why != "" {
				return why
			}
		}
	}
	return ""
}
