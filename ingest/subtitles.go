package ingest

import (
	"regexp"
	"strings"
	"time"

	"coder/qda"
	"golang.org/x/net/html"
)

// cue is one subtitle cue before it becomes a passage.
type cue struct {
	at, until time.Duration
	lines     []string // raw lines, joined once all are read
	text      string
	speaker   string // from a WebVTT voice tag
}

var (
	cueTiming = regexp.MustCompile(`^\s*((?:\d+:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)\s*-->\s*((?:\d+:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)`)
	cueTags   = regexp.MustCompile(`</?[a-zA-Z][^>]*>|<\d[\d:.]*>|\{\\[^}]*\}`)
	voiceTag  = regexp.MustCompile(`<v(?:\.[^ \t>]*)?[ \t]+([^>]+)>`)
)

// parseSRT reads SubRip subtitles: numbered blocks of a timing line and text.
func parseSRT(p *parser, data []byte) error {
	s, err := p.decodeText(data)
	if err != nil {
		return err
	}
	return p.cues(readCues(s, false), "SRT")
}

// parseVTT reads WebVTT subtitles, skipping NOTE, STYLE and REGION blocks;
// voice tags (<v Name>) name the speaker.
func parseVTT(p *parser, data []byte) error {
	s, err := p.decodeText(data)
	if err != nil {
		return err
	}
	if !strings.HasPrefix(strings.TrimLeft(s, "\ufeff \t\r\n"), "WEBVTT") {
		return &qda.Error{What: p.name, Why: "this is not a WebVTT file (it does not start with WEBVTT)", Fix: "check the file's extension; SubRip subtitles end in .srt"}
	}
	return p.cues(readCues(s, true), "WebVTT")
}

// readCues splits subtitle text into cues. A block without a timing line
// continues the cue before it, since some tools leave blank lines inside
// cue text.
func readCues(s string, vtt bool) []cue {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	var cues []cue
	for i, block := range splitBlocks(s) {
		if vtt && i == 0 && strings.HasPrefix(strings.TrimLeft(block[0], "\ufeff "), "WEBVTT") {
			continue
		}
		if vtt && (strings.HasPrefix(block[0], "NOTE") || block[0] == "STYLE" || block[0] == "REGION") {
			continue
		}
		t := -1
		for j, l := range block {
			if j > 1 {
				break
			}
			if cueTiming.MatchString(l) {
				t = j
				break
			}
		}
		if t < 0 {
			if len(cues) > 0 {
				cues[len(cues)-1].lines = append(cues[len(cues)-1].lines, block...)
			}
			continue
		}
		m := cueTiming.FindStringSubmatch(block[t])
		at, _ := parseClock(m[1])
		until, _ := parseClock(m[2])
		cues = append(cues, cue{at: at, until: until, lines: block[t+1:]})
	}
	for i := range cues {
		cues[i].text, cues[i].speaker = cueText(strings.Join(cues[i].lines, "\n"))
		cues[i].lines = nil
	}
	return cues
}

// splitBlocks splits text at blank lines into blocks of non-blank lines.
func splitBlocks(s string) [][]string {
	var blocks [][]string
	var cur []string
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) == "" {
			if len(cur) > 0 {
				blocks = append(blocks, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, l)
	}
	if len(cur) > 0 {
		blocks = append(blocks, cur)
	}
	return blocks
}

// cueText strips formatting tags from a cue's text, turning voice tags into
// "Name: " so the reader sees who speaks, and returns the first voice.
func cueText(s string) (string, string) {
	speaker := ""
	s = voiceTag.ReplaceAllStringFunc(s, func(tag string) string {
		name := strings.TrimSpace(voiceTag.FindStringSubmatch(tag)[1])
		if speaker == "" {
			speaker = name
		}
		return name + ": "
	})
	s = cueTags.ReplaceAllString(s, "")
	s = html.UnescapeString(s)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSpace(l)
	}
	return strings.Join(lines, "\n"), speaker
}

// cues emits each cue as a PassageCue. "Name:" prefixes name speakers once
// names recur across cues, so a lone "Note:" in a caption is not a speaker.
func (p *parser) cues(cues []cue, format string) error {
	if len(cues) == 0 {
		return &qda.Error{What: p.name, Why: "the file holds no timed " + format + " cues", Fix: "check that it is a subtitle file, or import it as .txt"}
	}
	labels := make([]string, len(cues))
	count := map[string]int{}
	for i, c := range cues {
		if c.speaker != "" {
			continue
		}
		if l, ok := parseLabel(firstLine(c.text)); ok {
			labels[i] = l.speaker
			count[strings.ToLower(l.speaker)]++
		}
	}
	recurring := false
	for _, n := range count {
		recurring = recurring || n >= 2
	}
	for i, c := range cues {
		idx := p.block(qda.PassageCue, c.text)
		if idx < 0 {
			continue
		}
		u := &p.units[idx]
		u.timed, u.at, u.until = true, c.at, c.until
		if c.until < c.at {
			u.until = 0
		}
		u.speaker = c.speaker
		if u.speaker == "" && recurring {
			u.speaker = labels[i]
		}
	}
	return nil
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
