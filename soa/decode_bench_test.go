package soa

import (
	"os"
	"testing"
)

// BenchmarkDecodeSoA is the strict decoder's throughput on the golden
// SoA (MB/s; the target is at least 100).
func BenchmarkDecodeSoA(b *testing.B) {
	data, err := os.ReadFile("testdata/soa.golden.json")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		s, err := DecodeSoA(data)
		if err != nil {
			b.Fatal(err)
		}
		sink = s
	}
}
