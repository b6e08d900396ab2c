package exchange

import (
	"fmt"
	"html/template"
	"io"
	"strings"

	"coder/qda"
)

// The HTML reports are single self-contained files: styles inline, no
// scripts, no fonts or images fetched, so they open offline and can be sent
// to a colleague as they are. html/template escapes every value.

const htmlStyle = `
body { font-family: "Noto Serif", Georgia, "Songti SC", "SimSun", serif; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #222; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2.5rem; border-bottom: 1px solid #ddd; padding-bottom: .2rem; }
.swatch { display: inline-block; width: .9em; height: .9em; border-radius: 2px; margin-right: .4em; vertical-align: -0.1em; border: 1px solid rgba(0,0,0,.2); }
.summary, .meta, .definition { color: #555; }
.definition { white-space: pre-wrap; font-style: italic; }
nav ul { list-style: none; padding-left: 0; } nav li { margin: .15rem 0; }
blockquote { margin: 1rem 0 .3rem; padding: .4rem .9rem; border-left: 4px solid #999; background: #fafafa; white-space: pre-wrap; }
.meta { font-size: .9rem; margin: 0 0 .3rem .9rem; }
.memo { font-size: .9rem; margin: 0 0 1rem .9rem; white-space: pre-wrap; }
.folder { color: #777; font-size: .85rem; }
.count { color: #777; font-size: .85rem; }
`

var excerptsHTML = template.Must(template.New("excerpts").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{.Title}}</title>
<style>{{.Style}}</style>
</head>
<body>
<h1>{{.Title}}</h1>
<p class="summary">{{.Project}}: {{len .Excerpts}} excerpt{{if ne (len .Excerpts) 1}}s{{end}} under {{len .Groups}} code{{if ne (len .Groups) 1}}s{{end}}.</p>
{{if .Groups}}<nav>
<h2>Contents</h2>
<ul>
{{range .Groups}}<li><span class="swatch" style="background: {{.CSSColor}}"></span><a href="#{{.Anchor}}">{{.Path}}</a> <span class="count">({{len .Excerpts}})</span></li>
{{end}}</ul>
</nav>
{{else}}<p>No coded excerpts match.</p>
{{end}}{{range .Groups}}
<section id="{{.Anchor}}">
<h2><span class="swatch" style="background: {{.CSSColor}}"></span>{{.Path}}</h2>
{{if .Description}}<p class="definition">{{.Description}}</p>
{{end}}{{$c := .CSSColor}}{{range .Excerpts}}<blockquote style="border-left-color: {{$c}}">{{.Text}}</blockquote>
<p class="meta">{{.Document}}, {{.Position}}{{if .Coder}} · coded by {{.Coder}}{{end}}{{if .Cases}} · {{.Cases}}{{end}}</p>
{{if .Memo}}<p class="memo">Memo: {{.Memo}}</p>
{{end}}{{end}}</section>
{{end}}</body>
</html>
`))

var codebookHTML = template.Must(template.New("codebook").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{.Title}}</title>
<style>{{.Style}}</style>
</head>
<body>
<h1>{{.Title}}</h1>
<p class="summary">{{len .Rows}} code{{if ne (len .Rows) 1}}s{{end}}.</p>
<nav>
<h2>Contents</h2>
<ul>
{{range .Rows}}<li style="margin-left: {{.Indent}}"><span class="swatch" style="background: {{.CSSColor}}"></span><a href="#{{.Anchor}}">{{.Name}}</a></li>
{{end}}</ul>
</nav>
{{range .Rows}}
<section id="{{.Anchor}}">
<h2><span class="swatch" style="background: {{.CSSColor}}"></span>{{.Path}}{{if .Folder}} <span class="folder">(folder)</span>{{end}}</h2>
{{if .Description}}<p class="definition">{{.Description}}</p>
{{else}}<p class="definition">No definition yet.</p>
{{end}}<p class="count">{{.Codings}} coding{{if ne .Codings 1}}s{{end}} · {{.Color}}</p>
</section>
{{end}}</body>
</html>
`))

// cssColor passes a colour to a style attribute only when it is #RRGGBB, so
// nothing from a project can inject CSS.
func cssColor(c string) template.CSS {
	if qda.ValidColor(c) {
		return template.CSS(c)
	}
	return template.CSS("#999999")
}

type htmlGroup struct {
	codeGroup
	CSSColor template.CSS
	Excerpts []htmlExcerpt
}

type htmlExcerpt struct {
	Excerpt
	Position string
	Cases    string
}

func writeExcerptsHTML(w io.Writer, b *qda.Bundle, ex []Excerpt, title string) error {
	var groups []htmlGroup
	for _, g := range groupByCode(b, ex) {
		hg := htmlGroup{codeGroup: g, CSSColor: cssColor(g.Color)}
		for _, e := range g.Excerpts {
			he := htmlExcerpt{Excerpt: e, Position: e.position()}
			if len(e.Cases) > 0 {
				he.Cases = "case " + strings.Join(e.Cases, ", ")
				if len(e.Cases) > 1 {
					he.Cases = "cases " + strings.Join(e.Cases, ", ")
				}
			}
			hg.Excerpts = append(hg.Excerpts, he)
		}
		groups = append(groups, hg)
	}
	return excerptsHTML.Execute(w, map[string]any{
		"Title":    title,
		"Style":    template.CSS(htmlStyle),
		"Project":  projectName(b),
		"Groups":   groups,
		"Excerpts": ex,
	})
}

type htmlCode struct {
	codeRow
	CSSColor template.CSS
	Indent   template.CSS
}

func writeCodebookHTML(w io.Writer, rows []codeRow, title string) error {
	var codes []htmlCode
	for _, r := range rows {
		codes = append(codes, htmlCode{codeRow: r, CSSColor: cssColor(r.Color), Indent: template.CSS(fmt.Sprintf("%.1frem", float64(r.Depth)*1.5))})
	}
	return codebookHTML.Execute(w, map[string]any{
		"Title": title,
		"Style": template.CSS(htmlStyle),
		"Rows":  codes,
	})
}
