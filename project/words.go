package project

import (
	"encoding/json"
	"fmt"

	"coder/analysis"
	"coder/qda"
	"coder/store"
)

// TextSelection picks the text that words are counted in: every document, the
// documents of a case, the segments coded with a code (or a code under it),
// or a code's segments within a case. Zero fields select everything.
type TextSelection struct {
	Case qda.ID
	Code qda.ID
	// Coders narrows a code's segments to these coders' codings; none:
	// every coder's. Without a code the whole text counts, whoever coded.
	Coders []qda.ID
}

// WordOptions are the choices a word list or a KWIC takes besides the text.
type WordOptions struct {
	Stem  bool // count English words by stem
	Limit int  // keep the most frequent Limit words; 0 keeps all
}

const stopWordsSetting = "stopwords"

// Excerpts returns the text a selection covers, as analysis reads it.
func (p *Project) Excerpts(sel TextSelection) ([]analysis.Excerpt, error) {
	var out []analysis.Excerpt
	err := p.view(func(tx *store.Tx) error {
		docs, err := tx.Documents()
		if err != nil {
			return err
		}
		var inCase map[qda.ID]bool
		if sel.Case != "" {
			c, err := tx.Case(sel.Case)
			if err != nil {
				return err
			}
			inCase = idSet(c.Documents)
			if inCase == nil {
				inCase = map[qda.ID]bool{}
			}
		}
		var codes map[qda.ID]bool
		if sel.Code != "" {
			t, err := tx.Codebook()
			if err != nil {
				return err
			}
			codes = expandCodes(t, []qda.ID{sel.Code})
		}
		for _, d := range docs {
			if inCase != nil && !inCase[d.ID] {
				continue
			}
			text, err := tx.Text(d.ID)
			if err != nil {
				return err
			}
			if codes == nil {
				out = append(out, analysis.Excerpt{Doc: d.ID, DocName: d.Name, Text: text, Start: 0, End: d.Chars})
				continue
			}
			cs, err := tx.CodingsOf(d.ID)
			if err != nil {
				return err
			}
			coders := idSet(sel.Coders)
			for _, c := range cs {
				if codes[c.Code] && (len(coders) == 0 || coders[c.Coder]) {
					out = append(out, analysis.Excerpt{Doc: d.ID, DocName: d.Name, Text: text, Start: c.Span.Start, End: c.Span.End})
				}
			}
		}
		return nil
	})
	return out, err
}

// Words returns the word list of a selection, leaving out the project's stop
// words, most frequent first.
func (p *Project) Words(sel TextSelection, opt WordOptions) ([]analysis.WordCount, error) {
	ex, err := p.Excerpts(sel)
	if err != nil {
		return nil, err
	}
	stop, err := p.StopWords()
	if err != nil {
		return nil, err
	}
	return analysis.WordFrequencies(ex, analysis.WordOptions{Stem: opt.Stem, Stop: stop.Set(), Limit: opt.Limit}), nil
}

// KWIC returns every occurrence of word in a selection with width characters
// of context on each side.
func (p *Project) KWIC(sel TextSelection, word string, width int, opt WordOptions) ([]analysis.KWICLine, error) {
	ex, err := p.Excerpts(sel)
	if err != nil {
		return nil, err
	}
	return analysis.KWIC(ex, word, width, analysis.WordOptions{Stem: opt.Stem}), nil
}

// StopWords returns the project's stop-word lists: the defaults until the
// researcher edits them.
func (p *Project) StopWords() (analysis.StopWords, error) {
	var raw []byte
	if err := p.view(func(tx *store.Tx) error { raw = tx.Setting(stopWordsSetting); return nil }); err != nil {
		return analysis.StopWords{}, err
	}
	if raw == nil {
		return analysis.DefaultStopWords(), nil
	}
	var s analysis.StopWords
	if err := json.Unmarshal(raw, &s); err != nil {
		return analysis.StopWords{}, &qda.Error{What: "stop-word lists", Why: "they are damaged in the project file", Fix: "set them again with 'coder stopwords'", Err: err}
	}
	return s, nil
}

// SetStopWords stores the project's stop-word lists (cleaned: trimmed,
// lower-cased, sorted, without repeats) as one undoable action.
func (p *Project) SetStopWords(s analysis.StopWords) error {
	data, err := json.Marshal(s.Clean())
	if err != nil {
		return fmt.Errorf("stop words: %w", err)
	}
	return p.act(Change{Action: "Edit stop words"}, func(tx *store.Tx) error {
		return tx.PutSetting(stopWordsSetting, data)
	})
}

// ResetStopWords goes back to the default stop-word lists.
func (p *Project) ResetStopWords() error {
	return p.act(Change{Action: "Reset stop words"}, func(tx *store.Tx) error {
		return tx.PutSetting(stopWordsSetting, nil)
	})
}
