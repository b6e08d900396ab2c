package ingest_test

import (
	"reflect"
	"testing"
	"time"

	"coder/qda"
	"golang.org/x/text/encoding/simplifiedchinese"
)

type cueWant struct {
	text, speaker string
	at, until     time.Duration
}

func cuesOf(t *testing.T, d *qda.Document) []cueWant {
	t.Helper()
	var out []cueWant
	texts := passages(d)
	for i, p := range d.Passages {
		if p.Kind != qda.PassageCue || !p.Timed {
			t.Errorf("passage %d is %q timed=%v, want a timed cue", i, p.Kind, p.Timed)
		}
		out = append(out, cueWant{texts[i], p.Speaker, p.At, p.Until})
	}
	return out
}

const ms = time.Millisecond

// Ensure that SubRip cues become timed passages, with "Name:" prefixes as
// speakers once they recur.
func TestImport_SRT(t *testing.T) {
	srt := "1\r\n00:00:01,000 --> 00:00:04,500\r\nInterviewer: When did you <i>first</i> meet?\r\n\r\n" +
		"2\r\n00:00:05,000 --> 00:00:07,250\r\nMs Zhao: In the yard,\r\nin 2015.\r\n\r\n" +
		"3\r\n00:01:02,003 --> 00:01:03,000\r\nInterviewer: {\\an8}Thank you.\r\n"
	d := mustImport(t, "meeting.srt", []byte(srt)).Document
	want := []cueWant{
		{"Interviewer: When did you first meet?", "Interviewer", 1000 * ms, 4500 * ms},
		{"Ms Zhao: In the yard,\nin 2015.", "Ms Zhao", 5000 * ms, 7250 * ms},
		{"Interviewer: Thank you.", "Interviewer", 62003 * ms, 63000 * ms},
	}
	if got := cuesOf(t, &d); !reflect.DeepEqual(got, want) {
		t.Errorf("cues:\n got %+v\nwant %+v", got, want)
	}
	if d.Kind != qda.KindInterview || d.Source.Format != "srt" {
		t.Errorf("kind %q format %q", d.Kind, d.Source.Format)
	}
	t.Run("NoRecurringNamesNoSpeakers", func(t *testing.T) {
		d := mustImport(t, "a.srt", []byte("1\n00:00:01,000 --> 00:00:02,000\nNote: the room was loud.\n\n2\n00:00:03,000 --> 00:00:04,000\nEveryone laughed.\n")).Document
		for _, p := range d.Passages {
			if p.Speaker != "" {
				t.Errorf("speaker %q from a lone label", p.Speaker)
			}
		}
	})
	t.Run("GBKSubtitles", func(t *testing.T) {
		data, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte("1\n00:00:01,000 --> 00:00:02,000\n大家好，我们开始开会。\n"))
		d := mustImport(t, "会.srt", data).Document
		if d.Text != "大家好，我们开始开会。" || d.Source.Encoding != "GB18030" {
			t.Errorf("text %q encoding %q", d.Text, d.Source.Encoding)
		}
	})
	t.Run("NoCues", func(t *testing.T) {
		_, err := ingestBytes("a.srt", []byte("just some words\n"))
		wantError(t, err, "a.srt", "no timed SRT cues")
	})
}

// Ensure that WebVTT cues keep their timing and voice tags name speakers.
func TestImport_VTT(t *testing.T) {
	vtt := "WEBVTT - yard meeting\n\nNOTE recorded on a phone\n\nSTYLE\n::cue { color: yellow }\n\n" +
		"intro\n00:01.000 --> 00:04.000 align:start\n<v Ms Zhao>We met on Tuesdays.</v>\n\n" +
		"00:00:05.500 --> 00:00:08.000\n<v.loud Li Wei>Every Tuesday &amp; Friday!\n\n" +
		"00:09.000 --> 00:10.000\n<c.yellow>No voice here</c> <00:09.500>at all\n"
	d := mustImport(t, "meeting.vtt", []byte(vtt)).Document
	want := []cueWant{
		{"Ms Zhao: We met on Tuesdays.", "Ms Zhao", 1000 * ms, 4000 * ms},
		{"Li Wei: Every Tuesday & Friday!", "Li Wei", 5500 * ms, 8000 * ms},
		{"No voice here at all", "", 9000 * ms, 10000 * ms},
	}
	if got := cuesOf(t, &d); !reflect.DeepEqual(got, want) {
		t.Errorf("cues:\n got %+v\nwant %+v", got, want)
	}
	t.Run("NotWebVTT", func(t *testing.T) {
		_, err := ingestBytes("a.vtt", []byte("00:01.000 --> 00:02.000\nhello\n"))
		wantError(t, err, "a.vtt", "not a WebVTT file")
	})
}
