package exchange

import (
	"coder/codebook"
	"coder/qda"
)

// codeRow is one code as the codebook exports show it.
type codeRow struct {
	ID          qda.ID
	Path        string
	Name        string
	Parent      string // the parent's path, "" at the top
	Depth       int    // 0 at the top
	Color       string
	Folder      bool
	Description string
	Codings     int // codings made with this code itself
	Anchor      string
}

// codebookRows lists the codes in tree order with their usage.
func codebookRows(b *qda.Bundle) []codeRow {
	t := codebook.NewTree(b.Codes)
	uses := map[qda.ID]int{}
	for _, c := range b.Codings {
		uses[c.Code]++
	}
	var rows []codeRow
	t.Walk(func(c *qda.Code, depth int) {
		r := codeRow{
			ID:          c.ID,
			Path:        t.Path(c.ID),
			Name:        c.Name,
			Depth:       depth,
			Color:       c.Color,
			Folder:      c.Folder,
			Description: c.Description,
			Codings:     uses[c.ID],
			Anchor:      "code-" + string(c.ID),
		}
		if depth > 0 {
			r.Parent = t.Path(c.Parent)
		}
		rows = append(rows, r)
	})
	return rows
}
