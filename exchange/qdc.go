package exchange

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"coder/qda"
)

// WriteQDC writes the codebook alone as a REFI-QDA .qdc file: codes with
// their colours, descriptions and hierarchy. A codebook needs at least one
// code to be a valid file.
func WriteQDC(w io.Writer, b *qda.Bundle) error {
	codes := buildCodes(b.Codes, nil)
	if len(codes) == 0 {
		return &qda.Error{What: "codebook export", Why: "the codebook has no codes", Fix: "add a code first; a REFI-QDA codebook must hold at least one"}
	}
	doc := xCodeBookFile{Xmlns: codebookNS, Origin: Origin, Codes: xCodes{Code: codes}}
	if sets := codeSets(b); len(sets) > 0 {
		doc.Sets = &xSets{Set: sets}
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("writing codebook: %w", err)
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// ReadQDC imports a REFI-QDA codebook. It also accepts a project.qde, taking
// only its codebook, since people send either when they mean "our codes".
// On any error nothing is returned.
func ReadQDC(r io.Reader, name string) ([]qda.Code, *Report, error) {
	return readQDC(r, name, DefaultLimits)
}

func readQDC(r io.Reader, name string, lim Limits) ([]qda.Code, *Report, error) {
	data, err := readLimited(r, lim.MaxXML)
	if err != nil {
		return nil, nil, sizeError(name, err, lim.MaxXML)
	}
	if rootName(data) == "Project" {
		b, rep, err := readQDE(data, name, nil, lim)
		if err != nil {
			return nil, nil, err
		}
		codebookOnly(rep, len(b.Codes))
		rep.CodeSets = b.CodeSets
		return b.Codes, rep, nil
	}
	var f xCodeBookFile
	if err := decodeXML(data, name, &f, lim); err != nil {
		return nil, nil, err
	}
	if f.XMLName.Local != "CodeBook" {
		return nil, nil, wrongRoot(name, f.XMLName.Local, "CodeBook", "codebook")
	}
	q := &qdeReader{rep: newReport(), taken: map[qda.ID]string{}, codes: map[qda.ID]bool{}, notes: map[qda.ID]noteTarget{}}
	q.rep.Producer = strings.TrimSpace(f.Origin)
	codes := q.readCodes(f.Codes.Code)
	if f.Sets != nil {
		taken := map[string]bool{}
		for _, s := range f.Sets.Set {
			name := cleanName(s.Name)
			if name == "" {
				name = "Unnamed set"
			}
			q.rep.CodeSets = append(q.rep.CodeSets, q.codeSet(q.id(s.GUID, fmt.Sprintf("set %q", name)), name, s, taken))
		}
		q.rep.Counts["sets"] = len(f.Sets.Set)
	}
	q.rep.finish()
	return codes, q.rep, nil
}

// rootName returns the local name of an XML document's root element, or ""
// when there is none to be found.
func rootName(data []byte) string {
	data, transcoded, err := toUTF8(data)
	if err != nil {
		return ""
	}
	d := newXMLDecoder(data, transcoded)
	for {
		tok, err := d.RawToken()
		if err != nil {
			return ""
		}
		if se, ok := tok.(xml.StartElement); ok {
			return se.Name.Local
		}
	}
}

// wrongRoot explains a file whose root is not the one expected.
func wrongRoot(name, root, want, hint string) *qda.Error {
	return &qda.Error{
		What: name,
		Why:  fmt.Sprintf("is not a REFI-QDA %s: its root element is <%s>, not <%s>", hint, root, want),
		Fix:  "choose a .qdpx or .qde project, or a .qdc codebook; nothing was imported",
		Err:  qda.ErrInvalid,
	}
}

func codebookOnly(rep *Report, codes int) {
	for k := range rep.Counts {
		if k != "codes" {
			delete(rep.Counts, k)
		}
	}
	rep.Counts["codes"] = codes
	rep.MissingSources = nil
	rep.Warnings = []string{"the file is a whole project; only its codebook was read"}
}
