package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"coder/internal/diskfull"
	"coder/project"
	"coder/qda"
)

// The commands for when something goes wrong with the project file itself:
// backups, restore and salvage; and how the other commands open the file.

// cliBackupEvery is the least time between two backups the command line
// takes: one after a command that wrote, at most one every few minutes.
const cliBackupEvery = 5 * time.Minute

// cliArgs is the command line being run, so opening the project can tell
// a command that only reads (opened read-only, sharing the file with other
// readers and waiting longer for a writer) from one that writes.
var cliArgs []string

// readOnlyCommands only read the project file.
var readOnlyCommands = map[string]bool{
	"docs": true, "text": true, "codings": true, "memos": true, "speakers": true,
	"export": true, "search": true, "reindex": true, "check": true,
	"agree": true, "disagreements": true,
}

func readOnlyCommand(args []string) bool {
	if len(args) == 0 {
		return false
	}
	switch args[0] {
	case "codes", "cases":
		// Listing only; "codes add", "cases assign" and the like write.
		switch arg(args, 1) {
		case "add", "rename", "move", "merge", "delete", "color", "describe", "assign", "from-speakers":
			return false
		}
		return true
	case "pseudonyms":
		// "pseudonyms PROJECT [suggest]" reads; "add" and "remove" write.
		verb := arg(positional(args[1:]), 1)
		return verb == "" || verb == "suggest"
	}
	return readOnlyCommands[args[0]]
}

// positional keeps the arguments that are not flags. None of the flags the
// read-only check meets takes a value of its own.
func positional(args []string) []string {
	var out []string
	for _, a := range args {
		if !strings.HasPrefix(a, "-") {
			out = append(out, a)
		}
	}
	return out
}

func arg(args []string, i int) string {
	if i < len(args) {
		return args[i]
	}
	return ""
}

// projectOptions are the options every command opens a project with.
func projectOptions(coder string) project.Options {
	holder := "'coder'"
	if len(cliArgs) > 0 {
		holder = "'coder " + cliArgs[0] + "'"
	}
	return project.Options{Coder: coder, BackupEvery: cliBackupEvery, Holder: holder, ReadOnly: readOnlyCommand(cliArgs)}
}

// explain turns a damaged or empty project file into the CLI's message with
// the commands that help: restore a backup, or salvage.
func explain(path string, err error) error {
	var qe *qda.Error
	switch {
	case err == nil:
		return nil
	case errors.Is(err, project.ErrEmpty), errors.Is(err, project.ErrDamaged):
	default:
		return err
	}
	why := "the project file is damaged"
	if errors.As(err, &qe) {
		why = qe.Why
	} else {
		why += " (" + err.Error() + ")"
	}
	fix := "restore a backup: coder restore " + path + " 1 (coder backups " + path + " lists them), or copy what can be read into a new project: coder salvage " + path + " NEW.coder"
	if list, _ := project.Backups(path); len(list) == 0 {
		fix = "it has no backups; copy what can be read into a new project: coder salvage " + path + " NEW.coder"
	}
	if errors.Is(err, project.ErrEmpty) {
		fix = strings.Replace(fix, ", or copy what can be read into a new project: coder salvage "+path+" NEW.coder", ", or delete it and create the project again", 1)
		fix = strings.Replace(fix, "it has no backups; copy what can be read into a new project: coder salvage "+path+" NEW.coder", "it has no backups; delete it and create the project again", 1)
	}
	return &qda.Error{What: path, Why: why, Fix: fix, Err: err}
}

