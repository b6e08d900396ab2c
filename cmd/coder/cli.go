package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"coder/project"
)

// command runs one subcommand with its arguments and returns the exit code.
type command func(args []string) int

var commands map[string]command

func init() {
	commands = map[string]command{
		"new":      cmdNew,
		"demo":     cmdDemo,
		"import":   cmdImport,
		"docs":     cmdDocs,
		"text":     cmdText,
		"codes":    cmdCodes,
		"code":     cmdCode,
		"uncode":   cmdUncode,
		"codings":  cmdCodings,
		"cases":    cmdCases,
		"memo":     cmdMemo,
		"memos":    cmdMemos,
		"export":   cmdExport,
		"check":    cmdCheck,
		"speakers": cmdSpeakers,
		"turns":    cmdTurns,
		"attr":     cmdAttr,
		"search":   cmdSearch,
		"reindex":  cmdReindex,
		"backups":  cmdBackups,
		"restore":  cmdRestore,
		"salvage":  cmdSalvage,
		"stats":    cmdStats,
		"query":    cmdQuery,
		"agree":    cmdAgree, "disagreements": cmdDisagreements,
		"merge": cmdMerge,
		"edit":  cmdEdit,

		"pseudonyms": cmdPseudonyms, "anonymise": cmdAnonymise, "anonymize": cmdAnonymise,
	}
}

// errUsage marks errors in how a command was called (exit code 2).
var errUsage = errors.New("usage")

// stdout and stderr are variables so tests can capture them. Everything
// printed on them has its control characters escaped (see printable).
var (
	stdout io.Writer = &escaper{w: os.Stdout}
	stderr io.Writer = &escaper{w: os.Stderr}
)

// fail prints err in the CLI's one error format and returns the exit code:
// "coder: <what>: <why> (<what to do>)".
func fail(err error) int {
	if errors.Is(err, errUsage) {
		fmt.Fprintln(stderr, "coder: "+strings.TrimSuffix(err.Error(), ": usage"))
		return 2
	}
	fmt.Fprintln(stderr, "coder: "+err.Error())
	return 1
}

func usageError(what, why string) int {
	return fail(fmt.Errorf("%s: %s: %w", what, why, errUsage))
}

// flags is a flag set that accepts flags before, between and after the
// positional arguments, as people type them: "coder import p.coder a.txt --kind interview".
type flags struct {
	*flag.FlagSet
	name string
	pos  []string
}

func newFlags(name string) *flags {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return &flags{FlagSet: fs, name: name}
}

// sessionCoder is --coder NAME for a command that does not define --coder
// itself: every command that writes records who wrote (codings, memos, and
// the stamps and tombstones of every other edit), so each takes it.
var sessionCoder string

// parse reads args; positional arguments must number between min and max
// (max < 0: any).
func (f *flags) parse(args []string, min, max int, usage string) error {
	if f.Lookup("coder") == nil {
		f.StringVar(&sessionCoder, "coder", "", "")
	}
	var flagArgs []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			f.pos = append(f.pos, args[i+1:]...)
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			f.pos = append(f.pos, a)
			continue
		}
		name := strings.TrimLeft(a, "-")
		if eq := strings.IndexByte(name, '='); eq >= 0 {
			flagArgs = append(flagArgs, a)
			continue
		}
		fl := f.Lookup(name)
		if fl == nil {
			return fmt.Errorf("%s: unknown option %s (usage: %s): %w", f.name, a, usage, errUsage)
		}
		flagArgs = append(flagArgs, a)
		if b, ok := fl.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			continue
		}
		if i+1 >= len(args) {
			return fmt.Errorf("%s: option %s needs a value (usage: %s): %w", f.name, a, usage, errUsage)
		}
		i++
		flagArgs = append(flagArgs, args[i])
	}
	if err := f.FlagSet.Parse(flagArgs); err != nil {
		return fmt.Errorf("%s: %v (usage: %s): %w", f.name, err, usage, errUsage)
	}
	if len(f.pos) < min || (max >= 0 && len(f.pos) > max) {
		return fmt.Errorf("%s: wrong number of arguments (usage: %s): %w", f.name, usage, errUsage)
	}
	return nil
}

// openProject opens the project named by the first positional argument:
// read-only for commands that only read (see projectOptions).
func openProject(path, coder string) (*project.Project, error) {
	if coder == "" {
		coder = sessionCoder
	}
	p, err := withPassphrase(path, projectOptions(coder))
	return p, explain(path, err)
}

// withProject opens the project, runs fn, closes it, and returns the exit
// code. Warnings (a backup that could not be written) go to stderr.
func withProject(path, coder string, fn func(p *project.Project) error) int {
	p, err := openProject(path, coder)
	if err != nil {
		return fail(err)
	}
	err = fn(p)
	if cerr := p.Close(); err == nil && cerr != nil {
		err = cerr
	}
	for _, w := range p.Warnings() {
		fmt.Fprintf(stderr, "coder: %s: warning: %s\n", path, w)
	}
	if err != nil {
		return fail(explain(path, err))
	}
	return 0
}

func printJSON(v any) error {
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
