// Package search keeps a project's full-text index: a bleve index derived from
// the project file and kept beside it (never inside it), stamped with the
// store's change counter so the caller can tell when it is stale.
//
// It indexes three kinds of unit: passages (paragraphs and speaker turns, the
// unit of a hit), coded segments and memos. One analyzer serves English and
// Chinese in the same field: Unicode word segmentation, width folding and lower
// case, CJK characters indexed both singly and as overlapping pairs, and an
// English stem token beside every word it changes. Queries use a small syntax
// made for researchers (see ParseQuery), and hits report rune spans into the
// document's text, the unit the rest of Coder speaks.
//
// On disk the index is a few bleve indexes (shards, one per core up to two),
// each holding whole documents, so a build keeps every core busy; searches
// ask all shards at once and merge the answers in a fixed order.
package search
