package main

import "testing"

// Ensure that the commands that only look at a project open it read-only
// (no backup, no write lock, fine in a read-only folder) and the ones that
// change it do not: listing or suggesting pseudonyms reads, adding writes.
func TestReadOnlyCommand_ListingsReadEditsWrite(t *testing.T) {
	for _, c := range []struct {
		args []string
		want bool
	}{
		{[]string{"pseudonyms", "p.coder"}, true},
		{[]string{"pseudonyms", "--json", "p.coder"}, true},
		{[]string{"pseudonyms", "p.coder", "suggest", "--json"}, true},
		{[]string{"pseudonyms", "p.coder", "add", "Li Na", "Resident A"}, false},
		{[]string{"pseudonyms", "p.coder", "remove", "Li Na"}, false},
		{[]string{"codes", "p.coder"}, true},
		{[]string{"codes", "add", "p.coder", "Trust"}, false},
		{[]string{"docs", "p.coder"}, true},
		{[]string{"import", "p.coder", "a.txt"}, false},
	} {
		if got := readOnlyCommand(c.args); got != c.want {
			t.Errorf("readOnlyCommand(%q) = %v, want %v", c.args, got, c.want)
		}
	}
}
