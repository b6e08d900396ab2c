package project_test

import (
	"bytes"
	"strings"
	"testing"

	"coder/analysis"
	"coder/project"
	"coder/qda"
)

// Ensure that the analysis exports (a framework matrix with its excerpts,
// the attribute tables) hold no real name when pseudonymised, while the
// same exports without it do.
func TestExportAnalysis_PseudonymisedHasNoRealName(t *testing.T) {
	p := demoWithTable(t)
	data, err := p.Analysis()
	if err != nil {
		t.Fatal(err)
	}
	m, err := data.Matrix(analysis.Dimension{Kind: "doc"}, nil, true)
	if err != nil {
		t.Fatal(err)
	}
	pseudo := project.ExportOptions{Pseudonymise: true}
	exports := map[string]func(out *bytes.Buffer, opts ...project.ExportOptions) error{}
	for _, format := range []string{"xlsx", "docx"} {
		exports["matrix "+format] = func(out *bytes.Buffer, opts ...project.ExportOptions) error {
			return p.ExportMatrix(out, format, m, opts...)
		}
	}
	for _, format := range []string{"csv", "xlsx"} {
		for _, scope := range []qda.VarScope{qda.ScopeCase, qda.ScopeDocument} {
			exports["attributes "+string(scope)+" "+format] = func(out *bytes.Buffer, opts ...project.ExportOptions) error {
				return p.ExportAttributes(out, format, scope, opts...)
			}
		}
	}
	plainLeaks := 0
	for name, export := range exports {
		var plain, hidden bytes.Buffer
		if err := export(&plain); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := export(&hidden, pseudo); err != nil {
			t.Fatalf("%s, pseudonymised: %v", name, err)
		}
		plainLeaks += len(leaks(t, name, plain.Bytes()))
		if l := leaks(t, name, hidden.Bytes()); len(l) > 0 {
			t.Errorf("the pseudonymised %s export names names:\n%s", name, strings.Join(l, "\n"))
		}
	}
	if plainLeaks == 0 {
		t.Error("no plain analysis export holds a real name: the test would prove nothing")
	}
}
