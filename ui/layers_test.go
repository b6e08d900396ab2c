package ui

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// allowedCoderImports are the packages of Coder the window may import: the
// application layer, the vocabulary, the codebook, and the embedded assets.
// Search, storage, file reading and exchange formats sit below project and
// reach the window only through project's own types.
var allowedCoderImports = map[string]bool{
	"coder/project":  true,
	"coder/qda":      true,
	"coder/codebook": true,
	"coder/assets":   true,
	"coder/ui":       true, // external tests of this package
}

// Ensure that no file of package ui (whatever its build tags, tests
// included) imports a Coder package below project, such as coder/search,
// coder/store or coder/ingest.
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
			if strings.HasPrefix(path, "coder/") && !allowedCoderImports[path] {
				t.Errorf("%s imports %s; the window talks to project (and qda, codebook) only", name, path)
			}
		}
	}
}
