// Package exchange moves a project in and out of Coder: REFI-QDA projects
// (.qdpx archives and lone .qde files) and codebooks (.qdc) in both directions,
// and the exports researchers write papers from: coded excerpts as CSV, XLSX,
// HTML, Markdown and DOCX, and the codebook with its definitions.
//
// Everything works on an in-memory *qda.Bundle. An export reads a snapshot; an
// import returns a new Bundle and a Report and never touches a store, so a
// file that fails to import changes nothing. Imports are tolerant of what real
// tools write (NVivo's UTF-16 positions over CRLF text, ATLAS.ti's upper-case
// GUIDs, missing source files) and strict about what could harm the user
// (archive paths escaping the archive, oversized entries, deeply nested XML).
package exchange
