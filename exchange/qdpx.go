package exchange

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"coder/qda"
)

// zipTime is the modification time of every archive entry when the project
// has no creation time: a fixed time keeps exports byte-for-byte repeatable.
var zipTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// WriteQDPX writes b as a REFI-QDA project archive: project.qde, and each
// document's and each memo's text as sources/<guid>.txt in UTF-8. The same bundle always
// gives the same bytes.
func WriteQDPX(w io.Writer, b *qda.Bundle) error {
	var qde bytes.Buffer
	if err := WriteQDE(&qde, b); err != nil {
		return err
	}
	mod := zipTime
	if !b.Project.Created.IsZero() && b.Project.Created.Year() >= 1980 {
		mod = b.Project.Created.UTC()
	}
	zw := zip.NewWriter(w)
	add := func(name string, data []byte) error {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: mod})
		if err != nil {
			return err
		}
		_, err = f.Write(data)
		return err
	}
	if err := add("project.qde", qde.Bytes()); err != nil {
		return fmt.Errorf("writing .qdpx: %w", err)
	}
	for _, d := range sortedDocuments(b.Documents) {
		if err := add("sources/"+sourceFileName(d.ID), []byte(d.Text)); err != nil {
			return fmt.Errorf("writing .qdpx: %w", err)
		}
	}
	for _, m := range sortedMemos(b.Memos) {
		if !m.ID.Valid() {
			continue
		}
		if err := add("sources/"+sourceFileName(m.ID), []byte(xmlText(m.Text))); err != nil {
			return fmt.Errorf("writing .qdpx: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("writing .qdpx: %w", err)
	}
	return nil
}

// SourceFS gives ReadQDE the files a project refers to (plain texts, notes).
type SourceFS interface {
	// ReadSource returns the file named by rel, a path relative to the
	// project's sources folder such as "1f0e….txt", matched without regard
	// to case. A file that is not there gives an error wrapping
	// fs.ErrNotExist.
	ReadSource(rel string) ([]byte, error)
}

// ReadQDPX imports a REFI-QDA project from path: a .qdpx archive, or a lone
// .qde file (whose texts are then looked for in a sources/ folder beside
// it, and reported missing when absent). On any error nothing is returned.
func ReadQDPX(path string) (*qda.Bundle, *Report, error) {
	return readQDPX(path, DefaultLimits)
}

func readQDPX(file string, lim Limits) (*qda.Bundle, *Report, error) {
	name := filepath.Base(file)
	f, err := os.Open(file)
	if err != nil {
		return nil, nil, &qda.Error{What: name, Why: "cannot be opened: " + pathErr(err), Fix: "check the file exists and you may read it", Err: err}
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, nil, &qda.Error{What: name, Why: "cannot be read: " + pathErr(err), Err: err}
	}
	var magic [4]byte
	n, _ := io.ReadFull(f, magic[:])
	if n >= 2 && magic[0] == 'P' && magic[1] == 'K' {
		return readArchive(f, st.Size(), name, lim)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, nil, &qda.Error{What: name, Why: "cannot be read: " + err.Error(), Err: err}
	}
	data, err := readLimited(f, lim.MaxXML)
	if err != nil {
		return nil, nil, sizeError(name, err, lim.MaxXML)
	}
	var src SourceFS
	for _, d := range []string{"sources", "Sources"} {
		dir := filepath.Join(filepath.Dir(file), d)
		if st, err := os.Stat(dir); err == nil && st.IsDir() {
			src = dirSources{dir: dir, lim: lim}
			break
		}
	}
	return readQDE(data, name, src, lim)
}

// ReadArchive imports a .qdpx archive already in memory or open elsewhere;
// name is used in messages. On any error nothing is returned.
func ReadArchive(r io.ReaderAt, size int64, name string) (*qda.Bundle, *Report, error) {
	return readArchive(r, size, name, DefaultLimits)
}

func pathErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func sizeError(name string, err error, max int64) *qda.Error {
	if errors.Is(err, errTooBig) {
		return &qda.Error{
			What: name,
			Why:  fmt.Sprintf("is larger than %s, the most Coder will import", sizeText(max)),
			Fix:  "check the file is what you meant to import; nothing was imported",
			Err:  err,
		}
	}
	return &qda.Error{What: name, Why: "cannot be read: " + err.Error(), Fix: "nothing was imported", Err: err}
}

// readArchive imports a .qdpx. Every entry name is checked before anything is
// read, and every read is bounded by what it actually inflates to.
func readArchive(r io.ReaderAt, size int64, name string, lim Limits) (*qda.Bundle, *Report, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, nil, &qda.Error{
			What: name,
			Why:  "is not a readable .qdpx archive (" + err.Error() + ")",
			Fix:  "export the project again from the program that made it, or check the copy is complete; nothing was imported",
			Err:  err,
		}
	}
	if len(zr.File) > lim.MaxEntries {
		return nil, nil, &qda.Error{What: name, Why: fmt.Sprintf("holds more than %d files", lim.MaxEntries), Fix: "nothing was imported"}
	}
	zs := &zipSources{name: name, files: map[string]*zip.File{}, lim: lim}
	var qdes []string
	byName := map[string]*zip.File{}
	for _, f := range zr.File {
		clean, err := entryName(f.Name)
		if err != nil {
			return nil, nil, &qda.Error{
				What: name,
				Why:  fmt.Sprintf("contains an entry %q that %s", f.Name, err),
				Fix:  "this is not a file a QDA program writes; nothing was imported",
				Err:  qda.ErrInvalid,
			}
		}
		if strings.HasSuffix(clean, "/") {
			continue
		}
		byName[clean] = f
		if strings.EqualFold(path.Ext(clean), ".qde") {
			qdes = append(qdes, clean)
		}
	}
	if len(qdes) == 0 {
		return nil, nil, &qda.Error{What: name, Why: "holds no project.qde", Fix: "a .qdpx must contain a .qde project file; export it again; nothing was imported"}
	}
	// The shallowest .qde is the project; project.qde wins a tie.
	sort.Slice(qdes, func(i, j int) bool {
		di, dj := strings.Count(qdes[i], "/"), strings.Count(qdes[j], "/")
		if di != dj {
			return di < dj
		}
		pi, pj := strings.EqualFold(path.Base(qdes[i]), "project.qde"), strings.EqualFold(path.Base(qdes[j]), "project.qde")
		if pi != pj {
			return pi
		}
		return qdes[i] < qdes[j]
	})
	qdeName := qdes[0]
	base := path.Dir(qdeName)
	for n, f := range byName {
		rel := n
		if base != "." {
			if !strings.HasPrefix(n, base+"/") {
				continue
			}
			rel = strings.TrimPrefix(n, base+"/")
		}
		// sources/ or Sources/ or no folder at all: all the same to a reader.
		if i := strings.Index(rel, "/"); i >= 0 && strings.EqualFold(rel[:i], "sources") {
			rel = rel[i+1:]
		}
		zs.files[strings.ToLower(rel)] = f
	}
	data, err := zs.read(byName[qdeName], lim.MaxXML)
	if errors.Is(err, errTotal) {
		return nil, nil, totalError(name, lim)
	}
	if err != nil {
		return nil, nil, sizeError(name+": "+qdeName, err, lim.MaxXML)
	}
	b, rep, err := readQDE(data, name+": "+qdeName, zs, lim)
	if err != nil {
		return nil, nil, err
	}
	if len(qdes) > 1 {
		rep.warnf("the archive holds %d .qde files; %s was read", len(qdes), qdeName)
	}
	if zs.err != nil {
		return nil, nil, zs.err
	}
	return b, rep, nil
}

