package main

import (
	"fmt"
	"strings"

	"coder/analysis"
	"coder/chart"
	"coder/project"
	"coder/qda"
)

func init() {
	commands["timeline"] = cmdTimeline
	commands["eventdate"] = cmdEventDate
}

func cmdTimeline(args []string) int {
	const usage = "coder timeline PROJECT [--case NAME] [--code PATH,PATH] [--by-coder NAME]... [--json] [--chart FILE.png]"
	f := newFlags("timeline")
	caseName := f.String("case", "", "")
	codes := f.String("code", "", "")
	asJSON := f.Bool("json", false, "")
	chart := f.String("chart", "", "")
	var byCoder listFlag
	f.Var(&byCoder, "by-coder", "")
	if err := f.parse(args, 1, 1, usage); err != nil {
		return fail(err)
	}
	return withProject(f.pos[0], "", func(p *project.Project) error {
		var tf project.TimelineFilter
		title := "All documents"
		if *caseName != "" {
			c, err := p.FindCase(*caseName)
			if err != nil {
				return err
			}
			tf.Case, title = c.ID, c.Name
		}
		for _, path := range strings.Split(*codes, ",") {
			if path = strings.TrimSpace(path); path != "" {
				c, err := p.FindCode(path)
				if err != nil {
					return err
				}
				tf.Codes = append(tf.Codes, c.ID)
			}
		}
		if len(byCoder) > 0 {
			coders, err := p.FindCoders(byCoder)
			if err != nil {
				return err
			}
			for _, c := range coders {
				tf.Coders = append(tf.Coders, c.ID)
			}
		}
		events, undated, err := p.Timeline(tf)
		if err != nil {
			return err
		}
		if *chart != "" {
			if err := writeTimelineChart(*chart, title, events); err != nil {
				return err
			}
		}
		if *asJSON {
			if events == nil {
				events = []analysis.Event{}
			}
			return printJSON(events)
		}
		for _, e := range events {
			fmt.Fprintf(stdout, "%s  %s  %s %d:%d  %s\n", e.Date, e.Code, e.DocName, e.Start, e.End, oneLine(e.Text, 80))
		}
		if undated > 0 {
			fmt.Fprintf(stderr, "coder: %d coded passages have no date and are not shown (give their documents a Date attribute, or a coding an event date with 'coder eventdate')\n", undated)
		}
		return nil
	})
}

func cmdEventDate(args []string) int {
	const usage = "coder eventdate PROJECT CODING-ID [YYYY-MM-DD] [--clear]"
	f := newFlags("eventdate")
	clear := f.Bool("clear", false, "")
	if err := f.parse(args, 2, 3, usage); err != nil {
		return fail(err)
	}
	return withProject(f.pos[0], "", func(p *project.Project) error {
		id := qda.ID(f.pos[1])
		switch {
		case *clear:
			return p.SetEventDate(id, "")
		case len(f.pos) == 3:
			return p.SetEventDate(id, f.pos[2])
		}
		date, ok, err := p.SuggestEventDate(id)
		if err != nil {
			return err
		}
		if !ok {
			fmt.Fprintln(stdout, "no date is written in the coded text; give one: coder eventdate PROJECT "+string(id)+" YYYY-MM-DD")
			return nil
		}
		fmt.Fprintf(stdout, "suggested: %s (set it with: coder eventdate PROJECT %s %s)\n", date, id, date)
		return nil
	})
}

// writeTimelineChart draws the events as a PNG timeline.
func writeTimelineChart(path, title string, events []analysis.Event) error {
	return chart.Timeline("Timeline: "+title, events).WritePNG(path)
}
