package ingest_test

import (
	"reflect"
	"testing"
	"time"

	"coder/qda"
)

type turn struct {
	speaker string
	text    string
	at      time.Duration // -1 when untimed
}

func turnsOf(d *qda.Document) []turn {
	var out []turn
	texts := passages(d)
	for i, p := range d.Passages {
		if p.Kind != qda.PassageTurn {
			continue
		}
		at := time.Duration(-1)
		if p.Timed {
			at = p.At
		}
		out = append(out, turn{p.Speaker, texts[i], at})
	}
	return out
}

// Ensure that each way transcribers write speaker labels becomes turns with
// the right speakers, text and timestamps.
func TestImport_SpeakerTurns(t *testing.T) {
	cases := []struct {
		name, text string
		want       []turn
	}{
		{"NameColon",
			"Interviewer: How did the yard meetings start?\nMs Zhao: A neighbour put chairs out.\n\nInterviewer: Who came first?\nMs Zhao: The retired teachers.\n",
			[]turn{
				{"Interviewer", "Interviewer: How did the yard meetings start?", -1},
				{"Ms Zhao", "Ms Zhao: A neighbour put chairs out.", -1},
				{"Interviewer", "Interviewer: Who came first?", -1},
				{"Ms Zhao", "Ms Zhao: The retired teachers.", -1},
			}},
		{"NameThenTimestampOnItsOwnLine",
			"Speaker 1  00:13\nWe had no budget at all.\nNothing.\n\nSpeaker 2  01:02:05\nSo what changed?\n\nSpeaker 1  01:02:09\nThe ranking.\n",
			[]turn{
				{"Speaker 1", "Speaker 1  00:13\nWe had no budget at all.\nNothing.", 13 * time.Second},
				{"Speaker 2", "Speaker 2  01:02:05\nSo what changed?", time.Hour + 2*time.Minute + 5*time.Second},
				{"Speaker 1", "Speaker 1  01:02:09\nThe ranking.", time.Hour + 2*time.Minute + 9*time.Second},
			}},
		{"NameThenTimestampBeforeText",
			"Li Wei [00:05] It was cold that winter.\nHe Min [00:09] Colder than now.\nLi Wei [00:12] Much colder.\n",
			[]turn{
				{"Li Wei", "Li Wei [00:05] It was cold that winter.", 5 * time.Second},
				{"He Min", "He Min [00:09] Colder than now.", 9 * time.Second},
				{"Li Wei", "Li Wei [00:12] Much colder.", 12 * time.Second},
			}},
		{"TimestampBeforeName",
			"[00:00:03] Moderator: Welcome, everyone.\n[00:00:07] Resident A: Thank you.\n[00:00:10] Moderator: Let us begin.\n",
			[]turn{
				{"Moderator", "[00:00:03] Moderator: Welcome, everyone.", 3 * time.Second},
				{"Resident A", "[00:00:07] Resident A: Thank you.", 7 * time.Second},
				{"Moderator", "[00:00:10] Moderator: Let us begin.", 10 * time.Second},
			}},
		{"BracketedIDs",
			"[id1] When did you move here?\n[id2]: In 1998.\n[id1] And the committee?\n[id2]: Two years later.\n",
			[]turn{
				{"id1", "[id1] When did you move here?", -1},
				{"id2", "[id2]: In 1998.", -1},
				{"id1", "[id1] And the committee?", -1},
				{"id2", "[id2]: Two years later.", -1},
			}},
		{"ChineseFullWidthColon",
			"访谈记录\n\n张主任：院子里的事情，大家商量着办。\n访谈者：最开始有人反对吗？\n张主任：有，但是慢慢就好了。\n",
			[]turn{
				{"张主任", "张主任：院子里的事情，大家商量着办。", -1},
				{"访谈者", "访谈者：最开始有人反对吗？", -1},
				{"张主任", "张主任：有，但是慢慢就好了。", -1},
			}},
		{"TurnRunsToNextSpeakerAcrossBlankLines",
			"Q: Tell me about the committee.\n\nA: It began small.\n\nThen it grew, year by year.\n\nQ: Why?\n",
			[]turn{
				{"Q", "Q: Tell me about the committee.", -1},
				{"A", "A: It began small.\n\nThen it grew, year by year.", -1},
				{"Q", "Q: Why?", -1},
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := mustImport(t, "transcript.txt", []byte(c.text)).Document
			if got := turnsOf(&d); !reflect.DeepEqual(got, c.want) {
				t.Errorf("turns:\n got %+v\nwant %+v", got, c.want)
			}
			if d.Kind != qda.KindInterview {
				t.Errorf("kind = %q, want interview for a transcript", d.Kind)
			}
		})
	}
}

