package ingest_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"coder/ingest"
)

// syntheticTranscript builds about size bytes of a fictional interview
// transcript with timed speaker turns in English and Chinese.
func syntheticTranscript(size int) []byte {
	var b strings.Builder
	lines := []string{
		"The committee met in the yard every second Tuesday, and people brought their own stools.",
		"我们一开始也不知道怎么办，后来大家坐下来一起商量，慢慢就有了办法。",
		"At first the street office sent a cadre, but after a year the residents ran the meetings.",
	}
	for i := 0; b.Len() < size; i++ {
		speaker := []string{"Interviewer", "Ms Zhao", "老李"}[i%3]
		fmt.Fprintf(&b, "%s  %02d:%02d:%02d\n%s\n%s\n\n", speaker, i/3600%24, i/60%60, i%60, lines[i%3], lines[(i+1)%3])
	}
	return []byte(b.String())
}

func BenchmarkImport_PlainTranscript10MB(b *testing.B) {
	data := syntheticTranscript(10 << 20)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		res, err := ingest.Bytes("transcript.txt", data, ingest.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Document.Passages) == 0 {
			b.Fatal("no passages")
		}
	}
}

func BenchmarkImport_TwoColumnPDF(b *testing.B) {
	dir, err := findShared("corpus", "en")
	if err != nil {
		b.Skipf("shared corpus not available: %v", err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "policy_us-eo-13859_ai-leadership_2019.pdf"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ingest.Bytes("eo.pdf", data, ingest.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkImport_DOCX(b *testing.B) {
	data := fictionalDOCX(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ingest.Bytes("notes.docx", data, ingest.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
