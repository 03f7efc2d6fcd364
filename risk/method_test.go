package risk

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/risk/scoring"
	"github.com/ismskit/ismskit/risk/scoring/cvss"
)

func TestMatrixMethod(t *testing.T) {
	a, err := NewAssessor(Standard5x5())
	require.NoError(t, err)
	m := a.Method()
	assert.Equal(t, "matrix", m.Name())
	assert.Equal(t, "1/standard-5x5@1", m.Version())
	res, err := m.Score("I:4/L:3")
	require.NoError(t, err)
	assert.Equal(t, scoring.Result{
		Method: "matrix", Version: "1/standard-5x5@1", Vector: "L:3/I:4", Score: 12, Severity: "high",
		Parts: []scoring.Part{{Name: "likelihood", Score: 3, Level: "Possible"}, {Name: "impact", Score: 4, Level: "Major"}},
	}, res)
	again, err := m.Score(res.Vector)
	require.NoError(t, err)
	assert.Equal(t, res, again)

	rec := NewScoreRecord(res)
	assert.Equal(t, &ScoreRecord{Method: "matrix", Version: "1/standard-5x5@1", Vector: "L:3/I:4", Score: 12, Severity: "high"}, rec)

	// it plugs into the scoring registry like the other methods
	reg, err := scoring.NewRegistry(m)
	require.NoError(t, err)
	got, err := reg.Score("matrix", m.Version(), "L:5/I:5")
	require.NoError(t, err)
	assert.Equal(t, "critical", got.Severity)
}

func TestMatrixMethodErrors(t *testing.T) {
	a, err := NewAssessor(Standard3x3())
	require.NoError(t, err)
	m := a.Method()
	tests := []struct {
		in   string
		path string
		kind error
	}{
		{"", "vector[0]", ismskit.ErrSyntax},
		{"L:1/I", "vector[1]", ismskit.ErrSyntax},
		{"L:1/I:1/X:2", `"X"`, cvss.ErrUnknownMetric},
		{"L:1/L:2/I:1", "L", cvss.ErrDuplicateMetric},
		{"L:1", "I", cvss.ErrMissingMetric},
		{"L:4/I:1", "L", ismskit.ErrOutOfRange},
		{"L:1/I:x", "I", ismskit.ErrOutOfRange},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			_, err := m.Score(tt.in)
			requireFieldErr(t, err, tt.path, tt.kind)
		})
	}
	_, err = MatrixMethod{}.Score("L:1/I:1")
	require.ErrorIs(t, err, scoring.ErrConfig)
	assert.Equal(t, "1", MatrixMethod{}.Version())
}

func FuzzMatrixScore(f *testing.F) {
	a, err := NewAssessor(Standard5x5())
	if err != nil {
		f.Fatal(err)
	}
	m := a.Method()
	for _, s := range []string{"L:3/I:4", "I:1/L:5", "L:0/I:9", "L:1/L:1", "x", "L:+3/I:04"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, vector string) {
		res, err := m.Score(vector)
		if err != nil {
			return
		}
		if res.Score < 1 || res.Score > 25 {
			t.Fatalf("score %v outside 1..25", res.Score)
		}
		again, err := m.Score(res.Vector)
		require.NoError(t, err)
		require.Equal(t, res, again)
	})
}

