package audit

import (
	"testing"

	"github.com/ismskit/ismskit/iso27002"
)

// Sinks defeat dead-code elimination.
var (
	sinkProgramme Programme
	sinkReadiness *Readiness
	sinkReport    *Report
	sinkRecords   Records
	sinkBytes     []byte
	sinkErr       error
	sinkEval      *Evaluation
)

// fullBasis is the whole 2022 Annex A, ten controls high-risk.
func fullBasis() Basis {
	var all []iso27002.ControlID
	for id := range iso27002.Catalog2022().IDs() {
		all = append(all, id)
	}
	return Basis{Applicable: all, HighRisk: all[:10]}
}

func BenchmarkPlan(b *testing.B) {
	o := PlanOptions{Basis: fullBasis(), CycleStart: d("2026-01-05"), Slots: slots(b, d("2026-01-05"), 6, 3), Auditors: testAuditors}
	b.ReportAllocs()
	for b.Loop() {
		sinkProgramme, sinkErr = Plan(o)
	}
}

func BenchmarkValidate(b *testing.B) {
	r := testRecords(b)
	bs := testBasis()
	b.ReportAllocs()
	for b.Loop() {
		sinkErr = r.Validate(bs)
	}
}

func BenchmarkAssess(b *testing.B) {
	r := testRecords(b)
	bs := testBasis()
	b.ReportAllocs()
	for b.Loop() {
		sinkReadiness, sinkErr = Assess(r, bs, ReadinessInput{Gap: okGap}, asOf)
	}
}

func BenchmarkNewReportMarkdown(b *testing.B) {
	r := testRecords(b)
	bs := testBasis()
	b.ReportAllocs()
	for b.Loop() {
		sinkReport, sinkErr = NewReport(r, bs, ReadinessInput{Gap: okGap}, asOf)
		sinkBytes = sinkReport.Markdown()
	}
}

func BenchmarkDecodeRecords(b *testing.B) {
	data, err := EncodeRecords(testRecords(b))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		sinkRecords, sinkErr = DecodeRecords(data)
	}
}

// BenchmarkEvaluate is the whole verdict from the documents: the SoA
// validated, the register rated, the gap analysis, the audit records
// validated, the readiness and the report.
func BenchmarkEvaluate(b *testing.B) {
	docs := testDocuments(b)
	b.ReportAllocs()
	for b.Loop() {
		sinkEval, sinkErr = Evaluate(docs, asOf)
	}
}
