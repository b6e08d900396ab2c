package ingest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"coder/qda"
)

// Options controls one import.
type Options struct {
	// MaxSize refuses files larger than this many bytes; 0 means DefaultMaxSize.
	MaxSize int64
	// Kind is the document kind to set; "" means guess: a transcript with
	// speaker turns is an interview, anything else is other.
	Kind qda.Kind
	// Context, when set, stops work that can take long (a PDF read in a
	// child process) as soon as it is cancelled; nil means never.
	Context context.Context
	// NoTurns keeps passages as the source's paragraphs: speaker labels
	// are not looked for (REFI-QDA sources come with their own passages).
	NoTurns bool
}

// Result is one imported document and what the researcher should be told about it.
type Result struct {
	// Document has a fresh ID, its name (the file's base name without
	// extension), kind, final text, passages and source facts.
	Document qda.Document
	// Warnings are things the import changed or guessed that the researcher
	// should know, e.g. "removed 3 NUL characters, which XML cannot carry".
	Warnings []string
}

// supportedHint is the Fix for every "cannot read this" refusal.
const supportedHint = "import .txt, .md, .docx, .odt, .rtf, .html, .epub, .pdf, .srt or .vtt files"

// format is one file format: its canonical name and the parser that turns
// the file's bytes into a document under construction.
type format struct {
	name  string
	parse func(p *parser, data []byte) error
}

// formats maps lower-case extensions to their format.
var formats = map[string]format{
	".txt":      {"txt", parsePlain},
	".text":     {"txt", parsePlain},
	".md":       {"md", parseMarkdown},
	".markdown": {"md", parseMarkdown},
	".docx":     {"docx", parseDOCX},
	".odt":      {"odt", parseODT},
	".html":     {"html", parseHTMLFile},
	".htm":      {"html", parseHTMLFile},
	".xhtml":    {"html", parseHTMLFile},
	".epub":     {"epub", parseEPUB},
	".rtf":      {"rtf", parseRTF},
	".pdf":      {"pdf", parsePDF},
	".srt":      {"srt", parseSRT},
	".vtt":      {"vtt", parseVTT},
}

// IsolatePDF, when set, imports PDF files instead of Bytes doing it in this
// process (File and Bytes call it for every file whose content is a PDF).
// The PDF library can be driven into endless recursion by a deliberately
// built file, and a Go stack overflow cannot be recovered, so the app and
// the CLI set this to run PDF reading in a child process whose death is
// just a failed file. The child itself leaves it nil.
var IsolatePDF func(name string, data []byte, opt Options) (*Result, error)

// Formats returns the file extensions Coder imports, with their leading dot
// and sorted, for file dialogs and folder scans.
func Formats() []string {
	out := make([]string, 0, len(formats))
	for ext := range formats {
		out = append(out, ext)
	}
	sort.Strings(out)
	return out
}

// Supported reports whether a file name has an extension Coder imports.
func Supported(name string) bool {
	_, ok := formats[strings.ToLower(filepath.Ext(name))]
	return ok
}

// File reads the file at path and imports it, choosing the format from the
// extension (or, for an unknown extension, from the content).
func File(path string, opt Options) (*Result, error) {
	name := filepath.Base(path)
	st, err := os.Stat(path)
	if err != nil {
		return nil, openError(name, err)
	}
	if st.IsDir() {
		return nil, &qda.Error{What: name, Why: "this is a folder, not a file", Fix: "import the files inside it, or import the folder as a batch"}
	}
	if !st.Mode().IsRegular() {
		return nil, &qda.Error{What: name, Why: "this is " + notRegular(st.Mode()), Fix: "import regular files only"}
	}
	f, err := openRegular(path)
	if err != nil {
		return nil, openError(name, err)
	}
	defer f.Close()
	if st, err = f.Stat(); err != nil {
		return nil, openError(name, err)
	}
	max := maxSize(opt)
	if st.Size() > max {
		return nil, tooBig(name, st.Size(), max)
	}
	// Read one byte past the limit so a file that grows while we read is
	// still refused rather than silently cut. The buffer is sized from the
	// file, so reading does not double it again and again (a 100 MB file
	// would take 256 MB).
	var buf bytes.Buffer
	buf.Grow(int(st.Size()) + bytes.MinRead + 1)
	if _, err := buf.ReadFrom(io.LimitReader(f, max+1)); err != nil {
		return nil, openError(name, err)
	}
	// The buffer is this import's own, so its text is read in place rather
	// than copied: a 100 MB file is held once, not twice, while it parses.
	return parseBytes(name, buf.Bytes(), opt, true)
}

// Bytes imports a file already in memory; name supplies the extension that
// chooses the format and the document's name.
func Bytes(name string, data []byte, opt Options) (*Result, error) {
	return parseBytes(name, data, opt, false)
}

