package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"golang.org/x/term"

	"coder/project"
	"coder/qda"
)

// Passphrases come from the environment or the terminal, never from the
// command line (where other users and the shell history would see them):
// CODER_PASSPHRASE unlocks a project (and is the one a new project gets);
// CODER_NEW_PASSPHRASE is the one 'coder passphrase' sets, and an encrypted
// copy of an encrypted project gets; CODER_MERGE_PASSPHRASE unlocks a copy
// 'coder merge' takes that is encrypted under a passphrase of its own.

func init() {
	commands["passphrase"] = cmdPassphrase
	commands["encrypt"] = cmdEncrypt
	commands["decrypt"] = cmdDecrypt
}

// askPassphrase returns the passphrase for path from the environment
// variable env or, when it is unset, from the terminal without echo; with
// confirm the terminal asks twice.
func askPassphrase(path, env, prompt string, confirm bool) (string, error) {
	if v, ok := os.LookupEnv(env); ok {
		if v == "" {
			return "", qda.Errorf(path, env+" is set but empty", "set it to the passphrase, or unset it to be asked")
		}
		return v, nil
	}
	fd := int(os.Stdin.Fd())
	if !term.IsTerminal(fd) {
		return "", qda.Errorf(path, "a passphrase is needed and there is no terminal to ask for it", "set "+env)
	}
	read := func(prompt string) (string, error) {
		fmt.Fprint(os.Stderr, prompt)
		b, err := term.ReadPassword(fd)
		fmt.Fprintln(os.Stderr)
		return strings.TrimRight(string(b), "\r\n"), err
	}
	pass, err := read(prompt)
	if err != nil {
		return "", err
	}
	if pass == "" {
		return "", qda.Errorf(path, "the passphrase is empty", "type one")
	}
	if confirm {
		again, err := read("Type it again: ")
		if err != nil {
			return "", err
		}
		if again != pass {
			return "", qda.Errorf(path, "the two passphrases differ", "run the command again")
		}
	}
	return pass, nil
}

// newPassphrase asks for a passphrase to set on path (twice on a terminal).
// env is CODER_PASSPHRASE when nothing else was unlocked with it.
func newPassphrase(path, env string) (string, error) {
	return askPassphrase(path, env, "New passphrase for "+path+" (it cannot be recovered if forgotten): ", true)
}

// withPassphrase opens path with opt, asking for its passphrase (see
// askPassphrase) when it is encrypted: the one way every command unlocks a
// project.
func withPassphrase(path string, opt project.Options) (*project.Project, error) {
	p, err := project.Open(path, opt)
	if errors.Is(err, project.ErrPassphraseNeeded) {
		if opt.Passphrase, err = askPassphrase(path, "CODER_PASSPHRASE", "Passphrase for "+path+": ", false); err != nil {
			return nil, err
		}
		p, err = project.Open(path, opt)
	}
	return p, err
}

// encryptFlag is --encrypt on 'coder new' and 'coder demo': it fills in
// opt.Passphrase.
func encryptFlag(encrypt bool, path string, opt *project.Options) error {
	if !encrypt {
		return nil
	}
	pass, err := newPassphrase(path, "CODER_PASSPHRASE")
	opt.Passphrase = pass
	return err
}

func cmdPassphrase(args []string) int {
	const usage = "coder passphrase PROJECT"
	f := newFlags("passphrase")
	if err := f.parse(args, 1, 1, usage); err != nil {
		return fail(err)
	}
	path := f.pos[0]
	return withProject(path, "", func(p *project.Project) error {
		if !p.Encrypted() {
			return qda.Errorf(path, "the project is not encrypted", "make an encrypted copy with: coder encrypt "+path+" NEW.coder")
		}
		pass, err := newPassphrase(path, "CODER_NEW_PASSPHRASE")
		if err != nil {
			return err
		}
		if err := p.ChangePassphrase(pass); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "changed the passphrase of %s; its older backups still open with the old one\n", path)
		return nil
	})
}

func cmdEncrypt(args []string) int {
	const usage = "coder encrypt PROJECT OUT.coder"
	f := newFlags("encrypt")
	if err := f.parse(args, 2, 2, usage); err != nil {
		return fail(err)
	}
	path, out := f.pos[0], f.pos[1]
	return withProject(path, "", func(p *project.Project) error {
		env := "CODER_PASSPHRASE"
		if p.Encrypted() {
			env = "CODER_NEW_PASSPHRASE"
		}
		pass, err := newPassphrase(out, env)
		if err != nil {
			return err
		}
		if err := p.SaveCopy(out, pass); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote an encrypted copy of %s to %s\n", path, out)
		if !p.Encrypted() {
			fmt.Fprintf(stdout, "%s itself is still in clear, as are its backups in %s and its search index in the cache folder: once the copy opens, delete them\n", path, project.BackupDir(path))
		}
		return nil
	})
}

func cmdDecrypt(args []string) int {
	const usage = "coder decrypt PROJECT OUT.coder"
	f := newFlags("decrypt")
	if err := f.parse(args, 2, 2, usage); err != nil {
		return fail(err)
	}
	path, out := f.pos[0], f.pos[1]
	return withProject(path, "", func(p *project.Project) error {
		if !p.Encrypted() {
			return qda.Errorf(path, "the project is not encrypted", "copy the file instead")
		}
		if err := p.SaveCopy(out, ""); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote a copy of %s in clear to %s: anyone who can read that file can read the project\n", path, out)
		return nil
	})
}
