package checks

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ismskit/ismskit"
)

// benchCredentialReport returns a credential report of n users in the
// form AWS writes it (22 columns), about 270 bytes a row: a tenth have no
// MFA, a fifth an unused password, a third an active access key.
func benchCredentialReport(n int) []byte {
	var b strings.Builder
	b.Grow(n * 300)
	b.WriteString("user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated\n")
	b.WriteString("<root_account>,arn:aws:iam::210987654321:root,2021-03-02T09:14:07+00:00,not_supported,2026-10-30T17:02:44+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n")
	for i := 1; i < n; i++ {
		used := "2026-11-27T07:45:12+00:00"
		if i%5 == 0 {
			used = "2026-06-15T11:30:00+00:00"
		}
		mfa := "true"
		if i%10 == 0 {
			mfa = "false"
		}
		key := "false,N/A,N/A,N/A,N/A"
		if i%3 == 0 {
			key = "true,2026-03-01T12:00:00+00:00,2026-11-20T15:44:00+00:00,eu-west-1,s3"
		}
		fmt.Fprintf(&b, "user%06d,arn:aws:iam::210987654321:user/staff/user%06d,2024-01-15T10:22:31+00:00,true,%s,2026-06-01T09:00:00+00:00,N/A,%s,%s,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n",
			i, i, used, mfa, key)
	}
	return []byte(b.String())
}

