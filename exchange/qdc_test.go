package exchange_test

import (
	"bytes"
	"strings"
	"testing"

	"coder/exchange"
	"coder/qda"
)

// Ensure that a codebook written and read back has the same codes: IDs,
// hierarchy, order, colours, descriptions and folders.
func TestQDC_RoundTripKeepsTheCodebook(t *testing.T) {
	want := fixture(t)
	var buf bytes.Buffer
	if err := exchange.WriteQDC(&buf, want); err != nil {
		t.Fatal(err)
	}
	codes, rep, err := exchange.ReadQDC(&buf, "codes.qdc")
	if err != nil {
		t.Fatal(err)
	}
	if rep.Producer != exchange.Origin || rep.Counts["codes"] != len(want.Codes) {
		t.Errorf("report = %+v", rep)
	}
	compareBundles(t, &qda.Bundle{Project: want.Project, Codes: want.Codes}, &qda.Bundle{Project: want.Project, Codes: codes})
}

// Ensure that an empty codebook is refused with a reason instead of writing
// a file the schema rejects.
func TestWriteQDC_EmptyCodebookIsRefused(t *testing.T) {
	err := exchange.WriteQDC(&bytes.Buffer{}, &qda.Bundle{})
	if err == nil || !strings.Contains(err.Error(), "no codes") {
		t.Fatalf("err = %v", err)
	}
}

// Ensure that codebooks from other tools are repaired to Coder's rules: short
// colours expanded, '/' in names replaced, same-named siblings told apart,
// missing colours filled, code sets reported.
func TestReadQDC_RepairsWhatCoderForbids(t *testing.T) {
	qdc := "\uFEFF" + `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Other tool">
  <Codes>
    <Code guid="AAAAAAAA-0000-4000-8000-000000000001" name="Money/Funds" isCodable="true" color="#f00"/>
    <Code guid="AAAAAAAA-0000-4000-8000-000000000002" name="Trust" isCodable="true"><Description>first</Description></Code>
    <Code guid="AAAAAAAA-0000-4000-8000-000000000003" name="trust" isCodable="false"/>
  </Codes>
  <Sets><Set guid="AAAAAAAA-0000-4000-8000-000000000009" name="Core"><MemberCode guid="AAAAAAAA-0000-4000-8000-000000000002"/></Set></Sets>
</CodeBook>`
	codes, rep, err := exchange.ReadQDC(strings.NewReader(qdc), "other.qdc")
	if err != nil {
		t.Fatal(err)
	}
	if len(codes) != 3 {
		t.Fatalf("%d codes", len(codes))
	}
	if codes[0].Name != "Money-Funds" || codes[0].Color != "#FF0000" || codes[0].ID != "aaaaaaaa-0000-4000-8000-000000000001" {
		t.Errorf("first code = %+v", codes[0])
	}
	if codes[2].Name != "trust (2)" || !codes[2].Folder || !qda.ValidColor(codes[2].Color) {
		t.Errorf("third code = %+v", codes[2])
	}
	for _, c := range codes {
		if err := c.Validate(); err != nil {
			t.Error(err)
		}
	}
	if len(rep.CodeSets) != 1 || rep.CodeSets[0].Name != "Core" || len(rep.CodeSets[0].Codes) != 1 {
		t.Errorf("code sets = %+v", rep.CodeSets)
	}
	if len(rep.Warnings) != 2 {
		t.Errorf("warnings = %q, want one for the rename and one for the duplicate", rep.Warnings)
	}
}

// Ensure that a project file offered as a codebook gives its codebook.
func TestReadQDC_AcceptsAProjectFile(t *testing.T) {
	var buf bytes.Buffer
	if err := exchange.WriteQDE(&buf, fixture(t)); err != nil {
		t.Fatal(err)
	}
	codes, rep, err := exchange.ReadQDC(&buf, "project.qde")
	if err != nil {
		t.Fatal(err)
	}
	if len(codes) != len(fixture(t).Codes) || len(rep.Warnings) != 1 {
		t.Errorf("%d codes, warnings %q", len(codes), rep.Warnings)
	}
}
