package qda

import "strconv"

// Plural writes a count with its noun in the right number: Plural(1,
// "passage", "passages") is "1 passage", Plural(3, …) "3 passages". Every
// count a person reads (the app, the command line, reports) goes through
// it, so no message says "1 codes match".
func Plural(n int, one, many string) string {
	if n == 1 {
		return strconv.Itoa(n) + " " + one
	}
	return strconv.Itoa(n) + " " + many
}
