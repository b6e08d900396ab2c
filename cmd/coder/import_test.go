package main_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// recursingPDF is a PDF whose catalog lives inside an object stream that is
// the catalog itself: the PDF library follows it until the Go stack
// overflows, a crash no recover() can catch.
func recursingPDF() []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.5\n")
	off := b.Len()
	xref := []byte{0, 0, 0, 2, 1, 0, 1, byte(off), 0}
	fmt.Fprintf(&b, "2 0 obj\n<< /Type /XRef /Size 3 /W [1 1 1] /Root 1 0 R /Length %d >>\nstream\n", len(xref))
	b.Write(xref)
	fmt.Fprintf(&b, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", off)
	return b.Bytes()
}

// Ensure that PDFs are read in a child process: a PDF that crashes the PDF
// reader (a stack overflow, which would end any process it happened in)
// costs one failed file, and the rest of the batch goes in.
func TestCLI_PDFThatCrashesItsReaderCostsOneFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "p.coder")
	ok(t, "new", p)
	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	if err := os.WriteFile(filepath.Join(in, "crash.pdf"), recursingPDF(), 0o644); err != nil {
		t.Fatal(err)
	}
	writeTemp(t, in, "notes.txt", "The yard met on Sunday.\n")
	r := coder(t, "import", p, in)
	if r.code != 1 || !strings.Contains(r.stderr, "coder: crash.pdf: the PDF reader failed") {
		t.Errorf("exit %d, stderr %q: want one failure naming crash.pdf", r.code, r.stderr)
	}
	if docs := jsonOut[[]docRow](t, "docs", p); len(docs) != 1 || docs[0].Name != "notes" {
		t.Errorf("docs = %+v, want only notes", docs)
	}
}

// Ensure that a named pipe linked into a folder is skipped with a message
// instead of blocking the import (and the project's lock) for ever.
func TestCLI_ImportSkipsFIFOBehindLink(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "p.coder")
	ok(t, "new", p)
	fifo := filepath.Join(dir, "f")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("cannot make a FIFO here: %v", err)
	}
	in := filepath.Join(dir, "d")
	os.Mkdir(in, 0o755)
	writeTemp(t, in, "notes.txt", "The yard met on Sunday.\n")
	if err := os.Symlink(fifo, filepath.Join(in, "pipe.txt")); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(coderBin, "import", p, in)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("import: %v\n%s", err, errb.String())
		}
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		t.Fatal("import blocked on a named pipe")
	}
	if !strings.Contains(errb.String(), "pipe.txt: skipped: a named pipe") {
		t.Errorf("stderr %q: want the pipe skipped with a reason", errb.String())
	}
	if docs := jsonOut[[]docRow](t, "docs", p); len(docs) != 1 {
		t.Errorf("docs = %+v, want notes only", docs)
	}
}

// Ensure that Ctrl+C (SIGINT) ends an import soon, keeping every file that
// was imported before it.
func TestCLI_InterruptedImportKeepsWhatWasDone(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "p.coder")
	ok(t, "new", p)
	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	for i := range 3000 {
		writeTemp(t, in, fmt.Sprintf("note-%04d.txt", i), fmt.Sprintf("Field note %d: the yard met again and talked about the gate.\n", i))
	}
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(coderBin, "import", p, in)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Interrupt once the first documents are committed.
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if now, err := os.Stat(p); err == nil && !now.ModTime().Equal(st.ModTime()) {
			break
		}
	}
	time.Sleep(200 * time.Millisecond)
	cmd.Process.Signal(os.Interrupt)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		t.Fatal("import did not end after Ctrl+C")
	}
	if code := cmd.ProcessState.ExitCode(); code != 1 || !strings.Contains(errb.String(), "import cancelled after") {
		t.Fatalf("exit %d, stderr %q: want a cancellation saying what was kept", code, errb.String())
	}
	var n int
	fmt.Sscanf(errb.String()[strings.Index(errb.String(), "cancelled after"):], "cancelled after %d", &n)
	docs := jsonOut[[]docRow](t, "docs", p)
	if len(docs) != n || n == 0 || n == 3000 {
		t.Errorf("%d documents in the project, %d reported kept, of 3000", len(docs), n)
	}
}

// Ensure that a file name holding terminal escape sequences is printed with
// its control characters escaped by every command that prints it, and that
// --json still gives the name exactly.
func TestCLI_ControlCharactersInNamesPrintEscaped(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "p.coder")
	ok(t, "new", p)
	const name = "a\x1b[2J\x1b]0;PWNED\a\u009b"
	f := writeTemp(t, dir, name+".txt", "Interviewer: Where did the yard meet?\n\nMs Zhao: Under the gate.\n\nInterviewer: Every week?\n\nMs Zhao: Every Sunday.\n")
	bad := writeTemp(t, dir, name+".jpg", "not a picture")
	runs := []result{
		coder(t, "import", p, f, "--case", name),
		coder(t, "import", p, dir),
		coder(t, "import", p, bad),
		coder(t, "docs", p),
		coder(t, "cases", p),
		coder(t, "text", p, "--doc", name),
		coder(t, "speakers", p),
	}
	for i, r := range runs {
		for _, s := range []string{r.stdout, r.stderr} {
			if strings.ContainsAny(s, "\x1b\a\u009b") {
				t.Errorf("run %d printed a raw control character: %q", i, s)
			}
		}
	}
	if !strings.Contains(runs[3].stdout, `a\u001b[2J\u001b]0;PWNED\u0007\u009b`) {
		t.Errorf("docs printed %q, want the name with its escapes written out", runs[3].stdout)
	}
	if docs := jsonOut[[]docRow](t, "docs", p); len(docs) != 1 || docs[0].Name != name || docs[0].Case != name {
		t.Errorf("docs --json = %+v, want the name exactly", docs)
	}
}