func cmdBackups(args []string) int {
	f := newFlags("backups")
	asJSON := f.Bool("json", false, "")
	if err := f.parse(args, 1, 1, "coder backups PROJECT [--json]"); err != nil {
		return fail(err)
	}
	path := f.pos[0]
	list, err := project.Backups(path)
	if err != nil {
		return fail(&qda.Error{What: project.BackupDir(path), Why: "the backup folder cannot be read (" + err.Error() + ")"})
	}
	if *asJSON {
		type row struct {
			N         int       `json:"n"`
			Name      string    `json:"name"`
			Time      time.Time `json:"time"`
			Size      int64     `json:"size"`
			Documents int       `json:"documents"`
			Codings   int       `json:"codings"`
			Memos     int       `json:"memos"`
			Note      string    `json:"note,omitempty"`
			Error     string    `json:"error,omitempty"`
		}
		rows := []row{}
		for i, b := range list {
			r := row{N: i + 1, Name: b.Name(), Time: b.Time, Size: b.Size, Documents: b.Documents, Codings: b.Codings, Memos: b.Memos, Note: b.Note}
			if b.Err != nil {
				r.Error = b.Err.Error()
			}
			rows = append(rows, r)
		}
		if err := printJSON(rows); err != nil {
			return fail(err)
		}
		return 0
	}
	if len(list) == 0 {
		fmt.Fprintf(stdout, "%s has no backups yet (they are kept in %s)\n", path, project.BackupDir(path))
		return 0
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "#\ttaken\tsize\tdocuments\tcodings\tmemos\tnote")
	for i, b := range list {
		counts := fmt.Sprintf("%d\t%d\t%d", b.Documents, b.Codings, b.Memos)
		note := b.Note
		if b.Err != nil {
			counts, note = "?\t?\t?", "unreadable: damaged"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", i+1, b.Time.Local().Format("2006-01-02 15:04:05"), humanSize(b.Size), counts, note)
	}
	tw.Flush()
	fmt.Fprintf(stdout, "in %s; restore one with: coder restore %s NUMBER\n", project.BackupDir(path), path)
	return 0
}

func humanSize(n int64) string {
	switch {
	case n >= 10<<20:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	default:
		return fmt.Sprintf("%d KB", (n+1023)>>10)
	}
}

func cmdRestore(args []string) int {
	f := newFlags("restore")
	if err := f.parse(args, 2, 2, "coder restore PROJECT BACKUP (a number from 'coder backups', a backup's name or a path)"); err != nil {
		return fail(err)
	}
	path := f.pos[0]
	backup, err := project.FindBackup(path, f.pos[1])
	if err != nil {
		return fail(err)
	}
	saved, err := project.Restore(path, backup)
	if err != nil {
		return fail(err)
	}
	if saved != "" {
		fmt.Fprintf(stdout, "saved the current file as the backup %s\n", filepath.Base(saved))
	}
	fmt.Fprintf(stdout, "restored %s from %s\n", path, filepath.Base(backup))
	return 0
}

func cmdSalvage(args []string) int {
	f := newFlags("salvage")
	if err := f.parse(args, 2, 2, "coder salvage DAMAGED NEW"); err != nil {
		return fail(err)
	}
	if _, err := os.Stat(f.pos[1]); err == nil {
		return fail(&qda.Error{What: f.pos[1], Why: "a file with this name already exists", Fix: "choose a new file name for the salvaged project"})
	}
	rep, err := project.Salvage(f.pos[0], f.pos[1])
	if err != nil {
		return fail(err)
	}
	fmt.Fprintf(stdout, "salvaged into %s: %s\n", f.pos[1], rep.Summary())
	if rep.Older > 0 {
		fmt.Fprintf(stdout, "%d of those records came from older copies of pages: they may predate their last change, or have been deleted since; check them\n", rep.Older)
	}
	if len(rep.Lost) == 0 {
		fmt.Fprintln(stdout, "nothing was lost")
		return 0
	}
	fmt.Fprintf(stdout, "lost (%d):\n", len(rep.Lost))
	for _, l := range rep.Lost {
		fmt.Fprintln(stdout, "  "+l)
	}
	return 0
}

// printFailures prints the files an import could not store, one line each,
// except that a full disk, which fails every file after the first in the
// same way, is one message naming the file it happened on.
func printFailures(projectPath string, failed []project.Failure) {
	var full []project.Failure
	for _, fl := range failed {
		if diskfull.Is(fl.Err) {
			full = append(full, fl)
			continue
		}
		fmt.Fprintf(stderr, "coder: %v\n", fl.Err)
	}
	if len(full) == 0 {
		return
	}
	more := ""
	if n := len(full) - 1; n > 0 {
		more = fmt.Sprintf(", nor %d more after it", n)
	}
	fmt.Fprintf(stderr, "coder: %s: the disk is full, so it was not imported%s; %s is as it was before that file (free some disk space, then import the rest again)\n", filepath.Base(full[0].Path), more, projectPath)
}
