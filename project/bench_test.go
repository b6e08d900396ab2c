package project_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"coder/project"
	"coder/qda"
)

// benchCorpus writes n fictional transcripts of about size bytes each.
func benchCorpus(b *testing.B, n, size int) string {
	b.Helper()
	dir := b.TempDir()
	turn := "Resident %d: The yard meeting decided who would sweep the stairs and who would ask the office about the lights.\n"
	for i := 0; i < n; i++ {
		var sb strings.Builder
		for j := 0; sb.Len() < size; j++ {
			fmt.Fprintf(&sb, "Interviewer: What happened in week %d?\n", j)
			fmt.Fprintf(&sb, turn, j%3)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("t%04d.txt", i)), []byte(sb.String()), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

// BenchmarkImport measures importing transcripts into the project file (read,
// decode, split into turns, commit), without the search index.
func BenchmarkImport(b *testing.B) {
	const n, size = 50, 100 << 10
	dir := benchCorpus(b, n, size)
	b.SetBytes(n * size)
	for i := 0; i < b.N; i++ {
		p, err := project.Create(filepath.Join(b.TempDir(), "b.coder"), project.CreateOptions{Codebook: "empty", Options: project.Options{Backups: -1, IndexDir: b.TempDir()}})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := p.Import(context.Background(), []string{dir}, project.ImportOptions{}, nil); err != nil {
			b.Fatal(err)
		}
		p.Close()
	}
}

// BenchmarkApplyCode measures one coding as the app makes it: one
// transaction committed to disk, then the open search index updated.
func BenchmarkApplyCode(b *testing.B) {
	dir := benchCorpus(b, 100, 50<<10)
	p, err := project.Create(filepath.Join(b.TempDir(), "b.coder"), project.CreateOptions{Codebook: "logics", Options: project.Options{Backups: -1, IndexDir: b.TempDir()}})
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	rep, err := p.Import(context.Background(), []string{dir}, project.ImportOptions{}, nil)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := p.OpenIndex(context.Background(), nil); err != nil {
		b.Fatal(err)
	}
	code, _ := p.FindCode("Community logic")
	doc := rep.Imported[0].Document
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := (i * 13) % 40000
		if _, err := p.ApplyCode(doc, qda.Span{Start: start, End: start + 20 + i%7}, code.ID); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkApplyCodeNoIndex is BenchmarkApplyCode before the first search,
// when no index is open: the cost of the store alone.
func BenchmarkApplyCodeNoIndex(b *testing.B) {
	dir := benchCorpus(b, 100, 50<<10)
	p, err := project.Create(filepath.Join(b.TempDir(), "b.coder"), project.CreateOptions{Codebook: "logics", Options: project.Options{Backups: -1, IndexDir: b.TempDir()}})
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	rep, err := p.Import(context.Background(), []string{dir}, project.ImportOptions{}, nil)
	if err != nil {
		b.Fatal(err)
	}
	code, _ := p.FindCode("Community logic")
	doc := rep.Imported[0].Document
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := (i * 13) % 40000
		if _, err := p.ApplyCode(doc, qda.Span{Start: start, End: start + 20 + i%7}, code.ID); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCodeSpeaker_LongTranscript codes every turn of one speaker in a
// transcript of 5,000 turns: the work must grow with the turns, not their square.
func BenchmarkCodeSpeaker_LongTranscript(b *testing.B) {
	var sb strings.Builder
	for i := 0; i < 2500; i++ {
		fmt.Fprintf(&sb, "Interviewer: Question %d about the yard?\nResident Li: Answer %d about the gate and the lights.\n", i, i)
	}
	dir := b.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "long.txt"), []byte(sb.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		p, err := project.Create(filepath.Join(b.TempDir(), "b.coder"), project.CreateOptions{Codebook: "logics", Options: project.Options{Backups: -1, IndexDir: b.TempDir()}})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := p.Import(context.Background(), []string{dir}, project.ImportOptions{}, nil); err != nil {
			b.Fatal(err)
		}
		code, _ := p.FindCode("Community logic")
		b.StartTimer()
		n, err := p.CodeSpeaker("Resident Li", code.ID)
		if err != nil || n != 2500 {
			b.Fatalf("CodeSpeaker = %d, %v", n, err)
		}
		b.StopTimer()
		p.Close()
	}
}
