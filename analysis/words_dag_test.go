package analysis

import (
	"bytes"
	"compress/gzip"
	"io"
	"io/fs"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/go-ego/gse"

	"coder/assets"
)

// Ensure that the Chinese segmentation gives exactly the words gse's Cut
// with HMM gives from the same dictionary, on the demo's Chinese interview
// and on generated text mixing dictionary words, rare characters and runs
// the dictionary does not know.
func TestZhWords_SameWordsAsGse(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the dictionary twice")
	}
	zr, err := gzip.NewReader(bytes.NewReader(zhDict))
	if err != nil {
		t.Fatal(err)
	}
	dict, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	g := &gse.Segmenter{SkipLog: true}
	if err := g.LoadDictStr(string(dict)); err != nil {
		t.Fatal(err)
	}
	z, err := segmenter()
	if err != nil {
		t.Fatal(err)
	}
	var runs []string
	addRuns := func(text string) {
		r := []rune(text)
		for i := 0; i < len(r); {
			if !isHan(r[i]) {
				i++
				continue
			}
			j := i
			for j < len(r) && isHan(r[j]) {
				j++
			}
			runs = append(runs, string(r[i:j]))
			i = j
		}
	}
	demo, err := fs.ReadFile(assets.Demo, "demo/interview-resident-wang-zh.txt")
	if err != nil {
		t.Fatal(err)
	}
	addRuns(string(demo))
	pieces := strings.Fields("居民 社区 议事会 大门 改造 的 了 在 我们 三号院 韩老师 周书记 拆棚子 咸菜 龘 靐 齉 爨 鬱 曌 朤 槐树 党员带头 卫生费 倒数第一 不好意思 研究生命起源 南京市长江大桥 结婚的和尚未结婚的")
	r := rand.New(rand.NewPCG(3, 4))
	for range 3000 {
		var b strings.Builder
		for range 1 + r.IntN(12) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		runs = append(runs, b.String())
	}
	for _, run := range runs {
		want := g.Cut(run, true)
		if got := z.cut(run); !slices.Equal(got, want) {
			t.Fatalf("%s:\n got %q\nwant %q", run, got, want)
		}
	}
}
