package cvss2

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/risk/scoring/cvss"
)

// The examples of the guide's section 3.3, with the scores it prints,
// and vectors of NVD's data with the scores NVD publishes.
var scoreTests = []struct {
	name            string
	vector          string
	base, temp, env float64
	severity        cvss.Severity
}{
	{"guide 3.3.1 CVE-2002-0392", "AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:H", 7.8, 6.4, 9.2, cvss.SeverityHigh},
	{"guide 3.3.2 CVE-2003-0818", "AV:N/AC:L/Au:N/C:C/I:C/A:C/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:L", 10, 8.3, 9.0, cvss.SeverityHigh},
	{"guide 3.3.3 CVE-2003-0062", "AV:L/AC:H/Au:N/C:C/I:C/A:C/E:POC/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:M", 6.2, 4.9, 7.5, cvss.SeverityHigh},
	{"guide 3.3.1 temporal only", "AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/RC:C", 7.8, 6.4, 6.4, cvss.SeverityMedium},
	{"guide 3.3.2 temporal only", "AV:N/AC:L/Au:N/C:C/I:C/A:C/E:F/RL:OF/RC:C", 10, 8.3, 8.3, cvss.SeverityHigh},
	{"guide 3.3.3 temporal only", "AV:L/AC:H/Au:N/C:C/I:C/A:C/E:POC/RL:OF/RC:C", 6.2, 4.9, 4.9, cvss.SeverityMedium},
	{"NVD C:P/I:P/A:P", "AV:N/AC:L/Au:N/C:P/I:P/A:P", 7.5, 7.5, 7.5, cvss.SeverityHigh},
	{"NVD A:C", "AV:N/AC:L/Au:N/C:N/I:N/A:C", 7.8, 7.8, 7.8, cvss.SeverityHigh},
	{"NVD A:P", "AV:N/AC:L/Au:N/C:N/I:N/A:P", 5.0, 5.0, 5.0, cvss.SeverityMedium},
	{"NVD XSS", "AV:N/AC:M/Au:N/C:N/I:P/A:N", 4.3, 4.3, 4.3, cvss.SeverityMedium},
	// The adjusted impact is capped at 10 where the impact (10.0008) is
	// not: the environmental score is a tenth lower.
	{"NVD local", "AV:L/AC:L/Au:N/C:C/I:C/A:C", 7.2, 7.2, 7.1, cvss.SeverityHigh},
	{"NVD low", "AV:L/AC:L/Au:N/C:P/I:N/A:N", 2.1, 2.1, 2.1, cvss.SeverityLow},
	{"NVD max", "AV:N/AC:L/Au:N/C:C/I:C/A:C", 10, 10, 10, cvss.SeverityHigh},
	{"no impact", "AV:N/AC:L/Au:N/C:N/I:N/A:N", 0, 0, 0, cvss.SeverityLow},
	{"no target", "AV:N/AC:L/Au:N/C:C/I:C/A:C/CDP:ND/TD:N/CR:ND/IR:ND/AR:ND", 10, 10, 0, cvss.SeverityLow},
	// The adjusted base score of this vector is negative (-0.2): the
	// environmental score is clamped to 0.
	{"negative adjusted base", "AV:L/AC:H/Au:M/C:P/I:N/A:N/CDP:ND/TD:ND/CR:L/IR:ND/AR:ND", 0.8, 0.8, 0, cvss.SeverityLow},
}

func TestScores(t *testing.T) {
	for _, tt := range scoreTests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := Parse(tt.vector)
			require.NoError(t, err)
			assert.Equal(t, tt.vector, v.String())
			assert.Equal(t, tt.base, v.Base(), "base")
			assert.Equal(t, tt.temp, v.Temporal(), "temporal")
			assert.Equal(t, tt.env, v.Environmental(), "environmental")
			assert.Equal(t, tt.severity, v.Severity())
			assert.Equal(t, Scores{Base: tt.base, Temporal: tt.temp, Environmental: tt.env, Severity: tt.severity}, v.Scores())
		})
	}
}

// TestRoundTenths checks round_to_1_decimal on the integers: half away
// from zero, exactly at the half.
func TestRoundTenths(t *testing.T) {
	assert.Equal(t, int64(83), roundTenths(8265, 100))
	assert.Equal(t, int64(82), roundTenths(8249, 100))
	assert.Equal(t, int64(92), roundTenths(9150, 100))
	assert.Equal(t, int64(-2), roundTenths(-1687, 1000))
	assert.Equal(t, int64(-2), MustParse("AV:L/AC:H/Au:M/C:P/I:N/A:N/CR:L").adjustedBaseTenths())
}

