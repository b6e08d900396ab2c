package project

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

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
// missing, stale or damaged. It returns whether a rebuild happened. Actions
// may go on during a build: their changes are queued and applied to the new
// index when it is ready, so coding never waits for indexing.
func (p *Project) OpenIndex(ctx context.Context, progress func(Progress)) (bool, error) {
	p.buildMu.Lock() // one build at a time; a second caller waits for the first
	defer p.buildMu.Unlock()
	// No write may commit between reading the counter and marking the build
	// (it would be in neither the build nor the queue).
	p.actMu.Lock()
	p.ixMu.Lock()
	if progress != nil {
		p.healProgress = progress
	}
	stamp := p.Changes()
	current := p.index != nil && p.index.Stamp() == stamp
	if !current {
		if p.index != nil {
			p.index.Close()
			p.index = nil
		}
		p.building, p.pending = true, nil
	}
	p.ixMu.Unlock()
	p.actMu.Unlock()
	if current {
		return false, nil
	}

	var prog func(done, total int)
	if progress != nil {
		prog = func(done, total int) { progress(Progress{Done: done, Total: total, Item: "search index"}) }
	}
	var (
		ix      *search.Index
		rebuilt bool
		took    time.Duration
		dir     string
		err     error
	)
	if p.db.Encrypted() {
		// An encrypted project's text never reaches the disk in clear: its
		// index lives in memory, built afresh on every open.
		var c search.Corpus
		start := time.Now()
		if c, err = p.corpus(stamp); err == nil {
			ix, err = search.BuildInMemory(ctx, c, prog)
			rebuilt = true
		}
		took = time.Since(start)
	} else if dir, err = p.indexDir(); err == nil {
		var healed error
		ix, rebuilt, healed, err = search.OpenOrBuild(ctx, dir, stamp, func() (search.Corpus, error) { return p.corpus(stamp) }, prog)
		if healed != nil && err == nil {
			p.noteHealed(healed)
		}
	}
	if err == nil && dir != "" {
		// Note who uses this index, and clear out indexes of projects that
		// are gone or long unused, so the cache does not grow for ever.
		abs, _ := filepath.Abs(p.Path())
		search.MarkUsed(dir, abs)
		search.Prune(filepath.Dir(dir), dir, search.MaxIndexAge, search.MaxCacheBytes, time.Now())
	}

	p.ixMu.Lock()
	defer p.ixMu.Unlock()
	pending := p.pending
	p.building, p.pending = false, nil
	if err != nil {
		return false, fmt.Errorf("search index: %w", err)
	}
	p.index = ix
	if ix.InMemory() {
		p.builtInMemory(took)
	}
	for _, pc := range pending {
		// Re-indexing reads the current state, so applying a change the
		// build already saw does no harm; the stamp only moves forward.
		if err := p.applyChanges(ix, pc.changes, max(ix.Stamp(), pc.after)); err != nil {
			ix.Close()
			p.index = nil
			return false, fmt.Errorf("search index: catching up: %w", err)
		}
	}
	return rebuilt, nil
}

// noteHealed records, for Warnings, that the search index could not be used
// and was rebuilt from the project file (the truth).
func (p *Project) noteHealed(why error) {
	msg := why.Error()
	var qe *qda.Error
	if errors.As(why, &qe) {
		msg = qe.Why
		if qe.Err != nil {
			if cause, ok := strings.CutPrefix(qe.Err.Error(), search.ErrNeedsRebuild.Error()+": "); ok {
				msg += " (" + cause + ")"
			}
		}
	}
	p.ixMu.Lock()
	defer p.ixMu.Unlock()
	p.healed = append(p.healed, msg+"; it was rebuilt from the project")
}

// Each shard's list of segments is a bbolt file: the store's page checker
// reads it before bleve does.
func init() { search.VerifyBolt = store.VerifyFile }

// pendingChange is an action committed while the index was being built.
type pendingChange struct {
	changes *store.Changes
	after   uint64 // the store's change counter after it
}

// Reindex throws the search index away and builds it again.
func (p *Project) Reindex(ctx context.Context, progress func(Progress)) error {
	p.buildMu.Lock()
	p.ixMu.Lock()
	if p.index != nil {
		p.index.Close()
		p.index = nil
	}
	p.ixMu.Unlock()
	var dir string
	var err error
	if !p.db.Encrypted() {
		if dir, err = p.indexDir(); err == nil {
			err = os.RemoveAll(dir)
		}
	}
	p.buildMu.Unlock()
	if err != nil {
		return fmt.Errorf("search index %s: %w", dir, err)
	}
	_, err = p.OpenIndex(ctx, progress)
	return err
}

