package checks

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/soa"
)

func TestRunReadsWithinLimit(t *testing.T) {
	var read int64
	_, err := Run(IAMMFA{}, endless{fill: 'a', read: &read}, asOf)
	require.Error(t, err)
	assert.ErrorIs(t, err, ismskit.ErrTooLarge, "a 1 GB file ends in ErrTooLarge")
	assert.Equal(t, []string{`files["credential-report.csv"]`}, fielderr.Paths(err))
	assert.Less(t, read, int64(ismskit.DefaultMaxBytes)+1<<20, "the file is not read past the limit")

	read = 0
	_, err = Run(TrivyFixable{}, endless{fill: '[', read: &read}, asOf, ismskit.MaxBytes(1<<20))
	assert.ErrorIs(t, err, ismskit.ErrTooLarge)
	assert.Less(t, read, int64(2<<20))

	// A file whose size is known is refused before it is read.
	big := fstest.MapFS{TrivyFile: {Data: make([]byte, 2048)}}
	_, err = Run(TrivyFixable{}, big, asOf, ismskit.MaxBytes(1024))
	assert.ErrorIs(t, err, ismskit.ErrTooLarge)
	_, err = ReadFile(big, TrivyFile, ismskit.MaxBytes(-1))
	assert.NoError(t, err)
}

func TestRunProblems(t *testing.T) {
	_, err := Run(IAMMFA{}, mapFS(nil), asOf)
	assert.ErrorIs(t, err, ismskit.ErrMissing)
	assert.Contains(t, err.Error(), `files["credential-report.csv"]: no file credential-report.csv`)

	_, err = Run(IAMMFA{}, fstest.MapFS{CredentialReportFile: {Mode: os.ModeDir}}, asOf)
	assert.ErrorIs(t, err, ismskit.ErrSyntax)
	assert.Contains(t, err.Error(), "is a directory")

	_, err = Run(nil, sampleFS(), asOf)
	assert.ErrorIs(t, err, ismskit.ErrMissing)
	_, err = Run(IAMMFA{}, nil, asOf)
	assert.ErrorIs(t, err, ismskit.ErrMissing)
	_, err = Run(IAMMFA{}, sampleFS(), ismskit.Date{})
	assert.Equal(t, []string{"asOf"}, fielderr.Paths(err))

	// Problems of the input are placed under its file.
	fsys := mapFS(map[string]string{TrivyFile: `{"SchemaVersion": 1}`, CredentialReportFile: "user,arn\n"})
	_, err = Run(TrivyFixable{}, fsys, asOf)
	assert.ErrorIs(t, err, ErrSchemaVersion)
	assert.Equal(t, []string{`files["trivy.json"].SchemaVersion`}, fielderr.Paths(err))
	assert.Contains(t, err.Error(), `files["trivy.json"].SchemaVersion: schema version 1`)

	// A check that returns no result.
	f := Func{Def: Definition{ID: "x", Inputs: []string{"a.txt"}}, Fn: func(map[string][]byte, ismskit.Date, ...ismskit.DecodeOption) (*Result, error) { return nil, nil }}
	_, err = Run(f, mapFS(map[string]string{"a.txt": "a"}), asOf)
	assert.ErrorIs(t, err, ismskit.ErrMissing)
	_, err = Func{}.Check(nil, asOf)
	assert.ErrorIs(t, err, ismskit.ErrMissing)
}

// TestFunc registers a product's own check beside the built-in ones.
func TestFunc(t *testing.T) {
	own := Func{
		Def: Definition{ID: "acme-tls", Title: "TLS certificates are not about to expire", Population: "certificates",
			Controls: []iso27002.ControlID{iso27002.MustParse("8.24")}, Inputs: []string{"certs.txt"}, Frequency: Daily},
		Fn: func(files map[string][]byte, asOf ismskit.Date, _ ...ismskit.DecodeOption) (*Result, error) {
			r := &Result{Total: 2}
			if string(files["certs.txt"]) != "ok" {
				r.Fail("api.example", "expires in 3 days")
			}
			return r, nil
		},
	}
	reg, err := Builtin().With(own)
	require.NoError(t, err)
	assert.Equal(t, 9, reg.Len())
	assert.Equal(t, 8, Builtin().Len(), "With does not change its receiver")
	fsys := mapFS(map[string]string{"certs.txt": "expiring", CredentialReportFile: string(readTestdata(t, CredentialReportFile))})
	res, err := reg.Run(fsys, asOf)
	require.NoError(t, err)
	require.Len(t, res, 3, "the two IAM checks and the product's")
	r := res[2]
	assert.Equal(t, "acme-tls", r.Check)
	assert.Equal(t, "TLS certificates are not about to expire", r.Title)
	assert.Equal(t, []iso27002.ControlID{iso27002.MustParse("8.24")}, r.Controls)
	assert.Equal(t, Daily, r.Frequency)
	assert.Equal(t, asOf, r.AsOf)
	assert.Equal(t, 1, r.Failed)
	assert.Equal(t, []Input{{Name: "certs.txt", SHA256: sha("expiring"), Size: 8}}, r.Inputs)
	assert.Equal(t, "acme-tls", reg.Lookup("acme-tls").Definition().ID)
	assert.Nil(t, reg.Lookup("nope"))
}

