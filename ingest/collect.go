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
	case !info.Mode().IsRegular() && info.Mode()&fs.ModeSymlink == 0:
		return "not a regular file"
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
	f, err := os.Open(path)
	if err != nil {
		return "cannot be read: " + plainErr(err)
	}
	f.Close()
	return ""
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
