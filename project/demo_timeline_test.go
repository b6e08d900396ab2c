package project_test

import (
	"path/filepath"
	"sort"
	"testing"

	"coder/project"
)

// Ensure that the demo's timeline shows a process, not the week of the
// interviews: its events run from the winter of 2021 to May 2024, the
// trigger (the ranking, the pipe) comes before the political mobilisation,
// which comes before the yard councils' rules and fee list and before the
// outcomes the interviews describe at the end.
func TestDemoTimeline_SpreadsOverTheStudy(t *testing.T) {
	p, err := project.WriteDemo(filepath.Join(t.TempDir(), "demo.coder"), project.Options{IndexDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	events, undated, err := p.Timeline(project.TimelineFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if undated != 0 || len(events) == 0 {
		t.Fatalf("%d events, %d undated", len(events), undated)
	}
	months := map[string]bool{}
	median := func(prefix string) string {
		var ds []string
		for _, e := range events {
			if len(e.Code) >= len(prefix) && e.Code[:len(prefix)] == prefix {
				ds = append(ds, e.Date)
			}
		}
		if len(ds) == 0 {
			t.Fatalf("no events of %s", prefix)
		}
		sort.Strings(ds)
		return ds[len(ds)/2]
	}
	for _, e := range events {
		months[e.Date[:7]] = true
	}
	if first, last := events[0].Date, events[len(events)-1].Date; first > "2021-12-31" || last < "2024-05-01" {
		t.Errorf("the timeline runs from %s to %s", first, last)
	}
	if len(months) < 10 {
		t.Errorf("the events fall in %d months only", len(months))
	}
	trigger, mobilise, council, outcome := median("Context/Trigger"), median("Political logic/Mobilisation"), median("Community logic/Voluntary self-governing committees"), median("Outcomes")
	if !(trigger < mobilise && mobilise < council && council < outcome) {
		t.Errorf("median dates: trigger %s, mobilisation %s, councils %s, outcomes %s", trigger, mobilise, council, outcome)
	}
}
