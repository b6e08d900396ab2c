package analysis

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand"
	"os/exec"
	"strings"
	"testing"

	"coder/qda"
)

// Ensure that Agree's kappa per code and overall equals scikit-learn's
// cohen_kappa_score over the same characters, on generated codings by two
// coders (overlapping, nested and repeated spans, three codes).
func TestAgree_KappaMatchesScikitLearn(t *testing.T) {
	py, why := pythonWithSklearn()
	if py == "" {
		t.Skip(why)
	}
	rng := rand.New(rand.NewSource(12))
	codes := []qda.Code{{ID: "x", Name: "x"}, {ID: "y", Name: "y", Order: 1}, {ID: "z", Name: "z", Order: 2}}
	s := Snapshot{Codes: codes}
	for di := 0; di < 4; di++ {
		doc := Document{ID: qda.ID(fmt.Sprintf("d%d", di)), Name: fmt.Sprintf("d%d", di), Chars: 200 + rng.Intn(800)}
		s.Documents = append(s.Documents, doc)
		for _, coder := range []qda.ID{"A", "B"} {
			for n := 0; n < 3+rng.Intn(12); n++ {
				start := rng.Intn(doc.Chars - 1)
				end := start + 1 + rng.Intn(min(120, doc.Chars-start))
				s.Codings = append(s.Codings, qda.Coding{ID: qda.NewID(), Document: doc.ID, Code: codes[rng.Intn(3)].ID, Coder: coder, Span: qda.Span{Start: start, End: end}})
			}
		}
	}
	a, err := New(s).Agree(AgreeOptions{Coders: []qda.ID{"A", "B"}})
	if err != nil {
		t.Fatal(err)
	}
	// The labels, character by character, counted here without Agree.
	labels := map[string][2][]int{}
	for _, c := range codes {
		var la, lb []int
		for _, doc := range s.Documents {
			on := [2][]int{make([]int, doc.Chars), make([]int, doc.Chars)}
			for _, g := range s.Codings {
				if g.Document == doc.ID && g.Code == c.ID {
					k := 0
					if g.Coder == "B" {
						k = 1
					}
					for i := g.Span.Start; i < g.Span.End; i++ {
						on[k][i] = 1
					}
				}
			}
			la, lb = append(la, on[0]...), append(lb, on[1]...)
		}
		labels[c.Name] = [2][]int{la, lb}
		all := labels["overall"]
		labels["overall"] = [2][]int{append(all[0], la...), append(all[1], lb...)}
	}
	in, _ := json.Marshal(labels)
	cmd := exec.Command(py, "-c", `import json, sys
from sklearn.metrics import cohen_kappa_score
d = json.load(sys.stdin)
print(json.dumps({k: cohen_kappa_score(v[0], v[1]) for k, v in d.items()}))`)
	cmd.Stdin = strings.NewReader(string(in))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("scikit-learn: %v", err)
	}
	var want map[string]float64
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatalf("scikit-learn's answer %q: %v", out, err)
	}
	got := map[string]float64{"overall": a.Overall.Kappa}
	for _, r := range a.Codes {
		got[r.Path] = r.Kappa
	}
	for k, w := range want {
		if g, ok := got[k]; !ok || math.Abs(g-w) > 1e-9 {
			t.Errorf("%s: kappa %v, scikit-learn says %v", k, g, w)
		}
	}
	t.Logf("kappa per code and overall, equal to scikit-learn's: %v", want)
}

// pythonWithSklearn finds a python3 that imports scikit-learn: the one on
// PATH, else Debian's (a python3 from pyenv or a venv on PATH does not see
// Debian's python3-sklearn). Without one it says why.
func pythonWithSklearn() (path, why string) {
	why = "python3 is not installed, so scikit-learn cannot check kappa (apt-get install python3-sklearn)"
	for _, name := range []string{"python3", "/usr/bin/python3"} {
		py, err := exec.LookPath(name)
		if err != nil {
			continue
		}
		out, err := exec.Command(py, "-c", "import sklearn.metrics").CombinedOutput()
		if err == nil {
			return py, ""
		}
		why = fmt.Sprintf("scikit-learn is not installed for %s, so it cannot check kappa (apt-get install python3-sklearn): %s", py, lastLine(string(out)))
	}
	return "", why
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}
