package bench

import (
	"context"
	"path/filepath"
	"time"

	"coder/project"
)

// RunApp measures the path a researcher takes: import the corpus files into
// a new project (read, decode, split into turns, commit to the project file)
// and then build the search index from the project file. It returns the two
// times; the index build here includes reading every text back from the store.
func RunApp(c *Corpus, work string) (store, index time.Duration, err error) {
	p, err := project.Create(filepath.Join(work, "bench.coder"), project.CreateOptions{
		Codebook: "empty",
		Options:  project.Options{Backups: -1, IndexDir: filepath.Join(work, "app-index")},
	})
	if err != nil {
		return 0, 0, err
	}
	defer p.Close()
	began := time.Now()
	if _, err := p.Import(context.Background(), []string{filepath.Join(c.Dir, "docs")}, project.ImportOptions{}, nil); err != nil {
		return 0, 0, err
	}
	store = time.Since(began)
	began = time.Now()
	if _, err := p.OpenIndex(context.Background(), nil); err != nil {
		return 0, 0, err
	}
	return store, time.Since(began), nil
}
