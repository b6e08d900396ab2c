package ui_test

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"coder/qda"
)

// docBuilder assembles a fictional document passage by passage, keeping rune
// offsets so tests can aim at known words.
type docBuilder struct {
	text     strings.Builder
	n        int
	passages []qda.Passage
}

// turn appends a speaker turn "Speaker: text" and returns the span of text
// (after the label).
func (b *docBuilder) turn(speaker string, at time.Duration, text string) qda.Span {
	label := speaker + ": "
	start := b.n
	b.write(label)
	s := b.n
	b.write(text)
	b.passages = append(b.passages, qda.Passage{
		Span: qda.Span{Start: start, End: b.n}, Kind: qda.PassageTurn,
		Speaker: speaker, Timed: at > 0, At: at,
	})
	b.write("\n\n")
	return qda.Span{Start: s, End: s + utf8.RuneCountInString(text)}
}

// para appends a paragraph passage of the given kind and returns its span.
func (b *docBuilder) para(kind qda.PassageKind, text string) qda.Span {
	s := b.n
	b.write(text)
	b.passages = append(b.passages, qda.Passage{Span: qda.Span{Start: s, End: b.n}, Kind: kind})
	b.write("\n\n")
	return qda.Span{Start: s, End: b.n - 2}
}

func (b *docBuilder) write(s string) {
	b.text.WriteString(s)
	b.n += utf8.RuneCountInString(s)
}

func (b *docBuilder) doc() *qda.Document {
	text := b.text.String()
	return &qda.Document{
		ID: qda.NewID(), Name: "Fictional interview", Kind: qda.KindInterview,
		Text: text, Passages: b.passages, Chars: utf8.RuneCountInString(text),
	}
}

// offsetOf returns the rune offset of the first occurrence of sub in doc.
func offsetOf(doc *qda.Document, sub string) int {
	i := strings.Index(doc.Text, sub)
	if i < 0 {
		panic(fmt.Sprintf("%q not in the sample text", sub))
	}
	return utf8.RuneCountInString(doc.Text[:i])
}

const (
	englishTurn = "We started the yard meetings in the spring, after the drains flooded twice. " +
		"At first only the retired teachers came, and they mostly complained about the parking. " +
		"Then the new secretary brought tea and a map of the lanes, and people began to argue about which lane to fix first."
	chineseTurn = "我们小区以前什么事都等街道来管，下水道堵了就打电话，一等就是好几个星期。" +
		"后来新来的书记把大家叫到院子里开会，说这是我们自己的家，要自己商量着办。" +
		"一开始没人愿意出钱，大家都怕别人不出，自己吃亏。"
	mixedTurn = "The committee chair said 大家一起商量 was the key 👍🏽 and the pilot budget " +
		"was only 三万元, which 👨‍👩‍👧 families split by floor."
)

// sampleDoc is a short fictional interview in English and Chinese.
func sampleDoc() (*qda.Document, map[string]qda.Span) {
	var b docBuilder
	spans := map[string]qda.Span{}
	spans["heading"] = b.para(qda.PassageHeading, "Interview 7: the east yard")
	spans["english"] = b.turn("Interviewer", 75*time.Second, englishTurn)
	spans["chinese"] = b.turn("王阿姨", 3*time.Minute+12*time.Second, chineseTurn)
	spans["mixed"] = b.turn("Resident", 0, mixedTurn)
	spans["word"] = b.para(qda.PassageParagraph, strings.Repeat("Selfgovernancecommittee", 9))
	return b.doc(), spans
}

// longDoc is a fictional transcript of about words words, alternating an
// interviewer and residents, with a Chinese turn every fifth turn.
func longDoc(words int) *qda.Document {
	vocab := strings.Fields("the residents met in the yard to discuss drains lanes budget committee " +
		"secretary volunteers parking trust meeting neighbours fund repair elderly garden " +
		"street office pilot project targets cadres promotion showcase everyone agreed disagreed " +
		"because although when after before during later finally nobody somebody wanted " +
		"deliberation co-governance co-construction free-riding persuasion example")
	speakers := []string{"Interviewer", "Resident A", "Interviewer", "Resident B", "王阿姨"}
	var b docBuilder
	n := 0
	for turn := 0; n < words; turn++ {
		sp := speakers[turn%len(speakers)]
		var sb strings.Builder
		if sp == "王阿姨" {
			zh := []rune(chineseTurn)
			for i := 0; i < 12; i++ {
				sb.WriteString(string(zh[:len(zh)/3*(1+i%2)]))
				n += 20
			}
		} else {
			length := 40 + (turn*37)%160
			for i := 0; i < length; i++ {
				w := vocab[(turn*131+i*17+i*i)%len(vocab)]
				if i == 0 {
					w = strings.ToUpper(w[:1]) + w[1:]
				}
				sb.WriteString(w)
				switch {
				case i == length-1:
					sb.WriteString(".")
				case i%13 == 12:
					sb.WriteString(". ")
				case i%7 == 6:
					sb.WriteString(", ")
				default:
					sb.WriteString(" ")
				}
				n++
			}
		}
		b.turn(sp, time.Duration(turn)*23*time.Second, sb.String())
	}
	return b.doc()
}