func sha(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

func TestRegistryProblems(t *testing.T) {
	_, err := NewRegistry(IAMMFA{}, nil, IAMMFA{}, Func{}, Func{Def: Definition{ID: "x", Controls: []iso27002.ControlID{{}}, Inputs: []string{"../up", ""}, Frequency: 99}})
	require.Error(t, err)
	assert.Equal(t, []string{"checks[1]", "checks[2].id", "checks[3].id", "checks[4].controls[0]", "checks[4].inputs[0]", "checks[4].inputs[1]", "checks[4].frequency"}, fielderr.Paths(err))
	assert.ErrorIs(t, err, ismskit.ErrDuplicateID)
	assert.ErrorIs(t, err, ismskit.ErrInvalidID)
	_, err = Builtin().With(TrivyFixable{Severities: []Severity{SeverityCritical}})
	assert.ErrorIs(t, err, ismskit.ErrDuplicateID, "one ID per registry, whatever the options")

	var zero Registry
	res, err := zero.Run(sampleFS(), asOf)
	assert.NoError(t, err)
	assert.Nil(t, res)
	_, err = Builtin().Run(nil, asOf)
	assert.ErrorIs(t, err, ismskit.ErrMissing)
	_, err = Builtin().Run(sampleFS(), ismskit.Date{})
	assert.ErrorIs(t, err, ismskit.ErrMissing)
}

// TestRegistryRunGoesOn shows that a bad file stops only the checks that
// read it, and that a file read by two checks is reported for each.
func TestRegistryRunGoesOn(t *testing.T) {
	fsys := mapFS(map[string]string{
		CredentialReportFile: "user,arn,password_enabled\n",
		TrivyFile:            string(readTestdata(t, TrivyFile)),
		ActivitiesFile:       `{"training": [{"person": "A"}], "incidents": [{"id": "I", "severity": "high", "opened": "2026-01-02", "closed": "2026-01-01"}]}`,
	})
	res, err := Builtin().Run(fsys, asOf)
	require.Error(t, err)
	require.Len(t, res, 1)
	assert.Equal(t, "trivy-fixable", res[0].Check)
	paths := fielderr.Paths(err)
	assert.Contains(t, paths, `files["credential-report.csv"].header`)
	assert.Contains(t, paths, `files["activities.json"].training[0].course`)
	assert.Contains(t, paths, `files["activities.json"].incidents[0].closed`)
	assert.ErrorIs(t, err, ismskit.ErrDateOrder)
	n := 0
	for _, p := range paths {
		if p == `files["activities.json"].training[0].course` {
			n++
		}
	}
	assert.Equal(t, 5, n, "each of the five checks of activities.json reports it")

	// Malformed activities: the strict decoder names the key.
	_, err = Run(TrainingCurrent{}, mapFS(map[string]string{ActivitiesFile: `{"trainings": []}`}), asOf)
	assert.ErrorIs(t, err, ismskit.ErrUnknownField)
	assert.Equal(t, []string{`files["activities.json"].trainings`}, fielderr.Paths(err))
}

func TestResult(t *testing.T) {
	res, err := Run(IAMMFA{}, sampleFS(), asOf)
	require.NoError(t, err)
	assert.False(t, res.Passed())
	p, ok := res.PassedPercent()
	assert.True(t, ok)
	assert.Equal(t, 50.0, p)
	assert.Equal(t, "aws-iam-mfa: 3 of 6 failed", res.Summary())
	assert.Equal(t, "check:aws-iam-mfa:2026-11-28", res.EvidenceID())

	// Weekly: stale after a week.
	assert.False(t, res.Stale(d("2026-12-05")))
	assert.True(t, res.Stale(d("2026-12-06")))
	assert.False(t, res.Stale(d("2026-11-01")))

	data := readTestdata(t, CredentialReportFile)
	assert.Equal(t, []byte(sha(string(data))+"  credential-report.csv\n"), res.Manifest())
	assert.Equal(t, sha(string(data)), res.Digest(), "one input: the file's own digest")
	ev := res.Evidence()
	assert.Equal(t, "check:aws-iam-mfa:2026-11-28", ev.ID)
	assert.Equal(t, "credential-report.csv", ev.Where)
	assert.Equal(t, asOf, ev.When)
	assert.Equal(t, "Check aws-iam-mfa: 3 of 6 failed (Console users and the root user of the AWS account sign in with MFA)", ev.What)
	assert.NoError(t, ev.Verify(data))

	two := &Result{Check: "x", AsOf: asOf, Inputs: []Input{{Name: "a", SHA256: sha("a")}, {Name: "b", SHA256: sha("b")}}}
	assert.Equal(t, sha(sha("a")+"  a\n"+sha("b")+"  b\n"), two.Digest(), "several inputs: the digest of the manifest")
	assert.Equal(t, "x: all 0 passed", two.Summary())
	_, ok = two.PassedPercent()
	assert.False(t, ok)
	assert.True(t, two.Passed())
	assert.False(t, two.Stale(d("2099-01-01")), "no frequency: never stale")
	assert.Equal(t, "", (&Result{}).Digest())

	var nilRes *Result
	assert.False(t, nilRes.Passed())
	assert.True(t, nilRes.Stale(asOf))
	assert.Empty(t, nilRes.EvidenceID())
	assert.Empty(t, nilRes.Summary())
	nilRes.Fail("x", "y")

	evs := Evidence([]Result{*res, *two})
	assert.Len(t, evs, 2)
	assert.Equal(t, "check:x:2026-11-28", evs[1].ID)
}

func TestCite(t *testing.T) {
	s := soa.SoA{Entries: []soa.Entry{
		{Control: iso27002.MustParse("5.17"), Evidence: []string{"DOC-1"}},
		{Control: iso27002.MustParse("8.5"), Evidence: []string{"check:aws-iam-mfa:2026-11-28"}},
		{Control: iso27002.MustParse("8.8")},
		{Control: iso27002.MustParse("5.1")},
	}}
	res, err := Builtin().Run(sampleFS(), asOf)
	require.NoError(t, err)
	out := Cite(s, res)
	assert.Equal(t, []string{"DOC-1", "check:aws-iam-mfa:2026-11-28"}, out.Entries[0].Evidence)
	assert.Equal(t, []string{"check:aws-iam-mfa:2026-11-28"}, out.Entries[1].Evidence, "cited once")
	assert.Equal(t, []string{"check:trivy-fixable:2026-11-28"}, out.Entries[2].Evidence)
	assert.Nil(t, out.Entries[3].Evidence)
	assert.Equal(t, []string{"DOC-1"}, s.Entries[0].Evidence, "the input is not modified")
}

func TestFrequency(t *testing.T) {
	tests := []struct {
		f    Frequency
		from string
		next string
	}{
		{Daily, "2026-12-31", "2027-01-01"},
		{Weekly, "2026-11-28", "2026-12-05"},
		{Monthly, "2026-01-31", "2026-02-28"},
		{Quarterly, "2026-11-30", "2027-02-28"},
		{HalfYearly, "2026-03-15", "2026-09-15"},
		{Yearly, "2024-02-29", "2025-02-28"},
	}
	for _, tt := range tests {
		assert.Equal(t, d(tt.next), tt.f.Next(d(tt.from)), tt.f.String())
		assert.False(t, tt.f.Due(d(tt.from), d(tt.next)), "due only after the next date")
		assert.True(t, tt.f.Due(d(tt.from), d(tt.next).AddDate(0, 0, 1)))
		assert.True(t, tt.f.Due(ismskit.Date{}, d(tt.from)), "never done: due")
	}
	assert.True(t, Frequency(0).Next(asOf).IsZero())
	assert.False(t, Frequency(0).Due(ismskit.Date{}, asOf))
	assert.True(t, Yearly.Next(ismskit.Date{}).IsZero())
}

func TestEnums(t *testing.T) {
	for _, f := range Frequencies() {
		b, err := f.MarshalText()
		require.NoError(t, err)
		back, err := ParseFrequency(string(b))
		require.NoError(t, err)
		assert.Equal(t, f, back)
		assert.Equal(t, string(b), f.Code())
		assert.True(t, f.IsValid())
	}
	assert.Equal(t, "Half-yearly", HalfYearly.String())
	assert.Equal(t, "Frequency(42)", Frequency(42).String())
	for _, s := range Severities() {
		b, err := s.MarshalText()
		require.NoError(t, err)
		var back Severity
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, s, back)
	}
	sev, err := ParseSeverity("HIGH")
	require.NoError(t, err, "ParseX reads labels in any case")
	assert.Equal(t, SeverityHigh, sev)
	assert.ErrorIs(t, new(Severity).UnmarshalText([]byte("HIGH")), ismskit.ErrUnknownValue, "the JSON form is lower case")
	_, err = Severity(9).MarshalText()
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
	assert.True(t, errors.Is(new(Frequency).UnmarshalText([]byte("hourly")), ismskit.ErrUnknownValue))
}
