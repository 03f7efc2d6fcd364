package fair

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/ismskit/ismskit"
)

// FuzzDecodeAnalysis: no input panics; every error carries a path; a
// document that decodes re-encodes to one that decodes to the same value,
// and runs.
func FuzzDecodeAnalysis(f *testing.F) {
	seed, err := os.ReadFile(filepath.Join("testdata", "analysis.json"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte(`{"iterations":10,"mode":"rate","scenarios":[{"name":"s","lef":{"dist":"pert","low":5,"mode":3,"high":2},"lm":{"dist":"constant","value":1}}]}`))
	f.Add([]byte(`{"iterations":10,"mode":"event","vulnerability":"periteration","scenarios":[{"name":"s","cf":{"dist":"uniform","low":0,"high":3},"poa":{"dist":"normal","mean":0.5,"stddev":0.3},"tcap":{"dist":"triangular","low":0,"mode":5,"high":9},"rs":{"dist":"constant","value":4},"pl":{"dist":"lognormal","low":1,"high":1000},"sr":{"dist":"pert","low":0,"mode":0,"high":10,"form":"moment","gamma":1}}]}`))
	f.Add([]byte(`{"iterations":50,"mode":"bernoulli","scenarios":[{"name":"a","lef":{"dist":"empirical","values":[0.1,0.5]},"pl":{"dist":"histogram","bins":[{"low":0,"high":10,"weight":1}]},"secondary":[{"form":"fines","slef":{"dist":"constant","value":0.5},"slm":{"dist":"constant","value":3}}]},{"name":"b","lef":{"dist":"constant","value":0.2},"lm":{"dist":"constant","value":1}}],"correlations":[{"a":"a","b":"b","rank":0.7}],"shocks":[{"name":"s","frequency":{"dist":"constant","value":0.1},"scenarios":["a","b"]}],"tolerance":{"points":[{"amount":1,"probability":0.5},{"amount":10,"probability":0.1}]},"sensitivity":{"low":5,"high":95},"extensions":{"x":[1,{"y":null}]}}`))
	f.Add([]byte(`{"iterations":1e400}`))
	f.Add([]byte(`[1,2,3]`))
	f.Add([]byte(`{"scenarios":[{"lef":{"dist":"normal","mean":-1e300,"stddev":1e-300}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := DecodeAnalysis(data)
		if err != nil {
			var fe *ismskit.Error
			if !errors.As(err, &fe) {
				t.Fatalf("error without a path: %v", err)
			}
			return
		}
		js, err := json.Marshal(a)
		if err != nil {
			t.Fatalf("re-encode: %v", err)
		}
		b, err := DecodeAnalysis(js)
		if err != nil {
			t.Fatalf("re-decode: %v\n%s", err, js)
		}
		js2, _ := json.Marshal(b)
		if string(js) != string(js2) {
			t.Fatalf("round trip changed the document:\n%s\n%s", js, js2)
		}
		a.Iterations = min(a.Iterations, 300)
		rep, err := Run(a)
		if err != nil {
			var fe *ismskit.Error
			if !errors.As(err, &fe) {
				t.Fatalf("run error without a path: %v", err)
			}
			return
		}
		if _, err := json.Marshal(rep); err != nil {
			t.Fatalf("report does not encode: %v", err)
		}
	})
}

// FuzzDecodeScenario: no input panics, and a scenario that decodes
// simulates in both modes.
func FuzzDecodeScenario(f *testing.F) {
	f.Add([]byte(`{"name":"x","lef":{"dist":"pert","low":0.1,"mode":0.5,"high":2},"lm":{"dist":"pert","low":10000,"mode":50000,"high":500000}}`))
	f.Add([]byte(`{"name":"x","tef":{"dist":"constant","value":2},"vuln":{"dist":"uniform","low":0,"high":1},"pl":{"dist":"normal","mean":5,"stddev":1},"slef":{"dist":"constant","value":0.5},"slm":{"dist":"triangular","low":1,"mode":1,"high":1}}`))
	f.Add([]byte(`{"name":"x","lef":{"dist":"constant","value":1},"lef":{"dist":"constant","value":2}}`))
	f.Add([]byte(`{"lef":{"dist":"lognormal","low":1e-300,"high":1e15}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := DecodeScenario(data)
		if err != nil {
			var fe *ismskit.Error
			if !errors.As(err, &fe) {
				t.Fatalf("error without a path: %v", err)
			}
			return
		}
		for _, mode := range []FrequencyMode{Rate, Event} {
			res, err := Simulate(s, Options{Iterations: 200, Seed: 1, Mode: mode})
			if err != nil {
				if !errors.Is(err, ErrParameter) {
					t.Fatalf("unexpected error: %v", err)
				}
				continue
			}
			sum, err := res.Summary(nil, []float64{0, 1})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := json.Marshal(sum); err != nil {
				t.Fatalf("summary does not encode: %v", err)
			}
		}
	})
}
