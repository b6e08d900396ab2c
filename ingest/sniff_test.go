package ingest_test

import (
	"testing"
)

// Ensure that a file whose extension says nothing useful is read by its
// content: a PDF, a Word file, an RTF, a WebVTT file, a web page, text.
func TestImport_UnknownExtensionIsSniffed(t *testing.T) {
	cases := []struct {
		name   string
		data   []byte
		format string
	}{
		{"report", minimalPDF("BT /F1 12 Tf 72 720 Td (Sniffed text.) Tj ET"), "pdf"},
		{"interview.dat", fictionalDOCX(t), "docx"},
		{"book.bin", fictionalEPUB(t), "epub"},
		{"notes.doc", []byte(`{\rtf1\ansi Old notes.\par}`), "rtf"},
		{"captions", []byte("WEBVTT\n\n00:01.000 --> 00:02.000\nHello.\n"), "vtt"},
		{"page.php", []byte("<!DOCTYPE html><html><body><p>Hi.</p></body></html>"), "html"},
		{"README", []byte("Plain words.\n"), "txt"},
	}
	t.Run("OldWordFile", func(t *testing.T) {
		ole := append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), make([]byte, 600)...)
		for _, name := range []string{"minutes.doc", "minutes.docx"} {
			_, err := ingestBytes(name, ole)
			wantError(t, err, name, "old Microsoft Office file")
		}
	})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := mustImport(t, c.name, c.data).Document
			if d.Source.Format != c.format {
				t.Errorf("format = %q, want %q", d.Source.Format, c.format)
			}
		})
	}
}
