package checks_test

import (
	"encoding/json"
	"fmt"
	"os"
	"testing/fstest"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/audit/checks"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/soa"
)

// Run every built-in check whose input is in an evidence folder, as of a
// day, and print what failed.
func Example() {
	asOf := ismskit.MustParseDate("2026-11-28")
	results, err := checks.Builtin().Run(os.DirFS("testdata"), asOf)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range results {
		fmt.Printf("%-27s %v %d/%d failed\n", r.Check, r.Controls, r.Failed, r.Total)
	}
	// Output:
	// aws-iam-mfa                 [5.17 8.5] 3/6 failed
	// aws-iam-unused-credentials  [5.16 5.18] 3/8 failed
	// trivy-fixable               [8.8] 5/6 failed
	// training-current            [6.3] 2/4 failed
	// access-reviews-on-time      [5.15 5.18] 2/3 failed
	// restore-tests-passed        [5.30 8.13] 2/3 failed
	// suppliers-assessed          [5.19 5.22] 2/4 failed
	// incidents-closed-in-target  [5.24 5.26] 2/4 failed
}

// Run one check on files in memory; the result records the SHA-256 of
// what it read.
func ExampleRun() {
	fsys := fstest.MapFS{checks.CredentialReportFile: {Data: []byte(
		"user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date\n" +
			"<root_account>,arn:aws:iam::1:root,2021-03-02T09:14:07+00:00,not_supported,2026-10-30T17:02:44+00:00,not_supported,true,false,N/A,N/A,false,N/A,N/A\n" +
			"dev,arn:aws:iam::1:user/dev,2026-01-05T09:00:00+00:00,true,2026-11-27T08:00:00+00:00,N/A,false,false,N/A,N/A,false,N/A,N/A\n")}}
	r, err := checks.Run(checks.IAMMFA{}, fsys, ismskit.MustParseDate("2026-11-28"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Summary())
	for _, f := range r.Failures {
		fmt.Printf("%s: %s\n", f.Item, f.Reason)
	}
	fmt.Println(r.Inputs[0].Name, r.Inputs[0].SHA256[:12])
	// Output:
	// aws-iam-mfa: 1 of 2 failed
	// dev: console password without MFA
	// credential-report.csv 5b7f7b4afe33
}

// Problems name the file and the place in it.
func ExampleRun_problems() {
	fsys := fstest.MapFS{checks.TrivyFile: {Data: []byte(`[{"Target": "app", "Vulnerabilities": []}]`)}}
	_, err := checks.Run(checks.TrivyFixable{}, fsys, ismskit.MustParseDate("2026-11-28"))
	fmt.Println(err)
	// Output:
	// files["trivy.json"]: the report is a JSON array, the form of Trivy's schema version 1; want an object with "SchemaVersion": 2 (Trivy v0.20 or later)
}

// A product registers a check of its own beside the built-in ones, and
// sets the options of a built-in one.
func ExampleNewRegistry() {
	tls := checks.Func{
		Def: checks.Definition{ID: "acme-tls-expiry", Title: "No TLS certificate expires within 14 days",
			Controls: []iso27002.ControlID{iso27002.MustParse("8.24")}, Inputs: []string{"certs.json"}, Frequency: checks.Daily},
		Fn: func(files map[string][]byte, asOf ismskit.Date, _ ...ismskit.DecodeOption) (*checks.Result, error) {
			var certs map[string]string // host: expiry date
			if err := json.Unmarshal(files["certs.json"], &certs); err != nil {
				return nil, err
			}
			r := &checks.Result{Total: len(certs)}
			for _, host := range []string{"api.example", "www.example"} {
				if exp, err := ismskit.ParseDate(certs[host]); err == nil && exp.Sub(asOf) < 14 {
					r.Fail(host, "expires on "+exp.String())
				}
			}
			return r, nil
		},
	}
	reg, err := checks.NewRegistry(checks.IAMUnusedCredentials{MaxUnusedDays: 90}, tls)
	if err != nil {
		fmt.Println(err)
		return
	}
	fsys := fstest.MapFS{"certs.json": {Data: []byte(`{"api.example": "2026-12-03", "www.example": "2027-05-01"}`)}}
	results, _ := reg.Run(fsys, ismskit.MustParseDate("2026-11-28"))
	for _, r := range results {
		fmt.Println(r.Summary(), r.Failures)
	}
	fmt.Println(reg.Definitions()[0].Parameters)
	// Output:
	// acme-tls-expiry: 1 of 2 failed [{api.example expires on 2026-12-03}]
	// [{maxUnusedDays 90}]
}

// Check a credential report held in memory.
func ExampleDecodeCredentialReport() {
	data, _ := os.ReadFile("testdata/credential-report.csv")
	rep, err := checks.DecodeCredentialReport(data)
	if err != nil {
		fmt.Println(err)
		return
	}
	r := checks.IAMUnusedCredentials{}.Evaluate(rep, ismskit.MustParseDate("2026-11-28"))
	for _, f := range r.Failures {
		fmt.Printf("%s: %s\n", f.Item, f.Reason)
	}
	// Output:
	// legacy-backup: access key 1 unused for 179 days
	// s.bakker: password unused for 105 days
	// old-contractor: password never used, user created 300 days ago; access key 2 never used, created 300 days ago
}

// A missing column is named.
func ExampleDecodeCredentialReport_missingColumn() {
	_, err := checks.DecodeCredentialReport([]byte("user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date\n"))
	fmt.Println(err)
	// Output:
	// header: line 1: no column "mfa_active"
}

// Count the fixable vulnerabilities of the severities that matter.
func ExampleDecodeTrivyReport() {
	data, _ := os.ReadFile("testdata/trivy.json")
	rep, err := checks.DecodeTrivyReport(data)
	if err != nil {
		fmt.Println(err)
		return
	}
	r := checks.TrivyFixable{Severities: []checks.Severity{checks.SeverityCritical}}.Evaluate(rep, ismskit.MustParseDate("2026-11-28"))
	fmt.Println(r.Summary())
	fmt.Println(r.Failures[0].Item, "-", r.Failures[0].Reason)
	// Output:
	// trivy-fixable: 1 of 2 failed
	// CVE-2024-45337 golang.org/x/crypto v0.28.0 - fixed in 0.31.0 (critical)
}

// Read ismskit's own activity records, strictly, and check them.
func ExampleDecodeActivities() {
	a, err := checks.DecodeActivities([]byte(`{"restoreTests": [
		{"system": "Database", "date": "2026-10-01", "passed": true},
		{"system": "File share", "date": "2026-09-15", "passed": false, "note": "Snapshot incomplete"}]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	r := checks.RestoreTestsPassed{}.Evaluate(a, ismskit.MustParseDate("2026-11-28"))
	fmt.Println(r.Failures)
	_, err = checks.DecodeActivities([]byte(`{"restoreTest": []}`))
	fmt.Println(err)
	// Output:
	// [{File share the restore test of 2026-09-15 failed: Snapshot incomplete}]
	// restoreTest: unknown field
}

// A result is evidence: an audit finding cites it, and the SoA entries of
// the controls it tests list it.
func ExampleCite() {
	results, _ := checks.Builtin().Run(os.DirFS("testdata"), ismskit.MustParseDate("2026-11-28"))
	s := soa.SoA{Entries: []soa.Entry{{Control: iso27002.MustParse("8.8"), Evidence: []string{"VULN-PROCESS"}}}}
	s = checks.Cite(s, results)
	fmt.Println(s.Entries[0].Evidence)
	ev := results[2].Evidence()
	fmt.Println(ev.ID, ev.Where, ev.When)
	// Output:
	// [VULN-PROCESS check:trivy-fixable:2026-11-28]
	// check:trivy-fixable:2026-11-28 trivy.json 2026-11-28
}

// The schema of activities.json is plain JSON (draft 2020-12).
func ExampleJSONSchema() {
	var schema struct {
		ID    string `json:"$id"`
		Title string `json:"title"`
	}
	if err := json.Unmarshal(checks.JSONSchema(), &schema); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(schema.Title)
	fmt.Println(schema.ID)
	// Output:
	// ismskit activity records
	// https://github.com/ismskit/ismskit/audit/checks/schema/activities.schema.json
}

// A result goes stale when it is older than its check's frequency.
func ExampleResult_Stale() {
	r := &checks.Result{Check: "aws-iam-mfa", AsOf: ismskit.MustParseDate("2026-11-28"), Frequency: checks.Weekly}
	fmt.Println(r.Stale(ismskit.MustParseDate("2026-12-05")), r.Stale(ismskit.MustParseDate("2026-12-06")))
	// Output:
	// false true
}
