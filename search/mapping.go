package search

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"
)

// Field names in the index. Fields ending in "i" hold a lower-cased copy for
// case-insensitive filters; their plain twins keep the original spelling for
// display and facets.
const (
	fType       = "type"       // unit kind: unitPassage, unitSegment, unitMemo
	fText       = "text"       // analysed text; segments and memos add their note as a second value
	fDoc        = "doc"        // document ID (stored, faceted)
	fDocName    = "docnamei"   // document name, lower case
	fKind       = "kind"       // document kind
	fCase       = "case"       // case names (stored, faceted)
	fCaseI      = "casei"      // case names, lower case
	fAttr       = "attr"       // "name=value", lower case
	fSpeaker    = "speakeri"   // passage speaker, lower case
	fCode       = "code"       // code paths (stored, faceted)
	fCodeI      = "codei"      // code paths, lower case
	fCoder      = "coder"      // who coded a segment or wrote a memo (stored)
	fCoderI     = "coderi"     // coders, lower case: a unit's own, or every coder of a passage's codings
	fSpan       = "span"       // segment span "start:end" in runes (stored)
	fBody       = "body"       // memo text and coding notes (stored only, for snippets)
	fTitle      = "title"      // memo title (stored)
	fOn         = "on"         // memo target kind (stored)
	fTarget     = "target"     // memo target ID (stored)
	fTargetName = "targetname" // memo target name (stored)
)

// Unit kinds as the type field stores them.
const (
	unitPassage = "p"
	unitSegment = "s"
	unitMemo    = "m"
)

// Indexing options per field. Only the text field keeps positions (phrase
// queries need them); nothing keeps byte offsets for highlighting because
// matches are found again in the returned hits' text. Only the three facet
// fields keep doc values, and only what a hit shows is stored.
const (
	optText    = index.IndexField | index.IncludeTermVectors
	optFilter  = index.IndexField | index.SkipFreqNorm
	optFacet   = index.IndexField | index.StoreField | index.DocValues | index.SkipFreqNorm
	optStored  = index.StoreField
	optStoreIx = index.IndexField | index.StoreField | index.SkipFreqNorm
)

// newMapping describes the fields to bleve. Documents are built directly as
// bleve documents (see units.go), so the mapping matters for the index's own
// metadata and for anyone inspecting the index with bleve's tools; it is
// static so nothing unexpected is ever indexed or stored.
func newMapping() mapping.IndexMapping {
	text := bleve.NewTextFieldMapping()
	text.Analyzer = analyzerName
	text.Store = false
	text.IncludeInAll = false
	text.IncludeTermVectors = true
	text.DocValues = false

	kw := func(store, docValues bool) *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Analyzer = keyword.Name
		f.Store = store
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = docValues
		return f
	}
	stored := func() *mapping.FieldMapping {
		f := kw(true, false)
		f.Index = false
		return f
	}

	dm := bleve.NewDocumentStaticMapping()
	add := func(name string, f *mapping.FieldMapping) { dm.AddFieldMappingsAt(name, f) }
	add(fType, kw(false, false))
	add(fText, text)
	add(fDoc, kw(true, true))
	add(fDocName, kw(false, false))
	add(fKind, kw(false, false))
	add(fCase, kw(true, true))
	add(fCaseI, kw(false, false))
	add(fAttr, kw(false, false))
	add(fSpeaker, kw(false, false))
	add(fCode, kw(true, true))
	add(fCodeI, kw(false, false))
	add(fCoder, kw(true, false))
	add(fCoderI, kw(false, false))
	add(fSpan, stored())
	add(fBody, stored())
	add(fTitle, stored())
	add(fOn, stored())
	add(fTarget, stored())
	add(fTargetName, stored())

	im := bleve.NewIndexMapping()
	im.DefaultMapping = dm
	im.DefaultAnalyzer = analyzerName
	im.IndexDynamic = false
	im.StoreDynamic = false
	im.DocValuesDynamic = false
	return im
}
