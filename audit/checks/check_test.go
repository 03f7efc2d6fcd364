package checks

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/iso27002"
)

func ids(cs ...string) []iso27002.ControlID {
	out := make([]iso27002.ControlID, len(cs))
	for i, c := range cs {
		out[i] = iso27002.MustParse(c)
	}
	return out
}

// TestBuiltinOnSample runs every built-in check on the sample evidence
// folder and checks population, failures and reasons, worked out by hand
// from the files as of 2026-11-28.
func TestBuiltinOnSample(t *testing.T) {
	res, err := Builtin().Run(sampleFS(), asOf)
	require.NoError(t, err)
	byID := map[string]Result{}
	var order []string
	for _, r := range res {
		byID[r.Check] = r
		order = append(order, r.Check)
	}
	assert.Equal(t, []string{"aws-iam-mfa", "aws-iam-unused-credentials", "trivy-fixable", "training-current",
		"access-reviews-on-time", "restore-tests-passed", "suppliers-assessed", "incidents-closed-in-target"}, order)

	tests := []struct {
		id       string
		controls []iso27002.ControlID
		total    int
		failures []Failure
	}{
		{"aws-iam-mfa", ids("5.17", "8.5"), 6, []Failure{
			{"m.devries", "console password without MFA"},
			{"new-hire", "console password without MFA"},
			{"old-contractor", "console password without MFA"},
		}},
		{"aws-iam-unused-credentials", ids("5.16", "5.18"), 8, []Failure{
			{"legacy-backup", "access key 1 unused for 179 days"},
			{"s.bakker", "password unused for 105 days"},
			{"old-contractor", "password never used, user created 300 days ago; access key 2 never used, created 300 days ago"},
		}},
		{"trivy-fixable", ids("8.8"), 6, []Failure{
			{"CVE-2024-6387 openssh-client 1:9.2p1-2+deb12u2", "fixed in 1:9.2p1-2+deb12u3 (high)"},
			{"CVE-2025-0395 libc6 2.36-9+deb12u8", "fixed in 2.36-9+deb12u10 (high)"},
			{"CVE-2024-21538 cross-spawn 7.0.3", "fixed in 7.0.5, 6.0.6 (high, found in 2 targets)"},
			{"CVE-2024-37890 ws 8.17.0", "fixed in 8.17.1, 7.5.10 (high)"},
			{"CVE-2024-45337 golang.org/x/crypto v0.28.0", "fixed in 0.31.0 (critical)"},
		}},
		{"training-current", ids("6.3"), 4, []Failure{
			{"M. de Vries", "last training completed on 2025-10-20, 404 days ago"},
			{"S. Bakker", "no security training completed"},
		}},
		{"access-reviews-on-time", ids("5.15", "5.18"), 3, []Failure{
			{"Finance system", "last reviewed on 2026-03-15; the half-yearly review was due on 2026-09-15"},
			{"Support desk", "never reviewed"},
		}},
		{"restore-tests-passed", ids("5.30", "8.13"), 3, []Failure{
			{"Object storage", "the restore test of 2026-10-02 failed: Restore took 7 hours, over the 4 hour objective"},
			{"Source repositories", "last restore test on 2026-01-10, 322 days ago"},
		}},
		{"suppliers-assessed", ids("5.19", "5.22"), 4, []Failure{
			{"Payment gateway", "last assessed on 2025-06-20, 526 days ago"},
			{"E-mail delivery service", "never assessed"},
		}},
		{"incidents-closed-in-target", ids("5.24", "5.26"), 4, []Failure{
			{"INC-2026-09", "closed after 49 days, target 30 days"},
			{"INC-2026-12", "open for 54 days, target 21 days"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			r, ok := byID[tt.id]
			require.True(t, ok)
			assert.Equal(t, tt.controls, r.Controls)
			assert.Equal(t, tt.total, r.Total)
			assert.Equal(t, len(tt.failures), r.Failed)
			assert.Equal(t, tt.failures, r.Failures)
			assert.Equal(t, asOf, r.AsOf)
			require.Len(t, r.Inputs, 1)
			data := readTestdata(t, r.Inputs[0].Name)
			sum := sha256.Sum256(data)
			assert.Equal(t, hex.EncodeToString(sum[:]), r.Inputs[0].SHA256)
			assert.Equal(t, int64(len(data)), r.Inputs[0].Size)
			def := Builtin().Lookup(tt.id).Definition()
			assert.Equal(t, def.Title, r.Title)
			assert.Equal(t, def.Frequency, r.Frequency)
			assert.Equal(t, def.Parameters, r.Parameters)
		})
	}
}

func TestOptions(t *testing.T) {
	rep, err := DecodeCredentialReport(readTestdata(t, "credential-report.csv"))
	require.NoError(t, err)
	r := IAMUnusedCredentials{MaxUnusedDays: 200}.Evaluate(rep, asOf)
	assert.Equal(t, []Failure{{"old-contractor", "password never used, user created 300 days ago; access key 2 never used, created 300 days ago"}}, r.Failures)
	assert.Equal(t, []Parameter{{"maxUnusedDays", "200"}}, r.Parameters)
	r = IAMUnusedCredentials{MaxUnusedDays: 2}.Evaluate(rep, asOf)
	assert.Equal(t, 6, r.Failed, "only those used in the last 2 days pass")

	tr, err := DecodeTrivyReport(readTestdata(t, "trivy.json"))
	require.NoError(t, err)
	r = TrivyFixable{Severities: []Severity{SeverityCritical}}.Evaluate(tr, asOf)
	assert.Equal(t, 2, r.Total)
	assert.Equal(t, []Failure{{"CVE-2024-45337 golang.org/x/crypto v0.28.0", "fixed in 0.31.0 (critical)"}}, r.Failures)
	assert.Equal(t, []Parameter{{"severities", "critical"}}, r.Parameters)
	r = TrivyFixable{Severities: Severities()}.Evaluate(tr, asOf)
	assert.Equal(t, 8, r.Total)
	assert.Equal(t, 6, r.Failed)

	a, err := DecodeActivities(readTestdata(t, "activities.json"))
	require.NoError(t, err)
	r = SuppliersAssessed{CriticalOnly: true}.Evaluate(a, asOf)
	assert.Equal(t, 3, r.Total)
	assert.Equal(t, 2, r.Failed)
	r = TrainingCurrent{MaxAgeDays: 500}.Evaluate(a, asOf)
	assert.Equal(t, []Failure{{"S. Bakker", "no security training completed"}}, r.Failures)
	r = RestoreTestsPassed{MaxAgeDays: 400}.Evaluate(a, asOf)
	assert.Equal(t, 1, r.Failed)
	r = IncidentsClosedInTarget{TargetDays: 60, WindowDays: 400}.Evaluate(a, asOf)
	assert.Equal(t, 5, r.Total)
	assert.Equal(t, []Failure{{"INC-2026-12", "open for 54 days, target 21 days"}}, r.Failures)
	// As of an earlier day, later records do not count.
	r = TrainingCurrent{}.Evaluate(a, d("2026-03-01"))
	assert.Equal(t, []Failure{{"S. Bakker", "no security training completed"}, {"L. Visser", "no security training completed"}}, r.Failures)
	r = AccessReviewsOnTime{}.Evaluate(a, d("2026-07-01"))
	assert.Equal(t, []Failure{{"Support desk", "never reviewed"}}, r.Failures)
}

func TestRootAccount(t *testing.T) {
	head := "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date\n"
	root := "<root_account>,arn:aws:iam::1:root,2020-01-01T00:00:00+00:00,not_supported,2020-02-01T00:00:00+00:00,not_supported,false,true,2020-01-01T00:00:00+00:00,2020-03-01T00:00:00+00:00,false,N/A,N/A\n"
	rep, err := DecodeCredentialReport([]byte(head + root))
	require.NoError(t, err)
	require.Len(t, rep.Users, 1)
	u := rep.Users[0]
	assert.True(t, u.IsRoot())
	assert.False(t, u.PasswordEnabled, "not_supported reads as false")
	assert.True(t, u.PasswordLastChanged.IsZero())
	r := IAMMFA{}.Evaluate(rep, asOf)
	assert.Equal(t, 1, r.Total, "the root user is always in the population")
	assert.Equal(t, []Failure{{RootAccount, "root user without MFA"}}, r.Failures)
	r = IAMUnusedCredentials{}.Evaluate(rep, asOf)
	assert.Equal(t, 0, r.Total, "the root user is not in the population, even with an old active key")

	// not_supported is only a password_enabled value.
	bad := "<root_account>,arn:aws:iam::1:root,2020-01-01T00:00:00+00:00,not_supported,N/A,not_supported,not_supported,false,N/A,N/A,false,N/A,N/A\n"
	_, err = DecodeCredentialReport([]byte(head + bad))
	require.Error(t, err)
	assert.Equal(t, []string{"rows[0].mfa_active"}, fielderr.Paths(err))
}

func TestCredentialReportNA(t *testing.T) {
	head := "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date\r\n"
	rows := "svc,arn:aws:iam::1:user/svc,N/A,false,N/A,N/A,false,TRUE,N/A,N/A,False,N/A,N/A\r\n" +
		"dev,arn:aws:iam::1:user/dev,2026-01-01T00:00:00Z,true,no_information,2026-01-01T00:00:00.123+01:00,true,false,N/A,N/A,false,N/A,N/A\r\n"
	rep, err := DecodeCredentialReport([]byte(head + rows))
	require.NoError(t, err)
	require.Len(t, rep.Users, 2)
	svc, dev := rep.Users[0], rep.Users[1]
	assert.True(t, svc.Created.IsZero())
	assert.True(t, svc.AccessKeys[0].Active)
	assert.True(t, svc.AccessKeys[0].LastRotated.IsZero())
	assert.Equal(t, 2, svc.Line)
	assert.Equal(t, "2025-12-31T23:00:00.123Z", dev.PasswordLastChanged.Format("2006-01-02T15:04:05.000Z07:00"), "other offsets are read and kept in UTC")
	r := IAMUnusedCredentials{}.Evaluate(rep, asOf)
	assert.Equal(t, 2, r.Total)
	// A key with no dates at all cannot be aged: it is counted, not failed.
	assert.Equal(t, []Failure{{"dev", "password never used, user created 331 days ago"}}, r.Failures)
}

func TestCredentialReportProblems(t *testing.T) {
	full := "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date\n"
	row := "u,arn:aws:iam::1:user/u,2026-01-01T00:00:00+00:00,true,N/A,N/A,true,false,N/A,N/A,false,N/A,N/A\n"
	tests := []struct {
		name  string
		in    string
		kind  error
		paths []string
		msg   string
	}{
		{"empty", "", ismskit.ErrMissing, []string{"header"}, "no header row"},
		{"missing columns", "user,arn,password_enabled\nu,a,true\n", ismskit.ErrMissing, []string{"header", "header", "header", "header", "header", "header", "header", "header", "header", "header"}, `line 1: no column "mfa_active"`},
		{"repeated column", "user," + full, ismskit.ErrSyntax, []string{"header"}, `column "user" given twice`},
		{"short row", full + "u,arn,2026-01-01T00:00:00+00:00\n", ismskit.ErrSyntax, []string{"rows[0]"}, "line 2: 3 fields, the header has 13"},
		{"bad boolean", full + row + "v,arn,N/A,yes,N/A,N/A,true,false,N/A,N/A,false,N/A,N/A\n", ismskit.ErrSyntax, []string{"rows[1].password_enabled"}, `line 3: "yes" is not true or false`},
		{"bad date", full + "v,arn,2026-02-30T00:00:00+00:00,false,N/A,N/A,true,false,N/A,N/A,false,N/A,N/A\n", ismskit.ErrSyntax, []string{"rows[0].user_creation_time"}, "line 2:"},
		{"no user", full + ",arn,N/A,false,N/A,N/A,true,false,N/A,N/A,false,N/A,N/A\n", ismskit.ErrMissing, []string{"rows[0].user"}, "no user name"},
		{"open quote", full + row + "\"u,arn\n", ismskit.ErrSyntax, []string{"rows[1]"}, "line 3: quoted field not closed"},
		{"stray quote", full + "u\"x,arn,N/A,false,N/A,N/A,true,false,N/A,N/A,false,N/A,N/A\n" + row, ismskit.ErrSyntax, []string{"rows[0]"}, "quote inside an unquoted field"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeCredentialReport([]byte(tt.in))
			require.Error(t, err)
			assert.ErrorIs(t, err, tt.kind)
			assert.Equal(t, tt.paths, fielderr.Paths(err))
			assert.Contains(t, err.Error(), tt.msg)
			var e *ismskit.Error
			assert.True(t, errors.As(err, &e))
		})
	}
	// The user of a bad row is named.
	_, err := DecodeCredentialReport([]byte(full + "bob,arn,N/A,false,N/A,N/A,maybe,false,N/A,N/A,false,N/A,N/A\n"))
	require.Error(t, err)
	assert.Equal(t, "bob", ismskit.Problems(err)[0].Item)
	// Quoted fields, a byte order mark and CRLF are CSV too.
	rep, err := DecodeCredentialReport([]byte("\xef\xbb\xbf" + full + "\"o'neil, \"\"the\"\" admin\",arn,N/A,true,N/A,N/A,true,false,N/A,N/A,false,N/A,N/A\r\n\n"))
	require.NoError(t, err)
	assert.Equal(t, `o'neil, "the" admin`, rep.Users[0].User)
	// Problems stop at the limit.
	many := full
	for range 300 {
		many += "x,arn,N/A,false,N/A,N/A,maybe,false,N/A,N/A,false,N/A,N/A\n"
	}
	_, err = DecodeCredentialReport([]byte(many), ismskit.MaxProblems(10))
	assert.Len(t, ismskit.Problems(err), 11)
	assert.ErrorIs(t, err, ismskit.ErrMoreProblems)
}

