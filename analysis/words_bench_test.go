package analysis_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"

	"coder/analysis"
	"coder/qda"
)

// benchMB is the size of each generated corpus (WORDS_BENCH_MB, default 10).
func benchMB() int {
	if n, err := strconv.Atoi(os.Getenv("WORDS_BENCH_MB")); err == nil && n > 0 {
		return n
	}
	return 10
}

var (
	zhWords = strings.Fields("居民 社区 议事会 大门 改造 方案 街道 书记 党员 志愿者 院子 楼道 垃圾 清理 开会 讨论 同意 反对 资金 项目 政府 办事处 物业 停车 绿化 老人 孩子 卫生 排名 检查 动员 组织 协商 自治 治理 矛盾 邻居 信任 参与 服务")
	zhGlue  = strings.Fields("的 了 在 和 是 也 都 就 我们 他们 这个 那个")
	enWords = strings.Fields("residents community council gate renovation plan street office secretary party members volunteers courtyard stairwell rubbish clearing meeting discussed agreed opposed funds project government property parking greening elderly children sanitation ranking inspection mobilised organised negotiated governance conflict neighbours trust participation service")
	enGlue  = strings.Fields("the a of and to in was were they we it that")
)

// corpus writes documents of about 100 KB each until mb megabytes.
func corpus(mb int, words, glue []string, sep string) []analysis.Excerpt {
	r := rand.New(rand.NewPCG(1, 2))
	var out []analysis.Excerpt
	total := 0
	for i := 0; total < mb<<20; i++ {
		var b strings.Builder
		for b.Len() < 100<<10 {
			for k := 0; k < 12; k++ {
				if k%3 == 2 {
					b.WriteString(glue[r.IntN(len(glue))])
				} else {
					b.WriteString(words[r.IntN(len(words))])
				}
				b.WriteString(sep)
			}
			if sep == "" {
				b.WriteString("。\n")
			} else {
				b.WriteString(".\n")
			}
		}
		text := b.String()
		total += len(text)
		out = append(out, analysis.Excerpt{Doc: qda.ID(fmt.Sprint(i)), DocName: fmt.Sprint("doc ", i), Text: text, Start: 0, End: len([]rune(text))})
	}
	return out
}

func benchWords(b *testing.B, ex []analysis.Excerpt, stem bool) {
	stop := analysis.DefaultStopWords().Set()
	analysis.Tokenize("字典") // load the dictionary outside the timing
	b.ResetTimer()
	for b.Loop() {
		ws := analysis.WordFrequencies(ex, analysis.WordOptions{Stop: stop, Stem: stem})
		if len(ws) == 0 {
			b.Fatal("no words")
		}
	}
}

// BenchmarkWordFrequencies_Chinese counts the words of ~10 MB of generated
// Chinese (segmented by the dictionary and HMM).
func BenchmarkWordFrequencies_Chinese(b *testing.B) {
	benchWords(b, corpus(benchMB(), zhWords, zhGlue, ""), false)
}

// BenchmarkWordFrequencies_English counts ~10 MB of generated English, with
// stemming.
func BenchmarkWordFrequencies_English(b *testing.B) {
	benchWords(b, corpus(benchMB(), enWords, enGlue, " "), true)
}

// BenchmarkChineseDictionaryLoad is the one-off cost of the first Chinese
// text a process meets.
func BenchmarkChineseDictionaryLoad(b *testing.B) {
	for b.Loop() {
		analysis.LoadDictionaryForBench()
	}
}
