package exchange_test

import (
	"testing"

	"coder/exchange"
)

// Ensure that text is normalised as ingest stores it: no BOM, LF line ends,
// NFC, no C0 controls but tab and LF.
func TestNormalizeText(t *testing.T) {
	cases := map[string][2]string{
		"BOM":             {"\uFEFFhello", "hello"},
		"CRLF":            {"a\r\nb\r\n", "a\nb\n"},
		"LoneCR":          {"a\rb", "a\nb"},
		"Controls":        {"a\x00b\x07c\td\x1be", "abc\tde"},
		"Decomposed":      {"Cafe\u0301", "Café"},
		"HangulJamo":      {"\u1100\u1161", "\uAC00"},
		"AlreadyClean":    {"大家都说 🚰\n", "大家都说 🚰\n"},
		"CRLFThenNFC":     {"e\u0301\r\n", "é\n"},
		"EmptyStaysEmpty": {"", ""},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			if got := exchange.NormalizeText(c[0]); got != c[1] {
				t.Errorf("NormalizeText(%q) = %q, want %q", c[0], got, c[1])
			}
		})
	}
}
