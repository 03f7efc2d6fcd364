package scoring

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/goldenfile"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/risk/scoring/cvss"
	"github.com/ismskit/ismskit/risk/scoring/cvss3"
)

// golden compares got with the file at path, or rewrites it under -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	goldenfile.Check(t, path, got)
}

func TestCVSSMethod(t *testing.T) {
	for _, tt := range []struct {
		in       string
		version  string
		vector   string
		score    float64
		severity string
		parts    [3]float64
	}{
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, "critical", [3]float64{9.8, 9.8, 9.8}},
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H", "3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H", 9.6, "critical", [3]float64{9.6, 9.6, 9.7}},
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:L/E:P/CR:L/IR:L/AR:L/MAV:P", "3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:L/E:P/CR:L/IR:L/AR:L/MAV:P", 2.8, "low", [3]float64{7.3, 6.9, 2.8}},
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:U", "3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:U", 7.8, "high", [3]float64{9.8, 7.8, 7.8}},
		{"CVSS:3.0/S:U/AV:N/AC:L/PR:H/UI:N/C:L/I:L/A:N/E:F/RL:X", "3.0", "CVSS:3.0/AV:N/AC:L/PR:H/UI:N/S:U/C:L/I:L/A:N/E:F", 3.7, "low", [3]float64{3.8, 3.7, 3.7}},
	} {
		r, err := CVSS{}.Score(tt.in)
		require.NoError(t, err, tt.in)
		assert.Equal(t, "cvss", r.Method)
		assert.Equal(t, tt.version, r.Version)
		assert.Equal(t, tt.vector, r.Vector)
		assert.Equal(t, tt.score, r.Score)
		assert.Equal(t, tt.severity, r.Severity)
		for i, name := range []string{"base", "temporal", "environmental"} {
			p, ok := r.Part(name)
			require.True(t, ok)
			assert.Equal(t, tt.parts[i], p.Score, name)
			assert.Equal(t, strings.ToLower(cvss3.SeverityOf(tt.parts[i]).String()), p.Level)
		}
	}
	_, ok := Result{}.Part("base")
	assert.False(t, ok)

	_, err := CVSS{}.Score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H")
	assert.ErrorIs(t, err, cvss.ErrMissingMetric)
	assert.Equal(t, []string{"A"}, errPaths(t, err))
	for _, in := range []string{"CVSS:5.0/AV:N", "CVSS:2/AV:N/AC:L/Au:N/C:P/I:P/A:P", "CVSS:"} {
		_, err = CVSS{}.Score(in)
		assert.ErrorIs(t, err, cvss.ErrPrefix, in)
		assert.ErrorIs(t, err, cvss.ErrPrefix, in)
	}
	_, err = CVSS{}.Score("CVSS:3.2/AV:N")
	assert.ErrorIs(t, err, cvss.ErrPrefix)
	_, err = CVSS{}.Score("CVSS:2.0/AV:N")
	assert.ErrorIs(t, err, cvss.ErrMissingMetric)
	_, err = CVSS{}.Score("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/CR:H/E:A")
	assert.ErrorIs(t, err, cvss.ErrMetricOrder)
	assert.Equal(t, []string{"E"}, errPaths(t, err))
}

func TestCVSSMethodV2V4(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want Result
	}{
		{"(AV:N/AC:L/Au:N/C:P/I:P/A:P)", Result{Method: "cvss", Version: "2.0", Vector: "AV:N/AC:L/Au:N/C:P/I:P/A:P", Score: 7.5, Severity: "high",
			Parts: []Part{{Name: "base", Score: 7.5, Level: "high"}, {Name: "temporal", Score: 7.5, Level: "high"}, {Name: "environmental", Score: 7.5, Level: "high"}}}},
		{"CVSS:2.0/AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:H", Result{Method: "cvss", Version: "2.0",
			Vector: "AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:H", Score: 9.2, Severity: "high",
			Parts: []Part{{Name: "base", Score: 7.8, Level: "high"}, {Name: "temporal", Score: 6.4, Level: "medium"}, {Name: "environmental", Score: 9.2, Level: "high"}}}},
		{"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:X", Result{Method: "cvss", Version: "4.0",
			Vector: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", Score: 9.3, Severity: "critical", Nomenclature: "CVSS-B", MacroVector: "000200"}},
		{"CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:N/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N/E:U/CR:L/IR:X/AR:L/MAV:A/MAC:H/MAT:N/MPR:N/MUI:P/MVC:X/MVI:N/MVA:H/MSC:N/MSI:L/MSA:S/S:N/AU:N/R:I/V:C/RE:H/U:Green",
			Result{Method: "cvss", Version: "4.0",
				Vector: "CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:N/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N/E:U/CR:L/AR:L/MAV:A/MAC:H/MAT:N/MPR:N/MUI:P/MVI:N/MVA:H/MSC:N/MSI:L/MSA:S/S:N/AU:N/R:I/V:C/RE:H/U:Green",
				Score:  4.2, Severity: "medium", Nomenclature: "CVSS-BTE", MacroVector: "111021"}},
	} {
		r, err := CVSS{}.Score(tt.in)
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, r, tt.in)
		again, err := Builtin().Rescore(r)
		require.NoError(t, err)
		assert.Equal(t, r, again)
	}
}

