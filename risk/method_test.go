package risk

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/risk/scoring"
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
		{"", "vector[0]", scoring.ErrSyntax},
		{"L:1/I", "vector[1]", scoring.ErrSyntax},
		{"L:1/I:1/X:2", `"X"`, scoring.ErrUnknownMetric},
		{"L:1/L:2/I:1", "L", scoring.ErrDuplicateMetric},
		{"L:1", "I", scoring.ErrMissingMetric},
		{"L:4/I:1", "L", scoring.ErrOutOfRange},
		{"L:1/I:x", "I", scoring.ErrOutOfRange},
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
