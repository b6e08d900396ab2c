package project

import "testing"

// Ensure that the name a session codes as, before anyone types one, is a
// person's name: no Windows domain ("VM\\研究 员" showed in the status bar
// under Wine) and no GECOS commas from /etc/passwd.
func TestAccountName_DropsDomainAndGECOSExtras(t *testing.T) {
	for _, c := range []struct{ full, login, want string }{
		{"", `VM\研究 员`, "研究 员"},
		{"", `LAB-PC\lina`, "lina"},
		{"Li Na,,,", "lina", "Li Na"},
		{"Mei Chen", `CORP\mchen`, "Mei Chen"},
		{" ", "", "Researcher"},
		{",,,", `DOMAIN\`, "Researcher"},
	} {
		if got := accountName(c.full, c.login); got != c.want {
			t.Errorf("accountName(%q, %q) = %q, want %q", c.full, c.login, got, c.want)
		}
	}
}
