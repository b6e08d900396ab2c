package exchange_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"coder/codebook"
	"coder/exchange"
	"coder/qda"
)

// checkImported fails unless an accepted import is a bundle Coder can store:
// valid documents, codes and spans, and one that survives its own export.
func checkImported(t *testing.T, b *qda.Bundle, rep *exchange.Report) {
	t.Helper()
	if b == nil || rep == nil {
		t.Fatal("success without a bundle and a report")
	}
	docs := map[qda.ID]int{}
	for i := range b.Documents {
		d := &b.Documents[i]
		if err := d.Validate(); err != nil {
			t.Fatalf("invalid document: %v", err)
		}
		if !d.ID.Valid() {
			t.Fatalf("document ID %q not canonical", d.ID)
		}
		docs[d.ID] = d.Chars
	}
	tree := codebook.NewTree(b.Codes)
	if err := tree.Validate(); err != nil {
		t.Fatalf("invalid codebook: %v", err)
	}
	for _, c := range b.Codings {
		n, ok := docs[c.Document]
		if !ok {
			t.Fatalf("coding %s on a document not in the bundle", c.ID)
		}
		if err := c.Span.CheckIn(n); err != nil {
			t.Fatalf("coding %s: %v", c.ID, err)
		}
		if _, ok := tree.Code(c.Code); !ok {
			t.Fatalf("coding %s with a code not in the bundle", c.ID)
		}
	}
	var buf bytes.Buffer
	if err := exchange.WriteQDPX(&buf, b); err != nil {
		t.Fatalf("an imported project does not export: %v", err)
	}
	again, _, err := exchange.ReadArchive(bytes.NewReader(buf.Bytes()), int64(buf.Len()), "again.qdpx")
	if err != nil {
		t.Fatalf("an imported project's export does not import: %v", err)
	}
	if len(again.Codes) != len(b.Codes) || len(again.Documents) != len(b.Documents) || len(again.Codings) != len(b.Codings) || len(again.Memos) != len(b.Memos) || len(again.Cases) != len(b.Cases) {
		t.Fatalf("export and import lost things: codes %d/%d docs %d/%d codings %d/%d memos %d/%d cases %d/%d",
			len(again.Codes), len(b.Codes), len(again.Documents), len(b.Documents), len(again.Codings), len(b.Codings), len(again.Memos), len(b.Memos), len(again.Cases), len(b.Cases))
	}
}

// seedFiles returns the shared samples matching pattern, when present; the
// fuzz targets add the fixture's export, and testdata/fuzz keeps crashers.
func seedFiles(pattern string) [][]byte {
	var out [][]byte
	if dir, err := findShared("refi-qda", "samples"); err == nil {
		matches, _ := filepath.Glob(filepath.Join(dir, pattern))
		for _, m := range matches {
			if b, err := os.ReadFile(m); err == nil {
				out = append(out, b)
			}
		}
	}
	return out
}

func FuzzReadQDE(f *testing.F) {
	for _, s := range seedFiles("*.qde") {
		f.Add(s)
	}
	var qde bytes.Buffer
	exchange.WriteQDE(&qde, fixture(f))
	f.Add(qde.Bytes())
	f.Add([]byte(`<Project name="p" origin="NVivo"><CodeBook><Codes><Code guid="5067d381-1dc9-4816-81dd-ae1dbfea2ad7" name="C" isCodable="true"/></Codes></CodeBook><Sources><TextSource guid="68bbdc14-c361-4432-b4dd-ae1dbfc12890" name="s"><PlainTextContent>a😀b&#13;&#10;c</PlainTextContent><PlainTextSelection guid="7154a758-6873-4134-badd-ae1dc04d3086" startPosition="1" endPosition="4"><Coding guid="da50c6de-cd58-40da-a7e3-be4b82d7f00c"><CodeRef targetGUID="5067d381-1dc9-4816-81dd-ae1dbfea2ad7"/></Coding></PlainTextSelection></TextSource></Sources></Project>`))
	src := mapSources{
		"68bbdc14-c361-4432-b4dd-ae1dbfc12890.txt": []byte("\uFEFFsome text\r\nwith lines 😀"),
		string(docInterview) + ".txt":              []byte(interviewText),
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		b, rep, err := exchange.ReadQDE(bytes.NewReader(data), "fuzz.qde", src)
		if err != nil {
			if b != nil || rep != nil {
				t.Fatal("an error came with a partial result")
			}
			return
		}
		checkImported(t, b, rep)
	})
}

func FuzzReadQDC(f *testing.F) {
	for _, s := range seedFiles("*.qde") {
		f.Add(s)
	}
	var qdc bytes.Buffer
	exchange.WriteQDC(&qdc, fixture(f))
	f.Add(qdc.Bytes())
	f.Add([]byte(`<CodeBook><Codes><Code guid="{AAAAAAAA-0000-4000-8000-000000000001}" name="a/b" isCodable="1" color="#abc"><Code guid="AAAAAAAA-0000-4000-8000-000000000002" name="A/B" isCodable="true"/></Code></Codes><Sets><Set guid="AAAAAAAA-0000-4000-8000-000000000003" name="s"><MemberCode guid="AAAAAAAA-0000-4000-8000-000000000002"/></Set></Sets></CodeBook>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		codes, rep, err := exchange.ReadQDC(bytes.NewReader(data), "fuzz.qdc")
		if err != nil {
			if codes != nil || rep != nil {
				t.Fatal("an error came with a partial result")
			}
			return
		}
		if err := codebook.NewTree(codes).Validate(); err != nil {
			t.Fatalf("invalid codebook: %v", err)
		}
		if len(codes) > 0 {
			var buf bytes.Buffer
			if err := exchange.WriteQDC(&buf, &qda.Bundle{Codes: codes}); err != nil {
				t.Fatal(err)
			}
			back, _, err := exchange.ReadQDC(&buf, "again.qdc")
			if err != nil || len(back) != len(codes) {
				t.Fatalf("codebook does not survive its own export: %d/%d %v", len(back), len(codes), err)
			}
		}
	})
}

func FuzzReadQDPX(f *testing.F) {
	for _, s := range seedFiles("*.qdpx") {
		f.Add(s)
	}
	var qdpx bytes.Buffer
	exchange.WriteQDPX(&qdpx, fixture(f))
	f.Add(qdpx.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		b, rep, err := exchange.ReadArchive(bytes.NewReader(data), int64(len(data)), "fuzz.qdpx")
		if err != nil {
			if b != nil || rep != nil {
				t.Fatal("an error came with a partial result")
			}
			return
		}
		checkImported(t, b, rep)
	})
}
