package qda

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
)

// NameSuggestion is a name Coder found in a project's texts that may need
// a pseudonym, with how often it occurs and a replacement to start from.
type NameSuggestion struct {
	Name        string `json:"name"`
	Kind        string `json:"kind"` // speaker, person, place or name
	Count       int    `json:"count"`
	Replacement string `json:"replacement"`
}

// Words that are not names however they are written.
var (
	roleSpeakers = wordSet("interviewer", "interviewee", "informant", "respondent", "moderator", "facilitator", "researcher", "observer", "speaker", "q", "a", "i", "r", "question", "answer",
		"访谈者", "采访者", "受访者", "主持人", "研究者", "问", "答", "记者")
	titles = wordSet("mr", "mrs", "ms", "miss", "dr", "prof", "professor", "secretary", "director", "teacher", "old", "young", "little", "uncle", "auntie", "aunt", "granny", "grandpa", "grandma",
		"chairman", "chairwoman", "chair", "comrade", "madam", "mayor", "head", "chief", "deputy", "party", "resident", "village", "cadre")
	commonCaps = wordSet("i", "the", "a", "an", "and", "but", "or", "so", "if", "when", "what", "who", "how", "why", "where", "we", "they", "she", "he", "it", "you", "this", "that", "there", "these", "those",
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
		"chinese", "english", "mandarin", "ok", "yes", "no")
	placeWords = wordSet("village", "town", "township", "county", "community", "street", "district", "city", "province", "road", "yard", "estate", "compound", "neighbourhood", "neighborhood")
	// The commonest Chinese surnames (one character each).
	surnames = []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
	zhTitles = []string{"书记", "主任", "阿姨", "大爷", "大妈", "师傅", "老师", "先生", "女士", "奶奶", "爷爷", "叔叔", "大姐", "大哥", "经理", "局长", "镇长", "村长", "乡长", "县长", "主席", "同志", "老板", "委员"}
	zhPlaces = []string{"街道", "社区", "村", "镇", "县", "乡"}
	// Characters that end a place name's run backwards: function words.
	zhStops   = []rune("找说话讲问叫让请去的在了和是我你他她们这那个到从去来住把被给对跟与及里往向也都就还在上下中")
	pseudoTag = []string{"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"}
)

func wordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// SuggestNames finds names in texts that may need pseudonyms: speakers of
// turns (not roles like Interviewer), capitalised names in English (not a
// sentence's first word, nor a word also written in lower case, with titles
// like "Mr" left off), Chinese surnames with a title or 老/小 (周书记,
// 老孙), and Chinese place names ending in 村, 镇, 街道, 社区, 县 or 乡.
// Names skip reports true for (those a pseudonym table covers) are left
// out. The result is sorted by
// kind, then by how often the name occurs.
func SuggestNames(texts []string, speakers map[string]int, skip func(name string) bool) []NameSuggestion {
	found := map[string]*NameSuggestion{}
	add := func(name, kind string) {
		name = strings.TrimSpace(name)
		if name == "" {
			return
		}
		key := strings.ToLower(name)
		if s, ok := found[key]; ok {
			s.Count++
			return
		}
		found[key] = &NameSuggestion{Name: name, Kind: kind, Count: 1}
	}
	for sp, n := range speakers {
		if !roleSpeakers[strings.ToLower(strings.TrimSpace(sp))] {
			add(sp, "speaker")
			found[strings.ToLower(strings.TrimSpace(sp))].Count += n - 1
		}
	}
	lower := map[string]bool{} // words written in lower case somewhere
	for _, t := range texts {
		for _, w := range strings.FieldsFunc(t, notWordRune) {
			if r := []rune(w); unicode.IsLower(r[0]) {
				lower[w] = true
			}
		}
	}
	for _, t := range texts {
		englishNames(t, lower, add)
		chineseNames([]rune(t), add)
	}
	var out []NameSuggestion
	for _, s := range found {
		if skip == nil || !skip(s.Name) {
			out = append(out, *s)
		}
	}
	order := map[string]int{"speaker": 0, "person": 1, "place": 2, "name": 3}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Kind != b.Kind {
			return order[a.Kind] < order[b.Kind]
		}
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		return a.Name < b.Name
	})
	n := map[string]int{} // by kind and script
	for i := range out {
		r := []rune(out[i].Name)
		key := out[i].Kind + fmt.Sprint(unicode.Is(unicode.Han, r[len(r)-1]))
		out[i].Replacement = replacementFor(out[i], n[key])
		n[key]++
	}
	return out
}

func notWordRune(r rune) bool {
	return !(unicode.IsLetter(r) || unicode.IsDigit(r)) || unicode.Is(unicode.Han, r)
}

