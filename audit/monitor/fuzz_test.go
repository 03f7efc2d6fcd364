package monitor

import (
	"os"
	"testing"
)

// FuzzDecodeRecords checks that any input decodes without a panic, that
// every decoded document re-encodes and decodes back to the same bytes,
// and that evaluating a valid one holds together.
func FuzzDecodeRecords(f *testing.F) {
	if b, err := os.ReadFile("testdata/records.json"); err == nil {
		f.Add(b)
	}
	f.Add([]byte(`{"metrics": [{"id": "m", "title": "T", "method": "M", "unit": "count", "frequency": "weekly", "measuredBy": "A", "analysisFrequency": "monthly", "analysedBy": "B", "target": {"direction": "lower", "value": 0, "threshold": 2}}], "results": [{"metric": "m", "date": "2026-11-01", "value": 3}, {"metric": "m", "date": "2026-11-08", "value": 1e308}]}`))
	f.Add([]byte(`{"metrics": [{"id": "m", "unit": "percent", "target": {"direction": "higher", "value": 100, "threshold": 100, "tolerance": 0.5}, "source": {"check": "c", "measure": "passed-percent"}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := DecodeRecords(data)
		if err != nil {
			return
		}
		enc, err := EncodeRecords(r)
		if err != nil {
			return // a value JSON cannot carry, reported as ErrNotEncodable
		}
		back, err := DecodeRecords(enc)
		if err != nil {
			t.Fatalf("an encoded document does not decode: %v\n%s", err, enc)
		}
		enc2, _ := EncodeRecords(back)
		if string(enc) != string(enc2) {
			t.Fatalf("round trip changed the document")
		}
		evs, err := r.Evaluate(asOf)
		if err != nil {
			return
		}
		for _, ev := range evs {
			if ev.Status == 0 || ev.Results > len(r.Results) {
				t.Fatalf("evaluation does not hold together: %+v", ev)
			}
		}
	})
}
