// Package project is the application service: an open project is the store
// and its search index kept in step, and every operation the GUI and the CLI
// offer is a method here, one transaction per user action, with undo and redo
// and progress reporting for long work. Neither the GUI nor the CLI touches
// the store directly.
package project

import (
	"errors"
	"fmt"
	"os"
	"os/user"
	"strings"
	"sync"
	"time"

	"coder/codebook"
	"coder/qda"
	"coder/search"
	"coder/store"
)

// Project is an open project file.
type Project struct {
	db    *store.DB
	coder qda.Coder
	opt   Options

	actMu    sync.Mutex    // held while a write commits and the index follows it
	buildMu  sync.Mutex    // held for a whole index build
	ixMu     sync.Mutex    // guards the fields below
	index    *search.Index // nil until the first search; see OpenIndex
	building bool          // an index build is under way
	pending  []pendingChange
	mem      memIndex // an in-memory index's refresh (see memindex.go)
	// healProgress is the progress OpenIndex was last given, shown again
	// when a search finds the index damaged and rebuilds it.
	healProgress func(Progress)
	// healed says, for Warnings, why a search index that was there had to
	// be rebuilt (it was damaged), once per project opened.
	healed []string

	mu      sync.Mutex
	history history
	watch   []func(Change)

	analysis analysisCache // the last analysis snapshot, see Analysis
	assist   assistCache   // the assistant's features, see assist.go
}

// Change tells watchers what an action touched, so views refresh only what
// they show and the search index re-indexes only what changed.
type Change struct {
	Action    string   // the user-facing name of the action, e.g. "Apply code"
	Documents []qda.ID // documents whose text-bound data changed (codings, attributes, cases)
	Removed   []qda.ID // documents that no longer exist
	Codebook  bool     // codes added, renamed, moved, recoloured or deleted
	Cases     bool     // cases or their attributes changed
	Memos     bool     // memos changed
	// Codings is set when the action only added or removed codings (on
	// Documents), so views can update counts and highlights without
	// re-reading the codebook.
	Codings bool
	All     bool // anything may have changed (undo, redo, bulk import)
}

// Options configure Create and Open.
type Options struct {
	// Coder is the name recorded on codings and memos; "" means the
	// operating-system user's name.
	Coder string
	// ReadOnly, Backups, BackupEvery, BackupOnClose and Holder are passed
	// to the store (see store.Options).
	ReadOnly      bool
	Backups       int
	BackupEvery   time.Duration
	BackupOnClose bool
	Holder        string
	// IndexDir is the folder that holds search indexes, one per project
	// UUID; "" means the user cache folder.
	IndexDir string
	// Passphrase unlocks an encrypted project; given to Create, it makes
	// the new project encrypted (see store.Options.Passphrase).
	Passphrase string
}

// CreateOptions configure a new project.
type CreateOptions struct {
	Options
	Name     string // project name; "" means the file name
	Codebook string // "logics", "empty" or a path to a .qdc file
}

// Create makes a new project file with a codebook from a template.
func Create(path string, opt CreateOptions) (*Project, error) {
	codes, err := startingCodebook(opt.Codebook)
	if err != nil {
		return nil, err
	}
	name := opt.Name
	if name == "" {
		name = fileStem(path)
	}
	db, err := store.Create(path, qda.Project{ID: qda.NewID(), Name: name, Created: time.Now().UTC()}, opt.store())
	if err != nil {
		return nil, err
	}
	p, err := attach(db, opt.Options)
	if err != nil {
		db.Close()
		os.Remove(path)
		return nil, err
	}
	if len(codes) > 0 {
		err = db.Update(func(tx *store.Tx) error {
			return tx.PutBundle(&qda.Bundle{Codes: codes})
		})
		if err != nil {
			p.Close()
			os.Remove(path)
			return nil, fmt.Errorf("writing the starting codebook: %w", err)
		}
	}
	return p, nil
}

// Open opens an existing project file.
func Open(path string, opt Options) (*Project, error) {
	db, err := store.Open(path, opt.store())
	if err != nil {
		return nil, err
	}
	p, err := attach(db, opt)
	if err != nil {
		db.Close()
		return nil, err
	}
	return p, nil
}

