package search_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"coder/qda"
	"coder/search"
)

// The project layer's round trip: build the index beside the project from a
// snapshot, keep it in step as the researcher codes, and search it.
func Example() {
	cache, _ := os.MkdirTemp("", "coder-example-")
	defer os.RemoveAll(cache)
	b := fixture()
	dir := filepath.Join(cache, "index", string(b.Project.ID))

	// On opening the project: reuse the index if its stamp matches the
	// store's change counter, otherwise rebuild it with progress.
	ix, rebuilt, _, err := search.OpenOrBuild(context.Background(), dir, 7,
		func() (search.Corpus, error) { return search.CorpusFromBundle(b, 7), nil },
		func(done, total int) {})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer ix.Close()
	fmt.Println("rebuilt:", rebuilt)

	// After the researcher codes a passage: re-index that document.
	in, _ := search.CorpusFromBundle(b, 8).Doc(1)
	in.Codings = append(in.Codings, search.CodingInput{
		ID: qda.NewID(), CodePath: "Political logic/Quota pressure",
		Span: spanOf(b.Documents[1], "They told us to mobilise"), Coder: "Ann",
	})
	if err := ix.IndexDocument(*in, 8); err != nil {
		fmt.Println(err)
		return
	}

	res, err := ix.Search(context.Background(), `mobilise code:"Political logic"`, search.Options{Docs: lookupIn(b)})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("total:", res.Total)
	for _, h := range res.ByDocument() {
		fmt.Printf("%s (%d): %s\n", h.Name, h.Total, h.Hits[0].Snippet)
	}
	// Unordered output:
	// rebuilt: true
	// total: 2
	// Interview 01 - Village head (1): We «mobilised» every household within a week. The township sent a quota and we had to meet it.
	// Interview 02 - Resident (1): They told us to «mobilise» for the reservoir work. Nobody asked about our harvest.
}