func TestTrivyReport(t *testing.T) {
	rep, err := DecodeTrivyReport(readTestdata(t, "trivy.json"))
	require.NoError(t, err)
	assert.Equal(t, 2, rep.SchemaVersion)
	assert.Equal(t, "registry.nimbus.example/invoice-api:2026.11.3", rep.ArtifactName)
	assert.Equal(t, "container_image", rep.ArtifactType)
	require.Len(t, rep.Results, 5)
	assert.Nil(t, rep.Results[4].Vulnerabilities)
	v := rep.Results[0].Vulnerabilities[0]
	assert.Equal(t, TrivyVulnerability{VulnerabilityID: "CVE-2024-6387", PkgName: "openssh-client",
		PURL: "pkg:deb/debian/openssh-client@1:9.2p1-2%2Bdeb12u2?arch=amd64&distro=debian-12.8", InstalledVersion: "1:9.2p1-2+deb12u2",
		FixedVersion: "1:9.2p1-2+deb12u3", Status: "fixed", Severity: SeverityHigh,
		Title: "openssh: race in the signal handler of the server (sample text)", PrimaryURL: "https://avd.aquasec.com/nvd/cve-2024-6387"}, v)
	assert.Equal(t, "CVE-2024-6387 openssh-client 1:9.2p1-2+deb12u2", v.String())

	vulns := VulnerabilitiesOf(rep, SeverityHigh, SeverityCritical)
	assert.Equal(t, []string{"CVE-2024-21538 (high, fixed in 7.0.5, 6.0.6)"}, vulns["cross-spawn@7.0.3"], "a duplicate across results is listed once")
	assert.Equal(t, vulns["cross-spawn@7.0.3"], vulns["pkg:npm/cross-spawn@7.0.3"])
	assert.Equal(t, []string{"CVE-2023-45853 (critical, no fix)"}, vulns["zlib1g@1:1.2.13.dfsg-1"])
	assert.NotContains(t, vulns, "apt@2.6.1")
	assert.Contains(t, VulnerabilitiesOf(rep), "apt@2.6.1")
}

