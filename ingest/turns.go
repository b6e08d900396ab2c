package ingest

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"coder/qda"
)

// label is a speaker label found at the start of a line or paragraph.
type label struct {
	speaker string
	timed   bool
	at      time.Duration
}

const (
	tsPat  = `(\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?)`
	btsPat = `[\[(]?` + tsPat + `[\])]?`
	// A name starts with a letter and runs to 40 characters of letters,
	// digits, spaces and the punctuation names carry ("Dr. Li", "O'Neil").
	namePat = `(\pL[\pL\pM\pN_.'’\- ]{0,39}?)`
)

var (
	// "Name: text", "[00:13] Name: text", "Name (00:13): text", "张主任：text".
	colonLabel = regexp.MustCompile(`^(?:` + btsPat + `\s+)?` + namePat + `\s*(?:` + btsPat + `\s*)?(?::(?:[ \t]+|$)|：)[ \t]*`)
	// "Name  00:13" alone on its line, or before the text.
	timeLabel = regexp.MustCompile(`^` + namePat + `[ \t]+` + btsPat + `(?:[ \t]+|$)`)
	// "[id1] text", "[id1]: text".
	idLabel = regexp.MustCompile(`^(?:` + btsPat + `\s+)?\[([\pL\pN_.\-]{1,20})\][ \t]*:?[ \t]*\S`)
)

// proseLabels are words that end in a colon in ordinary prose and documents
// ("Note: ...", "Date: ...") and are never speakers.
var proseLabels = map[string]bool{
	"note": true, "notes": true, "nb": true, "n.b.": true, "ps": true, "p.s.": true,
	"example": true, "examples": true, "e.g.": true, "i.e.": true, "see": true, "see also": true,
	"source": true, "sources": true, "date": true, "time": true, "place": true, "location": true,
	"subject": true, "re": true, "from": true, "to": true, "cc": true, "title": true, "author": true,
	"warning": true, "caution": true, "tip": true, "important": true, "summary": true,
	"abstract": true, "keywords": true, "update": true, "edit": true, "step": true, "result": true,
	"results": true, "conclusion": true, "definition": true, "http": true, "https": true,
	"注": true, "注意": true, "备注": true, "时间": true, "地点": true, "日期": true, "来源": true, "主题": true,
}

// labelBytes bounds the bytes a label can occupy: two bracketed timestamps
// and a 40-character name of up to 4 bytes per character, with spaces.
const labelBytes = 2*16 + 40*4 + 8

// parseLabel finds a speaker label at the start of s.
func parseLabel(s string) (label, bool) {
	if s == "" {
		return label{}, false
	}
	// A label is at most a timestamp, a 40-character name and another
	// timestamp, so only the start of a long line is worth matching.
	if len(s) > labelBytes {
		s = s[:labelBytes]
	}
	// A colon label needs a colon before a space or the line's end, or a
	// full-width colon; timestamps alone ("Name  00:13") have neither.
	if strings.Contains(s, ": ") || strings.Contains(s, ":\t") || strings.HasSuffix(s, ":") || strings.Contains(s, "：") {
		if m := colonLabel.FindStringSubmatch(s); m != nil {
			ts := m[1]
			if ts == "" {
				ts = m[3]
			}
			return makeLabel(m[2], ts)
		}
	}
	if s[0] == '[' || s[0] == '(' || (s[0] >= '0' && s[0] <= '9') {
		if m := idLabel.FindStringSubmatch(s); m != nil {
			if !strings.ContainsFunc(m[2], unicode.IsLetter) {
				return label{}, false
			}
			return makeLabel(m[2], m[1])
		}
	}
	if !strings.ContainsRune(s, ':') {
		return label{}, false
	}
	if m := timeLabel.FindStringSubmatch(s); m != nil {
		return makeLabel(m[1], m[2])
	}
	return label{}, false
}

// makeLabel checks that name looks like a name, not the start of a
// sentence, and parses the timestamp.
func makeLabel(name, ts string) (label, bool) {
	name = strings.Join(strings.Fields(name), " ")
	if name == "" || proseLabels[strings.ToLower(name)] {
		return label{}, false
	}
	if strings.Count(name, " ") > 3 {
		return label{}, false
	}
	han := 0
	for _, r := range name {
		if unicode.Is(unicode.Han, r) {
			han++
		}
	}
	// Chinese sentences end in a full-width colon too ("他对我说："); a
	// name or title is short.
	if han > 0 && utf8.RuneCountInString(name) > 8 {
		return label{}, false
	}
	l := label{speaker: name}
	if ts != "" {
		if d, ok := parseClock(ts); ok {
			l.timed, l.at = true, d
		}
	}
	return l, true
}

