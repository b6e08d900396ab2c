package main

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// printable returns s with every control character written as a \u00XX
// escape: a file name such as "a\x1b[2J\x1b]0;PWNED\a" then prints as
// text instead of clearing the researcher's terminal or retitling it. It
// escapes tab and line breaks too, so a name stays on its line; the
// escaping writer around stdout and stderr uses it with keepLines for
// everything else the CLI prints. The escape is also a valid JSON escape
// of the same character, so JSON output stays valid and means the same.
func printable(s string) string { return escapeControls(s, false) }

// escapeControls escapes C0 controls, DEL and C1 controls; with keepLines,
// tab and line feed pass through.
func escapeControls(s string, keepLines bool) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return isEscaped(r, keepLines) }) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if isEscaped(r, keepLines) {
			fmt.Fprintf(&b, `\u%04x`, r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isEscaped(r rune, keepLines bool) bool {
	if keepLines && (r == '\n' || r == '\t') {
		return false
	}
	return r < 0x20 || (r >= 0x7f && r <= 0x9f)
}

// escaper is a writer that passes what it is given through escapeControls,
// so nothing the CLI prints (names inside messages, tables, errors from any
// layer) can reach the terminal as a control sequence.
type escaper struct {
	w       io.Writer
	pending []byte // an incomplete UTF-8 sequence at the end of the last write
}

func (e *escaper) Write(p []byte) (int, error) {
	buf := append(e.pending, p...)
	cut := len(buf)
	// Hold back a rune split across two writes (a C1 control is two bytes).
	for i := max(0, len(buf)-utf8.UTFMax+1); i < len(buf); i++ {
		if utf8.RuneStart(buf[i]) && !utf8.FullRune(buf[i:]) {
			cut = i
			break
		}
	}
	e.pending = append([]byte(nil), buf[cut:]...)
	if _, err := io.WriteString(e.w, escapeControls(string(buf[:cut]), true)); err != nil {
		return 0, err
	}
	return len(p), nil
}
