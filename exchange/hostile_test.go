package exchange_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"coder/exchange"
	"coder/qda"
)

// refused checks that an import failed with a *qda.Error naming the file and
// returned nothing at all.
func refused(t *testing.T, b *qda.Bundle, rep *exchange.Report, err error, file, why string) {
	t.Helper()
	if err == nil {
		t.Fatal("import succeeded; want it refused")
	}
	var qe *qda.Error
	if !errors.As(err, &qe) {
		t.Fatalf("error %T %v is not a *qda.Error", err, err)
	}
	if !strings.Contains(qe.What, file) {
		t.Errorf("error does not name the file %q: %v", file, err)
	}
	if !strings.Contains(err.Error(), why) {
		t.Errorf("error %q does not say %q", err, why)
	}
	if b != nil || rep != nil {
		t.Error("a refused import returned a partial bundle or report")
	}
}

func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// Ensure that malformed and hostile archives are refused with a message
// naming the file, and that nothing partial comes back.
func TestReadQDPX_RefusesHostileArchives(t *testing.T) {
	_, good := exportEntries(t)
	goodZip := readFile(t, buildZip(t, good))
	t.Run("NotAZip", func(t *testing.T) {
		b, rep, err := exchange.ReadQDPX(writeTemp(t, "broken.qdpx", []byte("PK\x03\x04 this is not really a zip")))
		refused(t, b, rep, err, "broken.qdpx", "not a readable .qdpx archive")
	})
	t.Run("Truncated", func(t *testing.T) {
		b, rep, err := exchange.ReadQDPX(writeTemp(t, "cut.qdpx", goodZip[:len(goodZip)/2]))
		refused(t, b, rep, err, "cut.qdpx", "not a readable .qdpx archive")
	})
	t.Run("PathEscapingTheArchive", func(t *testing.T) {
		e := map[string][]byte{"project.qde": good["project.qde"], "sources/../../evil.txt": []byte("x")}
		p := buildZip(t, e)
		b, rep, err := exchange.ReadQDPX(p)
		refused(t, b, rep, err, filepath.Base(p), "points outside the archive")
	})
	t.Run("AbsolutePath", func(t *testing.T) {
		e := map[string][]byte{"project.qde": good["project.qde"], "/etc/evil.txt": []byte("x")}
		p := buildZip(t, e)
		b, rep, err := exchange.ReadQDPX(p)
		refused(t, b, rep, err, filepath.Base(p), "absolute path")
	})
	t.Run("NoProjectFile", func(t *testing.T) {
		p := buildZip(t, map[string][]byte{"readme.txt": []byte("hello")})
		b, rep, err := exchange.ReadQDPX(p)
		refused(t, b, rep, err, filepath.Base(p), "holds no project.qde")
	})
	t.Run("SourceInflatingPastTheLimit", func(t *testing.T) {
		defer setLimits(func(l *exchange.Limits) { l.MaxSource = 64 << 10 })()
		e := map[string][]byte{}
		for k, v := range good {
			e[k] = v
		}
		e["sources/"+string(docNotice)+".txt"] = bytes.Repeat([]byte("a"), 1<<20)
		p := buildZip(t, e)
		b, rep, err := exchange.ReadQDPX(p)
		refused(t, b, rep, err, filepath.Base(p), "larger than")
	})
	t.Run("ProjectInflatingPastTheLimit", func(t *testing.T) {
		defer setLimits(func(l *exchange.Limits) { l.MaxXML = 1 << 10 })()
		p := buildZip(t, good)
		b, rep, err := exchange.ReadQDPX(p)
		refused(t, b, rep, err, filepath.Base(p), "larger than")
	})
	t.Run("ArchiveInflatingPastTheTotal", func(t *testing.T) {
		defer setLimits(func(l *exchange.Limits) { l.MaxTotal = 8 << 10 })()
		e := map[string][]byte{}
		for k, v := range good {
			e[k] = v
		}
		e["sources/"+string(docNotice)+".txt"] = bytes.Repeat([]byte("b"), 16<<10)
		p := buildZip(t, e)
		b, rep, err := exchange.ReadQDPX(p)
		refused(t, b, rep, err, filepath.Base(p), "unpacks to more than")
	})
}

// setLimits changes exchange.DefaultLimits for one test and returns the undo.
func setLimits(change func(*exchange.Limits)) func() {
	old := exchange.DefaultLimits
	change(&exchange.DefaultLimits)
	return func() { exchange.DefaultLimits = old }
}

// Ensure that broken and hostile XML is refused with a message naming the
// file, before anything is built from it.
func TestReadQDE_RefusesBrokenAndHostileXML(t *testing.T) {
	deep := strings.Repeat(`<Code guid="5067d381-1dc9-4816-81dd-ae1dbfea2ad7" name="x" isCodable="true">`, 5000)
	cases := map[string]struct{ xml, why string }{
		"Unclosed":      {`<Project name="p"><Users><User guid="29518289-d0e3-447b-b7dd-ae1d8cd880a0">`, "not a readable REFI-QDA XML file"},
		"NotXML":        {"PK\x03\x04 binary", "not a readable REFI-QDA XML file"},
		"Empty":         {"", "no root element"},
		"WrongRoot":     {`<CodeBook/>`, "root element is <CodeBook>"},
		"DeepNesting":   {`<Project name="p"><CodeBook><Codes>` + deep, "nested more than"},
		"EntityBomb":    {`<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><Project name="&b;"/>`, "declares entities"},
		"UnknownEntity": {`<Project name="&lol;"/>`, "not a readable REFI-QDA XML file"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			b, rep, err := exchange.ReadQDE(strings.NewReader(c.xml), "hostile.qde", nil)
			refused(t, b, rep, err, "hostile.qde", c.why)
		})
	}
	t.Run("CodebookDeepNesting", func(t *testing.T) {
		codes, rep, err := exchange.ReadQDC(strings.NewReader(`<CodeBook><Codes>`+deep), "deep.qdc")
		if codes != nil {
			t.Error("codes returned from a refused file")
		}
		refused(t, nil, rep, err, "deep.qdc", "nested more than")
	})
}
