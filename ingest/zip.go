package ingest

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"path"
	"strings"

	"coder/qda"
)

// archive is a zip-based document (DOCX, ODT, EPUB) opened with limits: a
// cap on entries and on the bytes decompressed, so a zip bomb is refused
// instead of filling memory.
type archive struct {
	p      *parser
	kind   string // DOCX, ODT or EPUB, for messages
	files  map[string]*zip.File
	folded map[string]*zip.File // lower-case names, for tools that change case
	budget int64                // decompressed bytes still allowed
}

func (p *parser) openArchive(data []byte, kind string) (*archive, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, &qda.Error{What: p.name, Why: fmt.Sprintf("this is not a valid %s file (it is not a readable zip archive)", kind), Fix: "open it in the program that made it, save a fresh copy and import that", Err: err}
	}
	if len(zr.File) > MaxZipEntries {
		return nil, &qda.Error{What: p.name, Why: fmt.Sprintf("the %s file holds %d parts, more than the %d a document has; it may be a zip bomb", kind, len(zr.File), MaxZipEntries), Fix: "if the document is genuine, save it again without embedded files"}
	}
	a := &archive{p: p, kind: kind, files: map[string]*zip.File{}, folded: map[string]*zip.File{}, budget: unzipBudget(int64(len(data)))}
	for _, f := range zr.File {
		name := strings.TrimPrefix(path.Clean("/"+f.Name), "/")
		a.files[name] = f
		a.folded[strings.ToLower(name)] = f
	}
	return a, nil
}

// has reports whether the archive holds an entry.
func (a *archive) has(name string) bool {
	_, ok := a.lookup(name)
	return ok
}

func (a *archive) lookup(name string) (*zip.File, bool) {
	name = strings.TrimPrefix(path.Clean("/"+name), "/")
	if f, ok := a.files[name]; ok {
		return f, true
	}
	f, ok := a.folded[strings.ToLower(name)]
	return f, ok
}

// read returns an entry's bytes, charging them to the budget. A missing
// entry is an error naming the part, which the caller may treat as optional.
func (a *archive) read(name string) ([]byte, error) {
	f, ok := a.lookup(name)
	if !ok {
		return nil, &qda.Error{What: a.p.name, Why: fmt.Sprintf("this %s file lacks its %s part", a.kind, name), Fix: "open it in the program that made it, save a fresh copy and import that"}
	}
	if f.UncompressedSize64 > uint64(a.budget) {
		return nil, a.bomb()
	}
	rc, err := f.Open()
	if err != nil {
		return nil, &qda.Error{What: a.p.name, Why: fmt.Sprintf("the %s part of this %s file is damaged", name, a.kind), Fix: "open it in the program that made it, save a fresh copy and import that", Err: err}
	}
	defer rc.Close()
	// The header's size can lie; count what actually comes out.
	data, err := io.ReadAll(io.LimitReader(rc, a.budget+1))
	if int64(len(data)) > a.budget {
		return nil, a.bomb()
	}
	if err != nil {
		return nil, &qda.Error{What: a.p.name, Why: fmt.Sprintf("the %s part of this %s file is damaged", name, a.kind), Fix: "open it in the program that made it, save a fresh copy and import that", Err: err}
	}
	a.budget -= int64(len(data))
	return data, nil
}

func (a *archive) bomb() error {
	return &qda.Error{
		What: a.p.name,
		Why:  fmt.Sprintf("the %s file unpacks to more than %s, far more than its text could need; it may be a zip bomb", a.kind, humanSize(unzipBudget(a.p.size))),
		Fix:  "if the document is genuine, save it again without embedded media, or split it",
	}
}
