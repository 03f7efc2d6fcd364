package regulation

import "testing"

var sinkID ID

func BenchmarkParseID(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkID, _ = ParseID("45 CFR 164.308(a)(1)(ii)(A)")
	}
}

func BenchmarkObligations(b *testing.B) {
	t := Tailoring{Regulations: Regulations()}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := t.Obligations(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCoverageOf(b *testing.B) {
	s := testSoA()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := CoverageOf(HIPAA, s, CoverageOptions{Audit: testAudit(), AsOf: day("2026-06-15")}); err != nil {
			b.Fatal(err)
		}
	}
}
