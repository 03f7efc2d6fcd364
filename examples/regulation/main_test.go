package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/examples/internal/mainrun"
	"github.com/ismskit/ismskit/internal/goldenfile"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/soa"
	"github.com/ismskit/ismskit/soa/regulation"
)

// TestMain lets TestProgram run main as a program.
func TestMain(m *testing.M) { mainrun.Main(m, main) }

func runArgs(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = run(args, &o, &e)
	return code, o.String(), e.String()
}

// TestGolden runs each mode and compares its output with testdata;
// go test -update rewrites the files.
func TestGolden(t *testing.T) {
	deadlines := []string{"-deadlines", "-regimes", "gdpr,nis2,hipaa,dora", "-aware", "2026-01-30T18:00:00+01:00",
		"-classified", "2026-01-30T21:00:00+01:00", "-affected", "600"}
	for name, args := range map[string][]string{
		"overview.txt":          nil,
		"list-gdpr.json":        {"-list", "gdpr", "-format", "json"},
		"list-hipaa.json":       {"-list", "hipaa", "-format", "json"},
		"list-nis2.json":        {"-list", "nis2", "-format", "json"},
		"list-dora.txt":         {"-list", "DORA"},
		"deadlines.json":        append(deadlines, "-format", "json"),
		"deadlines-at.txt":      append(deadlines, "-at", "2026-02-02T09:00:00+01:00", "-high-risk", "-zone", "Europe/Brussels", "-holidays", "2026-02-02"),
		"coverage-gdpr.md":      {"-coverage", "gdpr"},
		"coverage-nis2.json":    {"-coverage", "nis2", "-format", "json"},
		"coverage-hipaa-own.md": {"-coverage", "hipaa", "-soa", filepath.Join("testdata", "clinic-soa.json")},
	} {
		t.Run(name, func(t *testing.T) {
			code, out, errOut := runArgs(args...)
			require.Equal(t, 0, code, errOut)
			assert.Empty(t, errOut)
			goldenfile.Check(t, filepath.Join("testdata", name), []byte(out))
		})
	}
}

// TestListJSON checks the fields the -list output promises.
func TestListJSON(t *testing.T) {
	for reg, n := range map[string]int{"gdpr": 99, "hipaa": 87, "nis2": 21, "dora": 13} {
		code, out, _ := runArgs("-list", reg, "-format", "json")
		require.Equal(t, 0, code)
		var rows []map[string]any
		require.NoError(t, json.Unmarshal([]byte(out), &rows))
		assert.Len(t, rows, n)
		r, _ := regulation.ParseRegulation(reg)
		for _, row := range rows {
			id, err := r.ParseID(row["id"].(string))
			require.NoError(t, err)
			assert.Equal(t, id.String(), row["ref"])
			assert.NotEmpty(t, row["title"])
			_, has := row["required"]
			assert.Equal(t, reg == "hipaa", has)
		}
	}
	code, out, _ := runArgs("-list", "hipaa", "-format", "json")
	require.Equal(t, 0, code)
	assert.Contains(t, out, `"id": "164.312(a)(2)(iv)",
    "ref": "45 CFR 164.312(a)(2)(iv)",
    "title": "Encryption and decryption",
    "kind": "implementation-specification",
    "required": false`)
	code, out, _ = runArgs("-list", "gdpr", "-format", "json")
	require.Equal(t, 0, code)
	assert.Contains(t, out, `"id": "Art. 32",
    "ref": "GDPR Art. 32",
    "title": "Security of processing"`)
}

