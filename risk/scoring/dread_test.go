package scoring

import (
	"math"
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/risk/scoring/cvss"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// classic is the 1..3 scale summed, with the usual table: 5..7 low, 8..11
// medium, 12..15 high.
var classic = DREAD{Min: 1, Max: 3, Aggregate: AggregateSum, Profile: "classic",
	Bands: []Band{{From: 5, Label: "low"}, {From: 8, Label: "medium"}, {From: 12, Label: "high"}}}

func TestDREADScore(t *testing.T) {
	for _, tt := range []struct {
		name     string
		method   DREAD
		in       string
		score    float64
		severity string
		version  string
		vector   string
	}{
		{"default mean", DREAD{}, "D:8/R:6/E:5/A:9/DI:7", 7, "high", "1/0..10/mean", "D:8/R:6/E:5/A:9/DI:7"},
		{"default any order", DREAD{}, "DI:7/A:9/E:5/R:6/D:8", 7, "high", "1/0..10/mean", "D:8/R:6/E:5/A:9/DI:7"},
		{"default low edge", DREAD{}, "D:3/R:3/E:3/A:3/DI:4", 3.2, "low", "1/0..10/mean", "D:3/R:3/E:3/A:3/DI:4"},
		{"default medium", DREAD{}, "D:3/R:3/E:4/A:4/DI:4", 3.6, "medium", "1/0..10/mean", "D:3/R:3/E:4/A:4/DI:4"},
		{"default zero", DREAD{}, "D:0/R:0/E:0/A:0/DI:0", 0, "low", "1/0..10/mean", "D:0/R:0/E:0/A:0/DI:0"},
		{"default top", DREAD{}, "D:10/R:10/E:10/A:10/DI:10", 10, "high", "1/0..10/mean", "D:10/R:10/E:10/A:10/DI:10"},
		{"classic low", classic, "D:1/R:2/E:1/A:2/DI:1", 7, "low", "1/1..3/sum/classic", "D:1/R:2/E:1/A:2/DI:1"},
		{"classic medium", classic, "D:2/R:2/E:2/A:1/DI:1", 8, "medium", "1/1..3/sum/classic", "D:2/R:2/E:2/A:1/DI:1"},
		{"classic medium top", classic, "D:3/R:2/E:2/A:2/DI:2", 11, "medium", "1/1..3/sum/classic", "D:3/R:2/E:2/A:2/DI:2"},
		{"classic high", classic, "D:3/R:3/E:2/A:2/DI:2", 12, "high", "1/1..3/sum/classic", "D:3/R:3/E:2/A:2/DI:2"},
		{"sum default bands", DREAD{Min: 1, Max: 3, Aggregate: AggregateSum}, "D:2/R:2/E:2/A:2/DI:1", 9, "medium", "1/1..3/sum", "D:2/R:2/E:2/A:2/DI:1"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r, err := tt.method.Score(tt.in)
			require.NoError(t, err)
			assert.Equal(t, "dread", r.Method)
			assert.Equal(t, tt.version, r.Version)
			assert.Equal(t, tt.vector, r.Vector)
			assert.InDelta(t, tt.score, r.Score, 1e-12)
			assert.Equal(t, tt.severity, r.Severity)
			require.Len(t, r.Parts, 5)
			assert.Equal(t, "damage", r.Parts[0].Name)
			assert.Equal(t, "discoverability", r.Parts[4].Name)
		})
	}
}

func TestDREADErrors(t *testing.T) {
	for _, tt := range []struct {
		name   string
		method DREAD
		in     string
		kinds  []error
		paths  []string
		msg    string
	}{
		{"missing", DREAD{}, "D:8/R:6", []error{cvss.ErrMissingMetric}, []string{"E", "A", "DI"}, ""},
		{"out of scale", classic, "D:4/R:2/E:1/A:2/DI:0", []error{ismskit.ErrOutOfRange}, []string{"D", "DI"}, "D: 4 is outside the scale 1..3\nDI: 0 is outside the scale 1..3"},
		{"unknown", DREAD{}, "D:8/R:6/E:5/A:9/DI:7/X:1", []error{cvss.ErrUnknownMetric}, []string{"X"}, ""},
		{"duplicate", DREAD{}, "D:8/R:6/E:5/A:9/DI:7/D:1", []error{cvss.ErrDuplicateMetric}, []string{"D"}, ""},
		{"huge number", DREAD{}, "D:99999999/R:6/E:5/A:9/DI:7", []error{ismskit.ErrUnknownValue}, []string{"D"}, ""},
		{"config max", DREAD{Min: 3, Max: 3}, "D:3/R:3/E:3/A:3/DI:3", []error{ErrConfig}, []string{"max"}, "max: invalid method configuration: 3 is not above min 3"},
		{"config min", DREAD{Min: -1, Max: 3}, "D:3/R:3/E:3/A:3/DI:3", []error{ErrConfig}, []string{"min"}, ""},
		{"config too big", DREAD{Min: 0, Max: 1000001}, "D:3/R:3/E:3/A:3/DI:3", []error{ErrConfig}, []string{"max"}, ""},
		{"config aggregate", DREAD{Aggregate: 9}, "D:3/R:3/E:3/A:3/DI:3", []error{ErrConfig}, []string{"aggregate"}, ""},
		{"config profile", DREAD{Profile: "a/b"}, "D:3/R:3/E:3/A:3/DI:3", []error{ErrConfig}, []string{"profile"}, ""},
		{"config bands", DREAD{Bands: []Band{{From: 1, Label: "low"}, {From: 1, Label: ""}, {From: math.NaN(), Label: "x"}}},
			"D:3/R:3/E:3/A:3/DI:3", []error{ErrConfig}, []string{"bands[0].from", "bands[1].label", "bands[1].from", "bands[2].from"}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r, err := tt.method.Score(tt.in)
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
	require.NoError(t, classic.Validate())
	require.NoError(t, DREAD{}.Validate())
}

func TestAggregationText(t *testing.T) {
	for i, name := range []string{"mean", "sum"} {
		a := Aggregation(i)
		assert.Equal(t, name, a.String())
		b, err := a.MarshalText()
		require.NoError(t, err)
		var back Aggregation
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, a, back)
	}
	var a Aggregation
	assert.ErrorIs(t, a.UnmarshalText([]byte("median")), ismskit.ErrUnknownValue)
	_, err := Aggregation(3).MarshalText()
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
	assert.Equal(t, "Aggregation(3)", Aggregation(3).String())
}
