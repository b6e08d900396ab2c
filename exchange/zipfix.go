package exchange

import (
	"archive/zip"
	"bytes"
	"io"
	"sort"
	"time"

	"coder/qda"
)

// exportTime is the time stamped into export packages: the project's
// creation time, so the same project always exports to the same bytes.
func exportTime(b *qda.Bundle) time.Time {
	if t := b.Project.Created; !t.IsZero() && t.Year() >= 1980 {
		return t.UTC().Truncate(time.Second)
	}
	return zipTime
}

// repackZip rewrites a zip with its entries in name order and one fixed
// modification time. Excelize writes its parts in map order with the current
// time, which would make every export of the same project differ.
func repackZip(w io.Writer, data []byte, mod time.Time) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return err
	}
	files := append([]*zip.File(nil), zr.File...)
	sort.SliceStable(files, func(i, j int) bool {
		// [Content_Types].xml first, as Office writes it; some readers care.
		ci, cj := files[i].Name == "[Content_Types].xml", files[j].Name == "[Content_Types].xml"
		if ci != cj {
			return ci
		}
		return files[i].Name < files[j].Name
	})
	zw := zip.NewWriter(w)
	for _, f := range files {
		rc, err := f.Open()
		if err != nil {
			return err
		}
		out, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: mod})
		if err == nil {
			_, err = io.Copy(out, rc)
		}
		rc.Close()
		if err != nil {
			return err
		}
	}
	return zw.Close()
}
