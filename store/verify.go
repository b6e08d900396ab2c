package store

// VerifyFile reads every page of the bbolt file at path that its tree
// reaches, with plain reads rather than bbolt's memory map, and returns the
// first problem, or nil when bbolt can open and read the file without
// tripping. It knows nothing of projects: the search index checks the bbolt
// files bleve keeps with it.
func VerifyFile(path string) error { return verifyFile(path) }
