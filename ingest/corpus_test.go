package ingest_test

import (
	"path/filepath"
	"strings"
	"testing"

	"coder/ingest"
	"coder/qda"
)

// Ensure that the shared English corpus file, which carries NUL bytes from
// its source, imports with them removed and the researcher warned.
func TestCorpus_EnglishTextNULsRemovedWithWarning(t *testing.T) {
	path := filepath.Join(sharedDir(t, "corpus", "en"), "policy_us-eo-13859_ai-leadership_2019.txt")
	res, err := ingest.File(path, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := res.Document
	checkDocument(t, &d)
	if strings.ContainsRune(d.Text, 0) {
		t.Errorf("text still holds NUL")
	}
	if len(res.Warnings) == 0 || !strings.Contains(res.Warnings[0], "removed 12 NUL characters") {
		t.Errorf("warnings = %q, want the 12 NULs reported", res.Warnings)
	}
	// Its file name says policy; nothing in it is a speaker turn.
	if d.Source.Encoding != "UTF-8" || d.Kind != qda.KindPolicy {
		t.Errorf("encoding %q kind %q", d.Source.Encoding, d.Kind)
	}
	if len(d.Passages) < 30 {
		t.Errorf("only %d passages", len(d.Passages))
	}
	if !strings.Contains(d.Text, "Maintaining American Leadership in Artificial") {
		t.Errorf("title missing from text")
	}
}

// Ensure that the shared Chinese corpus files import as paragraphs, and that
// neither the report nor the narrative (with its quoted dialogue) is mistaken
// for an interview transcript.
func TestCorpus_ChineseFilesImportWithPassages(t *testing.T) {
	dir := sharedDir(t, "corpus", "zh")
	for _, c := range []struct {
		file        string
		minPassages int
		contains    string
		kind        qda.Kind // from the file name; never interview
	}{
		{"policy_zh_2019-government-work-report.txt", 80, "现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协委员提出意见。", qda.KindPolicy},
		{"literature_zh_luxun_guxiang_1921.txt", 80, "我冒了严寒，回到相隔二千馀里，别了二十馀年的故乡去。", qda.KindOther},
	} {
		t.Run(c.file, func(t *testing.T) {
			res, err := ingest.File(filepath.Join(dir, c.file), ingest.Options{})
			if err != nil {
				t.Fatal(err)
			}
			d := res.Document
			checkDocument(t, &d)
			if len(d.Passages) < c.minPassages {
				t.Errorf("%d passages, want at least %d", len(d.Passages), c.minPassages)
			}
			found := false
			for _, p := range passages(&d) {
				if p == c.contains {
					found = true
				}
			}
			if !found {
				t.Errorf("no passage is exactly %q", c.contains)
			}
			if d.Kind != c.kind || len(turnsOf(&d)) != 0 {
				t.Errorf("kind %q with %d turns, want %s with none", d.Kind, len(turnsOf(&d)), c.kind)
			}
			if len(res.Warnings) != 0 {
				t.Errorf("warnings %q", res.Warnings)
			}
		})
	}
}
