package risk

import (
	"os"
	"testing"
)

var sinkRegister Register

// BenchmarkDecodeRegister is the strict decoder's throughput on the
// sample register (MB/s; the target is at least 100).
func BenchmarkDecodeRegister(b *testing.B) {
	data, err := os.ReadFile("testdata/register.json")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		sinkRegister, err = DecodeRegister(data)
		if err != nil {
			b.Fatal(err)
		}
	}
}