func TestForms(t *testing.T) {
	want := MustParse("AV:N/AC:L/Au:N/C:P/I:P/A:P")
	for _, in := range []string{
		"(AV:N/AC:L/Au:N/C:P/I:P/A:P)",
		"CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P",
		"AV:N/AC:L/Au:N/C:P/I:P/A:P/E:ND/RL:ND/RC:ND/CDP:ND/TD:ND/CR:ND/IR:ND/AR:ND",
		"(AV:N/AC:L/Au:N/C:P/I:P/A:P/E:ND)",
	} {
		v, err := Parse(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, v, in)
		assert.Equal(t, "AV:N/AC:L/Au:N/C:P/I:P/A:P", v.String())
	}
	// A partial group is accepted and written whole.
	v := MustParse("AV:N/AC:L/Au:N/C:P/I:P/A:P/RC:UR/TD:M")
	assert.Equal(t, "AV:N/AC:L/Au:N/C:P/I:P/A:P/E:ND/RL:ND/RC:UR/CDP:ND/TD:M/CR:ND/IR:ND/AR:ND", v.String())
	assert.Equal(t, v, MustParse(v.String()))
	b, err := json.Marshal(v)
	require.NoError(t, err)
	var back Vector
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, v, back)
}

func TestParseErrors(t *testing.T) {
	const ok = "AV:N/AC:L/Au:N/C:P/I:P/A:P"
	for _, tt := range []struct {
		name  string
		in    string
		kinds []error
		paths []string
		msg   string
	}{
		{"empty", "", []error{ismskit.ErrSyntax, cvss.ErrMissingMetric}, []string{"[0]", "AV", "AC", "Au", "C", "I", "A"}, ""},
		{"v3 prefix", "CVSS:3.1/" + ok, []error{cvss.ErrPrefix}, []string{""}, `vector does not start with CVSS:2.0/ or no prefix: "CVSS:3.1/"`},
		{"open parenthesis", "(" + ok, []error{ismskit.ErrSyntax}, []string{""}, `unbalanced parentheses, want (VECTOR): "(AV:N/AC:L/Au:N/C:P/I:P/A:P"`},
		{"close parenthesis", ok + ")", []error{ismskit.ErrSyntax}, []string{""}, ""},
		{"unknown metric", ok + "/X:1", []error{cvss.ErrUnknownMetric}, []string{"X"}, "X: unknown metric"},
		{"au upper case", "AV:N/AC:L/AU:N/C:P/I:P/A:P", []error{cvss.ErrUnknownMetric, cvss.ErrMissingMetric}, []string{"AU", "Au"}, ""},
		{"unknown value", "AV:X/AC:L/Au:N/C:P/I:P/A:P", []error{ismskit.ErrUnknownValue}, []string{"AV"}, `AV: unknown value "X" (want L, A or N)`},
		{"ND for a base metric", "AV:N/AC:L/Au:N/C:ND/I:P/A:P", []error{ismskit.ErrUnknownValue}, []string{"C"}, ""},
		{"unknown temporal value", ok + "/E:P", []error{ismskit.ErrUnknownValue}, []string{"E"}, `E: unknown value "P" (want ND, U, POC, F or H)`},
		{"duplicate", ok + "/A:P", []error{cvss.ErrDuplicateMetric}, []string{"A"}, "A: metric given more than once"},
		{"order", "AV:N/AC:L/Au:N/C:P/A:P/I:P", []error{cvss.ErrMetricOrder}, []string{"I"}, "I: metric out of order: I must come before A"},
		{"order of groups", ok + "/CDP:H/E:F", []error{cvss.ErrMetricOrder}, []string{"E"}, ""},
		{"missing", "AV:N/AC:L/Au:N/C:P/I:P", []error{cvss.ErrMissingMetric}, []string{"A"}, "A: missing mandatory metric"},
		{"no colon", ok + "/EF", []error{ismskit.ErrSyntax}, []string{"[6]"}, `[6]: malformed component, want METRIC:VALUE: "EF"`},
		{"trailing slash", ok + "/", []error{ismskit.ErrSyntax}, []string{"[6]"}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			v, err := Parse(tt.in)
			require.Error(t, err)
			assert.Equal(t, Vector{}, v)
			for _, k := range tt.kinds {
				assert.ErrorIs(t, err, k)
			}
			assert.Equal(t, tt.paths, fielderr.Paths(err))
			if tt.msg != "" {
				assert.Equal(t, tt.msg, err.Error())
			}
		})
	}
}

