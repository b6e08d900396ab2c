package analysis

import (
	"sort"
	"strings"
)

// StopWords are the words a word list leaves out, one list per language. A
// project keeps its own lists (the researcher edits them); these defaults
// apply until then.
type StopWords struct {
	English []string `json:"english"`
	Chinese []string `json:"chinese"`
}

// DefaultStopWords returns the lists a project starts with: English function
// words, and Chinese particles, pronouns, conjunctions and prepositions.
func DefaultStopWords() StopWords {
	return StopWords{English: strings.Fields(defaultEnglish), Chinese: strings.Fields(defaultChinese)}
}

// Set returns every stop word, lower-cased, as a set.
func (s StopWords) Set() map[string]bool {
	m := make(map[string]bool, len(s.English)+len(s.Chinese))
	for _, l := range [][]string{s.English, s.Chinese} {
		for _, w := range l {
			if w = strings.ToLower(strings.TrimSpace(w)); w != "" {
				m[w] = true
			}
		}
	}
	return m
}

// Clean trims, lower-cases, sorts and de-duplicates both lists.
func (s StopWords) Clean() StopWords {
	clean := func(l []string) []string {
		seen := map[string]bool{}
		out := []string{}
		for _, w := range l {
			w = strings.ToLower(strings.TrimSpace(w))
			if w != "" && !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
		sort.Strings(out)
		return out
	}
	return StopWords{English: clean(s.English), Chinese: clean(s.Chinese)}
}

const defaultEnglish = `a about above after again against all am an and any are aren't as at
be because been before being below between both but by can can't cannot could couldn't
did didn't do does doesn't doing don't down during each few for from further had hadn't
has hasn't have haven't having he he'd he'll he's her here here's hers herself him himself
his how how's i i'd i'll i'm i've if in into is isn't it it's its itself just let's me
more most mustn't my myself no nor not now of off on once only or other ought our ours
ourselves out over own same shan't she she'd she'll she's should shouldn't so some such
than that that's the their theirs them themselves then there there's these they they'd
they'll they're they've this those through to too under until up very was wasn't we we'd
we'll we're we've were weren't what what's when when's where where's which while who
who's whom why why's will with won't would wouldn't yes you you'd you'll you're you've
your yours yourself yourselves also said says um uh yeah oh ok okay well like really
s t`

const defaultChinese = `的 了 在 是 我 你 他 她 它 们 我们 你们 他们 她们 这 那 这个 那个 这些 那些
这样 那样 就 都 也 还 又 和 与 及 或 而 但 但是 可是 所以 因为 如果 虽然 然后 于是 并且 而且
把 被 让 给 对 向 从 到 于 以 为 为了 由 按 按照 跟 同 比 之 其 此 该 各 每 某 个 种 些 点
吗 呢 吧 啊 呀 哦 嗯 哈 嘛 啦 着 过 得 地 所 等 等等 一 一个 一些 一下 一样 有 没有 没 不 很
太 更 最 已经 曾经 正在 将 会 能 能够 可以 要 想 说 讲 就是 还是 只是 不是 也是 这里 那里
什么 怎么 怎么样 为什么 哪 哪里 谁 多少 自己 大家 咱们 啥 嘛 呃 上 下 中 里 时 时候`
