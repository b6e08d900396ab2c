package project

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"coder/codebook"
	"coder/qda"
	"coder/search"
	"coder/store"
)

// indexDir is where the project's search index lives: outside the project
// file (it is derived data), under the user cache folder, keyed by the
// project's UUID and a hash of the file's absolute path, so that two copies
// of one project (same UUID) never share an index.
func (p *Project) indexDir() (string, error) {
	root := p.opt.IndexDir
	if root == "" {
		cache, err := os.UserCacheDir()
		if err != nil {
			return "", &qda.Error{What: "search index", Why: "no cache folder: " + err.Error(), Fix: "set XDG_CACHE_HOME or HOME"}
		}
		root = filepath.Join(cache, "coder", "index")
	}
	info, err := p.Info()
	if err != nil {
		return "", err
	}
	abs, err := filepath.Abs(p.Path())
	if err != nil {
		abs = p.Path()
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(root, string(info.ID)+"-"+hex.EncodeToString(sum[:6])), nil
}

// OpenIndex makes sure the search index is open and reflects every change in
// the project file, rebuilding it (with progress, cancellable) when it is
// missing, stale or damaged. It returns whether a rebuild happened.
func (p *Project) OpenIndex(ctx context.Context, progress func(Progress)) (bool, error) {
	p.ixMu.Lock()
	defer p.ixMu.Unlock()
	stamp := p.Changes()
	if p.index != nil && p.index.Stamp() == stamp {
		return false, nil
	}
	if p.index != nil {
		p.index.Close()
		p.index = nil
	}
	dir, err := p.indexDir()
	if err != nil {
		return false, err
	}
	var prog func(done, total int)
	if progress != nil {
		prog = func(done, total int) { progress(Progress{Done: done, Total: total, Item: "search index"}) }
	}
	ix, rebuilt, err := search.OpenOrBuild(ctx, dir, stamp, func() (search.Corpus, error) { return p.corpus(stamp) }, prog)
	if err != nil {
		return false, fmt.Errorf("search index: %w", err)
	}
	p.index = ix
	return rebuilt, nil
}

// Reindex throws the search index away and builds it again.
func (p *Project) Reindex(ctx context.Context, progress func(Progress)) error {
	p.ixMu.Lock()
	if p.index != nil {
		p.index.Close()
		p.index = nil
	}
	dir, err := p.indexDir()
	p.ixMu.Unlock()
	if err != nil {
		return err
	}
	if err := os.RemoveAll(dir); err != nil {
		return fmt.Errorf("search index %s: %w", dir, err)
	}
	_, err = p.OpenIndex(ctx, progress)
	return err
}

// Search runs a query (see package search for the syntax) over the
// project's passages, and over coded segments and memos when opt.Units asks.
func (p *Project) Search(ctx context.Context, query string, opt search.Options) (*search.Result, error) {
	if _, err := p.OpenIndex(ctx, nil); err != nil {
		return nil, err
	}
	opt.Docs = p.Document
	p.ixMu.Lock()
	ix := p.index
	p.ixMu.Unlock()
	if ix == nil {
		return nil, errors.New("search index: not open")
	}
	return ix.Search(ctx, query, opt)
}

// CodeHits applies a code to every passage hit of a query: to each matched
// span, or to the whole passage when wholePassage is set. It is one action
// (one undo step) and returns how many codings it made.
func (p *Project) CodeHits(ctx context.Context, query string, code qda.ID, wholePassage bool) (int, error) {
	res, err := p.Search(ctx, query, search.Options{Limit: 100000, Units: []search.Unit{search.Passages}})
	if err != nil {
		return 0, err
	}
	var docs []qda.ID
	seen := map[qda.ID]bool{}
	for _, h := range res.Hits {
		if h.DocumentID != "" && !seen[h.DocumentID] {
			seen[h.DocumentID] = true
			docs = append(docs, h.DocumentID)
		}
	}
	n := 0
	err = p.act(Change{Action: "Code search hits", Documents: docs}, func(tx *store.Tx) error {
		for _, h := range res.Hits {
			if h.DocumentID == "" {
				continue
			}
			spans := h.Matches
			if wholePassage {
				spans = []qda.Span{h.Passage}
			}
			for _, s := range spans {
				if _, err := p.newCoding(tx, h.DocumentID, s, code); err != nil {
					return err
				}
				n++
			}
		}
		return nil
	})
	return n, err
}

// corpus describes the project for a full index build. Metadata is read up
// front; each document's text is read only when the builder asks for it, so
// a build never holds every text in memory.
func (p *Project) corpus(stamp uint64) (search.Corpus, error) {
	var meta *indexMeta
	var docs []qda.Document
	err := p.view(func(tx *store.Tx) error {
		var err error
		if meta, err = loadIndexMeta(tx); err != nil {
			return err
		}
		docs, err = tx.Documents()
		return err
	})
	if err != nil {
		return search.Corpus{}, err
	}
	return search.Corpus{
		Docs: len(docs),
		Doc: func(i int) (*search.DocInput, error) {
			var in *search.DocInput
			err := p.view(func(tx *store.Tx) error {
				var err error
				in, err = meta.docInput(tx, docs[i].ID)
				return err
			})
			return in, err
		},
		Memos: meta.memos,
		Stamp: stamp,
	}, nil
}

// indexMeta is everything but the texts that index units carry.
type indexMeta struct {
	paths   map[qda.ID]string
	coders  map[qda.ID]string
	cases   map[qda.ID][]qda.Case
	attrs   map[qda.ID][]search.Attr
	codings map[qda.ID][]search.CodingInput
	memos   []search.MemoInput
}

func loadIndexMeta(tx *store.Tx) (*indexMeta, error) {
	b, err := tx.Metadata()
	if err != nil {
		return nil, err
	}
	docs := b.Documents
	tree := codebook.NewTree(b.Codes)
	m := &indexMeta{
		paths: map[qda.ID]string{}, coders: map[qda.ID]string{}, cases: map[qda.ID][]qda.Case{},
		attrs: map[qda.ID][]search.Attr{}, codings: map[qda.ID][]search.CodingInput{},
	}
	for _, c := range b.Codes {
		m.paths[c.ID] = tree.Path(c.ID)
	}
	for _, c := range b.Coders {
		m.coders[c.ID] = c.Name
	}
	vars := map[qda.ID]string{}
	for _, v := range b.Variables {
		vars[v.ID] = v.Name
	}
	for _, v := range b.Values {
		m.attrs[v.Owner] = append(m.attrs[v.Owner], search.Attr{Name: vars[v.Variable], Value: v.Value})
	}
	names := map[qda.ID]string{}
	for _, c := range b.Cases {
		names[c.ID] = c.Name
		for _, d := range c.Documents {
			m.cases[d] = append(m.cases[d], c)
		}
	}
	for _, d := range docs {
		names[d.ID] = d.Name
	}
	for id, path := range m.paths {
		names[id] = path
	}
	for _, c := range b.Codings {
		m.codings[c.Document] = append(m.codings[c.Document], search.CodingInput{ID: c.ID, CodePath: m.paths[c.Code], Span: c.Span, Coder: m.coders[c.Coder], Memo: c.Memo})
		names[c.ID] = m.paths[c.Code]
	}
	for _, memo := range b.Memos {
		m.memos = append(m.memos, search.MemoInput{ID: memo.ID, On: memo.On, Target: memo.Target, TargetName: names[memo.Target], Title: memo.Title, Text: memo.Text, Coder: m.coders[memo.Coder]})
	}
	return m, nil
}

func (m *indexMeta) docInput(tx *store.Tx, id qda.ID) (*search.DocInput, error) {
	d, err := tx.DocumentWithText(id)
	if err != nil {
		return nil, err
	}
	in := &search.DocInput{Doc: d, Codings: m.codings[id], Attrs: append([]search.Attr(nil), m.attrs[id]...)}
	for _, c := range m.cases[id] {
		in.Cases = append(in.Cases, c.Name)
		in.Attrs = append(in.Attrs, m.attrs[c.ID]...)
	}
	return in, nil
}

// syncIndex brings an open index up to date after a committed change whose
// writes are ch, taking the store from counter before to before+1. If the
// index had missed an earlier change, it is closed instead, and the next
// search rebuilds it.
func (p *Project) syncIndex(ch *store.Changes, before uint64) {
	p.ixMu.Lock()
	defer p.ixMu.Unlock()
	ix := p.index
	if ix == nil {
		return
	}
	if ix.Stamp() != before {
		ix.Close()
		p.index = nil
		return
	}
	scope := ch.Scope()
	u := search.Update{RemoveDocs: scope.Removed, RemoveMemos: scope.MemosGone, Stamp: before + 1}
	err := p.view(func(tx *store.Tx) error {
		meta, err := loadIndexMeta(tx)
		if err != nil {
			return err
		}
		docs := scope.Documents
		if scope.Cases || scope.Codes {
			// Case names, attributes and code paths are copied into every
			// unit they describe: re-index every document.
			all, err := tx.Documents()
			if err != nil {
				return err
			}
			docs = docs[:0]
			for _, d := range all {
				docs = append(docs, d.ID)
			}
		}
		for _, id := range docs {
			in, err := meta.docInput(tx, id)
			if err != nil {
				return err
			}
			u.Docs = append(u.Docs, *in)
		}
		want := map[qda.ID]bool{}
		for _, id := range scope.Memos {
			want[id] = true
		}
		for _, m := range meta.memos {
			if want[m.ID] || scope.Codes || scope.Cases {
				u.Memos = append(u.Memos, m)
			}
		}
		return nil
	})
	if err == nil {
		err = ix.Apply(u)
	}
	if err != nil {
		// The index is derived: drop it and let the next search rebuild.
		ix.Close()
		p.index = nil
	}
}

func (p *Project) closeIndex() {
	p.ixMu.Lock()
	defer p.ixMu.Unlock()
	if p.index != nil {
		p.index.Close()
		p.index = nil
	}
}
