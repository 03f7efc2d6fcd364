package nist_test

import (
	"slices"
	"testing"

	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/iso27002/nist"
)

var sink any

func BenchmarkSP80053ForControl(b *testing.B) {
	id := iso27002.MustParse("8.8")
	b.ReportAllocs()
	for b.Loop() {
		sink = nist.SP80053ForControl(id)
	}
}

func BenchmarkISOForCSF(b *testing.B) {
	id := nist.MustParseCSF("PR.AA-01")
	b.ReportAllocs()
	for b.Loop() {
		sink = nist.ISOForCSF(id)
	}
}

func BenchmarkCSFCoverage(b *testing.B) {
	all := slices.Collect(iso27002.Catalog2022().IDs())
	b.ReportAllocs()
	for b.Loop() {
		sink = nist.CSFCoverage(all)
	}
}