func (opt Options) store() store.Options {
	return store.Options{ReadOnly: opt.ReadOnly, Backups: opt.Backups, BackupEvery: opt.BackupEvery, BackupOnClose: opt.BackupOnClose, Holder: opt.Holder, Passphrase: opt.Passphrase}
}

func attach(db *store.DB, opt Options) (*Project, error) {
	name := opt.Coder
	if name == "" {
		name = defaultCoderName()
	}
	p := &Project{db: db, opt: opt}
	c, err := p.coderNamed(name)
	if err != nil {
		return nil, err
	}
	p.coder = c
	return p, nil
}

// coderNamed returns the project's coder with this name, or a new one. A
// new coder is written with the first action that needs it, so merely
// opening a project, or naming oneself, never changes it.
func (p *Project) coderNamed(name string) (qda.Coder, error) {
	var found qda.Coder
	err := p.db.View(func(tx *store.Tx) error {
		cs, err := tx.Coders()
		for _, c := range cs {
			if c.Name == name {
				found = c
			}
		}
		return err
	})
	if err != nil {
		return qda.Coder{}, err
	}
	if found.ID == "" {
		found = qda.Coder{ID: qda.NewID(), Name: name}
	}
	return found, nil
}

// SetCoder makes name the coder recorded on every coding and memo this
// session makes from now on (the GUI's "Coder name…"); a name the project
// already knows is the same coder as before.
func (p *Project) SetCoder(name string) error {
	name = strings.TrimSpace(name)
	if name == "" {
		return qda.Errorf("coder name", "it is empty", "type the name your codings should carry")
	}
	c, err := p.coderNamed(name)
	if err != nil {
		return err
	}
	p.actMu.Lock() // not while an action is writing the coder it read
	p.coder = c
	p.actMu.Unlock()
	return nil
}

func defaultCoderName() string {
	if u, err := user.Current(); err == nil {
		return accountName(u.Name, u.Username)
	}
	return "Researcher"
}

// accountName is the name to code as, from an account's full name and login:
// the full name without the GECOS extras after its first comma ("Li Na,,,"),
// else the login without a Windows domain ("LAB-PC\lina" -> "lina").
func accountName(full, login string) string {
	if i := strings.IndexByte(full, ','); i >= 0 {
		full = full[:i]
	}
	if n := strings.TrimSpace(full); n != "" {
		return n
	}
	if i := strings.LastIndexByte(login, '\\'); i >= 0 {
		login = login[i+1:]
	}
	if n := strings.TrimSpace(login); n != "" {
		return n
	}
	return "Researcher"
}

// Close releases the project file.
func (p *Project) Close() error {
	p.closeIndex()
	return p.db.Close()
}

// Path returns the project file's path.
func (p *Project) Path() string { return p.db.Path() }

// Coder returns who this session codes as.
func (p *Project) Coder() qda.Coder { return p.coder }

// Watch registers fn to be called after every committed change. Calls come on
// the goroutine that made the change; GUI code must hop to its own thread.
func (p *Project) Watch(fn func(Change)) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.watch = append(p.watch, fn)
}

func (p *Project) notify(c Change) {
	p.mu.Lock()
	fns := append([]func(Change){}, p.watch...)
	p.mu.Unlock()
	for _, fn := range fns {
		fn(c)
	}
}

// act runs one user action as one transaction, records it for undo, and
// tells watchers. The coder is written in the same transaction if new.
func (p *Project) act(c Change, fn func(tx *store.Tx) error) error {
	b := p.begin()
	err := b.do(fn)
	b.end(c)
	return err
}

// action is one user action made of one or more transactions (an import
// commits each file on its own). Every action, single or batched, goes
// through begin, do and end: do writes the session's coder if new, end
// records the whole action as one undo step and tells watchers once.
type action struct {
	p   *Project
	all *store.Changes
}

func (p *Project) begin() *action { return &action{p: p} }

// errNoChange rolls back an action's transaction that only recorded its
// coder (see do).
var errNoChange = errors.New("nothing changed")

