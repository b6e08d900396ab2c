package merge

import (
	"math/rand"
	"testing"

	"coder/qda"
)

// Ensure that the splice textSplice finds turns one text into the other,
// for corrections and for random texts over a small alphabet (with CJK),
// and that a span on words the correction kept moves onto the same words.
func TestTextSplice_TurnsOneTextIntoTheOther(t *testing.T) {
	cases := [][2]string{
		{"", ""}, {"", "abc"}, {"abc", ""}, {"same", "same"},
		{"The yard comittee met under the plain tree.", "The yard committee met under the plane tree."},
		{"Resident Li: we keep the keys.", "Resident Lee: we keep the keys ourselves."},
		{"我们自己管大门。", "我们自己管理大门。"},
	}
	r := rand.New(rand.NewSource(7))
	alpha := []rune("ab c门\n")
	for range 300 {
		s := make([]rune, r.Intn(30))
		for i := range s {
			s[i] = alpha[r.Intn(len(alpha))]
		}
		u := make([]rune, r.Intn(30))
		for i := range u {
			u[i] = alpha[r.Intn(len(alpha))]
		}
		cases = append(cases, [2]string{string(s), string(u)})
	}
	for _, c := range cases {
		sp := textSplice(c[0], c[1])
		got, err := sp.Apply(c[0])
		if err != nil || got != c[1] {
			t.Fatalf("textSplice(%q, %q) gives %q (%v)", c[0], c[1], got, err)
		}
	}
	from, to := "The yard comittee met under the plain tree.", "The yard committee met under the plane tree."
	sp := textSplice(from, to)
	span, ok := sp.Map(qda.Span{Start: 18, End: 21}, qda.Drop) // "met"
	if !ok || span.Slice([]rune(to)) != "met" {
		t.Errorf("a coding on %q moved to %v (%q)", "met", span, span.Slice([]rune(to)))
	}
}
