package analysis

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/width"
)

// Dates written in coded text, as researchers' sources write them. Each
// pattern's groups are year, month, day in that order unless named below.
var (
	isoDate     = regexp.MustCompile(`(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})`)
	chineseDate = regexp.MustCompile(`([0-9〇○零一二三四五六七八九]{4})\s*年\s*([0-9一二三四五六七八九十]{1,3})\s*月\s*([0-9一二三四五六七八九十]{1,3})\s*[日号號]`)
	monthNames  = `(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`
	dayMonth    = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+` + monthNames + `,?\s+(\d{4})\b`) // day, month, year
	monthDay    = regexp.MustCompile(`(?i)\b` + monthNames + `\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`) // month, day, year
)

// SuggestDate finds the first full date written in text (2023-05-04,
// 2023/5/4, 2023年5月4日, 二〇二三年五月四日, 4 May 2023, May 4, 2023) and returns
// it as YYYY-MM-DD. It is a suggestion for a coding's event date: the
// researcher accepts or types another.
func SuggestDate(text string) (string, bool) {
	text = width.Fold.String(text) // full-width digits
	best, bestAt := "", -1
	try := func(at int, y, m, d string) {
		if bestAt >= 0 && at >= bestAt {
			return
		}
		if date, ok := makeDate(y, m, d); ok {
			best, bestAt = date, at
		}
	}
	for _, g := range isoDate.FindAllStringSubmatchIndex(text, -1) {
		try(g[0], text[g[2]:g[3]], text[g[4]:g[5]], text[g[6]:g[7]])
	}
	for _, g := range chineseDate.FindAllStringSubmatchIndex(text, -1) {
		try(g[0], text[g[2]:g[3]], text[g[4]:g[5]], text[g[6]:g[7]])
	}
	for _, g := range dayMonth.FindAllStringSubmatchIndex(text, -1) {
		try(g[0], text[g[6]:g[7]], text[g[4]:g[5]], text[g[2]:g[3]])
	}
	for _, g := range monthDay.FindAllStringSubmatchIndex(text, -1) {
		try(g[0], text[g[6]:g[7]], text[g[2]:g[3]], text[g[4]:g[5]])
	}
	return best, bestAt >= 0
}

// makeDate checks a year, month and day (digits, Chinese numerals or an
// English month name) and formats them.
func makeDate(y, m, d string) (string, bool) {
	year, ok1 := number(y)
	month, ok2 := monthNumber(m)
	day, ok3 := number(d)
	if !ok1 || !ok2 || !ok3 || year < 1000 || month < 1 || month > 12 || day < 1 || day > 31 {
		return "", false
	}
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day { // 31 April
		return "", false
	}
	return t.Format("2006-01-02"), true
}

func monthNumber(s string) (int, bool) {
	if n, ok := number(s); ok {
		return n, true
	}
	if len(s) < 3 {
		return 0, false
	}
	i := strings.Index("janfebmaraprmayjunjulaugsepoctnovdec", strings.ToLower(s[:3]))
	if i < 0 || i%3 != 0 {
		return 0, false
	}
	return i/3 + 1, true
}

// number reads Arabic digits, digit-by-digit Chinese numerals (二〇二三) or
// Chinese numerals up to 39 (十二, 二十四).
func number(s string) (int, bool) {
	if n, err := strconv.Atoi(s); err == nil {
		return n, true
	}
	digit := map[rune]int{'〇': 0, '○': 0, '零': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	r := []rune(s)
	if i := strings.IndexRune(s, '十'); i >= 0 { // 十, 十二, 二十, 二十四
		tens, ones := 1, 0
		parts := strings.SplitN(s, "十", 2)
		if p := []rune(parts[0]); len(p) == 1 {
			tens = digit[p[0]]
		} else if len(p) > 1 {
			return 0, false
		}
		if p := []rune(parts[1]); len(p) == 1 {
			ones = digit[p[0]]
		} else if len(p) > 1 {
			return 0, false
		}
		return tens*10 + ones, true
	}
	n := 0
	for _, c := range r {
		v, ok := digit[c]
		if !ok {
			return 0, false
		}
		n = n*10 + v
	}
	return n, len(r) > 0
}
