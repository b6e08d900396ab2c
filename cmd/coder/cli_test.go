package main_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"coder/project"
	"coder/qda"
)

// coderBin is the CLI built once for all tests in this package.
var coderBin string

func TestMain(m *testing.M) {
	if os.Getenv("CODER_TEST_HELPER") != "" {
		os.Exit(helperMain())
	}
	dir, err := os.MkdirTemp("", "coder-cli-test")
	if err != nil {
		panic(err)
	}
	coderBin = filepath.Join(dir, "coder")
	// The build keeps using Go's own build cache: it defaults to a folder
	// under XDG_CACHE_HOME, which is moved below, and an empty cache means
	// compiling every dependency again.
	gocache, err := exec.Command("go", "env", "GOCACHE").Output()
	if err != nil {
		panic(err)
	}
	// Search indexes go to the user cache folder: keep them in the test's.
	os.Setenv("XDG_CACHE_HOME", filepath.Join(dir, "cache"))
	build := exec.Command("go", "build", "-tags", "ci", "-o", coderBin, ".")
	build.Env = append(os.Environ(), "GOCACHE="+strings.TrimSpace(string(gocache)))
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building coder: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// result is one CLI run.
type result struct {
	code           int
	stdout, stderr string
}

func coder(t *testing.T, args ...string) result {
	t.Helper()
	cmd := exec.Command(coderBin, args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{code, out.String(), errb.String()}
}

// ok runs the CLI and fails the test unless it exits 0.
func ok(t *testing.T, args ...string) string {
	t.Helper()
	r := coder(t, args...)
	if r.code != 0 {
		t.Fatalf("coder %s: exit %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), r.code, r.stdout, r.stderr)
	}
	return r.stdout
}

func jsonOut[T any](t *testing.T, args ...string) T {
	t.Helper()
	var v T
	out := ok(t, append(args, "--json")...)
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("coder %s --json: %v\n%s", strings.Join(args, " "), err, out)
	}
	return v
}

type docRow struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Kind  string `json:"kind"`
	Chars int    `json:"chars"`
	Case  string `json:"case"`
}

type codeRow struct {
	ID          string `json:"id"`
	Path        string `json:"path"`
	Color       string `json:"color"`
	Description string `json:"description"`
	Codings     int    `json:"codings"`
}

type codingRow struct {
	ID       string `json:"id"`
	Document string `json:"document"`
	Code     string `json:"code"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
	Coder    string `json:"coder"`
	Created  string `json:"created"`
	Memo     string `json:"memo"`
}

// Ensure that the demo project is complete and consistent through the CLI:
// documents of every kind, the logics codebook, codings whose text is what
// their span says, cases, memos, and a clean check.
func TestCLI_DemoProject(t *testing.T) {
	p := filepath.Join(t.TempDir(), "demo.coder")
	ok(t, "demo", p)
	docs := jsonOut[[]docRow](t, "docs", p)
	if len(docs) < 6 {
		t.Fatalf("demo has %d documents, want at least 6", len(docs))
	}
	kinds := map[string]bool{}
	hasChinese := false
	for _, d := range docs {
		kinds[d.Kind] = true
		text := ok(t, "text", p, "--doc", d.Name)
		if strings.ContainsAny(text, "的了是") {
			hasChinese = true
		}
		if n := len([]rune(strings.TrimSuffix(text, "\n"))); n != d.Chars && n+1 != d.Chars {
			t.Errorf("%s: text has %d characters, docs says %d", d.Name, n, d.Chars)
		}
	}
	for _, k := range []string{"interview", "policy", "fieldnote"} {
		if !kinds[k] {
			t.Errorf("demo has no %s document", k)
		}
	}
	if !hasChinese {
		t.Error("demo has no Chinese interview")
	}
	codes := jsonOut[[]codeRow](t, "codes", p)
	paths := map[string]bool{}
	for _, c := range codes {
		paths[c.Path] = true
		if c.Description == "" {
			t.Errorf("code %s has no definition", c.Path)
		}
	}
	for _, want := range []string{"Political logic", "Bureaucratic logic", "Community logic"} {
		if !paths[want] {
			t.Errorf("codebook lacks %q", want)
		}
	}
	codings := jsonOut[[]codingRow](t, "codings", p)
	if len(codings) < 40 {
		t.Errorf("demo has %d codings, want at least 40", len(codings))
	}
	coders := map[string]bool{}
	for _, c := range codings[:10] {
		coders[c.Coder] = true
		span := fmt.Sprintf("%d:%d", c.Start, c.End)
		got := strings.TrimSuffix(ok(t, "text", p, "--doc", c.Document, "--span", span), "\n")
		if got != strings.TrimSuffix(c.Text, "\n") {
			t.Errorf("coding %s: text --span gives %q, codings says %q", c.ID, got, c.Text)
		}
	}
	for _, c := range codings {
		coders[c.Coder] = true
	}
	if len(coders) < 2 {
		t.Errorf("demo codings come from %d coders, want 2", len(coders))
	}
	if !strings.Contains(ok(t, "cases", p), "Informant role") {
		t.Error("demo cases carry no informant role")
	}
	if !strings.Contains(ok(t, "check", p), "ok") {
		t.Error("check does not report ok")
	}
}

// Ensure that a new project can be built and coded from the command line,
// that --match codes every occurrence, and that retrieval returns exactly the
// coded text.
func TestCLI_NewImportCodeRetrieve(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "study.coder")
	ok(t, "new", p, "--codebook", "empty", "--name", "Study")
	transcript := "Interviewer: How did the yard change?\nResident Li: We fixed the gate together. The gate was the start.\nInterviewer: Who paid?\nResident Li: Everyone gave a little for the gate.\n"
	src := filepath.Join(dir, "yard-interview.txt")
	os.WriteFile(src, []byte(transcript), 0o644)
	ok(t, "import", p, src, "--kind", "interview", "--case", "Yard 3")
	docs := jsonOut[[]docRow](t, "docs", p)
	if len(docs) != 1 || docs[0].Name != "yard-interview" || docs[0].Kind != "interview" || docs[0].Case != "Yard 3" {
		t.Fatalf("docs = %+v", docs)
	}
	ok(t, "codes", "add", p, "Community logic/Collective action", "--color", "#3CB44B", "--description", "Residents acting together")
	codes := jsonOut[[]codeRow](t, "codes", p)
	if len(codes) != 2 || codes[1].Path != "Community logic/Collective action" || codes[1].Color != "#3CB44B" {
		t.Fatalf("codes = %+v", codes)
	}
	ok(t, "code", p, "--doc", "yard-interview", "--code", "Community logic/Collective action", "--match", "gate", "--coder", "Researcher B")
	ok(t, "code", p, "--doc", "yard-interview", "--code", "Community logic", "--span", "0:12")
	all := jsonOut[[]codingRow](t, "codings", p)
	if len(all) != 4 {
		t.Fatalf("codings = %d, want 3 matches of 'gate' and one span", len(all))
	}
	gates := jsonOut[[]codingRow](t, "codings", p, "--code", "Community logic/Collective action")
	if len(gates) != 3 {
		t.Fatalf("codings of the sub-code = %d, want 3", len(gates))
	}
	for _, c := range gates {
		if c.Text != "gate" || c.Coder != "Researcher B" || c.End-c.Start != 4 {
			t.Errorf("coding %+v: want the word gate by Researcher B", c)
		}
	}
	if parent := jsonOut[[]codingRow](t, "codings", p, "--code", "Community logic"); len(parent) != 4 {
		t.Errorf("codings of the parent code = %d, want 4 (the parent includes its sub-codes)", len(parent))
	}
	if byCase := jsonOut[[]codingRow](t, "codings", p, "--case", "Yard 3"); len(byCase) != 4 {
		t.Errorf("codings in case Yard 3 = %d, want 4", len(byCase))
	}
	if first := jsonOut[[]codingRow](t, "codings", p, "--doc", "yard-interview"); first[0].Text != "Interviewer:" {
		t.Errorf("first coding text = %q, want %q", first[0].Text, "Interviewer:")
	}
	ok(t, "memo", p, "--on", "code", "Community logic", "--text", "Gates recur as a focus of collective action.")
	ok(t, "memo", p, "--on", "project", "--text", "Pilot coding round.")
	if m := ok(t, "memos", p); !strings.Contains(m, "Gates recur") {
		t.Errorf("memos = %q", m)
	}
	ok(t, "attr", p, "--case", "Yard 3", "Households", "48", "--type", "integer")
	if r := coder(t, "attr", p, "--case", "Yard 3", "Households", "many"); r.code != 1 || !strings.Contains(r.stderr, "not a whole number") {
		t.Errorf("bad integer: exit %d, %q", r.code, r.stderr)
	}
	ok(t, "check", p)
}

// Ensure that errors follow the one format, with exit code 1 for failures
// and 2 for bad usage, and that failures change nothing.
func TestCLI_ErrorsAndExitCodes(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "p.coder")
	ok(t, "new", p)
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"UnknownCommand", []string{"frobnicate"}, 2, "no such command"},
		{"MissingArgument", []string{"docs"}, 2, "usage"},
		{"UnknownOption", []string{"docs", p, "--colour"}, 2, "unknown option"},
		{"BadSpan", []string{"code", p, "--doc", "x", "--code", "Political logic", "--span", "abc"}, 2, "START:END"},
		{"MissingProject", []string{"docs", filepath.Join(dir, "nope.coder")}, 1, "no such project file"},
		{"MissingDocument", []string{"text", p, "--doc", "Nobody"}, 1, "no such document"},
		{"MissingCode", []string{"codings", p, "--code", "No/Such"}, 1, "no such code"},
		{"ExistingProject", []string{"new", p}, 1, "already exists"},
		{"BadKind", []string{"import", p, p, "--kind", "poem"}, 2, "not a document kind"},
		{"EmptyFile", []string{"import", p, writeTemp(t, dir, "empty.txt", "")}, 1, "empty"},
		{"BinaryFile", []string{"import", p, writeTemp(t, dir, "blob.txt", "\x00\x01\x02\xff\xfe\x00\x00\x13binary\x00\x00\x00")}, 1, "binary"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := coder(t, tc.args...)
			if r.code != tc.code {
				t.Errorf("exit %d, want %d (stderr %q)", r.code, tc.code, r.stderr)
			}
			if !strings.HasPrefix(r.stderr, "coder: ") || !strings.Contains(r.stderr, tc.want) {
				t.Errorf("stderr %q: want 'coder: ...%s...'", r.stderr, tc.want)
			}
		})
	}
	if docs := jsonOut[[]docRow](t, "docs", p); len(docs) != 0 {
		t.Errorf("failed imports left %d documents", len(docs))
	}
}

func writeTemp(t *testing.T, dir, name, content string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// sharedDir returns ../shared beside the repository, or skips the test.
func sharedDir(t *testing.T) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(file), "..", "..", "..", "shared")
	if _, err := os.Stat(filepath.Join(dir, "corpus")); err != nil {
		t.Skip("../shared/corpus is absent (a fresh clone has none); this test needs the real corpus")
	}
	return dir
}

// Ensure that the real corpus imports through the CLI: the English executive
// order (with NUL bytes, dropped with a warning) and the Chinese texts, and
// that Chinese text can be coded by match with exact rune spans.
func TestCLI_SharedCorpus(t *testing.T) {
	shared := sharedDir(t)
	p := filepath.Join(t.TempDir(), "corpus.coder")
	ok(t, "new", p)
	r := coder(t, "import", p, filepath.Join(shared, "corpus", "en"), filepath.Join(shared, "corpus", "zh"))
	if r.code != 0 {
		t.Fatalf("import corpus: exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, "NUL") {
		t.Errorf("importing the English text with NUL bytes gave no warning: %q", r.stderr)
	}
	docs := jsonOut[[]docRow](t, "docs", p)
	names := map[string]int{}
	for _, d := range docs {
		names[d.Name] = d.Chars
	}
	for _, want := range []string{"policy_us-eo-13859_ai-leadership_2019", "policy_zh_2019-government-work-report", "literature_zh_luxun_guxiang_1921"} {
		if names[want] == 0 {
			t.Errorf("document %s missing or empty (docs: %v)", want, names)
		}
	}
	text := ok(t, "text", p, "--doc", "policy_us-eo-13859_ai-leadership_2019")
	if strings.ContainsRune(text, 0) {
		t.Error("stored English text still holds NUL characters")
	}
	ok(t, "code", p, "--doc", "policy_zh_2019-government-work-report", "--code", "Political logic", "--match", "改革")
	codings := jsonOut[[]codingRow](t, "codings", p)
	if len(codings) < 5 {
		t.Fatalf("改革 coded %d times, want many", len(codings))
	}
	for _, c := range codings {
		if c.Text != "改革" || c.End-c.Start != 2 {
			t.Fatalf("coding %+v: want the two runes 改革", c)
		}
	}
	ok(t, "check", p)
}

// Ensure that a second process opening a project that is in use gets the
// lock message quickly, instead of hanging.
func TestCLI_LockedByAnotherProcess(t *testing.T) {
	p := filepath.Join(t.TempDir(), "locked.coder")
	ok(t, "new", p)
	holder := helper(t, "hold", p)
	defer holder.kill()
	holder.waitFor(t, "holding")
	start := time.Now()
	r := coder(t, "docs", p)
	if r.code != 1 || !strings.Contains(r.stderr, "already open in another Coder window") {
		t.Fatalf("exit %d, stderr %q: want the lock message", r.code, r.stderr)
	}
	if d := time.Since(start); d > 15*time.Second {
		t.Errorf("the second open took %v; it must give up after about a second", d)
	}
}

// Ensure that every coding the store acknowledged survives a SIGKILL in the
// middle of a stream of codings, and that the file checks clean afterwards.
func TestCrash_AcknowledgedCodingsSurviveSIGKILL(t *testing.T) {
	p := filepath.Join(t.TempDir(), "crash.coder")
	ok(t, "new", p)
	src := writeTemp(t, t.TempDir(), "notes.txt", strings.Repeat("The committee met in the yard and talked about the gate. ", 200))
	ok(t, "import", p, src)
	w := helper(t, "stream", p)
	var acked []string
	deadline := time.After(60 * time.Second)
	for len(acked) < 150 {
		select {
		case line, more := <-w.lines:
			if !more {
				t.Fatalf("the coding process ended early after %d codings", len(acked))
			}
			if id, found := strings.CutPrefix(line, "ack "); found {
				acked = append(acked, id)
			}
		case <-deadline:
			t.Fatalf("only %d codings acknowledged in 60 s", len(acked))
		}
	}
	w.cmd.Process.Signal(syscall.SIGKILL)
	w.cmd.Wait()
	pr, err := project.Open(p, project.Options{Backups: -1})
	if err != nil {
		t.Fatalf("reopen after SIGKILL: %v", err)
	}
	defer pr.Close()
	rows, err := pr.Codings(project.CodingFilter{})
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, r := range rows {
		have[string(r.ID)] = true
	}
	for _, id := range acked {
		if !have[id] {
			t.Errorf("acknowledged coding %s lost", id)
		}
	}
	if probs, err := pr.Check(); err != nil || len(probs) > 0 {
		t.Errorf("check after SIGKILL: %v %v", probs, err)
	}
}

// helperProc is this test binary re-run as a helper process.
type helperProc struct {
	cmd   *exec.Cmd
	lines chan string
}

func helper(t *testing.T, mode, path string) *helperProc {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "CODER_TEST_HELPER="+mode, "CODER_TEST_PROJECT="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	h := &helperProc{cmd: cmd, lines: make(chan string, 1000)}
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			h.lines <- sc.Text()
		}
		close(h.lines)
	}()
	return h
}

func (h *helperProc) waitFor(t *testing.T, want string) {
	t.Helper()
	timeout := time.After(30 * time.Second)
	for {
		select {
		case line, more := <-h.lines:
			if !more {
				t.Fatalf("helper ended before saying %q", want)
			}
			if line == want {
				return
			}
		case <-timeout:
			t.Fatalf("helper never said %q", want)
		}
	}
}

func (h *helperProc) kill() { h.cmd.Process.Kill(); h.cmd.Wait() }

// helperMain runs in the helper process: "hold" keeps a project open until
// killed; "stream" codes the first document over and over, printing each
// coding's ID only after ApplyCode has returned (committed).
func helperMain() int {
	path := os.Getenv("CODER_TEST_PROJECT")
	p, err := project.Open(path, project.Options{Backups: -1, Coder: "Crash test"})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	switch os.Getenv("CODER_TEST_HELPER") {
	case "hold":
		fmt.Println("holding")
		time.Sleep(time.Hour)
	case "stream":
		docs, _ := p.Documents()
		code, err := p.AddCode("Crash", "", "")
		if err != nil || len(docs) == 0 {
			fmt.Fprintln(os.Stderr, "stream setup:", err)
			return 1
		}
		for i := 0; ; i++ {
			start := (i * 7) % (docs[0].Chars - 20)
			c, err := p.ApplyCode(docs[0].ID, qda.Span{Start: start, End: start + 10 + i%9}, code.ID)
			if err != nil {
				fmt.Fprintln(os.Stderr, "stream:", err)
				return 1
			}
			fmt.Printf("ack %s\n", c.ID)
		}
	}
	return 0
}

type searchJSON struct {
	Total int `json:"total"`
	Hits  []struct {
		Document string `json:"document"`
		Case     string `json:"case"`
		Speaker  string `json:"speaker"`
		Passage  struct{ Start, End int }
		Matches  []struct{ Start, End int }
		Snippet  string   `json:"snippet"`
		Codes    []string `json:"codes"`
	} `json:"hits"`
}

// Ensure that search works from the command line in English and Chinese,
// prints the documented JSON, reports syntax errors as usage errors, and that
// coding every hit is visible to the next search.
func TestCLI_SearchAndCodeHits(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "s.coder")
	ok(t, "new", p)
	ok(t, "import", p, writeTemp(t, dir, "a.txt", "Interviewer: Who fixed the gate?\nResident Li: We mended the gate ourselves.\nInterviewer: And the money?\nResident Li: Everyone gave a little.\n"),
		writeTemp(t, dir, "b.txt", "居民：大门是我们自己修的。\n\n干部：书记带头。\n"), "--case", "Yard 3")
	res := jsonOut[searchJSON](t, "search", p, "gate")
	if res.Total != 2 || len(res.Hits) != 2 {
		t.Fatalf("gate: %+v", res)
	}
	h := res.Hits[0]
	if h.Case != "Yard 3" || h.Speaker == "" || !strings.Contains(h.Snippet, "«gate»") || len(h.Matches) != 1 {
		t.Errorf("hit = %+v", h)
	}
	text := ok(t, "text", p, "--doc", h.Document, "--span", fmt.Sprintf("%d:%d", h.Matches[0].Start, h.Matches[0].End))
	if strings.TrimSpace(text) != "gate" {
		t.Errorf("match span holds %q, want gate", text)
	}
	if zh := jsonOut[searchJSON](t, "search", p, "大门"); zh.Total != 1 {
		t.Errorf("大门: %d hits, want 1", zh.Total)
	}
	if r := coder(t, "search", p, `"unclosed`); r.code != 2 || !strings.Contains(r.stderr, "coder: search") {
		t.Errorf("syntax error: exit %d, %q", r.code, r.stderr)
	}
	ok(t, "code", p, "--query", "gate", "--code", "Community logic", "--unit", "passage")
	coded := jsonOut[searchJSON](t, "search", p, `code:"Community logic"`)
	if coded.Total != 2 {
		t.Errorf("after coding hits, code filter finds %d, want 2", coded.Total)
	}
	ok(t, "reindex", p)
	if again := jsonOut[searchJSON](t, "search", p, `code:"Community logic" gate`); again.Total != 2 {
		t.Errorf("after reindex: %d hits, want 2", again.Total)
	}
}

