package bench

// QueryKind names a row of the table: a kind of query people run.
type QueryKind string

// The kinds of query measured.
const (
	Term     QueryKind = "term"
	Phrase   QueryKind = "phrase"
	Boolean  QueryKind = "boolean"
	Filtered QueryKind = "filtered"
	CJK      QueryKind = "CJK"
)

// querySpec is one query in each system's own language, meaning the same
// thing in all three as nearly as each allows.
type querySpec struct {
	kind  QueryKind
	coder string   // Coder's query syntax
	fts   string   // an SQL condition on the FTS5 table t
	rg    []string // ripgrep arguments before the directory; nil where it has no equivalent
}

func queriesFor(lang Lang) []querySpec {
	if lang == Chinese {
		return zhQueries
	}
	return enQueries
}

var enQueries = []querySpec{
	{Term, "harvest", "t MATCH 'body : harvest'", []string{"-i", "-w", "harvest"}},
	{Term, "quota", "t MATCH 'body : quota'", []string{"-i", "-w", "quota"}},
	{Term, "petition", "t MATCH 'body : petition'", []string{"-i", "-w", "petition"}},
	{Term, "walnut", "t MATCH 'body : walnut'", []string{"-i", "-w", "walnut"}},
	{Term, "mobilise", "t MATCH 'body : mobilise'", []string{"-i", "-w", "mobilis(e|ed|ing|es)"}},
	{Phrase, `"land transfer"`, `t MATCH 'body : "land transfer"'`, []string{"-i", "-F", "land transfer"}},
	{Phrase, `"village committee"`, `t MATCH 'body : "village committee"'`, []string{"-i", "-F", "village committee"}},
	{Phrase, `"the quota"`, `t MATCH 'body : "the quota"'`, []string{"-i", "-F", "the quota"}},
	{Phrase, `"party secretary"`, `t MATCH 'body : "party secretary"'`, []string{"-i", "-F", "party secretary"}},
	{Boolean, "quota OR target -county", "t MATCH '(body : quota OR body : target) NOT body : county'",
		[]string{"-i", "-P", `^(?!.*\bcounty\b).*\b(quota|target)\b`}},
	{Boolean, "(loan OR debt) family", "t MATCH '(body : loan OR body : debt) AND body : family'",
		[]string{"-i", "-P", `^(?=.*\b(loan|debt)\b).*\bfamily\b`}},
	{Boolean, "petition -court", "t MATCH 'body : petition NOT body : court'",
		[]string{"-i", "-P", `^(?!.*\bcourt\b).*\bpetition\b`}},
	{Filtered, "harvest speaker:Resident", "t MATCH 'body : harvest AND speaker : resident'",
		[]string{"-i", `^Resident: .*\bharvest\b`}},
	{Filtered, "loan speaker:Cadre", "t MATCH 'body : loan AND speaker : cadre'",
		[]string{"-i", `^Cadre: .*\bloan\b`}},
	{Filtered, "quota kind:fieldnote", "t MATCH 'body : quota AND kind : fieldnote'", nil},
}

// FTS5's trigram tokenizer indexes Chinese, but only strings of three or more
// characters can use the index; shorter ones are scans with instr (LIKE on a
// trigram table finds nothing for them in SQLite 3.40).
var zhQueries = []querySpec{
	{Term, "征地", "instr(body, '征地') > 0", []string{"-F", "征地"}},
	{Term, "补偿", "instr(body, '补偿') > 0", []string{"-F", "补偿"}},
	{Term, "考核", "instr(body, '考核') > 0", []string{"-F", "考核"}},
	{Term, "书记", "instr(body, '书记') > 0", []string{"-F", "书记"}},
	{Phrase, "土地流转", `t MATCH 'body : "土地流转"'`, []string{"-F", "土地流转"}},
	{Phrase, "驻村工作队", `t MATCH 'body : "驻村工作队"'`, []string{"-F", "驻村工作队"}},
	{Phrase, "精准扶贫", `t MATCH 'body : "精准扶贫"'`, []string{"-F", "精准扶贫"}},
	{Boolean, "补偿 OR 罚款 -县里", "(instr(body, '补偿') > 0 OR instr(body, '罚款') > 0) AND instr(body, '县里') = 0",
		[]string{"-P", `^(?!.*县里).*(补偿|罚款)`}},
	{Boolean, "合作社 贷款", "t MATCH 'body : 合作社' AND instr(body, '贷款') > 0",
		[]string{"-P", `^(?=.*合作社).*贷款`}},
	{Filtered, "补偿 speaker:村民", "instr(body, '补偿') > 0 AND speaker = '村民'", []string{`^村民: .*补偿`}},
	{Filtered, "合作社 kind:fieldnote", "t MATCH 'body : 合作社 AND kind : fieldnote'", nil},
	{CJK, "征", "instr(body, '征') > 0", []string{"-F", "征"}},
	{CJK, "合作社", "t MATCH 'body : 合作社'", []string{"-F", "合作社"}},
	{CJK, "养老金", "t MATCH 'body : 养老金'", []string{"-F", "养老金"}},
	{CJK, "村民委员会", `t MATCH 'body : "村民委员会"'`, []string{"-F", "村民委员会"}},
}