// benchTrivyReport returns a Trivy report of n findings in 100 results,
// each finding with the fields Trivy writes (identifiers, layer, data
// source, a description of about 300 bytes, CVSS, references and dates),
// about 1.6 KB a finding; a tenth are repeated across results.
func benchTrivyReport(n int) []byte {
	var b strings.Builder
	b.Grow(n * 1700)
	b.WriteString(`{"SchemaVersion": 2, "CreatedAt": "2026-11-28T06:12:41Z", "ArtifactName": "registry.example/app:1", "ArtifactType": "container_image", "Metadata": {"OS": {"Family": "debian", "Name": "12.8"}}, "Results": [`)
	sev := []string{"LOW", "MEDIUM", "HIGH", "CRITICAL", "HIGH"}
	per := n / 100
	k := 0
	for r := 0; r < 100; r++ {
		if r > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"Target": "service-%02d/package-lock.json", "Class": "lang-pkgs", "Type": "npm", "Vulnerabilities": [`, r)
		for v := 0; v < per; v++ {
			if v > 0 {
				b.WriteString(",")
			}
			id := k
			if k%10 == 9 {
				id = k - 5 // a repeat of an earlier finding
			}
			fixed := ""
			if id%4 != 0 {
				fixed = fmt.Sprintf(`"FixedVersion": "%d.%d.1", `, id%7, id%13)
			}
			fmt.Fprintf(&b, `
        {
          "VulnerabilityID": "CVE-2026-%05d",
          "PkgID": "pkg-%d@%d.%d.0",
          "PkgName": "pkg-%d",
          "PkgIdentifier": {"PURL": "pkg:npm/pkg-%d@%d.%d.0", "UID": "%016x"},
          "InstalledVersion": "%d.%d.0",
          %s"Status": "fixed",
          "Layer": {"DiffID": "sha256:9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b"},
          "SeveritySource": "ghsa",
          "PrimaryURL": "https://avd.aquasec.com/nvd/cve-2026-%05d",
          "DataSource": {"ID": "ghsa", "Name": "GitHub Security Advisory npm", "URL": "https://github.com/advisories?query=type%%3Areviewed+ecosystem%%3Anpm"},
          "Title": "pkg-%d: a sample flaw number %d written for the benchmark",
          "Description": "A sample description of a flaw in a package, written for the benchmark of ismskit's Trivy reader. It is as long as a typical advisory's first paragraph, with \"quotes\" and a line break\nso that the reader's escapes are exercised as they are on real reports.",
          "Severity": "%s",
          "CweIDs": ["CWE-400"],
          "VendorSeverity": {"ghsa": 3, "nvd": 3},
          "CVSS": {"ghsa": {"V3Vector": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", "V3Score": 7.5}},
          "References": ["https://github.com/advisories/GHSA-xxxx-yyyy-zzzz", "https://nvd.nist.gov/vuln/detail/CVE-2026-%05d"],
          "PublishedDate": "2026-03-01T13:15:00Z",
          "LastModifiedDate": "2026-04-21T09:49:00Z"
        }`, id, id%500, id%7, id%13, id%500, id%500, id%7, id%13, id, id%7, id%13, fixed, id, id%500, id, sev[id%5], id)
			k++
		}
		b.WriteString("]}")
	}
	b.WriteString("]}\n")
	return []byte(b.String())
}

var sink *Result

// BenchmarkCredentialReport100k checks a credential report of 100,000
// users (about 23 MB) with both of its checks, aws-iam-mfa and
// aws-iam-unused-credentials, from the report's bytes: each check
// decodes the CSV and tests every row (target: <= 100 ms for the two).
func BenchmarkCredentialReport100k(b *testing.B) {
	data := benchCredentialReport(100_000)
	files := map[string][]byte{CredentialReportFile: data}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	defer reportCPU(b)()
	for b.Loop() {
		for _, c := range []Check{IAMMFA{}, IAMUnusedCredentials{}} {
			r, err := c.Check(files, asOf)
			if err != nil || r.Total == 0 {
				b.Fatal(err)
			}
			sink = r
		}
	}
}

// BenchmarkCredentialReport100kRun is BenchmarkCredentialReport100k
// through Registry.Run on an fs.FS: the file is read once, within the
// byte limit, and hashed with SHA-256, then both checks run.
func BenchmarkCredentialReport100kRun(b *testing.B) {
	data := benchCredentialReport(100_000)
	fsys := fstest.MapFS{CredentialReportFile: {Data: data}}
	reg, err := NewRegistry(IAMMFA{}, IAMUnusedCredentials{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	defer reportCPU(b)()
	for b.Loop() {
		res, err := reg.Run(fsys, asOf)
		if err != nil || len(res) != 2 || res[0].Total != 100_000 {
			b.Fatal(err, len(res))
		}
		sink = &res[0]
	}
}

// BenchmarkDecodeCredentialReport100k decodes 100,000 users into a
// CredentialReport.
func BenchmarkDecodeCredentialReport100k(b *testing.B) {
	data := benchCredentialReport(100_000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	defer reportCPU(b)()
	for b.Loop() {
		rep, err := DecodeCredentialReport(data)
		if err != nil || len(rep.Users) != 100_000 {
			b.Fatal(err)
		}
	}
}

// BenchmarkTrivy100k checks a Trivy report of 100,000 findings (about
// 160 MB, each finding with every field Trivy writes; over the default
// byte limit, so the limit is raised) with trivy-fixable, from the
// report's bytes (target: <= 300 ms).
func BenchmarkTrivy100k(b *testing.B) {
	data := benchTrivyReport(100_000)
	files := map[string][]byte{TrivyFile: data}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	defer reportCPU(b)()
	for b.Loop() {
		r, err := TrivyFixable{}.Check(files, asOf, ismskit.MaxBytes(1<<30))
		if err != nil || r.Total == 0 {
			b.Fatal(err)
		}
		sink = r
	}
}

// BenchmarkTrivy100kRun is BenchmarkTrivy100k through Run on an fs.FS:
// reading the 160 MB file within the byte limit and hashing it first.
func BenchmarkTrivy100kRun(b *testing.B) {
	data := benchTrivyReport(100_000)
	fsys := fstest.MapFS{TrivyFile: {Data: data}}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	defer reportCPU(b)()
	for b.Loop() {
		r, err := Run(TrivyFixable{}, fsys, asOf, ismskit.MaxBytes(1<<30))
		if err != nil || r.Total == 0 {
			b.Fatal(err)
		}
		sink = r
	}
}

// reportCPU reports the CPU time per op when the returned function runs,
// as cpu-ms/op: on a shared machine it varies less than wall time.
func reportCPU(b *testing.B) func() {
	start := processCPU()
	return func() {
		b.ReportMetric(float64((processCPU()-start).Microseconds())/1000/float64(b.N), "cpu-ms/op")
	}
}
