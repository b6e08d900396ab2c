package project

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"coder/assist"
	"coder/qda"
	"coder/store"
)

// AssistantCoder is the name of the coder an accepted suggestion is
// recorded under: the assistant proposed it, the named person decided.
// Agreement and "by coder" views keep accepted suggestions apart from the
// researcher's own codings that way, and the name says who accepted.
func AssistantCoder(accepter string) string { return "assistant, accepted by " + accepter }

// assistCache is the assistant's feature builder for an open project: the
// features of a document are computed again only when its text or passages
// changed (or the stop words did), so coding, accepting and rejecting leave
// them be and the review queue opens at once after the first time. It is
// derived data, kept in memory only.
type assistCache struct {
	once sync.Once
	b    *assist.Builder
}

func (p *Project) assistBuilder() *assist.Builder {
	p.assist.once.Do(func() { p.assist.b = assist.NewBuilder() })
	return p.assist.b
}

// AssistCorpus reads every document and builds the assistant's features
// (see package assist), reusing the ones of documents unchanged since the
// last call. progress is told how many documents are done.
func (p *Project) AssistCorpus(ctx context.Context, progress func(Progress)) (*assist.Corpus, error) {
	var docs []qda.Document
	err := p.view(func(tx *store.Tx) error {
		ds, err := tx.Documents()
		if err != nil {
			return err
		}
		for i := range ds {
			t, err := tx.Text(ds[i].ID)
			if err != nil {
				return err
			}
			ds[i].Text = string([]byte(t)) // a copy: the corpus outlives the transaction
		}
		docs = ds
		return nil
	})
	if err != nil {
		return nil, err
	}
	stop, err := p.StopWords()
	if err != nil {
		return nil, err
	}
	return p.assistBuilder().Build(ctx, docs, stop.Set(), func(done, total int) {
		report(progress, Progress{Done: done, Total: total, Item: "reading documents"})
	})
}

// assistInput reads every coding and every rejected suggestion.
func (p *Project) assistInput() ([]qda.Coding, []assist.Rejection, error) {
	var ks []qda.Coding
	var rej []assist.Rejection
	err := p.view(func(tx *store.Tx) error {
		var err error
		if ks, err = tx.Codings(); err != nil {
			return err
		}
		rs, err := tx.Rejections()
		for _, r := range rs {
			rej = append(rej, assist.Rejection{Code: r.Code, Document: r.Document, Span: r.Span})
		}
		return err
	})
	return ks, rej, err
}

// Suggest trains the assistant on code's codings and returns up to limit
// (0: all) uncoded passages like them, best first, leaving out the ones
// rejected before. corpus is from AssistCorpus (nil: built now).
func (p *Project) Suggest(ctx context.Context, corpus *assist.Corpus, code qda.ID, limit int) ([]assist.Suggestion, error) {
	c, err := p.codeRecord(code)
	if err != nil {
		return nil, err
	}
	if corpus == nil {
		if corpus, err = p.AssistCorpus(ctx, nil); err != nil {
			return nil, err
		}
	}
	ks, rej, err := p.assistInput()
	if err != nil {
		return nil, err
	}
	out, err := assist.Suggest(ctx, corpus, ks, code, rej, limit)
	var few assist.ErrTooFewExamples
	if errors.As(err, &few) {
		return nil, qda.Errorf(fmt.Sprintf("suggestions for %q", c.Name), fmt.Sprintf("it has %d codings", few.Have),
			fmt.Sprintf("code at least %d passages with it first: the assistant learns only from your codings", assist.MinExamples))
	}
	return out, err
}

// EvaluateAssistant holds out a fifth of each code's codings and scores the
// assistant and the baseline on them (see assist.Evaluate).
func (p *Project) EvaluateAssistant(ctx context.Context, progress func(Progress)) (*assist.Evaluation, error) {
	corpus, err := p.AssistCorpus(ctx, progress)
	if err != nil {
		return nil, err
	}
	ks, _, err := p.assistInput()
	if err != nil {
		return nil, err
	}
	return assist.Evaluate(ctx, corpus, ks, func(done, total int) {
		report(progress, Progress{Done: done, Total: total, Item: "training and testing codes"})
	})
}

// AcceptSuggestion codes span of doc with code as the coder "assistant,
// accepted by NAME" (NAME is this session's coder), one undoable action.
func (p *Project) AcceptSuggestion(doc qda.ID, span qda.Span, code qda.ID) (*qda.Coding, error) {
	var made *qda.Coding
	err := p.act(Change{Action: "Accept suggestion", Documents: []qda.ID{doc}, Codings: true}, func(tx *store.Tx) error {
		d, err := tx.Document(doc)
		if err != nil {
			return err
		}
		c, err := tx.Code(code)
		if err != nil {
			return err
		}
		who, err := tx.CoderByName(AssistantCoder(p.coder.Name))
		if err != nil {
			return err
		}
		have, err := tx.CodingsOf(doc)
		if err != nil {
			return err
		}
		for _, o := range have {
			if o.Code == code && o.Span == span && o.Coder == who.ID {
				made = &o
				return nil // accepted before: nothing to add
			}
		}
		k := &qda.Coding{ID: qda.NewID(), Document: doc, Code: code, Span: span, Coder: who.ID, Created: time.Now().UTC()}
		if err := k.CheckOn(d, c); err != nil {
			return err
		}
		made = k
		return tx.PutCoding(k)
	})
	return made, err
}

// RejectSuggestion remembers that span of doc is not code's, so the
// assistant learns from it and never suggests it again; one undoable action.
func (p *Project) RejectSuggestion(doc qda.ID, span qda.Span, code qda.ID) error {
	return p.act(Change{Action: "Reject suggestion"}, func(tx *store.Tx) error {
		t, err := tx.Text(doc)
		if err != nil {
			return err
		}
		r := []rune(t)
		if err := span.CheckIn(len(r)); err != nil {
			return err
		}
		if _, err := tx.Code(code); err != nil {
			return err
		}
		return tx.Reject(&store.Rejection{Code: code, Document: doc, Span: span, Text: span.Slice(r)})
	})
}

func (p *Project) codeRecord(id qda.ID) (*qda.Code, error) {
	var c *qda.Code
	err := p.view(func(tx *store.Tx) error {
		var err error
		c, err = tx.Code(id)
		return err
	})
	return c, err
}
