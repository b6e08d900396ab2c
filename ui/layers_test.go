package ui

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"testing"
)

// belowProject are the packages of Coder under the application layer that
// the window must not import: search, storage, file reading and exchange
// formats reach it only through project's own types. (coder/analysis is not
// listed yet: the Analysis tab still renders its tables directly.)
var belowProject = map[string]bool{
	"coder/search":   true,
	"coder/store":    true,
	"coder/ingest":   true,
	"coder/exchange": true,
}

// Ensure that no file of package ui (whatever its build tags, tests
// included) imports a Coder package below project: coder/search,
// coder/store, coder/ingest or coder/exchange.
func TestLayers_UIImportsOnlyProjectQDACodebook(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("no Go files found (%v)", err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		f, err := parser.ParseFile(fset, name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if belowProject[path] {
				t.Errorf("%s imports %s; the window talks to project (and qda, codebook), never below it", name, path)
			}
		}
	}
}
