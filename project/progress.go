package project

import (
	"context"
	"fmt"
	"io"

	"coder/qda"
)

// report calls progress when there is one.
func report(progress func(Progress), pr Progress) {
	if progress != nil {
		progress(pr)
	}
}

// exportStart reads what an export writes, and wraps w so that writing
// reports how much is written and stops when ctx is cancelled.
func (p *Project) exportStart(ctx context.Context, w io.Writer, format string, progress func(Progress), opts ...ExportOptions) (*qda.Bundle, io.Writer, error) {
	report(progress, Progress{Done: 0, Total: 2, Item: "reading the project"})
	b, err := p.exportBundle(opts)
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		return nil, nil, err
	}
	report(progress, Progress{Done: 1, Total: 2, Item: "writing " + format})
	return b, &progressWriter{ctx: ctx, w: w, progress: progress, format: format}, nil
}

// progressWriter passes writes through until its context is cancelled,
// reporting the bytes written.
type progressWriter struct {
	ctx      context.Context
	w        io.Writer
	progress func(Progress)
	format   string
	n        int64
}

func (pw *progressWriter) Write(b []byte) (int, error) {
	if err := pw.ctx.Err(); err != nil {
		return 0, err
	}
	n, err := pw.w.Write(b)
	pw.n += int64(n)
	report(pw.progress, Progress{Done: 1, Total: 2, Item: fmt.Sprintf("writing %s: %s", pw.format, byteSize(pw.n))})
	return n, err
}

// byteSize writes a size for people: 512 B, 3.4 KB, 12.0 MB.
func byteSize(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d B", n)
	case n < 1000*1000:
		return fmt.Sprintf("%.1f KB", float64(n)/1000)
	default:
		return fmt.Sprintf("%.1f MB", float64(n)/1000/1000)
	}
}
