package ui

import (
	"sync"
	"unicode"

	"fyne.io/fyne/v2"
)

// A fontKey names one set of measurements: widths differ by size, style and
// the theme's font, so each combination gets its own cache.
type fontKey struct {
	size  float32
	style fyne.TextStyle
	font  string
}

// fontMetrics caches what fyne.MeasureText says about single runes, pairs of
// runes and multi-rune clusters in one font. Uncached measuring shapes text
// with HarfBuzz at about 50 µs a call (160 µs for a CJK rune that needs the
// fallback font), so a long transcript could not be laid out without it.
//
// Widths come from runes, not whole words, so a new document costs one call
// per distinct rune and per distinct adjacent pair rather than one per distinct
// word; the pair measurement recovers the kerning HarfBuzz applies when it
// draws a whole line, which keeps highlights aligned with the glyphs.
type fontMetrics struct {
	key fontKey
	// mu guards the caches; callers take it once for a whole run of text
	// and use the Locked methods, as a lock per rune would cost more than
	// the lookups.
	mu sync.Mutex
	// ASCII, the bulk of English text, is looked up in arrays, not maps.
	ascii       [128]float32
	asciiOK     [128]bool
	asciiKern   [128 * 128]float32
	asciiKernOK [128 * 128]bool
	runes       map[rune]float32
	kerns       map[[2]rune]float32
	clusters    map[string]float32
	han         float32 // advance shared by every Han ideograph; 0 until measured
}

var (
	metricsMu sync.Mutex
	metrics   = map[fontKey]*fontMetrics{}
)

// metricsFor returns the shared cache for one font.
func metricsFor(k fontKey) *fontMetrics {
	metricsMu.Lock()
	defer metricsMu.Unlock()
	m := metrics[k]
	if m == nil {
		m = &fontMetrics{
			key:      k,
			runes:    map[rune]float32{},
			kerns:    map[[2]rune]float32{},
			clusters: map[string]float32{},
		}
		metrics[k] = m
	}
	return m
}

func (m *fontMetrics) measure(s string) float32 {
	return fyne.MeasureText(s, m.key.size, m.key.style).Width
}

// runeWidthLocked is the advance of r drawn alone.
func (m *fontMetrics) runeWidthLocked(r rune) float32 {
	if r < 128 && m.asciiOK[r] {
		return m.ascii[r]
	}
	if w, ok := m.runes[r]; ok {
		return w
	}
	var w float32
	if isHan(r) {
		// CJK fonts draw every ideograph on the same square em, so one
		// measurement serves thousands of distinct characters.
		if m.han == 0 {
			m.han = m.measure("中")
		}
		w = m.han
	} else {
		w = m.measure(string(r))
	}
	if r < 128 {
		m.ascii[r], m.asciiOK[r] = w, true
	} else {
		m.runes[r] = w
	}
	return w
}

// kernLocked is what drawing a and b together adds to (or, usually, takes
// from) the sum of their separate advances.
func (m *fontMetrics) kernLocked(a, b rune) float32 {
	if a < 128 && b < 128 {
		i := a<<7 | b
		if !m.asciiKernOK[i] {
			m.asciiKern[i], m.asciiKernOK[i] = m.measureKern(a, b), true
		}
		return m.asciiKern[i]
	}
	p := [2]rune{a, b}
	if k, ok := m.kerns[p]; ok {
		return k
	}
	k := m.measureKern(a, b)
	m.kerns[p] = k
	return k
}

func (m *fontMetrics) measureKern(a, b rune) float32 {
	if !kernable(a) || !kernable(b) {
		return 0
	}
	k := m.measure(string([]rune{a, b})) - m.runeWidthLocked(a) - m.runeWidthLocked(b)
	if k > -0.01 && k < 0.01 {
		k = 0
	}
	return k
}

// clusterWidthLocked is the advance of a multi-rune cluster such as an
// emoji with a skin tone, which the font draws as one glyph.
func (m *fontMetrics) clusterWidthLocked(s string) float32 {
	if w, ok := m.clusters[s]; ok {
		return w
	}
	w := m.measure(s)
	m.clusters[s] = w
	return w
}

// kernable reports whether r can take part in a kerning pair worth measuring.
// CJK fonts do not kern by default, and tabs and newlines end a drawn run.
func kernable(r rune) bool {
	if r < 0x80 {
		return r >= ' '
	}
	return !isWide(r) && !joinsCluster(r)
}

func isHan(r rune) bool {
	return r >= 0x2E80 && unicode.Is(unicode.Han, r)
}

// isWide reports whether r is a CJK character that lines may break on either
// side of (UAX #14 classes ID, CL, OP in CJK blocks). Hangul is left out:
// Korean wraps at spaces like Latin text.
func isWide(r rune) bool {
	switch {
	case r < 0x2E80:
		return false
	case r >= 0x3000 && r <= 0x30FF, // CJK punctuation, hiragana, katakana
		r >= 0xFF00 && r <= 0xFF60, // fullwidth forms
		r >= 0xFE30 && r <= 0xFE4F, // CJK compatibility forms
		r >= 0x31F0 && r <= 0x31FF:
		return true
	}
	return isHan(r)
}

// joinsCluster reports whether r attaches to the rune before it, so that the
// two are measured, drawn and selected as one unit.
func joinsCluster(r rune) bool {
	switch {
	case r < 0x300:
		return false
	case r == 0x200D, // zero-width joiner
		r >= 0xFE00 && r <= 0xFE0F,   // variation selectors
		r >= 0x1F3FB && r <= 0x1F3FF, // skin tones
		r == 0x20E3,                  // keycap
		r >= 0xE0020 && r <= 0xE007F, // emoji tag sequences
		r >= 0xE0100 && r <= 0xE01EF:
		return true
	}
	return unicode.In(r, unicode.Mn, unicode.Me)
}

func isRegionalIndicator(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }
