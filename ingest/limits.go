package ingest

// Limits that keep a hostile or broken file from exhausting memory. They are
// generous for real research material: a 500-page DOCX is a few megabytes of
// XML, a book-length EPUB a few hundred entries.
const (
	// DefaultMaxSize is the largest file imported when Options.MaxSize is 0.
	DefaultMaxSize = 100 << 20

	// MaxZipEntries is the most entries a DOCX, ODT or EPUB may hold.
	MaxZipEntries = 10000

	// MaxUnzipped caps the bytes read out of one zip-based file in total.
	// The budget for a file is 100 times its compressed size (XML compresses
	// about 10 to 20 times, so honest files stay well inside it), at least
	// minUnzipped so small files with one large XML part still open, and at
	// most MaxUnzipped.
	MaxUnzipped = 1 << 30
	minUnzipped = 64 << 20
	unzipRatio  = 100

	// MaxDepth is the deepest element nesting accepted in XML, HTML and RTF
	// groups. Real documents stay below 50; parsers that recurse or keep a
	// stack per level are safe at this depth.
	MaxDepth = 256
)

// unzipBudget returns how many decompressed bytes a zip file of size n may yield.
func unzipBudget(n int64) int64 {
	b := n * unzipRatio
	if b < minUnzipped {
		b = minUnzipped
	}
	if b > MaxUnzipped || b < 0 {
		b = MaxUnzipped
	}
	return b
}