func TestTooLong(t *testing.T) {
	const longest = "CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P/E:POC/RL:ND/RC:ND/CDP:ND/TD:ND/CR:ND/IR:ND/AR:ND"
	assert.Len(t, longest, maxLen)
	var v Vector
	require.NoError(t, v.UnmarshalText([]byte(longest)))
	assert.True(t, v.IsValid())
	for _, in := range []string{longest + "/", strings.Repeat("/", 10<<10)} {
		_, err := Parse(in)
		require.ErrorIs(t, err, ismskit.ErrTooLarge)
		assert.Len(t, ismskit.Problems(err), 1)
	}
	_, err := Parse(strings.Repeat("/", maxLen))
	ps := ismskit.Problems(err)
	require.Len(t, ps, 91, "85 malformed components and 6 missing metrics")
	_, err = Parse("(" + strings.Repeat("/", maxLen-2) + ")")
	assert.Len(t, ismskit.Problems(err), 89)
}

func TestAccessors(t *testing.T) {
	v := MustParse("AV:N/AC:L/Au:S/C:P/I:P/A:P/E:POC/CDP:LM")
	assert.True(t, v.IsValid())
	assert.Equal(t, "2.0", v.Version())
	assert.Equal(t, "S", v.Get(Authentication))
	assert.Equal(t, "POC", v.Get(Exploitability))
	assert.Equal(t, "ND", v.Get(RemediationLevel))
	assert.Equal(t, "", v.Get(Metric(99)))
	assert.True(t, v.Defined(AccessVector))
	assert.True(t, v.Defined(CollateralDamagePotential))
	assert.False(t, v.Defined(TargetDistribution))
	assert.True(t, v.HasTemporal())
	assert.True(t, v.HasEnvironmental())
	var got []string
	for m, val := range v.Metrics() {
		got = append(got, m.String()+"="+val)
		if m == Authentication {
			break
		}
	}
	assert.Equal(t, []string{"AV=N", "AC=L", "Au=S"}, got)
	assert.Equal(t, "Collateral Damage Potential", CollateralDamagePotential.Name())
	assert.Equal(t, []string{"ND", "N", "L", "LM", "MH", "H"}, CollateralDamagePotential.Values())
	assert.True(t, AvailabilityImpact.IsBase())
	assert.False(t, Exploitability.IsBase())
	assert.False(t, Metric(numMetrics).IsValid())
	assert.Equal(t, "", Metric(numMetrics).String())
	assert.Equal(t, "", Metric(numMetrics).Name())
	assert.Nil(t, Metric(numMetrics).Values())
}

func TestZeroVector(t *testing.T) {
	var v Vector
	assert.False(t, v.IsValid())
	assert.Equal(t, "", v.String())
	assert.Equal(t, "", v.Version())
	assert.Equal(t, "", v.Get(AccessVector))
	assert.Equal(t, 0.0, v.Score())
	assert.Equal(t, Scores{Severity: cvss.SeverityLow}, v.Scores())
	for range v.Metrics() {
		t.Fatal("zero vector has no metrics")
	}
	require.NoError(t, v.UnmarshalText(nil))
	assert.Error(t, v.UnmarshalText([]byte("AV:N")))
	assert.Panics(t, func() { MustParse("AV:N") })
	b, err := json.Marshal(Scores{})
	require.NoError(t, err)
	var back Scores
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, Scores{}, back)
}

func TestSeverityOf(t *testing.T) {
	for score, want := range map[float64]cvss.Severity{0: cvss.SeverityLow, 3.9: cvss.SeverityLow, 4: cvss.SeverityMedium, 6.9: cvss.SeverityMedium, 7: cvss.SeverityHigh, 10: cvss.SeverityHigh} {
		assert.Equal(t, want, SeverityOf(score), "%v", score)
	}
}

// TestAllBaseVectors scores every one of the 729 base vectors, with and
// without temporal and environmental metrics, and checks the bounds and
// the round trip.
func TestAllBaseVectors(t *testing.T) {
	n := 0
	for av := range 3 {
		for ac := range 3 {
			for au := range 3 {
				for c := range 27 {
					v := Vector{valid: true}
					v.values = [numMetrics]uint8{uint8(av), uint8(ac), uint8(au), uint8(c / 9), uint8(c / 3 % 3), uint8(c % 3)}
					require.Equal(t, v, MustParse(v.String()))
					b := v.Base()
					require.True(t, b >= 0 && b <= 10, v.String())
					require.Equal(t, c == 0, b == 0, v.String())
					for _, suffix := range []string{"/E:U/RL:OF/RC:UC", "/CDP:H/TD:H/CR:H/IR:H/AR:H", "/CDP:N/TD:L/CR:L/IR:L/AR:L"} {
						w := MustParse(v.String() + suffix)
						s := w.Scores()
						require.True(t, s.Temporal <= s.Base && s.Environmental >= 0 && s.Environmental <= 10, w.String())
					}
					n++
				}
			}
		}
	}
	assert.Equal(t, 729, n)
}

func TestParseAllocs(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() {
		v, err := Parse("(AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:H)")
		if err != nil || v.Scores().Environmental == 0 {
			panic("bad")
		}
	})
	assert.Zero(t, allocs)
}
