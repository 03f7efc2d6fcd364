package scoring

import (
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/risk/scoring/cvss"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The worked example of the OWASP Risk Rating Methodology: threat agent
// 5 2 7 1, vulnerability 3 6 9 2, technical impact 9 7 5 8, business
// impact 1 2 1 5.
const owaspExample = "SL:5/M:2/O:7/S:1/ED:3/EE:6/A:9/ID:2/LC:9/LI:7/LAV:5/LAC:8/FD:1/RD:2/NC:1/PV:5"

func TestOWASPWorkedExample(t *testing.T) {
	for _, tt := range []struct {
		impact   OWASPImpact
		version  string
		severity string
		score    float64
	}{
		{OWASPTechnicalImpact, "1/technical", "high", 4.375 * 7.25},
		{OWASPBusinessImpact, "1/business", "low", 4.375 * 2.25},
		{OWASPHigherImpact, "1/higher", "high", 4.375 * 7.25},
	} {
		t.Run(tt.version, func(t *testing.T) {
			r, err := OWASP{Impact: tt.impact}.Score(owaspExample)
			require.NoError(t, err)
			assert.Equal(t, Result{
				Method:   "owasp",
				Version:  tt.version,
				Vector:   owaspExample,
				Score:    tt.score,
				Severity: tt.severity,
				Parts: []Part{
					{Name: "likelihood", Score: 4.375, Level: "medium"},
					{Name: "technicalImpact", Score: 7.25, Level: "high"},
					{Name: "businessImpact", Score: 2.25, Level: "low"},
				},
			}, r)
		})
	}
}

func TestOWASPSeverityTable(t *testing.T) {
	// One vector per cell: likelihood factors all l, technical factors all i.
	vec := func(l, i int) string {
		d := func(x int) string { return string(rune('0' + x)) }
		return "SL:" + d(l) + "/M:" + d(l) + "/O:" + d(l) + "/S:" + d(l) + "/ED:" + d(l) + "/EE:" + d(l) + "/A:" + d(l) + "/ID:" + d(l) +
			"/LC:" + d(i) + "/LI:" + d(i) + "/LAV:" + d(i) + "/LAC:" + d(i)
	}
	for _, tt := range []struct {
		l, i int
		want string
	}{
		{0, 0, "note"}, {2, 2, "note"}, {3, 2, "low"}, {6, 2, "medium"},
		{2, 3, "low"}, {5, 5, "medium"}, {9, 3, "high"},
		{0, 6, "medium"}, {3, 9, "high"}, {6, 6, "critical"}, {9, 9, "critical"},
	} {
		r, err := OWASP{}.Score(vec(tt.l, tt.i))
		require.NoError(t, err)
		assert.Equal(t, tt.want, r.Severity, "likelihood %d impact %d", tt.l, tt.i)
		assert.Equal(t, float64(tt.l*tt.i), r.Score)
	}
}

func TestOWASPLevel(t *testing.T) {
	for _, tt := range []struct {
		x    float64
		want string
	}{{0, "low"}, {2.999, "low"}, {3, "medium"}, {5.875, "medium"}, {6, "high"}, {9, "high"}} {
		assert.Equal(t, tt.want, OWASPLevel(tt.x), "%v", tt.x)
	}
}

func TestOWASPVectorForms(t *testing.T) {
	// Parentheses, any order; canonical output.
	r, err := OWASP{}.Score("(PV:5/NC:1/RD:2/FD:1/LAC:8/LAV:5/LI:7/LC:9/ID:2/A:9/EE:6/ED:3/S:1/O:7/M:2/SL:5)")
	require.NoError(t, err)
	assert.Equal(t, owaspExample, r.Vector)

	// Technical only: no business part; the business option needs it.
	tech := "SL:5/M:2/O:7/S:1/ED:3/EE:6/A:9/ID:2/LC:9/LI:7/LAV:5/LAC:8"
	r, err = OWASP{}.Score(tech)
	require.NoError(t, err)
	assert.Len(t, r.Parts, 2)
	assert.Equal(t, tech, r.Vector)
	r, err = OWASP{Impact: OWASPHigherImpact}.Score(tech)
	require.NoError(t, err)
	assert.Equal(t, "high", r.Severity)

	// Business only.
	bus := "SL:5/M:2/O:7/S:1/ED:3/EE:6/A:9/ID:2/FD:1/RD:2/NC:1/PV:5"
	r, err = OWASP{Impact: OWASPBusinessImpact}.Score(bus)
	require.NoError(t, err)
	assert.Equal(t, "low", r.Severity)
	r, err = OWASP{Impact: OWASPHigherImpact}.Score(bus)
	require.NoError(t, err)
	assert.Equal(t, "low", r.Severity)
	_, err = OWASP{}.Score(bus)
	assert.ErrorIs(t, err, cvss.ErrMissingMetric)

	// Higher picks the business impact when it is the higher one.
	r, err = OWASP{Impact: OWASPHigherImpact}.Score("SL:5/M:2/O:7/S:1/ED:3/EE:6/A:9/ID:2/LC:1/LI:1/LAV:1/LAC:1/FD:9/RD:9/NC:9/PV:9")
	require.NoError(t, err)
	assert.Equal(t, "high", r.Severity)
	assert.Equal(t, 4.375*9, r.Score)
}

func TestOWASPErrors(t *testing.T) {
	const lik = "SL:5/M:2/O:7/S:1/ED:3/EE:6/A:9/ID:2"
	for _, tt := range []struct {
		name   string
		impact OWASPImpact
		in     string
		kinds  []error
		paths  []string
		msg    string
	}{
		{"empty", 0, "", []error{cvss.ErrMissingMetric}, []string{"SL", "M", "O", "S", "ED", "EE", "A", "ID", "LC", "LI", "LAV", "LAC"}, ""},
		{"out of range", 0, "SL:10/M:2/O:7/S:1/ED:3/EE:6/A:9/ID:2/LC:9/LI:7/LAV:5/LAC:8", []error{ismskit.ErrOutOfRange}, []string{"SL"}, "SL: 10 is outside the scale 0..9"},
		{"negative", 0, "SL:-1/M:2/O:7/S:1/ED:3/EE:6/A:9/ID:2/LC:9/LI:7/LAV:5/LAC:8", []error{ismskit.ErrOutOfRange}, []string{"SL"}, ""},
		{"not a number", 0, "SL:x/M:2/O:7/S:1/ED:3/EE:6/A:9/ID:2/LC:9/LI:7/LAV:5/LAC:8", []error{ismskit.ErrUnknownValue}, []string{"SL"}, `SL: unknown value "x"`},
		{"plus sign", 0, "SL:+1/M:2/O:7/S:1/ED:3/EE:6/A:9/ID:2/LC:9/LI:7/LAV:5/LAC:8", []error{ismskit.ErrUnknownValue}, []string{"SL"}, ""},
		{"empty value", 0, "SL:/M:2/O:7/S:1/ED:3/EE:6/A:9/ID:2/LC:9/LI:7/LAV:5/LAC:8", []error{ismskit.ErrUnknownValue}, []string{"SL"}, ""},
		{"unknown factor", 0, lik + "/LC:9/LI:7/LAV:5/LAC:8/XX:1", []error{cvss.ErrUnknownMetric}, []string{"XX"}, "XX: unknown metric"},
		{"duplicate", 0, lik + "/SL:1/LC:9/LI:7/LAV:5/LAC:8", []error{cvss.ErrDuplicateMetric}, []string{"SL"}, ""},
		{"malformed", 0, lik + "/LC9/LI:7/LAV:5/LAC:8", []error{ismskit.ErrSyntax, cvss.ErrMissingMetric}, []string{"[8]", "LC"}, ""},
		{"partial business group", 0, lik + "/LC:9/LI:7/LAV:5/LAC:8/FD:1", []error{cvss.ErrMissingMetric}, []string{"RD", "NC", "PV"}, ""},
		{"partial technical group for business", OWASPBusinessImpact, lik + "/LC:9/FD:1/RD:2/NC:1/PV:5", []error{cvss.ErrMissingMetric}, []string{"LI", "LAV", "LAC"}, ""},
		{"no impact for higher", OWASPHigherImpact, lik, []error{cvss.ErrMissingMetric}, []string{"LC", "LI", "LAV", "LAC"}, ""},
		{"bad option", OWASPImpact(7), lik, []error{ErrConfig}, []string{"impact"}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r, err := OWASP{Impact: tt.impact}.Score(tt.in)
			require.Error(t, err)
			assert.Equal(t, Result{}, r)
			for _, k := range tt.kinds {
				assert.ErrorIs(t, err, k)
			}
			assert.Equal(t, tt.paths, errPaths(t, err))
			if tt.msg != "" {
				assert.Equal(t, tt.msg, err.Error())
			}
		})
	}
}

func TestOWASPImpactText(t *testing.T) {
	for i, name := range []string{"technical", "business", "higher"} {
		o := OWASPImpact(i)
		assert.Equal(t, name, o.String())
		b, err := o.MarshalText()
		require.NoError(t, err)
		var back OWASPImpact
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, o, back)
	}
	var o OWASPImpact
	assert.ErrorIs(t, o.UnmarshalText([]byte("Technical")), ismskit.ErrUnknownValue)
	_, err := OWASPImpact(5).MarshalText()
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
	assert.Equal(t, "OWASPImpact(5)", OWASPImpact(5).String())
}

// errPaths returns the Path of each joined *FieldError in err.
func errPaths(t *testing.T, err error) []string {
	t.Helper()
	return fielderr.Paths(err)
}