// Ensure that a header before the first speaker stays a paragraph.
func TestImport_TranscriptHeaderStaysParagraph(t *testing.T) {
	d := mustImport(t, "t.txt", []byte("Interview with a community cadre, G Community\nRecorded in the hall\n\nQ: What did you do first?\nA: We listened.\nQ: And then?\nA: We met again.\n")).Document
	if d.Passages[0].Kind != qda.PassageParagraph || passages(&d)[0] != "Interview with a community cadre, G Community\nRecorded in the hall" {
		t.Errorf("first passage = %+v %q", d.Passages[0], passages(&d)[0])
	}
	if n := len(turnsOf(&d)); n != 4 {
		t.Errorf("turns = %d, want 4", n)
	}
}

// Ensure that prose with an occasional "Label:" is not taken for a transcript.
func TestImport_ProseIsNotATranscript(t *testing.T) {
	cases := map[string]string{
		"NoteLines": "The committee met in March.\n\nNote: the minutes were lost.\n\nThe second meeting was in May, and the residents brought their own chairs.\n\nNote: attendance was not recorded.\n",
		"OneLabel":  "Ms Zhao: the yard was a mess.\n\nThat was how the field notes began, and they went on for pages about the stairwells and the bicycles.\n",
		"Definitions": "Glossary\n\nCadre: an official of the party or state.\n\nDanwei: a work unit.\n\nHukou: household registration.\n\n" +
			"Jiedao: a street office.\n",
		"TimesInProse":     "We met at 10:30 in the hall.\n\nAt 11:15 the secretary arrived.\n\nThe meeting ended when the rain stopped.\n",
		"ChineseNarrative": "闰土又对我说：\n\n“老爷，你回来了。”\n\n我的心禁不住悲凉起来了。他说：“不要紧。”\n",
		// A comment thread: each comment opens with the title of the video
		// it was left under, many titles, a few of them twice.
		// A comment thread: each comment opens with the title of the video
		// it was left under; many titles, each used twice.
		"CommentThread": "Harbour ferries: the new timetable is a joke.\n\nBridge tolls: who decided this?.\n\nMarket square: finally some trees.\n\n" +
			"Night buses: not one came after midnight.\n\nSchool meals: my daughter likes the soup.\n\nLibrary hours: open on Sundays now!.\n\n" +
			"Flood wall: will it hold?.\n\nCycle lanes: painted lines are not lanes.\n\nPark benches: half of them are broken.\n\n" +
			"Street lights: our road has been dark for weeks.\n\nRecycling: the blue bins were not emptied.\n\nTram line: when does it open?.\n\n" +
			"Swimming pool: the prices went up again.\n\nBus station: the roof leaks.\n\nHarbour ferries: agreed, I waited an hour.\n\n" +
			"Bridge tolls: the council, last spring.\n\nMarket square: and a fountain.\n\nNight buses: the last one left at eleven.\n\n" +
			"School meals: too salty.\n\nLibrary hours: about time.\n\nFlood wall: it did last winter.\n\n" +
			"Cycle lanes: they end at the bridge.\n\nPark benches: the new ones are fine.\n\nStreet lights: mine too.\n\n" +
			"Recycling: ours were.\n\nTram line: next year, they say.\n\nSwimming pool: still worth it.\n\n" +
			"Bus station: and the toilets are shut.\n\n",
		// The same titles repeated over runs of comments: few labels, but no
		// alternation between them.
		"RepeatedHeadings": "Ferries: the timetable is late again.\n\nFerries: I waited an hour.\n\nFerries: the café on board closed.\n\n" +
			"Ferries: staff were kind though.\n\nTolls: too high.\n\nTolls: nobody asked us.\n\nTolls: the council decided it.\n\nTolls: it pays for the bridge.\n",
		"PolicyArticles": "Rules of the Residents' Committee\n\nArticle 1: The committee is elected by the residents of the compound.\n\n" +
			"Article 2: It meets once a month in the hall.\n\nArticle 3: Minutes are posted on the notice board.\n\n" +
			"Article 4: Any resident may attend.\n\nArticle 5: These rules take effect on adoption.\n",
	}
	for name, text := range cases {
		t.Run(name, func(t *testing.T) {
			d := mustImport(t, "notes.txt", []byte(text)).Document
			if turns := turnsOf(&d); len(turns) > 0 {
				t.Errorf("found turns %+v in prose", turns)
			}
			if d.Kind != qda.KindOther {
				t.Errorf("kind = %q, want other", d.Kind)
			}
		})
	}
}

// Ensure that the kind given in the options wins over the guess.
func TestImport_KindOption(t *testing.T) {
	res, err := importWith("policy.txt", "Article 1: The committee is elected.\n\nArticle 2: It meets monthly.\n", qda.KindPolicy)
	if err != nil {
		t.Fatal(err)
	}
	if res.Document.Kind != qda.KindPolicy {
		t.Errorf("kind = %q, want policy", res.Document.Kind)
	}
	if _, err := importWith("x.txt", "some text", qda.Kind("poem")); err == nil {
		t.Errorf("an unknown kind was accepted")
	}
}
