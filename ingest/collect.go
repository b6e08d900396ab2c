package ingest

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"coder/qda"
)

// Skipped is a path Collect left out, with the reason to show the researcher.
type Skipped struct {
	Path   string
	Reason string
}

// Collect expands files and folders (recursively) into the files to import,
// in a stable order: the paths in the order given, each folder's contents in
// lexical order. Folders skip hidden files and folders (names starting with
// "."), Word's "~$" lock files and files of unsupported types, reporting each
// with a reason; unreadable entries are reported the same way. A file named
// directly is always listed when its type is supported, even if hidden. A
// file reached twice is listed once. The error is non-nil only when a path
// given does not exist or cannot be examined at all, so a typo stops a batch
// before anything is imported.
func Collect(paths []string) (files []string, skipped []Skipped, err error) {
	seen := map[string]bool{}
	add := func(path string) {
		key := path
		if abs, err := filepath.Abs(path); err == nil {
			key = abs
		}
		if !seen[key] {
			seen[key] = true
			files = append(files, path)
		}
	}
	for _, root := range paths {
		st, err := os.Stat(root)
		if err != nil {
			why := "it cannot be read"
			if errors.Is(err, fs.ErrNotExist) {
				why = "there is no such file or folder"
			} else if errors.Is(err, fs.ErrPermission) {
				why = "you do not have permission to read it"
			}
			return nil, nil, &qda.Error{What: root, Why: why, Fix: "check the path", Err: err}
		}
		if !st.IsDir() {
			if reason := fileSkipReason(root, st, false); reason != "" {
				skipped = append(skipped, Skipped{root, reason})
				continue
			}
			add(root)
			continue
		}
		walkErr := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				skipped = append(skipped, Skipped{path, "cannot be read: " + plainErr(err)})
				if d != nil && d.IsDir() && path != root {
					return fs.SkipDir
				}
				return nil
			}
			if path == root {
				return nil
			}
			name := d.Name()
			if d.IsDir() {
				if strings.HasPrefix(name, ".") {
					skipped = append(skipped, Skipped{path, "hidden folder"})
					return fs.SkipDir
				}
				return nil
			}
			info, err := d.Info()
			if err != nil {
				skipped = append(skipped, Skipped{path, "cannot be read: " + plainErr(err)})
				return nil
			}
			if reason := fileSkipReason(path, info, true); reason != "" {
				skipped = append(skipped, Skipped{path, reason})
				return nil
			}
			add(path)
			return nil
		})
		if walkErr != nil {
			return nil, nil, &qda.Error{What: root, Why: "the folder cannot be read: " + plainErr(walkErr), Fix: "check the folder's permissions", Err: walkErr}
		}
	}
	return files, skipped, nil
}

// convertHints tell the researcher how to get common unsupported files in.
var convertHints = map[string]string{
	".doc":   "save it as .docx in Word or LibreOffice",
	".wps":   "save it as .docx in Word or LibreOffice",
	".pages": "export it as .docx from Pages",
	".rtfd":  "save it as .rtf",
	".odp":   "export the slides' text as .pdf",
	".ppt":   "export the slides' text as .pdf",
	".pptx":  "export the slides' text as .pdf",
	".mobi":  "convert it to .epub",
	".azw3":  "convert it to .epub",
}

// fileSkipReason says why a file should not be imported, or "" to import it.
func fileSkipReason(path string, info fs.FileInfo, inFolder bool) string {
	name := filepath.Base(path)
	switch {
	case inFolder && strings.HasPrefix(name, "~$"):
		return "a lock file the word processor keeps while the document is open"
	case inFolder && strings.HasPrefix(name, "."):
		return "hidden file"
	case !Supported(name):
		ext := strings.ToLower(filepath.Ext(name))
		if ext == "" {
			return "no file extension, so its type is unknown"
		}
		if hint, ok := convertHints[ext]; ok {
			return "unsupported file type " + ext + ": " + hint
		}
		return "unsupported file type " + ext
	}
	// A link is judged by what it points to: opening a named pipe or a
	// device blocks or reads for ever, so only regular files go in.
	if info.Mode()&fs.ModeSymlink != 0 {
		st, err := os.Stat(path)
		if err != nil {
			return "cannot be read: " + plainErr(err)
		}
		info = st
	}
	if !info.Mode().IsRegular() {
		return notRegular(info.Mode())
	}
	f, err := openRegular(path)
	if err != nil {
		return "cannot be read: " + plainErr(err)
	}
	f.Close()
	return ""
}

// notRegular says what a non-regular file is, for the skip message.
func notRegular(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder reached through a link (import the folder itself)"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO), not a regular file; reading it would wait for ever"
	case m&fs.ModeSocket != 0:
		return "a socket, not a regular file"
	case m&fs.ModeDevice != 0:
		return "a device, not a regular file"
	}
	return "not a regular file"
}

// openRegular opens path for reading only if it is a regular file once links
// are resolved. The check comes before the open, since opening a named pipe
// blocks until a writer appears, and again on the open file, in case the
// path was swapped in between (opening without blocking there).
func openRegular(path string) (*os.File, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "open", Path: path, Err: errors.New(notRegular(st.Mode()))}
	}
	f, err := os.OpenFile(path, os.O_RDONLY|openNoBlock, 0)
	if err != nil {
		return nil, err
	}
	if st, err = f.Stat(); err != nil || !st.Mode().IsRegular() {
		f.Close()
		if err == nil {
			err = &fs.PathError{Op: "open", Path: path, Err: errors.New(notRegular(st.Mode()))}
		}
		return nil, err
	}
	return f, nil
}

// plainErr strips the path that os errors repeat, since the path is shown
// beside the reason already.
func plainErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
