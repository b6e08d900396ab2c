package exchange_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"
	"unicode/utf8"

	"coder/qda"
)

// Fixed IDs make the fixture, and so every golden file, the same on every run.
const (
	projectID = qda.ID("a0000000-0000-4000-8000-000000000001")
	coderLi   = qda.ID("c0000000-0000-4000-8000-000000000001")
	coderSam  = qda.ID("c0000000-0000-4000-8000-000000000002")

	codePolitical   = qda.ID("d0000000-0000-4000-8000-000000000001")
	codeMobilise    = qda.ID("d0000000-0000-4000-8000-000000000002")
	codeIntegrate   = qda.ID("d0000000-0000-4000-8000-000000000003")
	codeBureaucracy = qda.ID("d0000000-0000-4000-8000-000000000004")
	codePilot       = qda.ID("d0000000-0000-4000-8000-000000000005")
	codeCommunity   = qda.ID("d0000000-0000-4000-8000-000000000006")
	codeYard        = qda.ID("d0000000-0000-4000-8000-000000000007")
	codeTrust       = qda.ID("d0000000-0000-4000-8000-000000000008")
	codeContext     = qda.ID("d0000000-0000-4000-8000-000000000009")
	codeTrigger     = qda.ID("d0000000-0000-4000-8000-00000000000a")

	docInterview = qda.ID("e0000000-0000-4000-8000-000000000001")
	docNotice    = qda.ID("e0000000-0000-4000-8000-000000000002")
	docFieldnote = qda.ID("e0000000-0000-4000-8000-000000000003")

	caseG    = qda.ID("f0000000-0000-4000-8000-000000000001")
	caseTown = qda.ID("f0000000-0000-4000-8000-000000000002")

	varRole       = qda.ID("b0000000-0000-4000-8000-000000000001")
	varHouseholds = qda.ID("b0000000-0000-4000-8000-000000000002")
	varDate       = qda.ID("b0000000-0000-4000-8000-000000000003")
	varAnon       = qda.ID("b0000000-0000-4000-8000-000000000004")
	varBudget     = qda.ID("b0000000-0000-4000-8000-000000000005")
)

// The fixture's texts are fictional, written for these tests.
const (
	interviewText = "Q: How did the yard meetings start?\n\n" +
		"A: After the city bureau ranked G Community last for sanitation, the township sent Secretary Z to us. " +
		"She called the first meeting in the old courtyard and asked every party member to bring two neighbours.\n\n" +
		"Q: Did people trust her?\n\n" +
		"A: Not at first. 大家都说这是走形式。 Only when the pilot funds paid for new drains 🚰 did people come back.\n"
	noticeText = "D Town Street Office notice no. 14\n\n" +
		"The yard renewal pilot concentrates this year's improvement funds in G Community. " +
		"Progress on resident self-governance counts towards the annual assessment of each cadre.\n"
	fieldnoteText = "Residents' meeting, courtyard of Building 3, evening.\n\n" +
		"About forty people on folding stools. A retired teacher proposed a rota for sweeping the stairwells; " +
		"the café owner offered tea. Two households left early, saying nothing would change.\n"
)

func at(day, hour int) time.Time { return time.Date(2024, 3, day, hour, 15, 0, 0, time.UTC) }

