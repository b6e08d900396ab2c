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
	{Term, "group", "t MATCH 'body : group'", []string{"-i", "-w", "groups?"}},
	{Term, "clinic", "t MATCH 'body : clinic'", []string{"-i", "-w", "clinics?"}},
	{Term, "member", "t MATCH 'body : member'", []string{"-i", "-w", "members?"}},
	{Term, "quota", "t MATCH 'body : quota'", []string{"-i", "-w", "quotas?"}},
	{Term, "mobilise", "t MATCH 'body : mobilise'", []string{"-i", "-w", "mobilis(e|ed|ing|es)"}},
	{Phrase, `"village committee"`, `t MATCH 'body : "village committee"'`, []string{"-i", "-F", "village committee"}},
	{Phrase, `"party secretary"`, `t MATCH 'body : "party secretary"'`, []string{"-i", "-F", "party secretary"}},
	{Phrase, `"land transfer"`, `t MATCH 'body : "land transfer"'`, []string{"-i", "-F", "land transfer"}},
	{Phrase, `"the clinic"`, `t MATCH 'body : "the clinic"'`, []string{"-i", "-F", "the clinic"}},
	{Boolean, "clinic OR temple -village", "t MATCH '(body : clinic OR body : temple) NOT body : village'",
		[]string{"-i", "-P", `^(?!.*\bvillages?\b).*\b(clinics?|temples?)\b`}},
	{Boolean, "(father OR daughter) wedding", "t MATCH '(body : father OR body : daughter) AND body : wedding'",
		[]string{"-i", "-P", `^(?=.*\b(fathers?|daughters?)\b).*\bweddings?\b`}},
	{Boolean, "member -group", "t MATCH 'body : member NOT body : group'",
		[]string{"-i", "-P", `^(?!.*\bgroups?\b).*\bmembers?\b`}},
	{Filtered, "group speaker:Resident", "t MATCH 'body : group AND speaker : resident'",
		[]string{"-i", `^Resident: .*\bgroups?\b`}},
	{Filtered, "clinic speaker:Cadre", "t MATCH 'body : clinic AND speaker : cadre'",
		[]string{"-i", `^Cadre: .*\bclinics?\b`}},
	{Filtered, "member kind:fieldnote", "t MATCH 'body : member AND kind : fieldnote'", nil},
}

// FTS5's trigram tokenizer indexes Chinese, but only strings of three or more
// characters can use the index; shorter ones are scans with instr (LIKE on a
// trigram table finds nothing for them in SQLite 3.40).
var zhQueries = []querySpec{
	{Term, "诊所", "instr(body, '诊所') > 0", []string{"-F", "诊所"}},
	{Term, "标语", "instr(body, '标语') > 0", []string{"-F", "标语"}},
	{Term, "考核", "instr(body, '考核') > 0", []string{"-F", "考核"}},
	{Term, "征地", "instr(body, '征地') > 0", []string{"-F", "征地"}},
	{Phrase, "土地流转", `t MATCH 'body : "土地流转"'`, []string{"-F", "土地流转"}},
	{Phrase, "驻村工作队", `t MATCH 'body : "驻村工作队"'`, []string{"-F", "驻村工作队"}},
	{Phrase, "精准扶贫", `t MATCH 'body : "精准扶贫"'`, []string{"-F", "精准扶贫"}},
	{Boolean, "诊所 OR 广播 -通知", "(instr(body, '诊所') > 0 OR instr(body, '广播') > 0) AND instr(body, '通知') = 0",
		[]string{"-P", `^(?!.*通知).*(诊所|广播)`}},
	{Boolean, "考核 孩子", "instr(body, '考核') > 0 AND instr(body, '孩子') > 0",
		[]string{"-P", `^(?=.*考核).*孩子`}},
	{Filtered, "诊所 speaker:村民", "instr(body, '诊所') > 0 AND speaker = '村民'", []string{`^村民: .*诊所`}},
	{Filtered, "考核 kind:fieldnote", "instr(body, '考核') > 0 AND kind = 'fieldnote'", nil},
	{CJK, "征", "instr(body, '征') > 0", []string{"-F", "征"}},
	{CJK, "诊", "instr(body, '诊') > 0", []string{"-F", "诊"}},
	{CJK, "合作社", "t MATCH 'body : 合作社'", []string{"-F", "合作社"}},
	{CJK, "村民委员会", `t MATCH 'body : "村民委员会"'`, []string{"-F", "村民委员会"}},
}