// replacementFor proposes a neutral replacement: Person A, Place B, or for
// Chinese names the title kept with 甲, 乙… (周书记 → 甲书记, 凤山村 → 甲村).
func replacementFor(s NameSuggestion, i int) string {
	letter := string(rune('A' + i%26))
	tag := pseudoTag[i%len(pseudoTag)]
	r := []rune(s.Name)
	if unicode.Is(unicode.Han, r[len(r)-1]) {
		for _, t := range append(append([]string{}, zhTitles...), zhPlaces...) {
			if strings.HasSuffix(s.Name, t) {
				return tag + t
			}
		}
		if r[0] == '老' || r[0] == '小' {
			return string(r[0]) + tag
		}
		return "某" + tag
	}
	switch s.Kind {
	case "speaker":
		return "Speaker " + letter
	case "place":
		return "Place " + letter
	}
	return "Person " + letter
}

// englishNames finds runs of capitalised words.
func englishNames(text string, lower map[string]bool, add func(name, kind string)) {
	runes := []rune(text)
	i := 0
	for i < len(runes) {
		if !isCapital(runes, i) {
			i++
			continue
		}
		initial := sentenceStart(runes, i)
		var words []string
		j := i
		for {
			k := j
			for k < len(runes) && (unicode.IsLetter(runes[k]) || unicode.IsDigit(runes[k]) || runes[k] == '-') && !unicode.Is(unicode.Han, runes[k]) {
				k++
			}
			words = append(words, string(runes[j:k]))
			j = k
			// The run goes on over one space to another capitalised word
			// (or a number after a place word: "Yard 3").
			if j+1 < len(runes) && runes[j] == ' ' && (isCapital(runes, j+1) || unicode.IsDigit(runes[j+1]) && placeWords[strings.ToLower(words[len(words)-1])]) {
				j++
				continue
			}
			break
		}
		i = j
		// Leave off what is not part of a name: a sentence's first word
		// when it is common, and titles.
		titled := false
		for len(words) > 1 && titles[strings.ToLower(words[0])] {
			words, titled = words[1:], true
		}
		if initial && !titled && len(words) > 0 && (commonCaps[strings.ToLower(words[0])] || lower[strings.ToLower(words[0])]) {
			words = words[1:]
		}
		if len(words) == 0 {
			continue
		}
		last := strings.ToLower(words[len(words)-1])
		if len(words) == 1 && !titled && (commonCaps[last] || lower[last] || titles[last] || placeWords[last] || initial) {
			continue
		}
		kind := "name"
		switch {
		case placeWords[last] || len(words) > 1 && placeWords[strings.ToLower(words[len(words)-2])]:
			kind = "place"
		case titled:
			kind = "person"
		}
		add(strings.Join(words, " "), kind)
	}
}

func isCapital(runes []rune, i int) bool {
	return unicode.IsUpper(runes[i]) && (i == 0 || !unicode.IsLetter(runes[i-1]))
}

// sentenceStart reports whether the word at i begins a sentence or line.
func sentenceStart(runes []rune, i int) bool {
	for j := i - 1; j >= 0; j-- {
		switch r := runes[j]; {
		case r == ' ' || r == '\t' || r == '"' || r == '“' || r == '\'' || r == '‘' || r == '(':
			continue
		case r == '.' || r == '!' || r == '?' || r == ':' || r == '\n' || r == '。' || r == '：':
			return true
		default:
			return false
		}
	}
	return true
}

// chineseNames finds surnames with titles or 老/小, and place names.
func chineseNames(runes []rune, add func(name, kind string)) {
	isSurname := func(r rune) bool { return strings.ContainsRune(string(surnames), r) }
	for i := 0; i < len(runes); i++ {
		if isSurname(runes[i]) {
			rest := string(runes[i+1 : min(len(runes), i+3)])
			for _, t := range zhTitles {
				if strings.HasPrefix(rest, t) {
					add(string(runes[i])+t, "person")
					break
				}
			}
			if i > 0 && (runes[i-1] == '老' || runes[i-1] == '小') && (i+1 == len(runes) || !isSurname(runes[i+1])) {
				add(string(runes[i-1:i+1]), "person")
			}
		}
		for _, suf := range zhPlaces {
			sr := []rune(suf)
			if i+len(sr) > len(runes) || string(runes[i:i+len(sr)]) != suf {
				continue
			}
			// The name before the suffix: up to two Chinese characters, or
			// Latin letters and digits ("G社区").
			j := i
			for j > 0 && i-j < 2 && unicode.Is(unicode.Han, runes[j-1]) && !strings.ContainsRune(string(zhStops), runes[j-1]) && !strings.ContainsRune("村镇乡县区", runes[j-1]) {
				j--
			}
			if j == i {
				for j > 0 && i-j < 4 && (unicode.IsUpper(runes[j-1]) || unicode.IsDigit(runes[j-1])) {
					j--
				}
			}
			if j < i {
				add(string(runes[j:i+len(sr)]), "place")
			}
			break
		}
	}
}