// parseClock reads mm:ss, hh:mm:ss, with optional .mmm or ,mmm fractions.
func parseClock(s string) (time.Duration, bool) {
	frac := time.Duration(0)
	if i := strings.IndexAny(s, ".,"); i >= 0 {
		f := s[i+1:]
		v, err := strconv.Atoi(f)
		if err != nil {
			return 0, false
		}
		for n := len(f); n < 3; n++ {
			v *= 10
		}
		frac = time.Duration(v) * time.Millisecond
		s = s[:i]
	}
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, false
	}
	var d time.Duration
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 || (i > 0 && v > 59) {
			return 0, false
		}
		d = d*60 + time.Duration(v)
	}
	return d*time.Second + frac, true
}

// maxSpeakers is the most distinct labels a transcript has: an interview,
// a focus group or a meeting, not a list of "Title:" headings.
const maxSpeakers = 12

// looksLikeTranscript decides whether labels mark a transcript rather than
// prose, a comment thread or a policy that happens to hold "Word:" lines:
//   - at least two turns, and at least half of the paragraphs (each turn and
//     each unlabelled paragraph counted once) open with a label;
//   - the labels come from a small recurring set: at most maxSpeakers of
//     them, at least half of the turns by speakers who speak more than once,
//     at most one label in four used only once (a glossary, "Article 1:",
//     "Article 2:"... or video titles name something new each time);
//   - speakers alternate: fewer than half of the turns follow a turn by the
//     same label (a heading repeated over every comment does not).
func looksLikeTranscript(units []unit, labels []*label) bool {
	turns, paragraphs, repeats := 0, 0, 0
	prev := ""
	count := map[string]int{}
	for i, u := range units {
		if u.kind != qda.PassageParagraph {
			continue
		}
		if labels[i] != nil {
			turns++
			name := strings.ToLower(labels[i].speaker)
			count[name]++
			if name == prev {
				repeats++
			}
			prev = name
			continue
		}
		if u.brk {
			paragraphs++
		}
	}
	if turns < 2 || turns < paragraphs || len(count) > maxSpeakers {
		return false
	}
	recurring, once := 0, 0
	for _, n := range count {
		if n >= 2 {
			recurring += n
		} else {
			once++
		}
	}
	return recurring*2 >= turns && once <= max(1, len(count)/4) && repeats*2 < turns
}

// makePassages turns units into passages: speaker turns when turns is set
// and the units read as a transcript, paragraphs otherwise. Non-paragraph
// units (headings, rows, notes, cues) are always passages of their own.
func makePassages(units []unit, turns bool) []qda.Passage {
	labels := make([]*label, len(units))
	any := false
	for i, u := range units {
		if turns && u.kind == qda.PassageParagraph {
			if l, ok := parseLabel(u.text); ok {
				labels[i] = &l
				any = true
			}
		}
	}
	transcript := any && looksLikeTranscript(units, labels)
	// At most one passage per unit; sized up front, as in lineUnits, and
	// trimmed at the end when turns joined many units.
	out := make([]qda.Passage, 0, len(units))
	for i := 0; i < len(units); {
		u := units[i]
		if u.kind != qda.PassageParagraph {
			out = append(out, qda.Passage{Span: u.span, Kind: u.kind, Speaker: u.speaker, Timed: u.timed, At: u.at, Until: u.until})
			i++
			continue
		}
		j := i + 1
		if transcript && labels[i] != nil {
			for j < len(units) && units[j].kind == qda.PassageParagraph && labels[j] == nil {
				j++
			}
			l := labels[i]
			out = append(out, qda.Passage{Span: qda.Span{Start: u.span.Start, End: units[j-1].span.End}, Kind: qda.PassageTurn, Speaker: l.speaker, Timed: l.timed, At: l.at})
			i = j
			continue
		}
		for j < len(units) && units[j].kind == qda.PassageParagraph && !units[j].brk && !(transcript && labels[j] != nil) {
			j++
		}
		out = append(out, qda.Passage{Span: qda.Span{Start: u.span.Start, End: units[j-1].span.End}, Kind: qda.PassageParagraph})
		i = j
	}
	if len(out) < cap(out)/2 {
		out = slices.Clone(out)
	}
	return out
}