// TestDeadlinesJSON checks the -deadlines output against the laws' time
// limits.
func TestDeadlinesJSON(t *testing.T) {
	code, out, errOut := runArgs("-deadlines", "-regimes", "gdpr,nis2,hipaa,dora", "-aware", "2026-03-03T09:00:00+01:00",
		"-classified", "2026-03-03T11:00:00+01:00", "-affected", "40", "-format", "json")
	require.Equal(t, 0, code, errOut)
	var rows []struct {
		Regime, Notify, Basis string
		Due                   *string
	}
	require.NoError(t, json.Unmarshal([]byte(out), &rows))
	got := map[string]string{}
	for _, r := range rows {
		require.NotNil(t, r.Due, r.Basis)
		got[r.Regime+" "+r.Notify+" "+r.Basis] = *r.Due
		if !strings.HasPrefix(r.Basis, "45 CFR") {
			_, err := time.Parse(time.RFC3339, *r.Due)
			assert.NoError(t, err, "%s: an RFC 3339 time", r.Basis)
		}
	}
	assert.Equal(t, map[string]string{
		"gdpr supervisory-authority GDPR Art. 33(1)":     "2026-03-06T09:00:00+01:00",
		"nis2 csirt NIS2 Art. 23(4)(a)":                  "2026-03-04T09:00:00+01:00",
		"nis2 csirt NIS2 Art. 23(4)(b)":                  "2026-03-06T09:00:00+01:00",
		"nis2 csirt NIS2 Art. 23(4)(d)":                  "2026-04-06T09:00:00+01:00",
		"hipaa individuals 45 CFR 164.404(b)":            "2026-05-02",
		"hipaa secretary 45 CFR 164.408(c)":              "2027-03-01",
		"dora competent-authority DORA RTS Art. 5(1)(a)": "2026-03-03T15:00:00+01:00",
		"dora competent-authority DORA RTS Art. 5(1)(b)": "2026-03-06T15:00:00+01:00",
		"dora competent-authority DORA RTS Art. 5(1)(c)": "2026-04-06T15:00:00+01:00",
	}, got)

	// With the organisation's zone, one month later is in summer time.
	code, out, errOut = runArgs("-deadlines", "-regimes", "nis2", "-aware", "2026-03-03T09:00:00+01:00", "-zone", "Europe/Brussels", "-format", "json")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, `"due": "2026-04-06T09:00:00+02:00"`)

	code, out, _ = runArgs("-deadlines", "-regimes", "gdpr", "-aware", "2026-03-03T09:00:00Z", "-high-risk", "-format", "json")
	require.Equal(t, 0, code)
	assert.Contains(t, out, `"due": null`, "Art. 34 sets no fixed time")
	code, out, _ = runArgs("-deadlines", "-regimes", "dora", "-aware", "2026-03-03T09:00:00Z", "-format", "json")
	require.Equal(t, 0, code)
	assert.Equal(t, "[]\n", out, "DORA: not classified as major, no report")
}

