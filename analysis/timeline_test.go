package analysis_test

import (
	"testing"

	"coder/analysis"
	"coder/qda"
)

// Ensure that dates written in the ways sources write them are suggested as
// YYYY-MM-DD, the first in the text winning, and impossible dates are not.
func TestSuggestDate_WrittenDates(t *testing.T) {
	cases := []struct{ text, want string }{
		{"The yard council met on 2023-05-04 after dark.", "2023-05-04"},
		{"Notice issued 2022/3/9 by the town.", "2022-03-09"},
		{"居民代表于2023年5月4日在院里开会。", "2023-05-04"},
		{"二〇二二年十二月二十四日，议事会成立。", "2022-12-24"},
		{"２０２３年１１月３日 全角数字", "2023-11-03"},
		{"We met on 4 May 2023, then again on 2023-06-01.", "2023-05-04"},
		{"The fence came down on May 14th, 2022.", "2022-05-14"},
		{"Sept 3 2021 was the ranking day", "2021-09-03"},
		{"Nothing happened on 2023-02-30, a day that never was.", ""},
		{"Room 2023 on floor 5 has no date.", ""},
	}
	for _, c := range cases {
		got, ok := analysis.SuggestDate(c.text)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("SuggestDate(%q) = %q, %v; want %q", c.text, got, ok, c.want)
		}
	}
}

// Ensure that a coding's own event date wins over its document's date, and
// the timeline lists dated events by date, then document, then position,
// leaving undated ones out and counting them.
func TestTimeline_DatesOrderAndUndated(t *testing.T) {
	own := qda.Coding{EventDate: "2022-01-05"}
	if d, fromDoc := analysis.EventDate(own, "2023-09-01"); d != "2022-01-05" || fromDoc {
		t.Errorf("own date: got %s %v", d, fromDoc)
	}
	if d, fromDoc := analysis.EventDate(qda.Coding{}, "2023-09-01"); d != "2023-09-01" || !fromDoc {
		t.Errorf("document date: got %s %v", d, fromDoc)
	}
	evs := []analysis.Event{
		{Date: "2023-09-01", DocName: "b", Start: 5},
		{Date: "", DocName: "a", Start: 0},
		{Date: "2022-01-05", DocName: "z", Start: 90},
		{Date: "2023-09-01", DocName: "a", Start: 40},
		{Date: "2023-09-01", DocName: "a", Start: 3},
	}
	got, undated := analysis.Timeline(evs)
	if undated != 1 || len(got) != 4 {
		t.Fatalf("got %d events, %d undated; want 4 and 1", len(got), undated)
	}
	want := []struct {
		doc   string
		start int
	}{{"z", 90}, {"a", 3}, {"a", 40}, {"b", 5}}
	for i, w := range want {
		if got[i].DocName != w.doc || got[i].Start != w.start {
			t.Errorf("event %d: got %s %d, want %s %d", i, got[i].DocName, got[i].Start, w.doc, w.start)
		}
	}
}