// span finds the first occurrence of quote in text and returns its rune span.
func span(t testing.TB, text, quote string) qda.Span {
	t.Helper()
	i := indexOf(text, quote)
	if i < 0 {
		t.Fatalf("fixture: %q not in text", quote)
	}
	start := utf8.RuneCountInString(text[:i])
	return qda.Span{Start: start, End: start + utf8.RuneCountInString(quote)}
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func doc(id qda.ID, name string, kind qda.Kind, text string, imported time.Time) qda.Document {
	return qda.Document{
		ID: id, Name: name, Kind: kind, Text: text, Imported: imported,
		Chars:  utf8.RuneCountInString(text),
		Source: qda.Source{FileName: name + ".txt", Format: "txt", Encoding: "UTF-8"},
	}
}

func coding(n int, d qda.ID, text string, code qda.ID, quote string, coder qda.ID, memo string, t testing.TB) qda.Coding {
	return qda.Coding{
		ID:       qda.ID("90000000-0000-4000-8000-0000000000" + twoDigits(n)),
		Document: d, Code: code, Span: span(t, text, quote), Coder: coder,
		Created: at(10+n%5, 9+n%8), Memo: memo,
	}
}

func twoDigits(n int) string { return string(rune('0'+n/10)) + string(rune('0'+n%10)) }

// fixture builds a small fictional project touching every part of a bundle:
// a nested codebook with a folder, three documents of three kinds with CJK
// text and an emoji, codings by two coders (two on the same span), cases,
// typed variables of both scopes, and a memo on each kind of target.
func fixture(t testing.TB) *qda.Bundle {
	memo := func(n int, on qda.TargetKind, target qda.ID, title, text string) qda.Memo {
		return qda.Memo{
			ID: qda.ID("80000000-0000-4000-8000-0000000000" + twoDigits(n)), On: on, Target: target,
			Title: title, Text: text, Coder: coderLi, Created: at(20, n), Modified: at(21, n),
		}
	}
	b := &qda.Bundle{
		Project: qda.Project{ID: projectID, Name: "G Community self-governance", Description: "Fieldwork in D Town, spring.", Created: at(1, 8)},
		Coders: []qda.Coder{
			{ID: coderLi, Name: "Li Wen", Color: "#4363D8"},
			{ID: coderSam, Name: "Sam Ortiz", Color: "#E6194B"},
		},
		Codes: []qda.Code{
			{ID: codePolitical, Name: "Political logic", Color: "#E6194B", Description: "Grassroots party organisations steering self-governance.", Order: 0},
			{ID: codeMobilise, Parent: codePolitical, Name: "Mobilisation", Color: "#F58231", Description: "Party members set an example; mass persuasion work.\nNot: routine meetings.", Order: 0},
			{ID: codeIntegrate, Parent: codePolitical, Name: "Integration", Color: "#911EB4", Description: "Scattered departments' resources brought under one body.", Order: 1},
			{ID: codeBureaucracy, Name: "Bureaucratic logic", Color: "#4363D8", Description: "Township and city government targets & <assessments>.", Order: 1},
			{ID: codePilot, Parent: codeBureaucracy, Name: "Pilot projects", Color: "#42D4F4", Description: "Funds concentrated for showcase results.", Order: 0},
			{ID: codeCommunity, Name: "Community logic", Color: "#3CB44B", Description: "Residents' own wish for a better place to live.", Order: 2},
			{ID: codeYard, Parent: codeCommunity, Name: "Public space", Color: "#BFEF45", Description: "Meetings in a yard or hall; 院落议事.", Order: 0},
			{ID: codeTrust, Parent: codeCommunity, Name: "Trust", Color: "#469990", Order: 1},
			{ID: codeContext, Name: "Context", Color: "#808000", Folder: true, Order: 3},
			{ID: codeTrigger, Parent: codeContext, Name: "Trigger", Color: "#9A6324", Description: "Internal demand meets external pressure.", Order: 0},
		},
		Documents: []qda.Document{
			doc(docInterview, "Interview 01 - community cadre", qda.KindInterview, interviewText, at(2, 10)),
			doc(docNotice, "D Town notice 14", qda.KindPolicy, noticeText, at(3, 11)),
			doc(docFieldnote, "Field note - residents' meeting", qda.KindFieldnote, fieldnoteText, at(4, 12)),
		},
		Cases: []qda.Case{
			{ID: caseG, Name: "G Community", Description: "The community studied.", Documents: []qda.ID{docInterview, docFieldnote}},
			{ID: caseTown, Name: "D Town office", Documents: []qda.ID{docNotice}},
		},
		Variables: []qda.Variable{
			{ID: varRole, Name: "Informant role", Type: qda.VarText, Scope: qda.ScopeCase},
			{ID: varHouseholds, Name: "Households", Type: qda.VarInteger, Scope: qda.ScopeCase, Description: "Registered households"},
			{ID: varBudget, Name: "Budget share", Type: qda.VarFloat, Scope: qda.ScopeCase},
			{ID: varDate, Name: "Source date", Type: qda.VarDate, Scope: qda.ScopeDocument},
			{ID: varAnon, Name: "Anonymised", Type: qda.VarBoolean, Scope: qda.ScopeDocument},
		},
		Values: []qda.Value{
			{Variable: varRole, Owner: caseG, Value: "community cadre"},
			{Variable: varRole, Owner: caseTown, Value: "township party committee"},
			{Variable: varHouseholds, Owner: caseG, Value: "412"},
			{Variable: varBudget, Owner: caseG, Value: "0.35"},
			{Variable: varDate, Owner: docInterview, Value: "2023-11-02"},
			{Variable: varDate, Owner: docNotice, Value: "2023-09-15"},
			{Variable: varAnon, Owner: docInterview, Value: "true"},
			{Variable: varAnon, Owner: docFieldnote, Value: "false"},
		},
	}
	b.Codings = []qda.Coding{
		coding(1, docInterview, interviewText, codeTrigger, "the city bureau ranked G Community last for sanitation", coderLi, "External pressure, in the cadre's own words.", t),
		coding(2, docInterview, interviewText, codeMobilise, "asked every party member to bring two neighbours", coderLi, "", t),
		coding(3, docInterview, interviewText, codeYard, "She called the first meeting in the old courtyard", coderSam, "", t),
		coding(4, docInterview, interviewText, codeTrust, "大家都说这是走形式。", coderSam, "Distrust: \"just going through the motions\".", t),
		coding(5, docInterview, interviewText, codePilot, "Only when the pilot funds paid for new drains 🚰 did people come back.", coderLi, "", t),
		coding(6, docInterview, interviewText, codeTrust, "Only when the pilot funds paid for new drains 🚰 did people come back.", coderSam, "", t),
		coding(7, docNotice, noticeText, codePilot, "The yard renewal pilot concentrates this year's improvement funds in G Community.", coderLi, "", t),
		coding(8, docNotice, noticeText, codeIntegrate, "Progress on resident self-governance counts towards the annual assessment of each cadre.", coderLi, "", t),
		coding(9, docFieldnote, fieldnoteText, codeYard, "courtyard of Building 3", coderSam, "", t),
		coding(10, docFieldnote, fieldnoteText, codeTrust, "Two households left early, saying nothing would change.", coderSam, "", t),
	}
	b.Memos = []qda.Memo{
		memo(1, qda.OnProject, "", "Research plan", "Trace institution -> structure -> behaviour."),
		memo(2, qda.OnCode, codeTrust, "On trust", "Trust returns after visible results, not after meetings."),
		memo(3, qda.OnDocument, docNotice, "", "The notice never names residents as actors."),
		memo(4, qda.OnCoding, qda.ID("90000000-0000-4000-8000-000000000005"), "Drains", "Material results as the turning point?"),
		memo(5, qda.OnCase, caseG, "G Community summary", "Ranked last, then a pilot; compare with H Community."),
	}
	return b
}

// sharedDir returns the shared materials directory beside the repository, or
// skips the test when it is absent (a fresh clone has none).
func sharedDir(t testing.TB, parts ...string) string {
	t.Helper()
	p, err := findShared(parts...)
	if err != nil {
		t.Skipf("shared materials absent: %v", err)
	}
	return p
}

// findShared locates shared/parts... beside the repository root (found by
// walking up to go.mod) or beside any folder above it, so that a git
// worktree nested deeper finds the same materials.
func findShared(parts ...string) (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
	for {
		p := filepath.Join(append([]string{dir, "..", "shared"}, parts...)...)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}