// Search runs a query (see package search for the syntax) over the
// project's passages, and over coded segments and memos when opt.Units asks.
func (p *Project) Search(ctx context.Context, query string, o SearchOptions) (*SearchResult, error) {
	if _, err := p.OpenIndex(ctx, nil); err != nil {
		return nil, err
	}
	opt := o.toSearch()
	opt.Docs = p.Document
	if read := p.textReader(); read != nil {
		// Each hit reads its own passage, not its whole document.
		opt.Docs, opt.Text = p.documentMeta, read
	}
	q, err := search.ParseQuery(query)
	if err != nil {
		return nil, queryErrorFrom(err)
	}
	if err := p.narrowSearch(q, &opt); err != nil {
		return nil, err
	}
	p.ixMu.Lock()
	ix := p.index
	p.ixMu.Unlock()
	if ix == nil {
		return nil, errors.New("search index: not open")
	}
	res, err := ix.SearchQuery(ctx, q, opt)
	if errors.Is(err, search.ErrClosed) {
		// An in-memory index was swapped for a fresh one (memindex.go)
		// between taking it and asking it: ask the new one.
		p.ixMu.Lock()
		ix = p.index
		p.ixMu.Unlock()
		if ix != nil {
			res, err = ix.SearchQuery(ctx, q, opt)
		}
	}
	if errors.Is(err, search.ErrNeedsRebuild) {
		// An index that cannot be read heals like a missing one: it is
		// rebuilt, with the progress the app or the CLI last asked for,
		// and asked again.
		p.ixMu.Lock()
		progress := p.healProgress
		p.ixMu.Unlock()
		p.noteHealed(err)
		if err := p.Reindex(ctx, progress); err != nil {
			return nil, err
		}
		p.ixMu.Lock()
		ix = p.index
		p.ixMu.Unlock()
		if ix == nil {
			return nil, errors.New("search index: not open")
		}
		res, err = ix.SearchQuery(ctx, q, opt)
	}
	if err != nil {
		return nil, queryErrorFrom(err)
	}
	return resultFrom(res), nil
}

// corpus describes the project for a full index build. Metadata is read up
// front; each document is read only when the builder asks for it, and its
// text a piece at a time as the builder goes, so a build never holds every
// text in memory, nor all of one long text.
func (p *Project) corpus(stamp uint64) (search.Corpus, error) {
	var meta *indexMeta
	var ids []qda.ID
	err := p.view(func(tx *store.Tx) error {
		var err error
		if meta, err = loadIndexMeta(tx, true); err != nil {
			return err
		}
		docs, err := tx.Documents()
		for _, d := range docs {
			ids = append(ids, d.ID)
		}
		return err
	})
	if err != nil {
		return search.Corpus{}, err
	}
	meta.text = p.textReader()
	return search.Corpus{
		Docs: len(ids),
		Doc: func(i int) (*search.DocInput, error) {
			var in *search.DocInput
			err := p.view(func(tx *store.Tx) error {
				var err error
				in, err = meta.docInput(tx, ids[i])
				return err
			})
			return in, err
		},
		Memos: meta.memos,
		Stamp: stamp,
	}, nil
}

// textReader returns what reads pieces of a document's text (see
// spanReader), or nil for an encrypted project: its texts are sealed whole,
// so reading a piece would open all of it, and they are read whole, once.
func (p *Project) textReader() func(d *qda.Document) search.SpanReader {
	if p.db.Encrypted() {
		return nil
	}
	return p.spanReader
}

// spanReader reads pieces of document d's text, each call in a read
// transaction of its own, so an index build reading a long text piece by
// piece never holds up an action. The cursor walks the text once however
// many pieces are read in order (see store.TextCursor); it serves one
// goroutine.
func (p *Project) spanReader(d *qda.Document) search.SpanReader {
	cur := store.NewTextCursor(d.ID, d.Chars)
	return func(spans []qda.Span) ([]string, error) {
		var out []string
		err := p.view(func(tx *store.Tx) error {
			var err error
			out, err = cur.Spans(tx, spans)
			return err
		})
		return out, err
	}
}

// documentMeta returns a document's record and passages, without its text.
func (p *Project) documentMeta(id qda.ID) (*qda.Document, error) {
	var d *qda.Document
	err := p.view(func(tx *store.Tx) error {
		var err error
		d, err = tx.Document(id)
		return err
	})
	return d, err
}

