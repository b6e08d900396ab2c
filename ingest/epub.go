package ingest

import (
	"encoding/xml"
	"io"
	"net/url"
	"path"
	"strings"

	"coder/qda"
)

// parseEPUB reads an e-book: META-INF/container.xml names the package
// document (OPF), whose spine lists the XHTML chapters in reading order;
// each chapter goes through the HTML reader. Items the spine marks
// non-linear (covers, pop-up notes) come last, as readers show them.
func parseEPUB(p *parser, data []byte) error {
	a, err := p.openArchive(data, "EPUB")
	if err != nil {
		return err
	}
	container, err := a.read("META-INF/container.xml")
	if err != nil {
		return err
	}
	opfPath, err := epubRootfile(p, container)
	if err != nil {
		return err
	}
	opf, err := a.read(opfPath)
	if err != nil {
		return err
	}
	chapters, err := epubSpine(p, opf, opfPath)
	if err != nil {
		return err
	}
	if len(chapters) == 0 {
		return &qda.Error{What: p.name, Why: "the e-book lists no chapters in its spine", Fix: "open it in an e-book editor, save a fresh copy and import that"}
	}
	for _, ch := range chapters {
		if !a.has(ch) {
			p.warn("the e-book lists a chapter it does not contain: " + ch)
			continue
		}
		body, err := a.read(ch)
		if err != nil {
			return err
		}
		p.readHTML(body)
	}
	return nil
}

func epubRootfile(p *parser, data []byte) (string, error) {
	x := p.newXML(data, "META-INF/container.xml")
	for {
		t, err := x.next()
		if err == io.EOF {
			return "", &qda.Error{What: p.name, Why: "the e-book's container.xml names no package document", Fix: "open it in an e-book editor, save a fresh copy and import that"}
		}
		if err != nil {
			return "", err
		}
		if e, ok := t.(xml.StartElement); ok && e.Name.Local == "rootfile" {
			if fp := attr(e, "full-path"); fp != "" {
				return fp, nil
			}
		}
	}
}

// epubSpine returns the archive paths of the spine's documents in order.
func epubSpine(p *parser, data []byte, opfPath string) ([]string, error) {
	x := p.newXML(data, opfPath)
	hrefs := map[string]string{}
	var linear, nonLinear []string
	for {
		t, err := x.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		e, ok := t.(xml.StartElement)
		if !ok {
			continue
		}
		switch e.Name.Local {
		case "item":
			// Spines may list images or SVG pages; only (X)HTML holds text.
			if mt := attr(e, "media-type"); mt == "" || strings.Contains(mt, "html") {
				hrefs[attr(e, "id")] = attr(e, "href")
			}
		case "itemref":
			if attr(e, "linear") == "no" {
				nonLinear = append(nonLinear, attr(e, "idref"))
			} else {
				linear = append(linear, attr(e, "idref"))
			}
		}
	}
	base := path.Dir(opfPath)
	var out []string
	seen := map[string]bool{}
	for _, id := range append(linear, nonLinear...) {
		href, ok := hrefs[id]
		if !ok || href == "" {
			continue
		}
		if u, err := url.PathUnescape(href); err == nil {
			href = u
		}
		if i := strings.IndexByte(href, '#'); i >= 0 {
			href = href[:i]
		}
		full := path.Join(base, href)
		if !seen[full] {
			seen[full] = true
			out = append(out, full)
		}
	}
	return out, nil
}
