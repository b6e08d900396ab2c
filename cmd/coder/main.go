// Command coder is Coder's entry point: with no arguments or a project path it
// opens the desktop app; with a subcommand it runs the command-line interface,
// which scripts and tests rely on (see README.md for every command).
package main

import (
	"fmt"
	"io"
	"log"
	"os"
	"strings"

	"coder/ingest"
	_ "coder/internal/cleanlocale" // first: keeps Fyne quiet under LANG=C.UTF-8
)

func main() {
	// bleve logs to the standard logger ("unable to load snapshot…"); what
	// goes wrong reaches the researcher as Coder's own message instead.
	log.SetOutput(io.Discard)
	if exe, err := os.Executable(); err == nil {
		ingest.IsolatePDF = isolatedPDF(exe)
	}
	os.Exit(run(os.Args[1:]))
}

// run dispatches and returns the exit code: 0 success, 1 failure, 2 bad usage.
func run(args []string) int {
	if len(args) == 0 {
		return gui("")
	}
	name := args[0]
	if name == pdfChildCommand {
		return runPDFChild(args[1:])
	}
	if name == "open" {
		if wantsHelp(args[1:]) {
			fmt.Print(commandHelp(name) + "\n" + helpFooter)
			return 0
		}
		if len(args) != 2 {
			return usageError("open", "give one project file: coder open PROJECT.coder")
		}
		return gui(args[1])
	}
	if strings.HasSuffix(strings.ToLower(name), ".coder") && len(args) == 1 {
		return gui(name)
	}
	if name == "-h" || name == "--help" || name == "help" {
		fmt.Print(helpText)
		return 0
	}
	if name == "--version" || name == "version" {
		fmt.Println(versionLine())
		return 0
	}
	cliArgs = args
	cmd, ok := commands[name]
	if !ok {
		return usageError(name, "no such command (run 'coder help' for the list)")
	}
	if wantsHelp(args[1:]) {
		if h := commandHelp(name); h != "" {
			fmt.Print(h + "\n" + helpFooter)
			return 0
		}
	}
	return cmd(args[1:])
}