// indexMeta is everything but the texts that index units carry. A full one
// (for a build) holds every coding and memo; a light one (for an update after
// one action) reads a document's codings and a memo's target when asked, so
// that one coding costs work in proportion to its document, not the project.
type indexMeta struct {
	paths   map[qda.ID]string
	coders  map[qda.ID]string
	cases   map[qda.ID][]qda.Case // by document
	attrs   map[qda.ID][]search.Attr
	codings map[qda.ID][]search.CodingInput // by document; nil when light
	memos   []search.MemoInput              // full only
	// text, when not nil, makes documents' texts read a piece at a time
	// (see Project.textReader); with nil they are read whole.
	text func(d *qda.Document) search.SpanReader
}

func loadIndexMeta(tx *store.Tx, full bool) (*indexMeta, error) {
	codes, err := tx.Codes()
	if err != nil {
		return nil, err
	}
	coders, err := tx.Coders()
	if err != nil {
		return nil, err
	}
	cases, err := tx.Cases()
	if err != nil {
		return nil, err
	}
	vars, err := tx.Variables()
	if err != nil {
		return nil, err
	}
	values, err := tx.Values()
	if err != nil {
		return nil, err
	}
	tree := codebook.NewTree(codes)
	m := &indexMeta{paths: map[qda.ID]string{}, coders: map[qda.ID]string{}, cases: map[qda.ID][]qda.Case{}, attrs: map[qda.ID][]search.Attr{}}
	for _, c := range codes {
		m.paths[c.ID] = tree.Path(c.ID)
	}
	for _, c := range coders {
		m.coders[c.ID] = c.Name
	}
	varName := map[qda.ID]string{}
	for _, v := range vars {
		varName[v.ID] = v.Name
	}
	for _, v := range values {
		m.attrs[v.Owner] = append(m.attrs[v.Owner], search.Attr{Name: varName[v.Variable], Value: v.Value})
	}
	for _, c := range cases {
		for _, d := range c.Documents {
			m.cases[d] = append(m.cases[d], c)
		}
	}
	if !full {
		return m, nil
	}
	codings, err := tx.Codings()
	if err != nil {
		return nil, err
	}
	m.codings = map[qda.ID][]search.CodingInput{}
	for _, c := range codings {
		m.codings[c.Document] = append(m.codings[c.Document], m.codingInput(c))
	}
	memos, err := tx.Memos()
	if err != nil {
		return nil, err
	}
	for _, memo := range memos {
		m.memos = append(m.memos, m.memoInput(tx, memo))
	}
	return m, nil
}

func (m *indexMeta) codingInput(c qda.Coding) search.CodingInput {
	return search.CodingInput{ID: c.ID, CodePath: m.paths[c.Code], Span: c.Span, Coder: m.coders[c.Coder], Memo: c.Memo}
}

// memoInput names what a memo is on: a document's name, a code's path, the
// path of a coding's code, or a case's name.
func (m *indexMeta) memoInput(tx *store.Tx, memo qda.Memo) search.MemoInput {
	in := search.MemoInput{ID: memo.ID, On: memo.On, Target: memo.Target, Title: memo.Title, Text: memo.Text, Coder: m.coders[memo.Coder]}
	switch memo.On {
	case qda.OnDocument:
		if d, err := tx.Document(memo.Target); err == nil {
			in.TargetName = d.Name
		}
	case qda.OnCode:
		in.TargetName = m.paths[memo.Target]
	case qda.OnCoding:
		if c, err := tx.Coding(memo.Target); err == nil {
			in.TargetName = m.paths[c.Code]
		}
	case qda.OnCase:
		if c, err := tx.Case(memo.Target); err == nil {
			in.TargetName = c.Name
		}
	}
	return in
}

func (m *indexMeta) docInput(tx *store.Tx, id qda.ID) (*search.DocInput, error) {
	var d *qda.Document
	var err error
	if m.text != nil {
		d, err = tx.Document(id)
	} else {
		d, err = tx.DocumentWithText(id)
	}
	if err != nil {
		return nil, err
	}
	in := &search.DocInput{Doc: d, Attrs: append([]search.Attr(nil), m.attrs[id]...)}
	if m.text != nil {
		in.Spans = m.text(d)
	}
	if m.codings != nil {
		in.Codings = m.codings[id]
	} else {
		codings, err := tx.CodingsOf(id)
		if err != nil {
			return nil, err
		}
		for _, c := range codings {
			in.Codings = append(in.Codings, m.codingInput(c))
		}
	}
	for _, c := range m.cases[id] {
		in.Cases = append(in.Cases, c.Name)
		in.Attrs = append(in.Attrs, m.attrs[c.ID]...)
	}
	return in, nil
}

