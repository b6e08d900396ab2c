package exchange_test

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"coder/exchange"
	"coder/qda"
)

// buildZip writes entries, in name order, to a .qdpx file and returns its path.
func buildZip(t *testing.T, entries map[string][]byte) string {
	t.Helper()
	var names []string
	for n := range entries {
		names = append(names, n)
	}
	sort.Strings(names)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(entries[n])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "in.qdpx")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// exportEntries returns the fixture's export as archive entries to tamper with.
func exportEntries(t *testing.T) (*qda.Bundle, map[string][]byte) {
	b := fixture(t)
	return b, zipEntries(t, readFile(t, writeQDPX(t, b)))
}

// Ensure that the variations real tools write all import to the same project.
func TestReadQDPX_ToleratesWhatOtherToolsWrite(t *testing.T) {
	guidRE := regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)
	cases := map[string]func(e map[string][]byte) map[string][]byte{
		"CapitalSourcesFolderAndAnyQDEName": func(e map[string][]byte) map[string][]byte {
			out := map[string][]byte{"My Study.qde": e["project.qde"]}
			for n, d := range e {
				if strings.HasPrefix(n, "sources/") {
					out["Sources/"+strings.TrimPrefix(n, "sources/")] = d
				}
			}
			return out
		},
		"ByteOrderMarks": func(e map[string][]byte) map[string][]byte {
			for n, d := range e {
				e[n] = append([]byte("\uFEFF"), d...)
			}
			return e
		},
		"UpperCaseAndBracedGUIDs": func(e map[string][]byte) map[string][]byte {
			e["project.qde"] = guidRE.ReplaceAllFunc(e["project.qde"], func(g []byte) []byte {
				return []byte("{" + strings.ToUpper(string(g)) + "}")
			})
			for n, d := range e {
				if strings.HasPrefix(n, "sources/") {
					delete(e, n)
					e[strings.ToUpper(n)] = d
				}
			}
			return e
		},
		"NoNamespace": func(e map[string][]byte) map[string][]byte {
			e["project.qde"] = bytes.Replace(e["project.qde"], []byte(` xmlns="urn:QDA-XML:project:1.0"`), nil, 1)
			return e
		},
		"OtherNamespaceSpelling": func(e map[string][]byte) map[string][]byte {
			e["project.qde"] = bytes.Replace(e["project.qde"], []byte(`urn:QDA-XML:project:1.0`), []byte(`urn:QDA-XML:project:1:0`), 1)
			return e
		},
		"NoInternalScheme": func(e map[string][]byte) map[string][]byte {
			e["project.qde"] = bytes.ReplaceAll(e["project.qde"], []byte(`internal://`), nil)
			return e
		},
		"TextOnlyInSourcesFolder": func(e map[string][]byte) map[string][]byte {
			e["project.qde"] = regexp.MustCompile(` plainTextPath="[^"]*"`).ReplaceAll(e["project.qde"], nil)
			return e
		},
		"ArchiveWithATopFolder": func(e map[string][]byte) map[string][]byte {
			out := map[string][]byte{}
			for n, d := range e {
				out["export/"+n] = d
			}
			return out
		},
		"WindowsPathSeparators": func(e map[string][]byte) map[string][]byte {
			out := map[string][]byte{}
			for n, d := range e {
				out[strings.ReplaceAll(n, "/", "\\")] = d
			}
			return out
		},
	}
	for name, tamper := range cases {
		t.Run(name, func(t *testing.T) {
			want, e := exportEntries(t)
			got, rep, err := exchange.ReadQDPX(buildZip(t, tamper(e)))
			if err != nil {
				t.Fatal(err)
			}
			if len(rep.MissingSources) > 0 {
				t.Errorf("sources reported missing: %v (warnings %v)", rep.MissingSources, rep.Warnings)
			}
			compareBundles(t, want, got)
		})
	}
}

// Ensure that positions counted in code points over a CRLF text (what a
// standard-following Windows tool writes) land on the same characters once
// the text has LF line ends.
func TestReadQDPX_CRLFSourcesKeepCodingsOnTheirWords(t *testing.T) {
	want, e := exportEntries(t)
	texts := map[string]string{}
	for _, d := range want.Documents {
		texts[string(d.ID)] = d.Text
	}
	// Each position p over the LF text becomes p + (LFs before p).
	crlfPos := func(doc string, p int) int {
		r := []rune(texts[doc])
		return p + strings.Count(string(r[:p]), "\n")
	}
	src := regexp.MustCompile(`<TextSource guid="([^"]+)"`)
	sel := regexp.MustCompile(`startPosition="(\d+)" endPosition="(\d+)"`)
	qde := string(e["project.qde"])
	var out strings.Builder
	parts := src.FindAllStringSubmatchIndex(qde, -1)
	last := 0
	for i, p := range parts {
		end := len(qde)
		if i+1 < len(parts) {
			end = parts[i+1][0]
		}
		doc := qde[p[2]:p[3]]
		out.WriteString(qde[last:p[0]])
		out.WriteString(sel.ReplaceAllStringFunc(qde[p[0]:end], func(m string) string {
			g := sel.FindStringSubmatch(m)
			a, _ := strconv.Atoi(g[1])
			b, _ := strconv.Atoi(g[2])
			return `startPosition="` + strconv.Itoa(crlfPos(doc, a)) + `" endPosition="` + strconv.Itoa(crlfPos(doc, b)) + `"`
		}))
		last = end
	}
	out.WriteString(qde[last:])
	e["project.qde"] = []byte(out.String())
	for id, text := range texts {
		e["sources/"+id+".txt"] = []byte(strings.ReplaceAll(text, "\n", "\r\n"))
	}
	got, _, err := exchange.ReadQDPX(buildZip(t, e))
	if err != nil {
		t.Fatal(err)
	}
	compareBundles(t, want, got)
}

