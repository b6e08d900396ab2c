package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime/debug"
	"time"

	"coder/ingest"
	"coder/qda"
)

// pdfChildCommand is the hidden command under which this binary reads one
// PDF for its parent (see ingest.IsolatePDF).
const pdfChildCommand = "__ingest-pdf"

// pdfChildStack is the most stack the child's goroutines may use.
const pdfChildStack = 64 << 20

// pdfTimeout bounds one PDF's reading in the child.
const pdfTimeout = 2 * time.Minute

// pdfReply is what the child writes on stdout: a result or an error.
type pdfReply struct {
	Document *qda.Document `json:"document,omitempty"`
	Text     string        `json:"text,omitempty"` // Document.Text, which JSON skips
	Warnings []string      `json:"warnings,omitempty"`
	Error    *qda.Error    `json:"error,omitempty"`
}

// runPDFChild reads a PDF from stdin and writes its import as JSON.
func runPDFChild(args []string) int {
	if len(args) != 2 {
		return usageError(pdfChildCommand, "usage: "+pdfChildCommand+" NAME MAXSIZE < file.pdf")
	}
	var max int64
	fmt.Sscan(args[1], &max)
	data, err := io.ReadAll(os.Stdin)
	if err != nil {
		return fail(err)
	}
	ingest.IsolatePDF = nil
	// Real PDFs need a few kilobytes of stack; a file built to recurse
	// without end then dies quickly instead of after a gigabyte.
	debug.SetMaxStack(pdfChildStack)
	var reply pdfReply
	res, err := ingest.Bytes(args[0], data, ingest.Options{MaxSize: max})
	if err != nil {
		var qe *qda.Error
		if !errors.As(err, &qe) {
			qe = &qda.Error{What: args[0], Why: err.Error()}
		}
		reply.Error = &qda.Error{What: qe.What, Why: qe.Why, Fix: qe.Fix}
	} else {
		reply.Document, reply.Text, reply.Warnings = &res.Document, res.Document.Text, res.Warnings
	}
	if err := json.NewEncoder(os.Stdout).Encode(reply); err != nil {
		return fail(err)
	}
	return 0
}

// isolatedPDF returns an ingest.IsolatePDF that reads each PDF in a child
// process running exe. A child that dies (stack overflow, out of memory,
// timeout) costs the researcher one file with a clear message, not the app.
func isolatedPDF(exe string) func(name string, data []byte, opt ingest.Options) (*ingest.Result, error) {
	return func(name string, data []byte, opt ingest.Options) (*ingest.Result, error) {
		parent := opt.Context
		if parent == nil {
			parent = context.Background()
		}
		ctx, cancel := context.WithTimeout(parent, pdfTimeout)
		defer cancel()
		cmd := exec.CommandContext(ctx, exe, pdfChildCommand, name, fmt.Sprint(opt.MaxSize))
		cmd.Stdin = bytes.NewReader(data)
		hideChildConsole(cmd)
		var out bytes.Buffer
		cmd.Stdout = &out
		runErr := cmd.Run()
		var reply pdfReply
		if err := json.Unmarshal(out.Bytes(), &reply); err != nil || (reply.Document == nil && reply.Error == nil) {
			why := "the PDF reader failed on this file; it may be damaged or built to break readers"
			switch {
			case parent.Err() != nil:
				why = "reading this PDF was cancelled"
			case ctx.Err() != nil:
				why = fmt.Sprintf("reading this PDF took longer than %v", pdfTimeout)
			}
			return nil, &qda.Error{What: name, Why: why, Fix: "open it in a PDF viewer and save it as a new PDF, or export its text, and import that", Err: runErr}
		}
		if reply.Error != nil {
			return nil, reply.Error
		}
		doc := *reply.Document
		doc.Text = reply.Text
		if opt.Kind != "" {
			doc.Kind = opt.Kind
		}
		return &ingest.Result{Document: doc, Warnings: reply.Warnings}, nil
	}
}
