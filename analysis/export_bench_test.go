package analysis

import "sync"

// LoadDictionaryForBench loads the Chinese dictionary afresh (benchmarks
// only).
func LoadDictionaryForBench() {
	segOnce = sync.Once{}
	seg, segErr = nil, nil
	segmenter()
}