// Ensure that NVivo's positions, UTF-16 units over CRLF text, are converted:
// an emoji before a selection counts twice and each line end counts twice.
func TestReadQDE_NVivoPositionsAreUTF16OverCRLF(t *testing.T) {
	raw := "Line one 😀😀\r\nSecond line: the coded words here.\r\n"
	quote := "the coded words"
	// UTF-16 offset of quote in raw: each emoji is 2 units.
	before := raw[:strings.Index(raw, quote)]
	start := utf8.RuneCountInString(before) + 2 // two astral characters
	end := start + len(quote)
	qde := `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="n" origin="NVivo for Windows 12.6">
<CodeBook><Codes><Code guid="5067d381-1dc9-4816-81dd-ae1dbfea2ad7" name="C" isCodable="true"/></Codes></CodeBook>
<Sources><TextSource guid="68bbdc14-c361-4432-b4dd-ae1dbfc12890" name="s" plainTextPath="internal://68bbdc14-c361-4432-b4dd-ae1dbfc12890.txt">
<PlainTextSelection guid="7154a758-6873-4134-badd-ae1dc04d3086" startPosition="` + strconv.Itoa(start) + `" endPosition="` + strconv.Itoa(end) + `">
<Coding guid="da50c6de-cd58-40da-a7e3-be4b82d7f00c"><CodeRef targetGUID="5067d381-1dc9-4816-81dd-ae1dbfea2ad7"/></Coding>
</PlainTextSelection></TextSource></Sources></Project>`
	src := mapSources{"68bbdc14-c361-4432-b4dd-ae1dbfc12890.txt": []byte("\uFEFF" + raw)}
	b, _, err := exchange.ReadQDE(strings.NewReader(qde), "nvivo.qde", src)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Codings) != 1 {
		t.Fatalf("%d codings", len(b.Codings))
	}
	got := b.Codings[0].Span.Slice([]rune(b.Documents[0].Text))
	if got != quote {
		t.Errorf("coding covers %q, want %q", got, quote)
	}
}

// mapSources serves source files from memory.
type mapSources map[string][]byte

func (m mapSources) ReadSource(rel string) ([]byte, error) {
	for k, v := range m {
		if strings.EqualFold(k, rel) {
			return v, nil
		}
	}
	return nil, os.ErrNotExist
}

// Ensure that decomposed accents are composed and the positions after them
// still point at the same characters.
func TestReadQDE_DecomposedTextIsComposedAndPositionsFollow(t *testing.T) {
	raw := "Cafe\u0301 owners and re\u0301sidents met."
	quote := "owners"
	start := utf8.RuneCountInString(raw[:strings.Index(raw, quote)])
	qde := `<Project name="n"><CodeBook><Codes><Code guid="5067d381-1dc9-4816-81dd-ae1dbfea2ad7" name="C" isCodable="true"/></Codes></CodeBook>
<Sources><TextSource guid="68bbdc14-c361-4432-b4dd-ae1dbfc12890" name="s"><PlainTextContent>` + raw + `</PlainTextContent>
<PlainTextSelection guid="7154a758-6873-4134-badd-ae1dc04d3086" startPosition="` + strconv.Itoa(start) + `" endPosition="` + strconv.Itoa(start+len(quote)) + `">
<Coding guid="da50c6de-cd58-40da-a7e3-be4b82d7f00c"><CodeRef targetGUID="5067d381-1dc9-4816-81dd-ae1dbfea2ad7"/></Coding>
</PlainTextSelection></TextSource></Sources></Project>`
	b, _, err := exchange.ReadQDE(strings.NewReader(qde), "p.qde", nil)
	if err != nil {
		t.Fatal(err)
	}
	text := b.Documents[0].Text
	if !strings.HasPrefix(text, "Café ") {
		t.Errorf("text not composed: %q", text)
	}
	if got := b.Codings[0].Span.Slice([]rune(text)); got != quote {
		t.Errorf("coding covers %q, want %q", got, quote)
	}
}
