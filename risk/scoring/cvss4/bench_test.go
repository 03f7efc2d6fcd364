package cvss4

import (
	"testing"
	"time"
)

var (
	sinkFloat  float64
	sinkScores Scores
	sinkString string
)

// BenchmarkParseScore is a performance target: parse a vector and compute
// its score, <= 500 ns/op and no allocation.
func BenchmarkParseScore(b *testing.B) {
	b.ReportAllocs()
	defer reportCPU(b, processCPU())
	for b.Loop() {
		v, err := Parse("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")
		if err != nil {
			b.Fatal(err)
		}
		sinkFloat = v.Score()
	}
}

// BenchmarkParseScoreBTE parses and scores the specification's
// CVSS-BTE sample, every group given.
func BenchmarkParseScoreBTE(b *testing.B) {
	b.ReportAllocs()
	defer reportCPU(b, processCPU())
	for b.Loop() {
		v, err := Parse("CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:N/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N/E:U/CR:L/IR:X/AR:L/MAV:A/MAC:H/MAT:N/MPR:N/MUI:P/MVC:X/MVI:N/MVA:H/MSC:N/MSI:L/MSA:S/S:N/AU:N/R:I/V:C/RE:H/U:Green")
		if err != nil {
			b.Fatal(err)
		}
		sinkScores = v.Scores()
	}
}

func BenchmarkString(b *testing.B) {
	v := MustParse("CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:N/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N/E:U/CR:L/AR:L/MAV:A/MAC:H/MAT:N/MPR:N/MUI:P/MVI:N/MVA:H/MSC:N/MSI:L/MSA:S/S:N/AU:N/R:I/V:C/RE:H/U:Green")
	b.ReportAllocs()
	defer reportCPU(b, processCPU())
	for b.Loop() {
		sinkString = v.String()
	}
}

// reportCPU reports the CPU time per op since start, as cpu-ns/op.
func reportCPU(b *testing.B, start time.Duration) {
	if cpu := processCPU() - start; cpu > 0 && b.N > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}
