package qda

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// randomText makes a text of English, Chinese, spaces and line ends.
func randomText(r *rand.Rand, n int) []rune {
	alphabet := []rune("abcdeXYZ 大门议事会\n")
	out := make([]rune, n)
	for i := range out {
		out[i] = alphabet[r.IntN(len(alphabet))]
	}
	return out
}

// randomReplacements makes up to max non-overlapping replacements (some
// insertions, some deletions) on a text of n runes.
func randomReplacements(r *rand.Rand, n, most int) []Replacement {
	var out []Replacement
	at := 0
	for k := 0; k < most && at <= n; k++ {
		a := at + r.IntN(n-at+1)
		b := a
		if r.IntN(4) > 0 {
			b = a + r.IntN(min(6, n-a)+1)
		}
		text := string(randomText(r, r.IntN(5)))
		if a == b && text == "" {
			text = "插"
		}
		out = append(out, Replacement{Span{a, b}, text})
		at = b + 1
	}
	r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// reference splices strings on the old text: the new text, and the text a
// coding [s, e) should cover after the splice (or false when it goes). Old
// runes are kept where they were coded; a replacement's text is coded when
// the coding held the whole replaced range (an insertion strictly inside
// it), or, in Widen mode, when the coding lay wholly inside the range.
func reference(old []rune, rs []Replacement, s, e int, mode Mode) (string, string, bool) {
	byStart := map[int]Replacement{}
	for _, r := range rs {
		byStart[r.Span.Start] = r
	}
	var text, coded strings.Builder
	dropped := false
	for i := 0; i <= len(old); {
		if r, ok := byStart[i]; ok {
			a, b := r.Span.Start, r.Span.End
			around := (a < b && s <= a && b <= e) || (a == b && s < a && a < e)
			inside := !around && a <= s && e <= b
			if inside && mode == Drop {
				dropped = true
			}
			text.WriteString(r.Text)
			if around || inside {
				coded.WriteString(r.Text)
			}
			delete(byStart, i)
			if b > i {
				i = b
				continue
			}
		}
		if i == len(old) {
			break
		}
		text.WriteRune(old[i])
		if s <= i && i < e {
			coded.WriteRune(old[i])
		}
		i++
	}
	return text.String(), coded.String(), coded.Len() > 0 && !dropped
}

// Ensure that after random edits on random codings, the text every
// surviving coding covers is what splicing the old text's strings says it
// should be, that a coding goes exactly when nothing of it is left, and that
// passages still tile the new text validly.
func TestSplice_CodedTextFollowsRandomEdits(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 42))
	for round := 0; round < 3000; round++ {
		old := randomText(r, 1+r.IntN(40))
		rs := randomReplacements(r, len(old), 1+r.IntN(4))
		sp, err := NewSplice(len(old), rs)
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		got, err := sp.Apply(string(old))
		if err != nil {
			t.Fatal(err)
		}
		newRunes := []rune(got)
		if len(newRunes) != sp.New() {
			t.Fatalf("round %d: New() = %d, text has %d", round, sp.New(), len(newRunes))
		}
		for c := 0; c < 8; c++ {
			s := r.IntN(len(old))
			e := s + 1 + r.IntN(len(old)-s)
			for _, mode := range []Mode{Drop, Widen} {
				wantText, wantCoded, wantAlive := reference(old, rs, s, e, mode)
				if wantText != got {
					t.Fatalf("round %d: Apply = %q, reference %q", round, got, wantText)
				}
				m, alive := sp.Map(Span{s, e}, mode)
				if alive != wantAlive {
					t.Fatalf("round %d mode %d: %q %v coding %d:%d (%q): alive %v, reference %v (%q)", round, mode, string(old), rs, s, e, string(old[s:e]), alive, wantAlive, wantCoded)
				}
				if alive && m.Slice(newRunes) != wantCoded {
					t.Fatalf("round %d mode %d: %q %v coding %d:%d (%q) covers %q after, reference %q", round, mode, string(old), rs, s, e, string(old[s:e]), m.Slice(newRunes), wantCoded)
				}
			}
		}
		// Passages: a tiling of the old text by its line breaks.
		var ps []Passage
		start := 0
		for i, ch := range old {
			if ch == '\n' {
				if i > start {
					ps = append(ps, Passage{Span: Span{start, i}})
				}
				start = i + 1
			}
		}
		if start < len(old) {
			ps = append(ps, Passage{Span: Span{start, len(old)}})
		}
		d := Document{Name: "d", Kind: KindInterview, Text: got, Chars: len(newRunes), Passages: sp.Passages(ps)}
		if err := d.Validate(); err != nil {
			t.Fatalf("round %d: %q %v: passages %v: %v", round, string(old), rs, d.Passages, err)
		}
	}
}

// Ensure that a correction inside a coded passage stretches the coding, one
// before it leaves it alone, and one after it shifts it.
func TestSplice_TypoFixMovesCodings(t *testing.T) {
	old := "Resident Li said the gaet committee met on Tuesday."
	sp, err := NewSplice(len([]rune(old)), []Replacement{{Span{21, 25}, "gate"}, {Span{43, 43}, "last "}})
	if err != nil {
		t.Fatal(err)
	}
	text, _ := sp.Apply(old)
	if text != "Resident Li said the gate committee met on last Tuesday." {
		t.Fatalf("text after = %q", text)
	}
	runes := []rune(text)
	for _, c := range []struct {
		span Span
		want string
	}{{Span{0, 11}, "Resident Li"}, {Span{17, 35}, "the gate committee"}, {Span{43, 51}, "Tuesday."}, {Span{36, 51}, "met on last Tuesday."}} {
		m, ok := sp.Map(c.span, Drop)
		if !ok || m.Slice(runes) != c.want {
			t.Errorf("coding %s covers %q (alive %v), want %q", c.span, m.Slice(runes), ok, c.want)
		}
	}
	if _, ok := sp.Map(Span{22, 24}, Drop); ok {
		t.Errorf("a coding on part of the rewritten word survived")
	}
	if m, ok := sp.Map(Span{22, 24}, Widen); !ok || m.Slice(runes) != "gate" {
		t.Errorf("widened coding covers %q, want gate", m.Slice(runes))
	}
	if _, err := NewSplice(10, []Replacement{{Span{2, 5}, "x"}, {Span{4, 6}, "y"}}); err == nil {
		t.Errorf("overlapping replacements were accepted")
	}
}