// Ensure that codings and exports filter by coder and by attribute, and that
// exports land in the file named, in the format asked for.
func TestCLI_FiltersAndExports(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "demo.coder")
	ok(t, "demo", p)
	all := jsonOut[[]codingRow](t, "codings", p)
	byB := jsonOut[[]codingRow](t, "codings", p, "--coder", "researcher b")
	if len(byB) == 0 || len(byB) >= len(all) {
		t.Fatalf("codings by Researcher B = %d of %d", len(byB), len(all))
	}
	for _, c := range byB {
		if c.Coder != "Researcher B" {
			t.Errorf("coding by %q in a --coder filter for Researcher B", c.Coder)
		}
	}
	cadre := jsonOut[[]codingRow](t, "codings", p, "--attr", "Informant role=community cadre")
	if len(cadre) == 0 || len(cadre) >= len(all) {
		t.Fatalf("codings with Informant role=community cadre = %d of %d", len(cadre), len(all))
	}
	if r := coder(t, "codings", p, "--attr", "no-equals-sign"); r.code != 2 {
		t.Errorf("--attr without = : exit %d, want 2", r.code)
	}
	if r := coder(t, "codings", p, "--coder", "Nobody"); r.code != 1 || !strings.Contains(r.stderr, "no such coder") {
		t.Errorf("unknown coder: exit %d, %q", r.code, r.stderr)
	}
	for _, format := range []string{"csv", "md", "html", "xlsx", "docx", "qdpx", "qdc"} {
		out := filepath.Join(dir, "out."+format)
		args := []string{"export", p, "--format", format, "--out", out}
		if format != "qdpx" && format != "qdc" {
			args = append(args, "--coder", "Researcher B")
		}
		ok(t, args...)
		data, err := os.ReadFile(out)
		if err != nil || len(data) == 0 {
			t.Errorf("export %s wrote nothing: %v", format, err)
		}
	}
	csv, _ := os.ReadFile(filepath.Join(dir, "out.csv"))
	if !bytes.HasPrefix(csv, []byte("\xef\xbb\xbf")) {
		t.Error("CSV export has no UTF-8 BOM, so spreadsheets misread Chinese")
	}
	if lines := bytes.Count(csv, []byte("\n")); lines < len(byB) {
		t.Errorf("CSV has %d lines for %d excerpts", lines, len(byB))
	}
	if r := coder(t, "export", p, "--format", "pdf", "--out", filepath.Join(dir, "x.pdf")); r.code != 1 || !strings.Contains(r.stderr, "not an export format") {
		t.Errorf("unknown format: exit %d, %q", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.pdf")); err == nil {
		t.Error("a failed export left a file behind")
	}
	q := filepath.Join(dir, "copy.coder")
	ok(t, "new", q, "--codebook", "empty")
	ok(t, "import", q, filepath.Join(dir, "out.qdpx"))
	if got := jsonOut[[]codingRow](t, "codings", q); len(got) != len(all) {
		t.Errorf("the exported .qdpx brought %d codings into a new project, want %d", len(got), len(all))
	}
	if r := coder(t, "export", p, "--format", "qdpx", "--out", filepath.Join(dir, "f.qdpx"), "--coder", "Researcher B"); r.code != 2 || !strings.Contains(r.stderr, "whole project") {
		t.Errorf("a filtered .qdpx export: exit %d, %q; want a usage error saying it exports the whole project", r.code, r.stderr)
	}
}

