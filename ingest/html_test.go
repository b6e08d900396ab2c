package ingest_test

import (
	"reflect"
	"testing"

	"coder/qda"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// Ensure that a web page becomes its visible text: scripts, styles and the
// head dropped, blocks as paragraphs, headings, lists and table rows kept.
func TestImport_HTML(t *testing.T) {
	page := `<!DOCTYPE html><html><head><title>Ignored title</title><script>var x = "<p>not text</p>";</script>
<style>p { color: red }</style></head><body>
<nav>Home</nav>
<h2>Yard meeting, <em>May</em></h2>
<p>The residents   met
in the yard.<br>Chairs came from every flat.</p>
<div>Loose text <span>in a div</span><div>nested block</div></div>
<ul><li>clean the stairwell</li><li><p>fix the lamp</p></li></ul>
<ol><li>first</li><li>second</li></ol>
<table><tr><th>Role</th><th>Count</th></tr><tr><td>cadre</td><td>3 <b>people</b></td></tr></table>
<pre>  kept   as
  typed</pre>
<p>Fish &amp; chips &lt;3</p>
<noscript>enable scripts</noscript>
</body></html>`
	d := mustImport(t, "page.html", []byte(page)).Document
	want := []kindText{
		{qda.PassageParagraph, "Home"},
		{qda.PassageHeading, "Yard meeting, May"},
		{qda.PassageParagraph, "The residents met in the yard.\nChairs came from every flat."},
		{qda.PassageParagraph, "Loose text in a div"},
		{qda.PassageParagraph, "nested block"},
		{qda.PassageParagraph, "• clean the stairwell"},
		{qda.PassageParagraph, "• fix the lamp"},
		{qda.PassageParagraph, "1. first"},
		{qda.PassageParagraph, "2. second"},
		{qda.PassageRow, "Role\tCount"},
		{qda.PassageRow, "cadre\t3 people"},
		{qda.PassageParagraph, "kept   as\n  typed"},
		{qda.PassageParagraph, "Fish & chips <3"},
	}
	if got := kindTexts(&d); !reflect.DeepEqual(got, want) {
		t.Errorf("passages:\n got %q\nwant %q", got, want)
	}
	if d.Source.Format != "html" {
		t.Errorf("format %q", d.Source.Format)
	}
}

// Ensure that a page in a legacy Chinese encoding declared in a meta tag
// is decoded.
func TestImport_HTMLDeclaredCharset(t *testing.T) {
	body := `<html><head><meta charset="gbk"></head><body><p>居民议事会在院子里召开。</p></body></html>`
	data, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	d := mustImport(t, "page.htm", data).Document
	if got := passages(&d); len(got) != 1 || got[0] != "居民议事会在院子里召开。" {
		t.Errorf("passages = %q", got)
	}
	if d.Source.Encoding != "GBK" {
		t.Errorf("encoding = %q", d.Source.Encoding)
	}
}

// Ensure that a page that declares no encoding is detected like text.
func TestImport_HTMLUndeclaredBig5(t *testing.T) {
	data, err := traditionalchinese.Big5.NewEncoder().Bytes([]byte(`<html><body><p>居民議事會在院子裡召開。</p></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	d := mustImport(t, "page.html", data).Document
	if got := passages(&d); len(got) != 1 || got[0] != "居民議事會在院子裡召開。" || d.Source.Encoding != "Big5" {
		t.Errorf("passages = %q encoding %q", got, d.Source.Encoding)
	}
}

// Ensure that a page with no </head> or <body> still yields its text.
func TestImport_HTMLWithoutBodyTag(t *testing.T) {
	d := mustImport(t, "page.html", []byte(`<html><head><title>t</title><p>Text without a body tag.`)).Document
	if got := passages(&d); len(got) != 1 || got[0] != "Text without a body tag." {
		t.Errorf("passages = %q", got)
	}
}
