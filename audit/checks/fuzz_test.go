package checks

import (
	"encoding/json"
	"testing"

	"github.com/ismskit/ismskit"
)

// FuzzDecodeCredentialReport checks that any input decodes without a
// panic, to a report or to problems that are all *ismskit.Error values,
// and that the checks agree with the decoder.
func FuzzDecodeCredentialReport(f *testing.F) {
	f.Add(readTestdata(f, CredentialReportFile))
	f.Add([]byte("user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date\n\"a\"\"b\",x,N/A,TRUE,N/A,N/A,false,false,N/A,N/A,false,N/A,N/A\r\n"))
	f.Add([]byte("user\n\"open"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rep, err := DecodeCredentialReport(data, ismskit.MaxProblems(5))
		res, cerr := IAMMFA{}.Check(map[string][]byte{CredentialReportFile: data}, asOf, ismskit.MaxProblems(5))
		if (err == nil) != (cerr == nil) {
			t.Fatalf("decoder and check disagree: %v / %v", err, cerr)
		}
		if err != nil {
			for _, p := range ismskit.Problems(err) {
				if p.Kind() == nil {
					t.Fatalf("a problem without a kind: %v", p)
				}
			}
			return
		}
		want := IAMMFA{}.Evaluate(rep, asOf)
		if want.Total != res.Total || want.Failed != res.Failed {
			t.Fatalf("streaming and decoded checks differ: %d/%d and %d/%d", res.Total, res.Failed, want.Total, want.Failed)
		}
		if res.Failed > res.Total {
			t.Fatalf("more failures than items")
		}
	})
}

// FuzzDecodeTrivyReport checks that any input decodes without a panic,
// that whatever the decoder accepts is valid JSON, and that the check's
// counts hold together.
func FuzzDecodeTrivyReport(f *testing.F) {
	f.Add(readTestdata(f, TrivyFile))
	f.Add([]byte(`{"SchemaVersion": 2, "Results": [{"Vulnerabilities": [{"VulnerabilityID": "a\u00e9\ud83d\ude00", "PkgName": "p", "Severity": "HIGH", "FixedVersion": "1"}]}]}`))
	f.Add([]byte(`[{"Target": "v1"}]`))
	f.Add([]byte(`{"SchemaVersion": 2, "Results": [[[[[[]]]]]]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		rep, err := DecodeTrivyReport(data, ismskit.MaxDepth(16), ismskit.MaxProblems(5))
		if err != nil {
			for _, p := range ismskit.Problems(err) {
				if p.Kind() == nil {
					t.Fatalf("a problem without a kind: %v", p)
				}
			}
			return
		}
		if !json.Valid(data) {
			t.Fatalf("accepted invalid JSON: %q", data)
		}
		res := TrivyFixable{Severities: Severities()}.Evaluate(rep, asOf)
		n := 0
		for _, r := range rep.Results {
			n += len(r.Vulnerabilities)
		}
		if res.Total > n || res.Failed > res.Total {
			t.Fatalf("counts do not hold: %d findings, %d distinct, %d failed", n, res.Total, res.Failed)
		}
	})
}

// FuzzDecodeActivities checks that any input decodes without a panic and
// that every decoded document encodes and decodes back equal.
func FuzzDecodeActivities(f *testing.F) {
	f.Add(readTestdata(f, ActivitiesFile))
	f.Add([]byte(`{"incidents": [{"id": "I", "severity": "low", "opened": "2026-01-01", "targetDays": 1e2}]}`))
	f.Add([]byte(`{"training": null, "extensions": {"a": {"b": [1, "2"]}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := DecodeActivities(data)
		if err != nil {
			return
		}
		_ = a.Validate()
		for _, c := range []interface {
			Evaluate(Activities, ismskit.Date) *Result
		}{TrainingCurrent{}, AccessReviewsOnTime{}, RestoreTestsPassed{}, SuppliersAssessed{}, IncidentsClosedInTarget{}} {
			if r := c.Evaluate(a, asOf); r.Failed > r.Total {
				t.Fatalf("more failures than items")
			}
		}
		enc, err := EncodeActivities(a)
		if err != nil {
			t.Fatalf("a decoded document does not encode: %v", err)
		}
		back, err := DecodeActivities(enc)
		if err != nil {
			t.Fatalf("an encoded document does not decode: %v\n%s", err, enc)
		}
		enc2, _ := EncodeActivities(back)
		if string(enc) != string(enc2) {
			t.Fatalf("round trip changed the document:\n%s\n%s", enc, enc2)
		}
	})
}
