package iso27001

import (
	"testing"
)

var (
	sinkClause ClauseID
	sinkItem   ItemID
	sinkBool   bool
	sinkReport *GapReport
	sinkErr    error
)

func BenchmarkParseClauseID(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkClause, sinkErr = ParseClauseID("9.3.2")
	}
}

func BenchmarkParseItemID(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkItem, sinkErr = ParseItemID("6.1.2.c.1")
	}
}

func BenchmarkItemLookup(b *testing.B) {
	s := Latest()
	id := MustParseItemID("10.2.g")
	b.ReportAllocs()
	for b.Loop() {
		_, sinkBool = s.Item(id)
	}
}

func BenchmarkAnalyzeSample(b *testing.B) {
	r, err := DecodeRecords(readSample(b))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		sinkReport, sinkErr = Analyze(r, asOf)
	}
}

func BenchmarkDecodeRecordsSample(b *testing.B) {
	data := readSample(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		_, sinkErr = DecodeRecords(data)
	}
}

func TestLookupAllocs(t *testing.T) {
	s := Latest()
	id := MustParseItemID("10.2.g")
	if n := testing.AllocsPerRun(100, func() { _, sinkBool = s.Item(id); sinkItem, sinkErr = ParseItemID("6.1.2.c.1") }); n != 0 {
		t.Fatalf("Item and ParseItemID allocate %v times", n)
	}
}
