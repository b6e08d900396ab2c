//go:build !unix

package ingest

// openNoBlock is 0 where named pipes cannot appear in a folder scan.
const openNoBlock = 0
