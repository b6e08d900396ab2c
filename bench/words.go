package bench

// The word lists the generator draws from. They were written for this
// benchmark: everyday words of rural fieldwork, in no particular source's
// order, so the text reads like a transcript without being anyone's.

var enFunction = []string{
	"the", "a", "of", "and", "to", "in", "we", "they", "it", "was", "that", "for",
	"on", "with", "but", "not", "at", "had", "were", "our", "their", "there",
	"this", "from", "be", "so", "all", "when", "then", "more", "some", "very",
	"about", "after", "before", "because", "if", "no", "also", "just", "still",
}

var enNouns = []string{
	"village", "household", "quota", "target", "harvest", "reservoir", "township",
	"county", "committee", "cadre", "meeting", "letter", "family", "neighbour",
	"field", "road", "school", "teacher", "market", "loan", "subsidy", "land",
	"contract", "rent", "cooperative", "seed", "fertiliser", "water", "well",
	"clinic", "doctor", "wage", "migrant", "city", "factory", "debt", "grain",
	"orchard", "tea", "pig", "cattle", "festival", "temple", "lineage", "elder",
	"secretary", "notice", "policy", "campaign", "report", "inspection", "budget",
	"project", "fund", "compensation", "dispute", "petition", "court", "office",
	"bus", "bridge", "flood", "drought", "season", "spring", "autumn", "winter",
	"price", "buyer", "truck", "phone", "account", "record", "form", "stamp",
	"daughter", "son", "mother", "father", "wife", "husband", "grandmother",
	"child", "student", "youth", "party", "member", "leader", "official",
	"team", "group", "hamlet", "mountain", "river", "valley", "terrace", "rice",
	"maize", "wheat", "potato", "cabbage", "chilli", "walnut", "chestnut",
	"house", "roof", "kitchen", "courtyard", "gate", "wall", "toilet", "stove",
	"electricity", "internet", "television", "radio", "newspaper", "slogan",
	"banner", "score", "ranking", "evaluation", "bonus", "fine", "tax", "fee",
	"insurance", "pension", "hospital", "medicine", "illness", "accident",
	"wedding", "funeral", "gift", "banquet", "debt", "favour", "trust", "rumour",
}

var enVerbs = [][]string{
	{"mobilise", "mobilised", "mobilising", "mobilises"},
	{"organise", "organised", "organising", "organises"},
	{"plant", "planted", "planting", "plants"},
	{"transfer", "transferred", "transferring", "transfers"},
	{"complain", "complained", "complaining", "complains"},
	{"negotiate", "negotiated", "negotiating", "negotiates"},
	{"inspect", "inspected", "inspecting", "inspects"},
	{"report", "reported", "reporting", "reports"},
	{"borrow", "borrowed", "borrowing", "borrows"},
	{"build", "built", "building", "builds"},
	{"repair", "repaired", "repairing", "repairs"},
	{"sell", "sold", "selling", "sells"},
	{"refuse", "refused", "refusing", "refuses"},
	{"agree", "agreed", "agreeing", "agrees"},
	{"promise", "promised", "promising", "promises"},
	{"visit", "visited", "visiting", "visits"},
	{"persuade", "persuaded", "persuading", "persuades"},
	{"pay", "paid", "paying", "pays"},
	{"move", "moved", "moving", "moves"},
	{"leave", "left", "leaving", "leaves"},
	{"return", "returned", "returning", "returns"},
	{"worry", "worried", "worrying", "worries"},
	{"decide", "decided", "deciding", "decides"},
	{"explain", "explained", "explaining", "explains"},
	{"collect", "collected", "collecting", "collects"},
	{"measure", "measured", "measuring", "measures"},
	{"register", "registered", "registering", "registers"},
	{"vote", "voted", "voting", "votes"},
	{"elect", "elected", "electing", "elects"},
	{"appeal", "appealed", "appealing", "appeals"},
}

var enAdjectives = []string{
	"new", "old", "poor", "rich", "difficult", "easy", "local", "central",
	"strict", "loose", "fair", "unfair", "late", "early", "small", "large",
	"official", "informal", "quiet", "angry", "worried", "tired", "careful",
	"formal", "collective", "private", "public", "seasonal", "annual", "urgent",
}

var enPhrases = []string{
	"land transfer", "village committee", "planting targets", "poverty alleviation",
	"party secretary", "work team", "cooperative shares", "county government",
	"performance evaluation", "household registration", "migrant workers",
	"compensation standard", "petition office", "collective land",
}

var speakersEN = []string{"Resident", "Cadre", "Teacher", "Farmer", "Trader", "Doctor", "Elder"}

var zhWords = []string{
	"村民", "干部", "乡镇", "县里", "指标", "任务", "补偿", "征地", "土地", "流转",
	"合作社", "种植", "茶叶", "核桃", "玉米", "水稻", "水库", "道路", "学校", "老师",
	"医生", "诊所", "市场", "价格", "贷款", "补贴", "合同", "租金", "工资", "外出",
	"打工", "城市", "工厂", "债务", "粮食", "果园", "养猪", "牛羊", "节日", "寺庙",
	"宗族", "老人", "书记", "通知", "政策", "运动", "报告", "检查", "预算", "项目",
	"资金", "纠纷", "上访", "法院", "办公室", "汽车", "桥梁", "洪水", "干旱", "季节",
	"春天", "秋天", "冬天", "收购", "电话", "账户", "记录", "表格", "公章", "女儿",
	"儿子", "母亲", "父亲", "妻子", "丈夫", "奶奶", "孩子", "学生", "青年", "党员",
	"领导", "工作队", "小组", "山区", "河流", "梯田", "房子", "厨房", "院子", "电费",
	"网络", "电视", "广播", "标语", "排名", "考核", "奖金", "罚款", "税费", "保险",
	"养老金", "医院", "药品", "生病", "事故", "婚礼", "葬礼", "礼金", "酒席", "人情",
	"信任", "谣言", "动员", "组织", "开会", "反映", "协商", "落实", "完成", "推进",
	"宣传", "登记", "投票", "选举", "申请", "解释", "决定", "担心", "答应", "拒绝",
	"修路", "建房", "卖掉", "借钱", "还钱", "搬家", "回来", "离开", "收集", "测量",
	"我们", "他们", "大家", "今年", "去年", "后来", "当时", "其实", "所以", "但是",
	"因为", "如果", "还是", "已经", "没有", "一直", "特别", "比较", "主要", "一般",
	"的", "了", "在", "是", "也", "就", "都", "很", "要", "说",
}

var zhPhrases = []string{
	"精准扶贫", "土地流转", "村民委员会", "种植任务", "驻村工作队", "易地搬迁",
	"集体经济", "考核排名", "补偿标准", "信访办公室", "外出务工", "合作医疗",
}

var speakersZH = []string{"村民", "村干部", "教师", "农户", "商贩", "村医", "老人"}

// codebook is the benchmark's code paths; codings are spread over them.
var codebook = []string{
	"Political logic", "Political logic/Quota pressure", "Political logic/Campaign style",
	"Livelihood", "Livelihood/Migration", "Livelihood/Debt", "Trust", "Trust/Rumour",
}

var caseNames = []string{
	"G Community", "H Township", "North Valley", "River Hamlet", "East Terrace",
	"Stone Bridge", "Tea Hill", "Walnut Ridge", "Lower Market", "Upper Fields",
}
