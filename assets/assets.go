// Package assets carries what Coder embeds in its binary: the application icon
// and the fictional demo project (its documents and a JSON description of its
// cases, attributes, codings and memos). All of it was written for Coder.
package assets

import "embed"

// Demo holds demo/project.json and the demo documents it names.
//
//go:embed demo
var Demo embed.FS

// Icon is the application icon, a 512x512 PNG.
//
//go:embed icon.png
var Icon []byte
