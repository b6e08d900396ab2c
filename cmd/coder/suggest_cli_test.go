package main_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// suggestFixture is a fictional interview: six paragraphs about money
// troubles among paragraphs about gardens, weather and a choir.
var suggestFixture = []string{
	"The rent went up again in March and the bills keep arriving.",
	"We planted tomatoes by the shed and the beans climbed the fence.",
	"I could not pay the electricity bill, so I borrowed money from my sister.",
	"The rain came early this year and flooded the lower field.",
	"Every month the rent and the loan repayments leave nothing for food.",
	"The choir practised a new hymn for the harvest festival.",
	"We owe money to the bank and the debt frightens me at night.",
	"Snow closed the mountain road for a week.",
	"My wages are too low to cover the rent, the bills and the loan.",
	"Frost killed the young lettuce in the garden.",
	"The bank wrote about the loan again; the rent and the bills are overdue and I have no money left.",
	"The choir travelled by bus to sing in the city.",
	"The rent and the bills are late again and the bank loan is due; there is no money.",
}

// Ensure that coder suggest lists the uncoded money paragraphs for a code
// coded on five money paragraphs, that a rejected one is not listed again,
// that an accepted one becomes a coding by "assistant, accepted by NAME",
// and that --evaluate reports the model beside the baseline.
func TestCLI_SuggestRejectAcceptEvaluate(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "village.coder")
	ok(t, "new", p, "--codebook", "empty")
	f := filepath.Join(dir, "village.txt")
	os.WriteFile(f, []byte(strings.Join(suggestFixture, "\n\n")+"\n"), 0o644)
	ok(t, "import", p, f)
	ok(t, "codes", "add", p, "Money")
	for _, i := range []int{0, 2, 4, 6, 8} {
		ok(t, "code", p, "--doc", "village", "--code", "Money", "--match", suggestFixture[i])
	}
	type sugg struct {
		Document string   `json:"document"`
		Start    int      `json:"start"`
		End      int      `json:"end"`
		Text     string   `json:"text"`
		Score    float64  `json:"score"`
		Words    []string `json:"words"`
	}
	got := jsonOut[[]sugg](t, "suggest", p, "--code", "Money", "--json")
	if len(got) == 0 || !strings.Contains(got[0].Text, "loan") || got[0].Document != "village" || len(got[0].Words) == 0 {
		t.Fatalf("suggestions = %+v, want a money paragraph first", got)
	}
	for _, s := range got {
		if !strings.Contains(s.Text, "money") && !strings.Contains(s.Text, "loan") {
			t.Errorf("suggested %q, which is not about money", s.Text)
		}
	}
	first := fmt.Sprintf("village:%d:%d", got[0].Start, got[0].End)
	ok(t, "suggest", p, "--code", "Money", "--reject", first)
	again := jsonOut[[]sugg](t, "suggest", p, "--code", "Money", "--json")
	for _, s := range again {
		if s.Start == got[0].Start {
			t.Fatalf("rejected suggestion %s came back: %+v", first, again)
		}
	}
	if len(again) == 0 {
		t.Fatal("no suggestion left after one rejection")
	}
	ok(t, "suggest", p, "--code", "Money", "--coder", "Ana", "--accept", fmt.Sprintf("village:%d:%d", again[0].Start, again[0].End))
	rows := jsonOut[[]struct {
		Text string `json:"text"`
	}](t, "codings", p, "--by-coder", "assistant, accepted by Ana")
	if len(rows) != 1 || rows[0].Text != again[0].Text {
		t.Errorf("codings by the assistant = %+v, want the accepted %q", rows, again[0].Text)
	}
	out := ok(t, "suggest", p, "--evaluate")
	if !strings.Contains(out, "Money") || !strings.Contains(out, "baseline") {
		t.Errorf("evaluation = %q", out)
	}
	if r := coder(t, "suggest", p, "--code", "Money", "--accept", "village:5"); r.code != 2 {
		t.Errorf("a malformed DOC:S:E exits %d, want 2: %s", r.code, r.stderr)
	}
}
