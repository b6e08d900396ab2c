package main

import (
	"slices"
	"strings"
)

// helpText is what coder help prints.
const helpText = helpCommands + "\n" + helpFooter

// helpCommands lists every command, one line each (continued by deeper-indented lines).
const helpCommands = `coder: qualitative coding for case-study research

  coder                                     open the app (welcome screen)
  coder PROJECT.coder | coder open PROJECT  open the app on a project

  coder new PROJECT [--codebook logics|empty|FILE.qdc] [--name NAME] [--encrypt]
  coder demo PROJECT [--encrypt]            write the fictional demo project
  coder import PROJECT PATH... [--kind KIND] [--case NAME]   files, folders, .qdpx, .qdc
  coder merge PROJECT OTHER.coder|OTHER.qdpx... [--json]   merge colleagues' copies (see README)
  coder docs PROJECT [--json]
  coder text PROJECT --doc NAME [--span START:END]
  coder pseudonyms PROJECT [--json] | pseudonyms PROJECT add REAL REPLACEMENT | remove REAL | suggest [--json]
  coder anonymise PROJECT OUT.coder        a copy with the pseudonym table's real names replaced, in clear
                                            even from an encrypted project (then 'coder encrypt' it to share it encrypted)
  coder edit PROJECT --doc NAME --span START:END --text NEW [--json]   correct the text; codings move with it
  coder codes PROJECT [--json]              the codebook with coding counts
  coder codes add PROJECT PATH [--color #RRGGBB] [--description TEXT]
  coder codes rename|move|merge|color|describe PROJECT PATH ARG
  coder codes delete PROJECT PATH [--force]
  coder code PROJECT --doc NAME --code PATH (--span START:END | --match TEXT) [--coder NAME]
  coder code PROJECT --speaker NAME --code PATH [--doc NAME]
  coder code PROJECT --query QUERY --code PATH [--unit hit|passage]   code every search hit
  coder uncode PROJECT CODING-ID
  coder search PROJECT QUERY [--json] [--limit N] [--segments] [--memos]
  coder reindex PROJECT                     rebuild the search index
  coder codings PROJECT [--code PATH] [--doc NAME] [--case NAME] [--by-coder NAME] [--attr NAME=VALUE|NAME>N|NAME=FROM..TO] [--json]
  coder cases PROJECT [--json] | cases add PROJECT NAME | cases assign PROJECT CASE DOC...
  coder cases from-speakers PROJECT [DOC...]   a case per speaker, holding the documents they speak in
  coder attr PROJECT (--case NAME | --doc NAME) ATTRIBUTE VALUE [--type TYPE] [--choices "A,B,C"]
                                            TYPE: text, integer, float, boolean, date, choice (one of --choices)
  coder attr import PROJECT FILE.csv|.xlsx --by case|doc [--type NAME=TYPE] [--skip-unknown] [--dry-run] [--json]
  coder attr export PROJECT OUT.csv|.xlsx --by case|doc [--pseudonymise]
  coder memo PROJECT --on (project|doc NAME|code PATH|case NAME) --text TEXT [--title T] [--coder NAME]
  coder memos PROJECT [--json]
  coder speakers PROJECT
  coder turns PROJECT --doc NAME on|off   detect speaker turns in a document again, or remove them
  coder words PROJECT [--case NAME] [--code PATH] [--limit N] [--stem] [--json] [--chart FILE.png]
  coder kwic PROJECT WORD [--width N] [--case NAME] [--code PATH] [--stem] [--json]   keyword in context
  coder stopwords PROJECT [--add W,W] [--remove W,W] [--reset] [--json]   the word lists' stop words
  coder timeline PROJECT [--case NAME] [--code PATH,PATH] [--by-coder NAME] [--json] [--chart FILE.png]   coded events by date
  coder eventdate PROJECT CODING-ID [YYYY-MM-DD] [--clear]   a coding's event date (none given: suggest one)
  coder export PROJECT --format qdpx|qdc|csv|xlsx|html|md|docx --out PATH [--code PATH] [--case NAME] [--doc NAME]
                [--by-coder NAME] [--attr NAME=VALUE|NAME>N|NAME=FROM..TO] [--codebook] [--pseudonymise]
  coder stats PROJECT freq [--by case|doc|attr:NAME] [--rollup] [--json]
  coder stats PROJECT cooc [--unit overlap|passage|near:N] [--codes PATH,PATH...] [--rollup] [--json]
  coder stats PROJECT matrix [--rows case|doc|attr:NAME] [--codes PATH,...] [--rollup] [--json] [--out FILE.xlsx|.docx [--pseudonymise]]
                any table: [--chart FILE.png] [--case NAME] [--doc NAME] [--by-coder NAME] [--attr NAME=VALUE|NAME>N|NAME=FROM..TO]
  coder query PROJECT 'A AND B' [--near N] [--case NAME] [--doc NAME] [--by-coder NAME] [--attr NAME=VALUE|NAME>N|NAME=FROM..TO] [--code-as PATH [--coder NAME]] [--json]
                AND, OR, NOT, NEAR, NEAR/N, FOLLOWED BY, brackets; quote paths with spaces
  coder agree PROJECT --coders "A,B" [--code PATH] [--doc NAME] [--json]   percent, kappa, alpha per code
  coder disagreements PROJECT --coders "A,B" [--code PATH] [--doc NAME] [--json]   where two coders differ
  coder suggest PROJECT --code PATH [--limit N] [--json]   uncoded passages like the code's codings (learnt offline)
  coder suggest PROJECT --code PATH --accept DOC:S:E | --reject DOC:S:E   accept (coder "assistant, accepted by NAME") or reject
  coder suggest PROJECT --evaluate [--json]   hold out a fifth of each code's codings: precision, recall, F1 vs a baseline
  coder check PROJECT                       integrity: file pages, references, spans
  coder backups PROJECT [--json]            the backups kept beside it: time, size, counts
  coder restore PROJECT BACKUP              restore one (a number from 'backups'), saving the current file first
  coder salvage DAMAGED NEW                 copy what a damaged file still holds into a new project
  coder passphrase PROJECT                  change an encrypted project's passphrase
  coder encrypt|decrypt PROJECT OUT.coder   write an encrypted / a plain copy
  coder --version                           the version and the commit it was built from
`

