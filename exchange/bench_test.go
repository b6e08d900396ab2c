package exchange_test

import (
	"io"
	"testing"

	"coder/exchange"
)

func BenchmarkReadQDPX_NVivoSample(b *testing.B) {
	path := sharedDir(b, "refi-qda", "samples", "nvivo-win-12.6_oltas0517.qdpx")
	for b.Loop() {
		if _, _, err := exchange.ReadQDPX(path); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteQDPX_Fixture(b *testing.B) {
	f := fixture(b)
	for b.Loop() {
		if err := exchange.WriteQDPX(io.Discard, f); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteExcerpts(b *testing.B) {
	f := fixture(b)
	for _, format := range exchange.Formats {
		b.Run(string(format), func(b *testing.B) {
			for b.Loop() {
				if err := exchange.WriteExcerpts(io.Discard, format, f, exchange.Filter{}, exchange.ExcerptOptions{SheetPerTopCode: true}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