func TestEstimateFromScore(t *testing.T) {
	a5, err := NewAssessor(Standard5x5())
	require.NoError(t, err)
	a3, err := NewAssessor(Standard3x3())
	require.NoError(t, err)
	for _, tt := range []struct {
		vector string
		score  float64
		on5x5  Estimate
		on3x3  Estimate
	}{
		{"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H", 10, Estimate{5, 5}, Estimate{3, 3}},
		{"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 9.3, Estimate{5, 5}, Estimate{3, 3}},
		{"CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:N/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N", 5.1, Estimate{3, 3}, Estimate{2, 2}},
		{"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N", 0, Estimate{1, 1}, Estimate{1, 1}},
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, Estimate{5, 5}, Estimate{3, 3}},
		{"CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:N/A:N", 4.3, Estimate{3, 3}, Estimate{2, 2}},
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:L/E:P/CR:L/IR:L/AR:L/MAV:P", 2.8, Estimate{2, 2}, Estimate{1, 1}},
		{"(AV:N/AC:L/Au:N/C:P/I:P/A:P)", 7.5, Estimate{4, 4}, Estimate{3, 3}},
		{"AV:L/AC:L/Au:N/C:P/I:N/A:N", 2.1, Estimate{2, 2}, Estimate{1, 1}},
		{"AV:N/AC:L/Au:N/C:N/I:N/A:P", 5.0, Estimate{3, 3}, Estimate{2, 2}},
		{"AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:H", 9.2, Estimate{5, 5}, Estimate{3, 3}},
	} {
		res, err := scoring.CVSS{}.Score(tt.vector)
		require.NoError(t, err, tt.vector)
		require.Equal(t, tt.score, res.Score, tt.vector)
		e, err := a5.EstimateFromScore(res)
		require.NoError(t, err)
		assert.Equal(t, tt.on5x5, e, tt.vector)
		e, err = a3.EstimateFromScore(res)
		require.NoError(t, err)
		assert.Equal(t, tt.on3x3, e, tt.vector)
	}
	// The band edges on a 5-level scale: 2.0 is level 1, 2.1 level 2.
	for score, want := range map[float64]int{0.1: 1, 2.0: 1, 2.1: 2, 4.0: 2, 4.1: 3, 6.0: 3, 8.0: 4, 8.1: 5} {
		e, err := a5.EstimateFromScore(scoring.Result{Method: "cvss", Version: "4.0", Score: score})
		require.NoError(t, err)
		assert.Equal(t, Estimate{want, want}, e, "%v", score)
	}

	m, err := a5.Method().Score("L:2/I:4")
	require.NoError(t, err)
	e, err := a5.EstimateFromScore(m)
	require.NoError(t, err)
	assert.Equal(t, Estimate{2, 4}, e)
	_, err = a3.EstimateFromScore(m)
	assert.ErrorIs(t, err, scoring.ErrVersionMismatch)
	m.Parts[0].Score = 9
	_, err = a5.EstimateFromScore(m)
	assert.ErrorIs(t, err, ismskit.ErrOutOfRange)

	owasp, err := scoring.Builtin().Score("dread", "1/0..10/mean", "D:3/R:3/E:2/A:3/DI:1")
	require.NoError(t, err)
	_, err = a5.EstimateFromScore(owasp)
	assert.ErrorIs(t, err, scoring.ErrUnknownMethod)
	_, err = a5.EstimateFromScore(scoring.Result{Method: "cvss", Score: 11})
	assert.ErrorIs(t, err, ismskit.ErrOutOfRange)
	assert.Equal(t, "1", ScoreMappingVersion)
}

func TestScoredEstimate(t *testing.T) {
	a, err := NewAssessor(Standard5x5())
	require.NoError(t, err)
	for _, tt := range []struct {
		rec  *ScoreRecord
		want Estimate
		path string
		kind error
	}{
		{&ScoreRecord{Method: "cvss", Version: "2.0", Vector: "AV:N/AC:L/Au:N/C:P/I:P/A:P", Score: 7.5}, Estimate{4, 4}, "", nil},
		{&ScoreRecord{Method: "cvss", Version: "4.0", Vector: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"}, Estimate{5, 5}, "", nil},
		{&ScoreRecord{Method: "matrix", Version: "1/standard-5x5@1", Vector: "L:3/I:2"}, Estimate{3, 2}, "", nil},
		{nil, Estimate{}, "scoring", ismskit.ErrMissing},
		{&ScoreRecord{Method: "cvss", Version: "4.0", Vector: "CVSS:4.0/AV:N"}, Estimate{}, "scoring.vector.AC", cvss.ErrMissingMetric},
		{&ScoreRecord{Method: "owasp", Version: "1/technical", Vector: "SL:1"}, Estimate{}, "scoring.method", scoring.ErrUnknownMethod},
	} {
		r := &Risk{ID: "R-1", Scoring: tt.rec}
		e, err := a.ScoredEstimate(r)
		if tt.kind != nil {
			requireFieldErr(t, err, tt.path, tt.kind)
			continue
		}
		require.NoError(t, err)
		assert.Equal(t, tt.want, e)
	}
}