// helpFooter is what holds for every command.
const helpFooter = `Every command that writes takes --coder NAME: who is writing (recorded on codings,
memos and every edit). Positions are character (rune) offsets, END exclusive. Kinds: interview, policy,
news, fieldnote, archive, other. Exit status: 0 ok, 1 failure, 2 bad usage.
Passphrases are typed without echo, or read from CODER_PASSPHRASE (and, for the
new one of 'passphrase', CODER_NEW_PASSPHRASE; for a copy 'merge' takes that has its
own, CODER_MERGE_PASSPHRASE). A forgotten one cannot be recovered.
`

// commandHelp returns the lines of helpText that describe the command name
// (with the lines that continue them), or "" when it has none.
func commandHelp(name string) string {
	if name == "anonymize" {
		name = "anonymise"
	}
	var b strings.Builder
	in := false
	for _, line := range strings.Split(helpText, "\n") {
		if rest, ok := strings.CutPrefix(line, "  coder "); ok {
			word, _, _ := strings.Cut(rest, " ")
			in = slices.Contains(strings.Split(word, "|"), name) || strings.Contains(rest, "| coder "+name+" ")
		} else if !strings.HasPrefix(line, "   ") {
			in = false
		}
		if in {
			b.WriteString(line + "\n")
		}
	}
	return b.String()
}

// wantsHelp reports whether a command's arguments ask for its help.
func wantsHelp(args []string) bool {
	for _, a := range args {
		if a == "--" {
			return false
		}
		if a == "-h" || a == "--help" || a == "-help" {
			return true
		}
	}
	return false
}