// errTotal marks an archive whose entries together inflate past MaxTotal.
var errTotal = errors.New("the archive unpacks to more than the import limit")

func totalError(name string, lim Limits) *qda.Error {
	return &qda.Error{
		What: name,
		Why:  fmt.Sprintf("unpacks to more than %s, the most Coder will import", sizeText(lim.MaxTotal)),
		Fix:  "check the file is what you meant to import; nothing was imported",
		Err:  errTotal,
	}
}

// sizeText writes a byte count for a message.
func sizeText(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%d KB", max(1, n>>10))
}

// entryName checks an archive entry name and returns it with forward slashes.
// Names that would escape the archive if extracted are refused: Coder never
// extracts, but a file carrying them was not written by a QDA program.
func entryName(n string) (string, error) {
	s := strings.ReplaceAll(n, "\\", "/")
	switch {
	case s == "":
		return "", errors.New("has no name")
	case strings.HasPrefix(s, "/"), len(s) > 1 && s[1] == ':':
		return "", errors.New("is an absolute path")
	case strings.ContainsRune(s, 0):
		return "", errors.New("has a NUL character in its name")
	}
	for _, part := range strings.Split(s, "/") {
		if part == ".." {
			return "", errors.New("points outside the archive")
		}
	}
	return s, nil
}

// zipSources serves source files from an archive, within the total budget.
type zipSources struct {
	name  string
	files map[string]*zip.File // by lower-case path relative to sources/
	lim   Limits
	total int64
	err   *qda.Error // a limit breached while reading sources: fatal
}

func (z *zipSources) read(f *zip.File, max int64) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := readLimited(rc, max)
	if err != nil {
		return nil, err
	}
	z.total += int64(len(b))
	if z.total > z.lim.MaxTotal {
		return nil, errTotal
	}
	return b, nil
}

func (z *zipSources) ReadSource(rel string) ([]byte, error) {
	f, ok := z.files[strings.ToLower(rel)]
	if !ok {
		return nil, fmt.Errorf("%s: %w", rel, fs.ErrNotExist)
	}
	b, err := z.read(f, z.lim.MaxSource)
	if err != nil {
		if z.err == nil {
			z.err = sizeError(z.name+": "+f.Name, err, z.lim.MaxSource)
			if errors.Is(err, errTotal) {
				z.err = totalError(z.name, z.lim)
			}
		}
		return nil, err
	}
	return b, nil
}

// dirSources serves source files from a folder beside a lone .qde.
type dirSources struct {
	dir string
	lim Limits
}

func (d dirSources) ReadSource(rel string) ([]byte, error) {
	if strings.ContainsAny(rel, "/\\") || rel == ".." || rel == "." {
		return nil, fmt.Errorf("%s: %w", rel, fs.ErrNotExist)
	}
	entries, err := os.ReadDir(d.dir)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		if e.Type().IsRegular() && strings.EqualFold(e.Name(), rel) {
			f, err := os.Open(filepath.Join(d.dir, e.Name()))
			if err != nil {
				return nil, err
			}
			defer f.Close()
			return readLimited(f, d.lim.MaxSource)
		}
	}
	return nil, fmt.Errorf("%s: %w", rel, fs.ErrNotExist)
}
