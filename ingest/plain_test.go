package ingest_test

import (
	"reflect"
	"strings"
	"testing"

	"coder/ingest"
	"coder/qda"
)

func importWith(name, text string, kind qda.Kind) (*ingest.Result, error) {
	return ingest.Bytes(name, []byte(text), ingest.Options{Kind: kind})
}

// Ensure that plain text splits into paragraphs at blank lines, with spans
// that leave out indentation and trailing spaces.
func TestImport_PlainParagraphs(t *testing.T) {
	t.Run("BlankLinesSeparate", func(t *testing.T) {
		d := mustImport(t, "notes.txt", []byte("  First paragraph,\n  hard wrapped.  \n\n\n\tSecond one.\n")).Document
		want := []string{"First paragraph,\n  hard wrapped.", "Second one."}
		if got := passages(&d); !reflect.DeepEqual(got, want) {
			t.Errorf("passages = %q, want %q", got, want)
		}
		if d.Text != "  First paragraph,\n  hard wrapped.  \n\n\n\tSecond one.\n" {
			t.Errorf("text changed: %q", d.Text)
		}
		for _, p := range d.Passages {
			if p.Kind != qda.PassageParagraph {
				t.Errorf("kind = %q", p.Kind)
			}
		}
	})
	t.Run("OneParagraphPerLongLine", func(t *testing.T) {
		long1 := strings.Repeat("The residents of the old yard wanted a cleaner place to live. ", 3)
		long2 := strings.Repeat("The committee asked the street office for help with the drains. ", 3)
		d := mustImport(t, "notes.txt", []byte(long1+"\n"+long2+"\n"+"Short last line.\n")).Document
		if len(d.Passages) != 3 {
			t.Errorf("passages = %d, want one per line", len(d.Passages))
		}
	})
	t.Run("DocumentNameAndSource", func(t *testing.T) {
		d := mustImport(t, "field notes 2019.txt", []byte("Some notes.")).Document
		if d.Name != "field notes 2019" || d.Source.FileName != "field notes 2019.txt" || d.Source.Format != "txt" {
			t.Errorf("name %q source %+v", d.Name, d.Source)
		}
		if d.Source.Size != 11 || len(d.Source.SHA256) != 64 {
			t.Errorf("source %+v", d.Source)
		}
	})
}

// Ensure that Markdown syntax is stripped lightly and headings become
// heading passages.
func TestImport_Markdown(t *testing.T) {
	md := "# Field notes, *G Community*\n\nThe yard was **full** of [bicycles](http://example.invalid).\n\n" +
		"Second day\n----------\n\n- chairs\n- a `kettle`\n\n> quoted remark\n\n```\ncode stays\n```\n\n---\n\n## Evening ##\n"
	d := mustImport(t, "notes.md", []byte(md)).Document
	want := []string{"Field notes, G Community", "The yard was full of bicycles.", "Second day", "• chairs\n• a kettle", "quoted remark", "code stays", "Evening"}
	if got := passages(&d); !reflect.DeepEqual(got, want) {
		t.Errorf("passages:\n got %q\nwant %q", got, want)
	}
	kinds := []qda.PassageKind{qda.PassageHeading, qda.PassageParagraph, qda.PassageHeading, qda.PassageParagraph, qda.PassageParagraph, qda.PassageParagraph, qda.PassageHeading}
	for i, p := range d.Passages {
		if i < len(kinds) && p.Kind != kinds[i] {
			t.Errorf("passage %d kind = %q, want %q", i, p.Kind, kinds[i])
		}
	}
	if d.Source.Format != "md" {
		t.Errorf("format = %q", d.Source.Format)
	}
	t.Run("Transcript", func(t *testing.T) {
		d := mustImport(t, "t.md", []byte("**Q:** Why the yard?\n\n**A:** Because it is ours.\n\n**Q:** Always?\n\n**A:** Since 2015.\n")).Document
		if got := turnsOf(&d); len(got) != 4 || got[1].speaker != "A" || got[1].text != "A: Because it is ours." {
			t.Errorf("turns = %+v", got)
		}
	})
}
