// Package bench measures Coder's search against SQLite FTS5 and ripgrep on a
// synthetic corpus of interview transcripts and documents in English or
// Chinese. The corpus is generated from word lists written for this purpose,
// seeded, so every run on every machine indexes the same text. The command in
// cmd/searchbench prints one markdown table; `make bench` runs it, with
// cmd/importbench (one huge document against many files) and cmd/mergebench
// (merging two copies of a project of 100,000 codings, see RunMerge).
package bench