func TestTrivyDuplicates(t *testing.T) {
	doc := `{"SchemaVersion": 2, "Results": [
	 {"Target": "a", "Vulnerabilities": [
	  {"VulnerabilityID": "CVE-1", "PkgName": "p", "InstalledVersion": "1", "Severity": "HIGH"},
	  {"VulnerabilityID": "CVE-1", "PkgName": "p", "InstalledVersion": "1", "Severity": "HIGH"},
	  {"VulnerabilityID": "CVE-1", "PkgName": "p", "InstalledVersion": "2", "Severity": "HIGH", "FixedVersion": "3"}]},
	 {"Target": "b", "Vulnerabilities": [
	  {"VulnerabilityID": "CVE-1", "PkgName": "p", "InstalledVersion": "1", "Severity": "CRITICAL", "FixedVersion": "1.1"},
	  {"VulnerabilityID": "CVE-1", "PkgName": "q", "InstalledVersion": "1", "Severity": "LOW", "FixedVersion": "2"}]},
	 {"Target": "c", "Vulnerabilities": null}]}`
	rep, err := DecodeTrivyReport([]byte(doc))
	require.NoError(t, err)
	r := TrivyFixable{}.Evaluate(rep, asOf)
	assert.Equal(t, 2, r.Total, "(CVE-1, p, 1) three times and (CVE-1, p, 2) once; q is low")
	assert.Equal(t, []Failure{
		{"CVE-1 p 1", "fixed in 1.1 (critical, found in 3 targets)"},
		{"CVE-1 p 2", "fixed in 3 (high)"},
	}, r.Failures)
}