// counter is a user-defined method for the registry tests.
type counter struct{ name, version string }

func (c counter) Name() string    { return c.name }
func (c counter) Version() string { return c.version }
func (c counter) Score(v string) (Result, error) {
	return Result{Method: c.name, Version: c.version, Vector: v, Score: float64(len(v))}, nil
}

func TestRegistry(t *testing.T) {
	reg := Builtin()
	var names []string
	for m := range reg.Methods() {
		names = append(names, m.Name()+" "+m.Version())
	}
	assert.Equal(t, []string{"cvss 4.0", "dread 1/0..10/mean", "owasp 1/business", "owasp 1/higher", "owasp 1/technical"}, names)
	_, errs := build(builtinMethods())
	assert.Empty(t, errs)

	r, err := reg.Score("owasp", "1/business", owaspExample)
	require.NoError(t, err)
	assert.Equal(t, "low", r.Severity)
	again, err := reg.Rescore(r)
	require.NoError(t, err)
	assert.Equal(t, r, again)

	r, err = reg.Score("cvss", "3.0", "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")
	require.NoError(t, err)
	assert.Equal(t, "3.0", r.Version)
	_, err = reg.Score("cvss", "3.1", "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")
	assert.ErrorIs(t, err, ErrVersionMismatch)
	for _, v := range []string{"2.0", "3.0", "3.1", "4.0"} {
		m, ok := reg.Lookup("cvss", v)
		require.True(t, ok, v)
		assert.Equal(t, CVSS{}, m)
	}
	_, err = reg.Score("cvss", "4.0", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")
	assert.ErrorIs(t, err, ErrVersionMismatch)
	_, err = reg.Score("cvss", "5.0", "CVSS:5.0/AV:N")
	assert.ErrorIs(t, err, ErrUnknownMethod)
	assert.Contains(t, err.Error(), "known: cvss 2.0, cvss 3.0, cvss 3.1, cvss 4.0")
	_, err = reg.Score("dread", "1/0..10/mean", "D:11/R:1/E:1/A:1/DI:1")
	assert.ErrorIs(t, err, ismskit.ErrOutOfRange)

	custom, err := NewRegistry(counter{"len", "1"}, classic)
	require.NoError(t, err)
	m, ok := custom.Lookup("len", "1")
	require.True(t, ok)
	assert.Equal(t, "len", m.Name())
	_, ok = custom.Lookup("cvss", "3.1")
	assert.False(t, ok)

	_, err = NewRegistry(counter{"len", "1"}, nil, counter{"", "1"}, counter{"x", ""}, counter{"len", "1"})
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrConfig)
	assert.ErrorIs(t, err, ErrDuplicateMethod)
	assert.Equal(t, []string{"methods[1]", "methods[2]", "methods[3]", "methods[4]"}, errPaths(t, err))

	var nilReg *Registry
	_, ok = nilReg.Lookup("cvss", "3.1")
	assert.False(t, ok)
	for range nilReg.Methods() {
		t.Fatal("nil registry has no methods")
	}
	_, err = nilReg.Score("cvss", "3.1", "")
	assert.ErrorIs(t, err, ErrUnknownMethod)
	assert.Contains(t, err.Error(), "known: none")
}

func TestResultJSON(t *testing.T) {
	r, err := OWASP{}.Score(owaspExample)
	require.NoError(t, err)
	b, err := json.MarshalIndent(r, "", "  ")
	require.NoError(t, err)
	golden(t, "testdata/owasp-result.json", append(b, '\n'))

	back, err := DecodeResult(b)
	require.NoError(t, err)
	assert.Equal(t, r, back)

	for _, tt := range []struct {
		in   string
		kind error
		path string
	}{
		{`{"method":"owasp","version":"1","vector":"","score":1,"severity":"low","sevrity":"x"}`, ismskit.ErrUnknownField, "sevrity"},
		{`{"method":"owasp","score":"high"}`, ismskit.ErrType, "score"},
		{`{"method":"owasp","parts":[{"name":"a","score":1,"lvl":"x"}]}`, ismskit.ErrUnknownField, "parts[0].lvl"},
		{`{"method":"owasp"} {}`, ismskit.ErrTrailingData, ""},
		{`{"method":`, ismskit.ErrSyntax, ""},
	} {
		_, err := DecodeResult([]byte(tt.in))
		require.Error(t, err, tt.in)
		assert.ErrorIs(t, err, tt.kind, tt.in)
		if tt.path != "" {
			var fe *ismskit.Error
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tt.path, fe.Path)
		}
	}
}

// TestConcurrentUse scores from several goroutines with shared methods and
// a shared registry; run under -race it checks the concurrency contract.
func TestConcurrentUse(t *testing.T) {
	reg := Builtin()
	want, err := reg.Score("owasp", "1/technical", owaspExample)
	require.NoError(t, err)
	done := make(chan Result)
	for range 8 {
		go func() {
			var last Result
			for range 100 {
				last, _ = reg.Score("owasp", "1/technical", owaspExample)
				_, _ = classic.Score("D:3/R:3/E:2/A:3/DI:1")
				_, _ = CVSS{}.Score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")
			}
			done <- last
		}()
	}
	for range 8 {
		assert.Equal(t, want, <-done)
	}
}