// do commits fn as one transaction of the action.
func (a *action) do(fn func(tx *store.Tx) error) error {
	p := a.p
	ch, err := p.record(func(tx *store.Tx) error {
		tx.SetEditor(p.coder.ID, time.Now())
		joined := false
		if _, err := tx.Coder(p.coder.ID); errors.Is(err, qda.ErrNotFound) {
			if err := tx.PutCoder(&p.coder); err != nil {
				return err
			}
			joined = true
		}
		before := tx.Writes()
		if err := fn(tx); err != nil {
			return err
		}
		if joined && tx.Writes() == before {
			// The coder joins the project with their first change, not
			// with an action that changed nothing: roll back, leaving no
			// undo step.
			return errNoChange
		}
		return nil
	})
	if errors.Is(err, errNoChange) {
		return nil
	}
	if err != nil || ch.Empty() {
		return err
	}
	if a.all == nil {
		a.all = ch
	} else {
		a.all.Append(ch)
	}
	return nil
}

// end records what the action wrote as one undo step named by c and
// notifies watchers; an action that wrote nothing leaves no trace.
func (a *action) end(c Change) {
	if a.all == nil || a.all.Empty() {
		return
	}
	p := a.p
	p.actMu.Lock() // an undo chooses and pops its step under actMu
	p.mu.Lock()
	p.history.push(c, a.all)
	p.mu.Unlock()
	p.actMu.Unlock()
	p.notify(c)
}

// record runs fn as one transaction; see commit.
func (p *Project) record(fn func(tx *store.Tx) error) (*store.Changes, error) {
	return p.commit(func() (*store.Changes, error) { return p.db.Record(fn) })
}

// commit runs one write against the store and brings an open search index
// along before anyone else may write or check the index, so the index is
// never seen behind the store for a change that is about to reach it.
func (p *Project) commit(write func() (*store.Changes, error)) (*store.Changes, error) {
	p.actMu.Lock()
	defer p.actMu.Unlock()
	return p.commitLocked(write)
}

// commitLocked is commit for a caller that already holds actMu.
func (p *Project) commitLocked(write func() (*store.Changes, error)) (*store.Changes, error) {
	before := p.Changes()
	ch, err := write()
	if err != nil || ch.Empty() {
		return ch, err
	}
	p.syncIndex(ch, before)
	return ch, nil
}

func (p *Project) view(fn func(tx *store.Tx) error) error { return p.db.View(fn) }

// Info returns the project's identity.
func (p *Project) Info() (qda.Project, error) {
	var info qda.Project
	err := p.view(func(tx *store.Tx) error {
		var err error
		info, err = tx.Project()
		return err
	})
	return info, err
}

// Changes returns the store's change counter (see store.Tx.Changes).
func (p *Project) Changes() uint64 {
	var n uint64
	p.view(func(tx *store.Tx) error { n = tx.Changes(); return nil })
	return n
}

// BackupDir returns the folder where Coder keeps a project file's rotating
// backups, so messages can point researchers to it.
func BackupDir(path string) string { return store.BackupDir(path) }

// Check verifies the project file; see store.DB.Check.
func (p *Project) Check() ([]Problem, error) {
	probs, err := p.db.Check()
	return problemsFrom(probs), err
}

// Bundle reads the whole project into memory, for export.
func (p *Project) Bundle() (*qda.Bundle, error) {
	var b *qda.Bundle
	err := p.view(func(tx *store.Tx) error {
		var err error
		b, err = tx.Bundle()
		return err
	})
	return b, err
}

func startingCodebook(choice string) ([]qda.Code, error) {
	if strings.HasSuffix(strings.ToLower(choice), ".qdc") {
		return readQDC(choice)
	}
	codes, err := codebook.FromTemplate(choice)
	if err != nil {
		return nil, &qda.Error{What: "codebook", Why: err.Error()}
	}
	return codes, nil
}

func fileStem(path string) string {
	base := path[strings.LastIndexAny(path, `/\`)+1:]
	if i := strings.LastIndex(base, "."); i > 0 {
		base = base[:i]
	}
	return base
}
