package cvss3

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/risk/scoring/cvss"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Published scores. Base-only vectors: FIRST's v3.1 calculator (as recorded
// in the test data of RedHatProductSecurity/cvss) and the CVEs of FIRST's
// "CVSS v3.1 Examples"; the others name their source.
var scoreTests = []struct {
	name                string
	vector              string
	base, temp, env     float64
	baseSev, tSev, eSev Severity
}{
	{"9.8 issue example", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, 9.8, 9.8, SeverityCritical, SeverityCritical, SeverityCritical},
	{"scope changed max", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10, 10, 10, SeverityCritical, SeverityCritical, SeverityCritical},
	{"scope changed C:H/I:L/A:L", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:L/A:L", 9.9, 9.9, 9.9, SeverityCritical, SeverityCritical, SeverityCritical},
	{"scope changed C:L", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:L/I:N/A:N", 5.8, 5.8, 5.8, SeverityMedium, SeverityMedium, SeverityMedium},
	{"C:L/I:L/A:L", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:L", 7.3, 7.3, 7.3, SeverityHigh, SeverityHigh, SeverityHigh},
	{"no impact", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0, 0, 0, SeverityNone, SeverityNone, SeverityNone},
	{"no impact scope changed", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:N/I:N/A:N", 0, 0, 0, SeverityNone, SeverityNone, SeverityNone},
	{"env differs 9.6/9.7", "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H", 9.6, 9.6, 9.7, SeverityCritical, SeverityCritical, SeverityCritical},
	{"env differs 9.9/10", "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H", 9.9, 9.9, 10, SeverityCritical, SeverityCritical, SeverityCritical},
	{"env differs 9.0/9.1", "CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:H/I:H/A:H", 9.0, 9.0, 9.1, SeverityCritical, SeverityCritical, SeverityCritical},
	{"CVE-2013-1937", "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1, 6.1, 6.1, SeverityMedium, SeverityMedium, SeverityMedium},
	{"UI:R C:L", "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:N/A:N", 4.3, 4.3, 4.3, SeverityMedium, SeverityMedium, SeverityMedium},
	{"PR:L scope changed C:L", "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:N/A:N", 5.0, 5.0, 5.0, SeverityMedium, SeverityMedium, SeverityMedium},
	{"PR:L UI:R scope changed", "CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:N/A:N", 4.1, 4.1, 4.1, SeverityMedium, SeverityMedium, SeverityMedium},
	{"PR:L UI:R C:L/I:L", "CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:U/C:L/I:L/A:N", 4.6, 4.6, 4.6, SeverityMedium, SeverityMedium, SeverityMedium},
	{"low 3.5", "CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:U/C:N/I:N/A:L", 3.5, 3.5, 3.5, SeverityLow, SeverityLow, SeverityLow},
	{"PR:H scope changed", "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:C/C:H/I:H/A:H", 9.1, 9.1, 9.1, SeverityCritical, SeverityCritical, SeverityCritical},
	{"PR:H scope changed low", "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:C/C:L/I:L/A:L", 6.6, 6.6, 6.6, SeverityMedium, SeverityMedium, SeverityMedium},
	{"CVE-2020-14144", "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H", 7.2, 7.2, 7.2, SeverityHigh, SeverityHigh, SeverityHigh},
	{"PR:H C:H", "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:N/A:N", 4.9, 4.9, 4.9, SeverityMedium, SeverityMedium, SeverityMedium},
	{"PR:H C:H/I:L/A:L", "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:L/A:L", 6.0, 6.0, 6.0, SeverityMedium, SeverityMedium, SeverityMedium},
	{"CVE-2014-3566", "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N", 3.1, 3.1, 3.1, SeverityLow, SeverityLow, SeverityLow},
	{"CVE-2013-0375", "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N", 6.4, 6.4, 6.4, SeverityMedium, SeverityMedium, SeverityMedium},
	{"CVE-2009-0783", "CVSS:3.1/AV:L/AC:L/PR:H/UI:N/S:U/C:L/I:L/A:L", 4.2, 4.2, 4.2, SeverityMedium, SeverityMedium, SeverityMedium},
	{"CVE-2015-1098", "CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H", 7.8, 7.8, 7.8, SeverityHigh, SeverityHigh, SeverityHigh},
	{"CVE-2014-0160", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", 7.5, 7.5, 7.5, SeverityHigh, SeverityHigh, SeverityHigh},
	{"CVE-2008-1447", "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:N/I:H/A:N", 6.8, 6.8, 6.8, SeverityMedium, SeverityMedium, SeverityMedium},
	{"CVE-2014-2005", "CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 6.8, 6.8, 6.8, SeverityMedium, SeverityMedium, SeverityMedium},
	{"CVE-2013-6014", "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:C/C:H/I:N/A:H", 9.3, 9.3, 9.3, SeverityCritical, SeverityCritical, SeverityCritical},
	{"CVE-2014-2019", "CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N", 4.6, 4.6, 4.6, SeverityMedium, SeverityMedium, SeverityMedium},
	{"CVE-2014-0224", "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N", 7.4, 7.4, 7.4, SeverityHigh, SeverityHigh, SeverityHigh},
	{"CVE-2016-0128", "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:H/A:N", 6.8, 6.8, 6.8, SeverityMedium, SeverityMedium, SeverityMedium},
	// pandatix/go-cvss test data, every metric defined.
	{"all defined", "CVSS:3.1/AV:A/AC:H/PR:L/UI:N/S:C/C:H/I:L/A:L/E:F/RL:U/RC:R/CR:H/IR:M/AR:L/MAV:N/MAC:L/MPR:N/MUI:N/MS:C/MC:H/MI:H/MA:H", 7.1, 6.7, 9.4, SeverityHigh, SeverityMedium, SeverityCritical},
	// RedHatProductSecurity/cvss severities test: High, Medium, Low.
	{"temporal and environmental", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:L/E:P/CR:L/IR:L/AR:L/MAV:P", 7.3, 6.9, 2.8, SeverityHigh, SeverityMedium, SeverityLow},
	// FIRST v3.0 calculator, as recorded by RedHatProductSecurity/cvss.
	{"3.0 out of order", "CVSS:3.0/S:U/AV:N/AC:L/PR:H/UI:N/C:L/I:L/A:N/E:F/RL:X", 3.8, 3.7, 3.7, SeverityLow, SeverityLow, SeverityLow},
	{"3.0 all defined", "CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:N/E:H/RL:O/RC:C/CR:H/IR:H/AR:H/MAV:N/MAC:L/MPR:L/MUI:N/MS:C/MC:H/MI:H/MA:H", 9.3, 8.9, 9.5, SeverityCritical, SeverityHigh, SeverityCritical},
}

func TestScores(t *testing.T) {
	for _, tt := range scoreTests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := Parse(tt.vector)
			require.NoError(t, err)
			assert.Equal(t, tt.base, v.Base(), "base")
			assert.Equal(t, tt.temp, v.Temporal(), "temporal")
			assert.Equal(t, tt.env, v.Environmental(), "environmental")
			assert.Equal(t, tt.baseSev, SeverityOf(v.Base()))
			assert.Equal(t, tt.tSev, SeverityOf(v.Temporal()))
			assert.Equal(t, tt.eSev, SeverityOf(v.Environmental()))
			s := v.Scores()
			assert.Equal(t, tt.base, s.Base)
			assert.Equal(t, tt.temp, s.Temporal)
			assert.Equal(t, tt.env, s.Environmental)
			assert.Equal(t, SeverityOf(v.Score()), s.Severity)
		})
	}
}

// Two v3.0 severity checks from RedHatProductSecurity/cvss's tests, whose
// three ratings differ.
func TestSeverities30(t *testing.T) {
	for _, tt := range []struct {
		vector  string
		b, t, e Severity
	}{
		{"CVSS:3.0/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:W/IR:M/AR:H/MAV:N/MAC:H/MPR:L/MUI:N/MC:N/MI:N", SeverityHigh, SeverityHigh, SeverityMedium},
		{"CVSS:3.0/AV:P/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:N/E:H/RC:U/CR:M/MAV:P/MAC:L/MUI:R/MC:N/MI:N", SeverityMedium, SeverityLow, SeverityNone},
	} {
		v := MustParse(tt.vector)
		assert.Equal(t, tt.b, SeverityOf(v.Base()), tt.vector)
		assert.Equal(t, tt.t, SeverityOf(v.Temporal()), tt.vector)
		assert.Equal(t, tt.e, SeverityOf(v.Environmental()), tt.vector)
	}
}

func TestScoreMostSpecific(t *testing.T) {
	base := MustParse("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H")
	assert.Equal(t, 9.6, base.Score(), "base only: base score, not the environmental 9.7")
	temporal := MustParse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:U")
	assert.Equal(t, 9.8, temporal.Base())
	// 9.8 × 0.91 × 0.95 × 0.92 = 7.7943... rounds up to 7.8.
	assert.Equal(t, 7.8, temporal.Temporal())
	assert.Equal(t, 7.8, temporal.Score())
	env := MustParse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/MAV:L")
	assert.Equal(t, env.Environmental(), env.Score())
	assert.NotEqual(t, env.Base(), env.Score())
}

func TestRoundup31(t *testing.T) {
	for _, tt := range []struct {
		in   float64
		want int
	}{
		{0, 0},
		{4, 40},
		{4.02, 41},
		{4.000000000000001, 40}, // floating-point noise does not round up
		{4.00001, 41},
		{9.99, 100},
		{10, 100},
		{0.01, 1},
	} {
		assert.Equal(t, tt.want, roundup31(tt.in), "%v", tt.in)
	}
	assert.Equal(t, 41, roundup30(4.000000000000001), "v3.0 keeps the naive ceiling")
}

func TestParseCanonical(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"},
		{"CVSS:3.0/S:C/C:H/I:H/A:N/AV:P/AC:H/PR:H/UI:R/E:H/RL:O/RC:R/CR:H/IR:X/AR:X/MAC:H/MPR:X/MUI:X/MC:L/MA:X",
			"CVSS:3.0/AV:P/AC:H/PR:H/UI:R/S:C/C:H/I:H/A:N/E:H/RL:O/RC:R/CR:H/MAC:H/MC:L"},
		{"CVSS:3.1/A:N/E:P/RC:C/MAV:N/AV:A/AC:H/S:U/C:N/I:L/MPR:H/MUI:X/MS:U/MI:X/PR:H/UI:R",
			"CVSS:3.1/AV:A/AC:H/PR:H/UI:R/S:U/C:N/I:L/A:N/E:P/RC:C/MAV:N/MPR:H/MS:U"},
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:X/RL:X/RC:X/CR:X/IR:X/AR:X/MAV:X/MAC:X/MPR:X/MUI:X/MS:X/MC:X/MI:X/MA:X",
			"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"},
	} {
		v, err := Parse(tt.in)
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, v.String())
		w, err := Parse(v.String())
		require.NoError(t, err)
		assert.Equal(t, v, w, "round trip")
		text, err := v.MarshalText()
		require.NoError(t, err)
		var u Vector
		require.NoError(t, u.UnmarshalText(text))
		assert.Equal(t, v, u)
	}
}

func TestAccessors(t *testing.T) {
	v := MustParse("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/MAV:L")
	assert.True(t, v.IsValid())
	assert.Equal(t, "3.0", v.Version())
	assert.Equal(t, "N", v.Get(AttackVector))
	assert.Equal(t, "X", v.Get(RemediationLevel))
	assert.Equal(t, "L", v.Get(ModifiedAttackVector))
	assert.Equal(t, "", v.Get(Metric(99)))
	assert.True(t, v.Defined(ExploitCodeMaturity))
	assert.False(t, v.Defined(ReportConfidence))
	assert.True(t, v.HasTemporal())
	assert.True(t, v.HasEnvironmental())
	var got []string
	for m, val := range v.Metrics() {
		got = append(got, m.String()+"="+val)
		if m == Availability {
			break
		}
	}
	assert.Equal(t, []string{"AV=N", "AC=L", "PR=N", "UI=N", "S=U", "C=H", "I=H", "A=H"}, got)

	assert.Equal(t, "Modified Privileges Required", ModifiedPrivilegesRequired.Name())
	assert.Equal(t, "MPR", ModifiedPrivilegesRequired.String())
	assert.Equal(t, []string{"N", "A", "L", "P"}, AttackVector.Values())
	assert.Equal(t, []string{"X", "N", "A", "L", "P"}, ModifiedAttackVector.Values())
	assert.True(t, Scope.IsBase())
	assert.False(t, ModifiedScope.IsBase())
	assert.False(t, Metric(22).IsValid())
	assert.Equal(t, "", Metric(22).String())
	assert.Equal(t, "", Metric(22).Name())
	assert.Nil(t, Metric(22).Values())
}

func TestZeroVector(t *testing.T) {
	var v Vector
	assert.False(t, v.IsValid())
	assert.Equal(t, "", v.String())
	assert.Equal(t, "", v.Version())
	assert.Equal(t, "", v.Get(AttackVector))
	assert.Equal(t, 0.0, v.Base())
	assert.Equal(t, 0.0, v.Environmental())
	assert.Equal(t, Scores{}, v.Scores())
	for range v.Metrics() {
		t.Fatal("zero vector has no metrics")
	}
	require.NoError(t, v.UnmarshalText(nil))
	assert.Equal(t, Vector{}, v)
	assert.Panics(t, func() { MustParse("CVSS:3.1/") })
}

func TestParseErrors(t *testing.T) {
	const ok = "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"
	for _, tt := range []struct {
		name  string
		in    string
		kinds []error
		paths []string
		msg   string
	}{
		{"empty", "", []error{cvss.ErrPrefix}, []string{""}, `vector does not start with CVSS:3.1/ or CVSS:3.0/: ""`},
		{"no prefix", ok, []error{cvss.ErrPrefix}, []string{""}, `vector does not start with CVSS:3.1/ or CVSS:3.0/: "AV:N/"`},
		{"version 3.2", "CVSS:3.2/" + ok, []error{cvss.ErrPrefix}, []string{""}, ""},
		{"version 2 style", "CVSS:3/" + ok, []error{cvss.ErrPrefix}, []string{""}, ""},
		{"lower-case prefix", "cvss:3.1/" + ok, []error{cvss.ErrPrefix}, []string{""}, ""},
		{"unknown metric", "CVSS:3.1/" + ok + "/AX:P", []error{cvss.ErrUnknownMetric}, []string{"AX"}, "AX: unknown metric"},
		{"unknown value", "CVSS:3.1/AV:W/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", []error{ismskit.ErrUnknownValue}, []string{"AV"}, `AV: unknown value "W" (want N, A, L or P)`},
		{"X for a base metric", "CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", []error{ismskit.ErrUnknownValue}, []string{"AV"}, ""},
		{"lower-case value", "CVSS:3.1/AV:n/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", []error{ismskit.ErrUnknownValue}, []string{"AV"}, ""},
		{"two-letter value", "CVSS:3.1/AV:NN/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", []error{ismskit.ErrUnknownValue}, []string{"AV"}, ""},
		{"empty value", "CVSS:3.1/" + ok + "/E:", []error{ismskit.ErrUnknownValue}, []string{"E"}, `E: unknown value "" (want X, U, P, F or H)`},
		{"duplicate same value", "CVSS:3.1/AV:P/AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", []error{cvss.ErrDuplicateMetric}, []string{"AV"}, "AV: metric given more than once"},
		{"duplicate other value", "CVSS:3.1/" + ok + "/AV:L", []error{cvss.ErrDuplicateMetric}, []string{"AV"}, ""},
		{"missing PR", "CVSS:3.1/AV:P/AC:H/UI:R/S:C/C:H/I:H/A:N", []error{cvss.ErrMissingMetric}, []string{"PR"}, "PR: missing mandatory metric"},
		{"missing everything", "CVSS:3.1/", []error{ismskit.ErrSyntax, cvss.ErrMissingMetric}, []string{"[0]", "AV", "AC", "PR", "UI", "S", "C", "I", "A"}, ""},
		{"no colon", "CVSS:3.1/" + ok + "/MCL", []error{ismskit.ErrSyntax}, []string{"[8]"}, `[8]: malformed component, want METRIC:VALUE: "MCL"`},
		{"empty component", "CVSS:3.1/AV:N//AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", []error{ismskit.ErrSyntax}, []string{"[1]"}, ""},
		{"trailing slash", "CVSS:3.1/" + ok + "/", []error{ismskit.ErrSyntax}, []string{"[8]"}, ""},
		{"leading colon", "CVSS:3.1/" + ok + "/:H", []error{ismskit.ErrSyntax}, []string{"[8]"}, ""},
		{"odd metric name", "CVSS:3.1/" + ok + "/a b:H", []error{cvss.ErrUnknownMetric}, []string{`["a b"]`}, ""},
		{"several problems", "CVSS:3.1/AV:W/AV:N/AC:L/PR:N/UI:N/C:H/I:H/A:H/ZZ:1", []error{ismskit.ErrUnknownValue, cvss.ErrDuplicateMetric, cvss.ErrUnknownMetric, cvss.ErrMissingMetric}, []string{"AV", "AV", "ZZ", "S"}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			v, err := Parse(tt.in)
			require.Error(t, err)
			assert.Equal(t, Vector{}, v)
			for _, k := range tt.kinds {
				assert.ErrorIs(t, err, k)
			}
			var paths []string
			for _, e := range flatten(err) {
				var fe *ismskit.Error
				require.ErrorAs(t, e, &fe)
				paths = append(paths, fe.Path)
			}
			assert.Equal(t, tt.paths, paths)
			if tt.msg != "" {
				assert.Equal(t, tt.msg, err.Error())
			}
		})
	}
}

func TestLongInputErrorIsShort(t *testing.T) {
	_, err := Parse("CVSS:3.1/AV:" + strings.Repeat("N", 60) + "/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")
	require.ErrorIs(t, err, ismskit.ErrUnknownValue)
	assert.Less(t, len(err.Error()), 120)
}

// TestTooLong checks that a string longer than the longest valid vector
// is rejected at once with one problem, and that the longest valid
// vector is accepted.
func TestTooLong(t *testing.T) {
	const longest = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:X/RL:X/RC:X/CR:X/IR:X/AR:X/MAV:X/MAC:X/MPR:X/MUI:X/MS:X/MC:X/MI:X/MA:X"
	assert.Len(t, longest, maxLen)
	_, err := Parse(longest)
	require.NoError(t, err)
	for _, in := range []string{longest + "/", strings.Repeat("/", 10<<10), "CVSS:3.1/" + strings.Repeat("AV:N/", 1<<20)} {
		_, err := Parse(in)
		require.ErrorIs(t, err, ismskit.ErrTooLarge)
		assert.Len(t, flatten(err), 1)
		assert.Less(t, len(err.Error()), 100)
	}
}

// TestProblemsBounded checks that a vector with more than 100 problems
// reports the first 100 and counts the rest.
func TestProblemsBounded(t *testing.T) {
	in := "CVSS:3.1/" + strings.Repeat("/", maxLen-prefixLen)
	_, err := Parse(in)
	require.Error(t, err)
	ps := ismskit.Problems(err)
	require.Len(t, ps, 101)
	assert.ErrorIs(t, ps[0], ismskit.ErrSyntax)
	assert.ErrorIs(t, ps[100], ismskit.ErrMoreProblems)
	assert.Equal(t, "and 17 more problems", ps[100].Message())
}

func flatten(err error) []error {
	return fielderr.Flatten(err)
}

func TestSeverity(t *testing.T) {
	for _, tt := range []struct {
		score float64
		want  Severity
	}{
		{-1, SeverityNone}, {0, SeverityNone}, {0.1, SeverityLow}, {3.9, SeverityLow},
		{4.0, SeverityMedium}, {6.9, SeverityMedium}, {7.0, SeverityHigh}, {8.9, SeverityHigh},
		{9.0, SeverityCritical}, {10, SeverityCritical}, {11, SeverityCritical},
	} {
		assert.Equal(t, tt.want, SeverityOf(tt.score), "%v", tt.score)
	}
	assert.Equal(t, "Critical", SeverityCritical.String())
	assert.Equal(t, "None", SeverityNone.String())
	assert.Equal(t, "Severity(9)", Severity(9).String())
	assert.Equal(t, "Severity(9)", Severity(9).String())

	b, err := json.Marshal(MustParse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H").Scores())
	require.NoError(t, err)
	assert.JSONEq(t, `{"base":9.8,"temporal":9.8,"environmental":9.8,"severity":"critical"}`, string(b))

	var s Severity
	require.NoError(t, json.Unmarshal([]byte(`"medium"`), &s))
	assert.Equal(t, SeverityMedium, s)
	err = json.Unmarshal([]byte(`"Medium"`), &s)
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
	_, err = Severity(9).MarshalText()
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
}

// TestAllBaseVectors scores every one of the 2,592 base vectors and checks
// properties that must hold for each: bounds, round trip, severity bands,
// temporal scores never above base, and the monotony of Attack Vector.
func TestAllBaseVectors(t *testing.T) {
	n := 0
	for _, av := range "NALP" {
		for _, ac := range "LH" {
			for _, pr := range "NLH" {
				for _, ui := range "NR" {
					for _, s := range "UC" {
						for _, c := range "HLN" {
							for _, i := range "HLN" {
								for _, a := range "HLN" {
									vec := "CVSS:3.1/AV:" + string(av) + "/AC:" + string(ac) + "/PR:" + string(pr) +
										"/UI:" + string(ui) + "/S:" + string(s) + "/C:" + string(c) + "/I:" + string(i) + "/A:" + string(a)
									v, err := Parse(vec)
									require.NoError(t, err)
									require.Equal(t, vec, v.String())
									b := v.Base()
									require.True(t, b >= 0 && b <= 10, vec)
									require.Equal(t, c == 'N' && i == 'N' && a == 'N', b == 0, vec)
									u := MustParse(vec + "/E:U/RL:O/RC:U")
									require.LessOrEqual(t, u.Temporal(), b, vec)
									if av != 'N' {
										nv := MustParse(strings.Replace(vec, "AV:"+string(av), "AV:N", 1))
										require.GreaterOrEqual(t, nv.Base(), b, vec)
									}
									n++
								}
							}
						}
					}
				}
			}
		}
	}
	assert.Equal(t, 2592, n)
}

func TestParseAllocs(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() {
		v, err := Parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H/E:P/RL:O/RC:C/MAV:L")
		if err != nil || v.Base() == 0 {
			panic("bad")
		}
	})
	assert.Zero(t, allocs)
}

func TestErrorsUnwrap(t *testing.T) {
	_, err := Parse("CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")
	var fe *ismskit.Error
	require.ErrorAs(t, err, &fe)
	assert.True(t, errors.Is(fe.Err, ismskit.ErrUnknownValue))
}
