package cvssdiff

import (
	"math/rand/v2"
	"testing"
	"time"

	gocvss20 "github.com/pandatix/go-cvss/20"
	gocvss40 "github.com/pandatix/go-cvss/40"

	"github.com/ismskit/ismskit/risk/scoring/cvss2"
	"github.com/ismskit/ismskit/risk/scoring/cvss4"
)

var sink float64

// benchVectors returns 1,024 random vectors of gen, the same for both
// libraries.
func benchVectors(seed uint64, gen func(*rand.Rand) string) []string {
	r := rand.New(rand.NewPCG(seed, 1))
	out := make([]string, 1024)
	for i := range out {
		out[i] = gen(r)
	}
	return out
}

// BenchmarkParseScore40 parses and scores CVSS v4.0 vectors with ismskit
// and with go-cvss, in the same run: a base-only vector, the
// specification's CVSS-BTE sample, and 1,024 random vectors in turn.
func BenchmarkParseScore40(b *testing.B) {
	sets := []struct {
		name    string
		vectors []string
	}{
		{"base", []string{"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"}},
		{"bte", []string{"CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:N/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N/E:U/CR:L/IR:X/AR:L/MAV:A/MAC:H/MAT:N/MPR:N/MUI:P/MVC:X/MVI:N/MVA:H/MSC:N/MSI:L/MSA:S/S:N/AU:N/R:I/V:C/RE:H/U:Green"}},
		{"random", benchVectors(4, random4)},
	}
	for _, set := range sets {
		b.Run(set.name+"/ismskit", func(b *testing.B) {
			b.ReportAllocs()
			defer reportCPU(b, processCPU())
			i := 0
			for b.Loop() {
				v, err := cvss4.Parse(set.vectors[i%len(set.vectors)])
				if err != nil {
					b.Fatal(err)
				}
				sink = v.Score()
				i++
			}
		})
		b.Run(set.name+"/go-cvss", func(b *testing.B) {
			b.ReportAllocs()
			defer reportCPU(b, processCPU())
			i := 0
			for b.Loop() {
				v, err := gocvss40.ParseVector(set.vectors[i%len(set.vectors)])
				if err != nil {
					b.Fatal(err)
				}
				sink = v.Score()
				i++
			}
		})
	}
}

// BenchmarkParseScore20 parses CVSS v2.0 vectors and computes their
// three scores with ismskit and with go-cvss, in the same run.
func BenchmarkParseScore20(b *testing.B) {
	vectors := benchVectors(2, random2)
	b.Run("ismskit", func(b *testing.B) {
		b.ReportAllocs()
		defer reportCPU(b, processCPU())
		i := 0
		for b.Loop() {
			v, err := cvss2.Parse(vectors[i%len(vectors)])
			if err != nil {
				b.Fatal(err)
			}
			s := v.Scores()
			sink = s.Base + s.Temporal + s.Environmental
			i++
		}
	})
	b.Run("go-cvss", func(b *testing.B) {
		b.ReportAllocs()
		defer reportCPU(b, processCPU())
		i := 0
		for b.Loop() {
			v, err := gocvss20.ParseVector(vectors[i%len(vectors)])
			if err != nil {
				b.Fatal(err)
			}
			sink = v.BaseScore() + v.TemporalScore() + v.EnvironmentalScore()
			i++
		}
	})
}

// reportCPU reports the CPU time per op since start, as cpu-ns/op.
func reportCPU(b *testing.B, start time.Duration) {
	if cpu := processCPU() - start; cpu > 0 && b.N > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}
