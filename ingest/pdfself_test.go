package ingest_test

import (
	"strings"
	"testing"
)

// Ensure that PDFs whose objects refer to themselves (a stream's Length, a
// page's Contents or Parent, an XObject drawing itself) are reported as
// damaged, not as scanned pages without text.
func TestImport_PDFSelfReferencesAreDamaged(t *testing.T) {
	const content = "BT /F1 12 Tf 72 720 Td (Loop) Tj ET"
	cases := map[string]func(o []string){
		"Length": func(o []string) {
			o[3] = "<< /Length 4 0 R >>\nstream\n" + content + "\nendstream"
		},
		"Contents": func(o []string) {
			o[2] = strings.Replace(o[2], "/Contents 4 0 R", "/Contents 3 0 R", 1)
		},
		"Parent": func(o []string) {
			o[1] = "<< /Type /Pages /Kids [3 0 R] /Count 1 /Parent 2 0 R >>"
			o[2] = strings.Replace(o[2], "/Parent 2 0 R", "/Parent 3 0 R", 1)
		},
		"XObject": func(o []string) {
			draw := "q /X1 Do Q"
			o[2] = strings.Replace(o[2], "/Font << /F1 5 0 R >>", "/Font << /F1 5 0 R >> /XObject << /X1 6 0 R >>", 1)
			o[3] = "<< /Length 10 >>\nstream\n" + draw + "\nendstream"
		},
	}
	for name, breakIt := range cases {
		t.Run(name, func(t *testing.T) {
			// Object 6 is a form XObject that draws itself; only the
			// XObject case refers to it.
			objs := append(minimalPDFObjects(content), "<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /XObject << /X1 6 0 R >> >> /Length 10 >>\nstream\nq /X1 Do Q\nendstream")
			breakIt(objs)
			_, err := ingestBytes(name+".pdf", buildPDF(objs))
			wantError(t, err, name+".pdf", "damaged")
		})
	}
}