// Ensure that a damaged PDF, read in the child process, is refused with a
// message naming it, while the other files of the batch go in.
func TestCLI_DamagedPDFIsReportedAndTheRestImported(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "p.coder")
	ok(t, "new", p)
	bad := writeTemp(t, dir, "scan.pdf", "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
	good := writeTemp(t, dir, "notes.txt", "The yard met on Sunday.\n")
	r := coder(t, "import", p, bad, good)
	if r.code != 1 || !strings.Contains(r.stderr, "coder: scan.pdf:") {
		t.Errorf("exit %d, stderr %q: want a failure naming scan.pdf", r.code, r.stderr)
	}
	if docs := jsonOut[[]docRow](t, "docs", p); len(docs) != 1 || docs[0].Name != "notes" {
		t.Errorf("docs = %+v, want only notes", docs)
	}
}

// Ensure that starting the app where there is no display says so, instead of
// a graphics library's panic.
func TestCLI_NoDisplayIsAClearError(t *testing.T) {
	cmd := exec.Command(coderBin)
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "DISPLAY=") && !strings.HasPrefix(kv, "WAYLAND_DISPLAY=") {
			env = append(env, kv)
		}
	}
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
		t.Fatalf("exit: %v, want 1", err)
	}
	if !strings.HasPrefix(string(out), "coder: ") || !strings.Contains(string(out), "no display") || strings.Contains(string(out), "panic") {
		t.Errorf("output %q: want one clear line about the missing display", out)
	}
}