// syncIndex brings an open index up to date after a committed change whose
// writes are ch, taking the store from counter before to before+1. During a
// build the change is queued for it. If the index had missed an earlier
// change, it is closed instead, and the next search rebuilds it.
func (p *Project) syncIndex(ch *store.Changes, before uint64) {
	p.ixMu.Lock()
	defer p.ixMu.Unlock()
	if p.building {
		p.pending = append(p.pending, pendingChange{ch, before + 1})
		return
	}
	ix := p.index
	if ix == nil {
		return
	}
	if ix.Stamp() != before {
		ix.Close()
		p.index = nil
		return
	}
	if err := p.applyChanges(ix, ch, before+1); err != nil {
		// The index is derived: drop it and let the next search rebuild.
		ix.Close()
		p.index = nil
		return
	}
	p.notedMemUpdate(ix, pendingChange{ch, before + 1})
}

// applyChanges re-indexes what ch touched, reading the project as it is now,
// and records stamp.
func (p *Project) applyChanges(ix *search.Index, ch *store.Changes, stamp uint64) error {
	scope := ch.Scope()
	u := search.Update{RemoveDocs: scope.Removed, RemoveMemos: scope.MemosGone, Stamp: stamp}
	err := p.view(func(tx *store.Tx) error {
		meta, err := loadIndexMeta(tx, false)
		if err != nil {
			return err
		}
		meta.text = p.textReader()
		if scope.OnlyCodings && len(scope.Codings) > 0 {
			return meta.partialUpdate(tx, scope.Codings, &u)
		}
		docs := scope.Documents
		switch {
		case scope.Cases:
			// Case names and attributes are copied into every unit of
			// their documents: re-index them all.
			all, err := tx.Documents()
			if err != nil {
				return err
			}
			docs = docs[:0]
			for _, d := range all {
				docs = append(docs, d.ID)
			}
		case scope.Codes:
			// Code paths are copied into the units they are applied to:
			// re-index the documents that have codings.
			codings, err := tx.Codings()
			if err != nil {
				return err
			}
			seen := map[qda.ID]bool{}
			for _, id := range docs {
				seen[id] = true
			}
			for _, c := range codings {
				if !seen[c.Document] {
					seen[c.Document] = true
					docs = append(docs, c.Document)
				}
			}
		}
		for _, id := range docs {
			in, err := meta.docInput(tx, id)
			if errors.Is(err, qda.ErrNotFound) {
				continue // deleted by a later action
			}
			if err != nil {
				return err
			}
			u.Docs = append(u.Docs, *in)
		}
		memos := scope.Memos
		if scope.Codes || scope.Cases {
			// Memos carry the names of what they are on.
			all, err := tx.Memos()
			if err != nil {
				return err
			}
			memos = memos[:0]
			for _, m := range all {
				memos = append(memos, m.ID)
			}
		}
		for _, id := range memos {
			m, err := tx.Memo(id)
			if errors.Is(err, qda.ErrNotFound) {
				continue
			}
			if err != nil {
				return err
			}
			u.Memos = append(u.Memos, meta.memoInput(tx, *m))
		}
		return nil
	})
	if err != nil {
		return err
	}
	return ix.Apply(u)
}

// partialUpdate fills u with the few units that codings added, changed or
// removed affect: the passages their spans overlap (whose code lists change)
// and their own coded segments.
func (m *indexMeta) partialUpdate(tx *store.Tx, changed []store.CodingChange, u *search.Update) error {
	byDoc := map[qda.ID][]store.CodingChange{}
	var order []qda.ID
	for _, c := range changed {
		if _, ok := byDoc[c.Document]; !ok {
			order = append(order, c.Document)
		}
		byDoc[c.Document] = append(byDoc[c.Document], c)
	}
	for _, doc := range order {
		in, err := m.docInput(tx, doc)
		if errors.Is(err, qda.ErrNotFound) {
			continue // deleted since; its removal re-indexes it
		}
		if err != nil {
			return err
		}
		pa := search.Partial{In: *in}
		seen := map[int]bool{}
		for _, c := range byDoc[doc] {
			pa.Codings = append(pa.Codings, c.ID)
			for _, sp := range c.Spans {
				if len(in.Doc.Passages) == 0 {
					seen[0] = true
				}
				for i, p := range in.Doc.Passages {
					if p.Span.Overlaps(sp) {
						seen[i] = true
					}
				}
			}
		}
		for i := range seen {
			pa.Passages = append(pa.Passages, i)
		}
		u.Partial = append(u.Partial, pa)
	}
	return nil
}

func (p *Project) closeIndex() {
	p.ixMu.Lock()
	defer p.ixMu.Unlock()
	p.mem.stop()
	if p.index != nil {
		p.index.Close()
		p.index = nil
	}
}
