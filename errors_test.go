package ismskit_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
)

func TestKind(t *testing.T) {
	k := ismskit.NewKind("no-owner", "risk without an owner")
	assert.Equal(t, "risk without an owner", k.Error())
	assert.Equal(t, "no-owner", k.Code())
	var nilKind *ismskit.Kind
	assert.Equal(t, "", nilKind.Code())
	assert.Equal(t, "<nil kind>", nilKind.Error())
	b, err := json.Marshal(map[string]*ismskit.Kind{"k": ismskit.ErrMissing})
	require.NoError(t, err)
	assert.JSONEq(t, `{"k":"missing"}`, string(b))
	// Two kinds with the same code are still different kinds.
	assert.NotErrorIs(t, ismskit.NewKind("missing", "missing value"), ismskit.ErrMissing)
}

func TestErrorText(t *testing.T) {
	tests := []struct {
		name string
		e    *ismskit.Error
		want string
	}{
		{"all", &ismskit.Error{Path: "risks[2].owner", Item: "R-3", Err: ismskit.ErrMissing}, "risks[2].owner (R-3): missing value"},
		{"no item", &ismskit.Error{Path: "risks[2].owner", Err: ismskit.ErrMissing}, "risks[2].owner: missing value"},
		{"no path", &ismskit.Error{Item: "R-3", Err: ismskit.ErrMissing}, "(R-3): missing value"},
		{"bare", &ismskit.Error{Err: ismskit.ErrMissing}, "missing value"},
		{"nil err", &ismskit.Error{Path: "x"}, "x: <nil>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.e.Error())
		})
	}
}

func TestErrorKindAndJSON(t *testing.T) {
	e := &ismskit.Error{Path: "risks[2].likelihood", Item: "R-3", Err: fmt.Errorf("%w: 7 is outside the scale 1..5", ismskit.ErrOutOfRange)}
	assert.ErrorIs(t, e, ismskit.ErrOutOfRange)
	assert.Equal(t, ismskit.ErrOutOfRange, e.Kind())
	assert.Equal(t, "out-of-range", e.Code())
	assert.Equal(t, "value out of range: 7 is outside the scale 1..5", e.Message())
	b, err := json.Marshal(e)
	require.NoError(t, err)
	assert.JSONEq(t, `{"path":"risks[2].likelihood","item":"R-3","kind":"out-of-range","message":"value out of range: 7 is outside the scale 1..5"}`, string(b))

	plain := &ismskit.Error{Offset: 12, Err: errors.New(`bad "quote" <b>`)}
	assert.Nil(t, plain.Kind())
	b, err = json.Marshal(plain)
	require.NoError(t, err)
	assert.JSONEq(t, `{"path":"","offset":12,"message":"bad \"quote\" <b>"}`, string(b))
	var zero ismskit.Error
	b, err = json.Marshal(&zero)
	require.NoError(t, err)
	assert.JSONEq(t, `{"path":"","message":"<nil>"}`, string(b))
}

func TestProblems(t *testing.T) {
	a := &ismskit.Error{Path: "a", Err: ismskit.ErrMissing}
	b := &ismskit.Error{Path: "b", Err: ismskit.ErrDuplicateID}
	plain := errors.New("plain")
	tests := []struct {
		name string
		err  error
		want []string
	}{
		{"nil", nil, nil},
		{"one", a, []string{"a"}},
		{"joined", errors.Join(a, errors.Join(b, plain)), []string{"a", "b", ""}},
		{"wrapped list", fmt.Errorf("decode: %w", errors.Join(a, b)), []string{"a", "b"}},
		{"wrapped error", fmt.Errorf("decode: %w", a), []string{"a"}},
		{"plain", plain, []string{""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := ismskit.Problems(tt.err)
			var paths []string
			for _, p := range ps {
				paths = append(paths, p.Path)
			}
			assert.Equal(t, tt.want, paths)
		})
	}
	ps := ismskit.Problems(errors.Join(a, plain))
	assert.Same(t, a, ps[0])
	assert.Equal(t, plain, ps[1].Err)
	out, err := json.Marshal(ps)
	require.NoError(t, err)
	assert.JSONEq(t, `[{"path":"a","kind":"missing","message":"missing value"},{"path":"","message":"plain"}]`, string(out))
}

func TestLimitsOf(t *testing.T) {
	assert.Equal(t, ismskit.Limits{MaxBytes: ismskit.DefaultMaxBytes, MaxDepth: ismskit.DefaultMaxDepth, MaxProblems: ismskit.DefaultMaxProblems}, ismskit.LimitsOf())
	l := ismskit.LimitsOf(ismskit.MaxBytes(10), ismskit.MaxDepth(-1), ismskit.MaxProblems(3), nil)
	assert.Equal(t, ismskit.Limits{MaxBytes: 10, MaxDepth: -1, MaxProblems: 3}, l)
	assert.Equal(t, ismskit.DefaultMaxProblems, ismskit.LimitsOf(ismskit.MaxProblems(0)).MaxProblems)
}
