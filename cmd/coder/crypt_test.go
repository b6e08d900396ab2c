package main_test

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"coder/project"
)

// coderEnv runs the CLI with extra environment variables.
func coderEnv(t *testing.T, env []string, args ...string) result {
	t.Helper()
	cmd := exec.Command(coderBin, args...)
	cmd.Env = append(os.Environ(), env...)
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

// demoSecrets returns clear text the demo project holds: pieces of every
// document's text, document and code names, memo titles and texts.
func demoSecrets(t *testing.T) []string {
	t.Helper()
	b, err := project.DemoBundle()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	add := func(s string) {
		if len(s) >= 8 {
			out = append(out, s)
		}
	}
	for _, d := range b.Documents {
		add(d.Name)
		r := []rune(d.Text)
		for _, at := range []int{0, len(r) / 3, len(r) / 2, len(r) - 30} {
			add(string(r[max(0, at):min(len(r), max(0, at)+24)]))
		}
	}
	for _, c := range b.Codes {
		add(c.Name)
		add(c.Description)
	}
	for _, m := range b.Memos {
		add(m.Title)
		add(m.Text)
	}
	return out
}

// clearTextUnder returns "file: secret" for every secret found in a file
// under root (a file or a folder).
func clearTextUnder(t *testing.T, root string, secrets []string) []string {
	t.Helper()
	var found []string
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("reading %s: %v", path, err)
			return nil
		}
		for _, s := range secrets {
			if bytes.Contains(data, []byte(s)) {
				found = append(found, filepath.Base(path)+": "+s)
			}
		}
		return nil
	})
	return found
}

// Ensure that an encrypted demo project, after searching, coding, a memo and
// backups, leaves no document text, document or code name or memo text in
// clear in its file, its backups or anywhere in the cache folder; that a
// missing or wrong passphrase is refused with a clear error; and that the
// passphrase can be changed and the project decrypted and encrypted again.
func TestEncrypt_NoClearTextOnDiskAndPassphraseCommands(t *testing.T) {
	dir := t.TempDir()
	cache := filepath.Join(dir, "cache")
	path := filepath.Join(dir, "secret.coder")
	base := []string{"XDG_CACHE_HOME=" + cache}
	pw1 := append(base, "CODER_PASSPHRASE=harbour lights 1")
	run := func(env []string, args ...string) string {
		t.Helper()
		r := coderEnv(t, env, args...)
		if r.code != 0 {
			t.Fatalf("coder %s: exit %d\n%s%s", strings.Join(args, " "), r.code, r.stdout, r.stderr)
		}
		return r.stdout
	}
	run(pw1, "demo", path, "--encrypt")
	if out := run(pw1, "search", path, "sewage"); !strings.Contains(out, "sewage") {
		t.Errorf("search found no sewage:\n%s", out)
	}
	run(pw1, "memo", path, "--on", "project", "--text", "Follow up with the ferry captain at dawn", "--title", "Ferry follow-up")
	run(pw1, "code", path, "--doc", "Interview - local activist", "--code", "Community logic", "--span", "0:40")
	run(pw1, "search", path, "ferry", "--memos")
	run(pw1, "check", path)

	secrets := append(demoSecrets(t), "Follow up with the ferry captain", "Ferry follow-up")
	for _, root := range []string{path, project.BackupDir(path), cache} {
		if found := clearTextUnder(t, root, secrets); len(found) > 0 {
			t.Errorf("clear text under %s:\n%s", root, strings.Join(found, "\n"))
		}
	}
	if backups, _ := project.Backups(path); len(backups) == 0 {
		t.Error("no backups were taken, so none were checked")
	}

	// No passphrase and no terminal, then a wrong one: refused, file unchanged.
	before, _ := os.ReadFile(path)
	if r := coderEnv(t, base, "docs", path); r.code != 1 || !strings.Contains(r.stderr, "CODER_PASSPHRASE") {
		t.Errorf("without a passphrase: exit %d, %s", r.code, r.stderr)
	}
	wrong := append(base, "CODER_PASSPHRASE=harbour lights 2")
	if r := coderEnv(t, wrong, "docs", path); r.code != 1 || !strings.HasPrefix(r.stderr, "coder: "+path+": wrong passphrase (") {
		t.Errorf("wrong passphrase: exit %d, %q", r.code, r.stderr)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("a refused open changed the file")
	}

	// A new passphrase: the old one no longer opens it.
	run(append(pw1, "CODER_NEW_PASSPHRASE=tide table 2"), "passphrase", path)
	pw2 := append(base, "CODER_PASSPHRASE=tide table 2")
	if r := coderEnv(t, pw1, "docs", path); r.code != 1 {
		t.Errorf("the old passphrase still opens it: %s", r.stdout)
	}
	if out := run(pw2, "docs", path); !strings.Contains(out, "Interview - local activist") {
		t.Errorf("docs with the new passphrase:\n%s", out)
	}

	// Decrypt into a plain copy (which holds the text), encrypt that again.
	plain := filepath.Join(dir, "plain.coder")
	run(pw2, "decrypt", path, plain)
	if found := clearTextUnder(t, plain, secrets); len(found) == 0 {
		t.Error("the decrypted copy holds none of the text: the check above proves nothing")
	}
	run(base, "check", plain)
	again := filepath.Join(dir, "again.coder")
	run(append(base, "CODER_PASSPHRASE=third"), "encrypt", plain, again)
	if found := clearTextUnder(t, again, secrets); len(found) > 0 {
		t.Errorf("clear text in the encrypted copy:\n%s", strings.Join(found, "\n"))
	}
	if out := run(append(base, "CODER_PASSPHRASE=third"), "codings", again, "--code", "Community logic"); !strings.Contains(out, "local activist") {
		t.Errorf("codings of the encrypted copy:\n%s", out)
	}
}

// Ensure that coder merge takes a colleague's copy encrypted under its own
// passphrase, read from CODER_MERGE_PASSPHRASE (without it, the message
// names the variable), into a project in clear.
func TestCLI_MergeEncryptedCopyWithItsPassphrase(t *testing.T) {
	dir := t.TempDir()
	lead := filepath.Join(dir, "lead.coder")
	ok(t, "demo", lead)
	bo := filepath.Join(dir, "bo plain.coder")
	ok(t, "demo", bo)
	ok(t, "codes", "add", bo, "Stairwell scooters", "--coder", "Bo")
	enc := filepath.Join(dir, "bo.coder")
	if r := coderEnv(t, []string{"CODER_PASSPHRASE=kingfisher"}, "encrypt", bo, enc); r.code != 0 {
		t.Fatalf("encrypt: %s", r.stderr)
	}
	r := coderEnv(t, nil, "merge", lead, enc)
	if r.code == 0 || !strings.Contains(r.stderr, "CODER_MERGE_PASSPHRASE") {
		t.Fatalf("merging without the copy's passphrase: exit %d, %s", r.code, r.stderr)
	}
	r = coderEnv(t, []string{"CODER_MERGE_PASSPHRASE=kingfisher"}, "merge", lead, enc)
	if r.code != 0 || !strings.Contains(r.stdout, "Came in: 1 code") {
		t.Fatalf("merging with the copy's passphrase: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if out := ok(t, "codes", lead); !strings.Contains(out, "Stairwell scooters") {
		t.Errorf("the copy's code did not come in:\n%s", out)
	}
}
