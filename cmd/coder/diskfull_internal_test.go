package main

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"syscall"
	"testing"

	"coder/project"
)

// Ensure that when the disk fills during an import, the files it fails are
// reported in one message naming the first, not the same line once a file
// (seven times, before); other failures keep a line each.
func TestPrintFailures_DiskFullIsOneMessage(t *testing.T) {
	var buf bytes.Buffer
	defer func(w io.Writer) { stderr = w }(stderr)
	stderr = &buf
	full := &fs.PathError{Op: "write", Path: "p.coder", Err: syscall.ENOSPC}
	var failed []project.Failure
	for i := 1; i <= 7; i++ {
		failed = append(failed, project.Failure{Path: fmt.Sprintf("/in/note%d.txt", i), Err: full})
	}
	failed = append(failed, project.Failure{Path: "/in/bad.docx", Err: fmt.Errorf("bad.docx: not a Word file")})
	printFailures("p.coder", failed)
	out := buf.String()
	if n := strings.Count(out, "no space left") + strings.Count(out, "disk is full"); n != 1 {
		t.Errorf("the full disk is reported %d times:\n%s", n, out)
	}
	if !strings.Contains(out, "coder: note1.txt: the disk is full") || !strings.Contains(out, "nor 6 more") {
		t.Errorf("the message does not name the first file and count the rest:\n%s", out)
	}
	if !strings.Contains(out, "bad.docx: not a Word file") {
		t.Errorf("another failure was swallowed:\n%s", out)
	}
}