func TestCoverageOwnSoA(t *testing.T) {
	dir := t.TempDir()
	s := soa.SoA{Header: soa.Header{Organization: "Clinic", Version: "1", Date: ismskit.MustParseDate("2026-05-01"), Edition: iso27002.Edition2022},
		Entries: []soa.Entry{{Control: iso27002.MustParse("8.24"), Applicability: soa.Included, Status: soa.Implemented,
			Reasons: []soa.Reason{{Kind: soa.Regulatory, Reference: "HIPAA"}}}}}
	data, err := soa.EncodeSoA(s)
	require.NoError(t, err)
	file := filepath.Join(dir, "soa.json")
	require.NoError(t, os.WriteFile(file, data, 0o644))
	code, out, errOut := runArgs("-coverage", "hipaa", "-soa", file, "-format", "json")
	require.Equal(t, 0, code, errOut)
	var c regulation.Coverage
	require.NoError(t, json.Unmarshal([]byte(out), &c))
	assert.Equal(t, "Clinic", c.Organization)
	assert.Equal(t, 87, len(c.Requirements))

	tailoring := filepath.Join(dir, "t.json")
	require.NoError(t, os.WriteFile(tailoring, []byte(`{"requirements": ["45 CFR 164.312"]}`), 0o644))
	code, out, errOut = runArgs("-coverage", "hipaa", "-soa", file, "-tailoring", tailoring, "-format", "json")
	require.Equal(t, 0, code, errOut)
	require.NoError(t, json.Unmarshal([]byte(out), &c))
	assert.Equal(t, 87-12, c.Summary.NotApplicable, "only 164.312 applies")
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"header": {"organisation": "x"}}`), 0o644))
	badTailoring := filepath.Join(dir, "badt.json")
	require.NoError(t, os.WriteFile(badTailoring, []byte(`{"regulations": ["ccpa"]}`), 0o644))
	invalidTailoring := filepath.Join(dir, "invt.json")
	require.NoError(t, os.WriteFile(invalidTailoring, []byte(`{"regulations": ["hipaa"], "exclusions": [{"requirement": "GDPR Art. 5", "reason": "x"}]}`), 0o644))
	aware := "2026-01-01T00:00:00Z"
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"-list", "ccpa"}, `-list: "ccpa" is not a built-in regulation`},
		{[]string{"-list", ""}, "-list needs a regulation"},
		{[]string{"-deadlines", "-regimes", "gdpr", "-aware", aware, "-zone", "Mars/Olympus"}, `-zone: "Mars/Olympus" is not a time zone`},
		{[]string{"-format", "xml"}, "-format: want text or json"},
		{[]string{"-list", "gdpr", "-coverage", "nis2"}, "choose one of -list, -deadlines and -coverage"},
		{[]string{"-list", "gdpr", "-aware", aware}, "-aware does not apply here"},
		{[]string{"-list", "gdpr", "-soa", "x.json"}, "-soa does not apply here"},
		{[]string{"-deadlines"}, "-deadlines needs -regimes"},
		{[]string{"-deadlines", "-regimes", "gdpr"}, "-deadlines needs -aware"},
		{[]string{"-deadlines", "-regimes", "gdpr", "-aware", "yesterday"}, `-aware: want an RFC 3339 time`},
		{[]string{"-deadlines", "-regimes", "gdpr", "-aware", aware, "-at", "now"}, `-at: want an RFC 3339 time`},
		{[]string{"-deadlines", "-regimes", "gdpr,foo", "-aware", aware}, `-regimes: "foo" is not a built-in regulation`},
		{[]string{"-deadlines", "-regimes", "gdpr,gdpr", "-aware", aware}, "regimes[1]: GDPR is listed twice"},
		{[]string{"-deadlines", "-regimes", "hipaa", "-aware", aware, "-affected", "-3"}, "individuals: -3 individuals: a count is not negative"},
		{[]string{"-deadlines", "-regimes", "hipaa", "-aware", aware, "-affected", "many"}, "invalid value"},
		{[]string{"-deadlines", "-regimes", "hipaa", "-aware", aware, "-residents", "CA"}, "-residents: want STATE=N"},
		{[]string{"-deadlines", "-regimes", "hipaa", "-aware", aware, "-affected", "5", "-residents", "CA=9"}, "residents: the residents by State (9) outnumber the individuals (5)"},
		{[]string{"-deadlines", "-regimes", "dora", "-aware", aware, "-holidays", "2026-02-30"}, "-holidays: invalid date"},
		{[]string{"-deadlines", "-regimes", "dora", "-aware", aware, "-classified", "2025-12-31T00:00:00Z"}, "classified: classified (2025-12-31T00:00:00Z) is before the organisation became aware"},
		{[]string{"-deadlines", "-regimes", "hipaa", "-aware", aware, "-detected", "2026-01-02T00:00:00Z"}, "detected: detected (2026-01-02T00:00:00Z) is after"},
		{[]string{"-coverage", "ccpa"}, `-coverage: "ccpa" is not a built-in regulation`},
		{[]string{"-coverage", "gdpr", "-soa", filepath.Join(dir, "missing.json")}, "cannot read the SoA"},
		{[]string{"-coverage", "gdpr", "-soa", bad}, "the SoA is not valid:\n  header.organisation: unknown field"},
		{[]string{"-coverage", "gdpr", "-tailoring", badTailoring}, "the tailoring is not valid:\n  regulations[0]"},
		{[]string{"-coverage", "hipaa", "-tailoring", invalidTailoring}, "tailoring.exclusions[0].requirement (GDPR Art. 5): GDPR Art. 5 is excluded but does not apply anyway"},
		{[]string{"-nosuchflag"}, "flag provided but not defined: -nosuchflag"},
		{[]string{"extra"}, `unexpected argument "extra"`},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, out, errOut := runArgs(tt.args...)
			assert.Equal(t, 2, code)
			assert.Empty(t, out)
			assert.Contains(t, errOut, tt.want)
			assert.NotContains(t, errOut, "panic")
		})
	}
	code, _, _ := runArgs("-h")
	assert.Equal(t, 0, code)
}

// TestProgram runs the example as `go run` does, from an empty folder.
func TestProgram(t *testing.T) {
	stdout, _ := mainrun.Run(t)
	assert.Contains(t, stdout, "GDPR        99            60")
}
