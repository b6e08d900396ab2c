package ui

import (
	"os"
	"path/filepath"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage/repository"

	"coder/qda"
)

// fileGuard stands in front of Fyne's file repository and refuses to open
// the project in use for writing. Fyne's save dialog opens (and empties)
// the file chosen before the app hears of it, so without the guard a save
// dialog pointed at the open project's own file, answered "Overwrite? Yes",
// destroyed the project whatever the app did next. Every other call goes
// through unchanged.
type fileGuard struct {
	base repository.Repository

	mu   sync.Mutex
	open func() string // the open project's path, "" for none
}

// guardFiles puts the guard in front of the "file" repository the driver
// registered (once; a later call only changes whose project it guards).
func guardFiles(open func() string) {
	base, err := repository.ForScheme("file")
	if err != nil {
		return
	}
	if g, ok := base.(*fileGuard); ok {
		g.mu.Lock()
		g.open = open
		g.mu.Unlock()
		return
	}
	repository.Register("file", &fileGuard{base: base, open: open})
}

// refuse says why u may not be written, or nil.
func (g *fileGuard) refuse(u fyne.URI) error {
	g.mu.Lock()
	open := g.open
	g.mu.Unlock()
	path := ""
	if open != nil {
		path = open()
	}
	if path == "" || u == nil {
		return nil
	}
	same := filepath.Clean(u.Path()) == filepath.Clean(path)
	if a, err := os.Stat(u.Path()); err == nil {
		if b, err := os.Stat(path); err == nil {
			same = same || os.SameFile(a, b)
		}
	}
	if !same {
		return nil
	}
	return &qda.Error{What: u.Path(), Why: "is the project open in this window, which this would overwrite", Fix: "choose another file name"}
}

func (g *fileGuard) Exists(u fyne.URI) (bool, error)               { return g.base.Exists(u) }
func (g *fileGuard) Reader(u fyne.URI) (fyne.URIReadCloser, error) { return g.base.Reader(u) }
func (g *fileGuard) CanRead(u fyne.URI) (bool, error)              { return g.base.CanRead(u) }
func (g *fileGuard) Destroy(scheme string)                         { g.base.Destroy(scheme) }

func (g *fileGuard) Writer(u fyne.URI) (fyne.URIWriteCloser, error) {
	if err := g.refuse(u); err != nil {
		return nil, err
	}
	if w, ok := g.base.(repository.WritableRepository); ok {
		return w.Writer(u)
	}
	return nil, repository.ErrOperationNotSupported
}

func (g *fileGuard) CanWrite(u fyne.URI) (bool, error) {
	if g.refuse(u) != nil {
		return false, nil
	}
	if w, ok := g.base.(repository.WritableRepository); ok {
		return w.CanWrite(u)
	}
	return false, nil
}

func (g *fileGuard) Delete(u fyne.URI) error {
	if err := g.refuse(u); err != nil {
		return err
	}
	if w, ok := g.base.(repository.WritableRepository); ok {
		return w.Delete(u)
	}
	return repository.ErrOperationNotSupported
}

func (g *fileGuard) Appender(u fyne.URI) (fyne.URIWriteCloser, error) {
	if err := g.refuse(u); err != nil {
		return nil, err
	}
	if a, ok := g.base.(repository.AppendableRepository); ok {
		return a.Appender(u)
	}
	return nil, repository.ErrOperationNotSupported
}

func (g *fileGuard) Parent(u fyne.URI) (fyne.URI, error) {
	if h, ok := g.base.(repository.HierarchicalRepository); ok {
		return h.Parent(u)
	}
	return repository.GenericParent(u)
}

func (g *fileGuard) Child(u fyne.URI, name string) (fyne.URI, error) {
	if h, ok := g.base.(repository.HierarchicalRepository); ok {
		return h.Child(u, name)
	}
	return repository.GenericChild(u, name)
}

func (g *fileGuard) CanList(u fyne.URI) (bool, error) {
	if l, ok := g.base.(repository.ListableRepository); ok {
		return l.CanList(u)
	}
	return false, nil
}

func (g *fileGuard) List(u fyne.URI) ([]fyne.URI, error) {
	if l, ok := g.base.(repository.ListableRepository); ok {
		return l.List(u)
	}
	return nil, repository.ErrOperationNotSupported
}

func (g *fileGuard) CreateListable(u fyne.URI) error {
	if l, ok := g.base.(repository.ListableRepository); ok {
		return l.CreateListable(u)
	}
	return repository.ErrOperationNotSupported
}

func (g *fileGuard) Copy(src, dst fyne.URI) error {
	if err := g.refuse(dst); err != nil {
		return err
	}
	if c, ok := g.base.(repository.CopyableRepository); ok {
		return c.Copy(src, dst)
	}
	return repository.GenericCopy(src, dst)
}

func (g *fileGuard) Move(src, dst fyne.URI) error {
	if err := g.refuse(src); err != nil {
		return err
	}
	if err := g.refuse(dst); err != nil {
		return err
	}
	if m, ok := g.base.(repository.MovableRepository); ok {
		return m.Move(src, dst)
	}
	return repository.GenericMove(src, dst)
}

func (g *fileGuard) DeleteAll(u fyne.URI) error {
	if err := g.refuse(u); err != nil {
		return err
	}
	if d, ok := g.base.(repository.DeleteAllRepository); ok {
		return d.DeleteAll(u)
	}
	return repository.ErrOperationNotSupported
}
