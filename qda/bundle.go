package qda

// Bundle is a whole project in memory: what an export writes, an import reads,
// a merge combines and the demo project is built from. Slices are in no
// particular order unless a producer documents one.
type Bundle struct {
	Project   Project    `json:"project"`
	Coders    []Coder    `json:"coders"`
	Codes     []Code     `json:"codes"`
	Documents []Document `json:"documents"` // with Text filled in
	Codings   []Coding   `json:"codings"`
	Cases     []Case     `json:"cases"`
	Variables []Variable `json:"variables"`
	Values    []Value    `json:"values"`
	Memos     []Memo     `json:"memos"`
	CodeSets  []CodeSet  `json:"code_sets,omitempty"`
	// Tombstones record deletions, for merging (see Tombstone).
	Tombstones []Tombstone `json:"tombstones,omitempty"`
	// Rejections are the assistant's rejected suggestions: a project file
	// keeps them and a merge unites them; REFI-QDA has no place for them.
	Rejections []Rejection `json:"rejections,omitempty"`
}