func TestTrivyProblems(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		kind  error
		paths []string
		msg   string
	}{
		{"schema version 1", `[{"Target": "x", "Vulnerabilities": []}]`, ErrSchemaVersion, []string{""}, "schema version 1"},
		{"schema version 3", `{"SchemaVersion": 3, "Results": []}`, ErrSchemaVersion, []string{"SchemaVersion"}, "schema version 3"},
		{"no schema version", `{"Results": []}`, ismskit.ErrMissing, []string{"SchemaVersion"}, "no SchemaVersion"},
		{"schema version as text", `{"SchemaVersion": "2"}`, ismskit.ErrType, []string{"SchemaVersion"}, "want a number, got string"},
		{"not an object", `"report"`, ismskit.ErrType, []string{""}, "want a JSON object"},
		{"empty", ``, ismskit.ErrSyntax, []string{""}, "empty input"},
		{"malformed", `{"SchemaVersion": 2, "Results": [}`, ismskit.ErrSyntax, []string{""}, "offset 33"},
		{"trailing", `{"SchemaVersion": 2} {}`, ismskit.ErrTrailingData, []string{""}, "offset 21"},
		{"results not an array", `{"SchemaVersion": 2, "Results": {}}`, ismskit.ErrType, []string{"Results"}, "want an array, got object"},
		{"bad severity", `{"SchemaVersion": 2, "Results": [{"Vulnerabilities": [{"VulnerabilityID": "CVE-1", "PkgName": "p", "Severity": "SEVERE"}]}]}`,
			ismskit.ErrUnknownValue, []string{"Results[0].Vulnerabilities[0].Severity"}, `"SEVERE" is not a Trivy severity`},
		{"missing fields", `{"SchemaVersion": 2, "Results": [{"Vulnerabilities": [{"Severity": "HIGH"}]}]}`,
			ismskit.ErrMissing, []string{"Results[0].Vulnerabilities[0].VulnerabilityID", "Results[0].Vulnerabilities[0].PkgName"}, "without an ID"},
		{"wrong types", `{"SchemaVersion": 2, "Results": [{"Target": 7, "Vulnerabilities": [{"VulnerabilityID": "CVE-1", "PkgName": ["p"], "Severity": "LOW", "PkgIdentifier": "x"}]}]}`,
			ismskit.ErrType, []string{"Results[0].Target", "Results[0].Vulnerabilities[0].PkgName", "Results[0].Vulnerabilities[0].PkgIdentifier", "Results[0].Vulnerabilities[0].PkgName"}, "want a string, got number"},
		{"control character", "{\"SchemaVersion\": 2, \"ArtifactName\": \"a\x01b\"}", ismskit.ErrSyntax, []string{""}, "control character"},
		{"bad escape", `{"SchemaVersion": 2, "Metadata": {"x": "\q"}}`, ismskit.ErrSyntax, []string{""}, `invalid escape \q`},
		{"bad number", `{"SchemaVersion": 2, "Metadata": {"x": 01}}`, ismskit.ErrSyntax, []string{""}, ""},
		{"deep", `{"SchemaVersion": 2, "Metadata": ` + repeat("[", 200) + repeat("]", 200) + `}`, ismskit.ErrTooDeep, []string{""}, "nested deeper than 128"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeTrivyReport([]byte(tt.in))
			require.Error(t, err)
			assert.ErrorIs(t, err, tt.kind)
			assert.Equal(t, tt.paths, fielderr.Paths(err))
			assert.Contains(t, err.Error(), tt.msg)
		})
	}
	_, err := DecodeTrivyReport([]byte(`{"SchemaVersion": 2}`), ismskit.MaxBytes(5))
	assert.ErrorIs(t, err, ismskit.ErrTooLarge)
}

func TestTrivyStrings(t *testing.T) {
	doc := `{"SchemaVersion": 2, "Results": [{"Target": "a\"b\\c\/d\u00e9\ud83d\ude00\ud800x\n\t\b\f\r", "Vulnerabilities": [` +
		`{"VulnerabilityID": "CVE-1", "PkgName": "p` + "\xff" + `", "Severity": "LOW", "Extra": [true, false, null, -1.5e+3, {"a": []}]}]}]}`
	rep, err := DecodeTrivyReport([]byte(doc))
	require.NoError(t, err)
	assert.Equal(t, "a\"b\\c/dé😀\uFFFDx\n\t\b\f\r", rep.Results[0].Target)
	assert.Equal(t, "p\uFFFD", rep.Results[0].Vulnerabilities[0].PkgName)
}

func repeat(s string, n int) string {
	b := make([]byte, 0, len(s)*n)
	for range n {
		b = append(b, s...)
	}
	return string(b)
}