// parseBytes is Bytes; owned says data is the import's own and nothing will
// write to it, so decoded UTF-8 text may share its memory.
func parseBytes(name string, data []byte, opt Options, owned bool) (*Result, error) {
	base := filepath.Base(name)
	if max := maxSize(opt); int64(len(data)) > max {
		return nil, tooBig(base, int64(len(data)), max)
	}
	if opt.Kind != "" {
		if _, err := qda.ParseKind(string(opt.Kind)); err != nil {
			return nil, &qda.Error{What: base, Why: err.Error(), Fix: "choose a valid document kind", Err: qda.ErrInvalid}
		}
	}
	if len(data) == 0 {
		return nil, &qda.Error{What: base, Why: "the file is empty", Fix: "choose a file with text in it"}
	}
	ext := strings.ToLower(filepath.Ext(base))
	f, ok := formats[ext]
	if !ok || (f.name == "docx" && sniffExt(data) == ".ole") {
		f = sniff(data)
	}
	if f.name == "pdf" && IsolatePDF != nil {
		return IsolatePDF(base, data, opt)
	}
	// The file's facts are taken first: once parsed, its bytes are no
	// longer needed and a large file's memory can go back.
	sum := sha256.Sum256(data)
	size := int64(len(data))
	p := newParser(base, size)
	p.owned = owned
	if err := p.run(f, data); err != nil {
		return nil, err
	}
	doc, err := p.document(f.name, opt.Kind, !opt.NoTurns)
	if err != nil {
		return nil, err
	}
	doc.ID = qda.NewID()
	doc.Name = docName(base)
	doc.Source.FileName = base
	doc.Source.SHA256 = hex.EncodeToString(sum[:])
	doc.Source.Size = size
	doc.Imported = time.Now().UTC()
	if err := doc.Validate(); err != nil {
		// The parsers build passages by construction; reaching this is a bug,
		// but the researcher still deserves a message rather than bad data.
		return nil, &qda.Error{What: base, Why: "the imported structure is inconsistent: " + err.Error(), Fix: "report this file to the Coder developers", Err: err}
	}
	return &Result{Document: *doc, Warnings: p.warnings()}, nil
}

// run calls the format's parser, turning a panic from a third-party decoder
// into an error so one broken file cannot take the whole batch down.
func (p *parser) run(f format, data []byte) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &qda.Error{What: p.name, Why: fmt.Sprintf("the %s file is damaged and could not be read (%v)", strings.ToUpper(f.name), r), Fix: "open it in the program that made it, save a fresh copy and import that"}
		}
	}()
	err = f.parse(p, data)
	var qe *qda.Error
	if err != nil && !errors.As(err, &qe) {
		err = &qda.Error{What: p.name, Why: fmt.Sprintf("the %s file could not be read: %v", strings.ToUpper(f.name), err), Fix: "open it in the program that made it, save a fresh copy and import that", Err: err}
	}
	return err
}

// sniff chooses a format for a file whose extension says nothing, from the
// first bytes: a misnamed PDF, zip-based document or RTF is still read right,
// and anything else is treated as text (which refuses binary data).
func sniff(data []byte) format {
	ext := sniffExt(data)
	if ext == ".ole" {
		return oleFormat
	}
	f, ok := formats[ext]
	if !ok {
		return formats[".txt"]
	}
	return f
}

// sniffExt names the extension a file's content suggests.
func sniffExt(data []byte) string {
	head := data[:min(len(data), 512)]
	switch {
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return ".pdf"
	case bytes.HasPrefix(head, []byte("{\\rtf")):
		return ".rtf"
	case bytes.HasPrefix(head, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")):
		return ".ole"
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		switch {
		case bytes.Contains(data, []byte("word/document.xml")):
			return ".docx"
		case bytes.Contains(head, []byte("application/epub+zip")):
			return ".epub"
		case bytes.Contains(head, []byte("application/vnd.oasis.opendocument.text")):
			return ".odt"
		}
	case bytes.HasPrefix(bytes.TrimLeft(head, "\ufeff \t\r\n"), []byte("WEBVTT")):
		return ".vtt"
	}
	lower := bytes.ToLower(head)
	if bytes.Contains(lower, []byte("<!doctype html")) || bytes.Contains(lower, []byte("<html")) {
		return ".html"
	}
	return ".txt"
}

// oleFormat refuses the pre-2007 Microsoft Office formats (.doc and its
// kin), which are binary and which every word processor converts.
var oleFormat = format{"doc", func(p *parser, _ []byte) error {
	return &qda.Error{What: p.name, Why: "this is an old Microsoft Office file (Word 97-2003 .doc or similar), which Coder cannot read", Fix: "open it in Word or LibreOffice, save it as .docx and import that"}
}}

func maxSize(opt Options) int64 {
	if opt.MaxSize > 0 {
		return opt.MaxSize
	}
	return DefaultMaxSize
}

// docName is the file name without its extension, or the whole name when
// that would leave nothing (".notes").
func docName(base string) string {
	n := strings.TrimSuffix(base, filepath.Ext(base))
	if strings.TrimSpace(n) == "" {
		return base
	}
	return n
}

func tooBig(name string, size, max int64) error {
	return &qda.Error{
		What: name,
		Why:  fmt.Sprintf("the file is %s, more than the %s limit", humanSize(size), humanSize(max)),
		Fix:  "split it into smaller files, or raise the import size limit",
	}
}

func openError(name string, err error) error {
	why := "the file could not be read"
	switch {
	case errors.Is(err, os.ErrNotExist):
		why = "there is no such file"
	case errors.Is(err, os.ErrPermission):
		why = "you do not have permission to read the file"
	}
	return &qda.Error{What: name, Why: why, Fix: "check the path and the file's permissions", Err: err}
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
