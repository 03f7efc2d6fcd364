package monitor

import "testing"

var evalSink []Evaluation

// BenchmarkEvaluate evaluates the eight built-in metrics with six months
// of results each.
func BenchmarkEvaluate(b *testing.B) {
	r := sampleRecords(b)
	r = r.Add(FromChecks(r.Metrics, checkResults(b))...)
	b.ReportAllocs()
	for b.Loop() {
		evs, err := r.Evaluate(asOf)
		if err != nil {
			b.Fatal(err)
		}
		evalSink = evs
	}
}
