package fielderr

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var errBad = errors.New("bad")

func TestError(t *testing.T) {
	assert.Equal(t, "risks[3].likelihood: bad", (&Error{Path: "risks[3].likelihood", Err: errBad}).Error())
	assert.Equal(t, "bad", (&Error{Err: errBad}).Error())
	assert.Equal(t, "x: <nil>", (&Error{Path: "x"}).Error())
}

func TestPrefix(t *testing.T) {
	assert.NoError(t, Prefix("a", nil))
	assert.Equal(t, &Error{Err: errBad}, Prefix("", errBad))

	err := Prefix("risks[3]", errors.Join(&Error{Path: "likelihood", Err: errBad}, errBad, &Error{Path: "[0]", Err: errBad}))
	require.Error(t, err)
	assert.Equal(t, "risks[3].likelihood: bad\nrisks[3]: bad\nrisks[3][0]: bad", err.Error())
	assert.ErrorIs(t, err, errBad)
	var fe *Error
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "risks[3].likelihood", fe.Path)
}

func TestPaths(t *testing.T) {
	assert.Equal(t, "a.b", Key("a", "b"))
	assert.Equal(t, "b", Key("", "b"))
	assert.Equal(t, `controls["5.1"]`, Key("controls", "5.1"))
	assert.Equal(t, `[""]`, Key("", ""))
	assert.Equal(t, "a.b_2", Key("a", "b_2"))
	assert.Equal(t, `a["2b"]`, Key("a", "2b"))
	assert.Equal(t, "risks[3]", Index("risks", 3))
	assert.Equal(t, "a", JoinPath("a", ""))
}

func TestList(t *testing.T) {
	var l List
	assert.NoError(t, l.Err())
	l.Add("a", nil)
	assert.Equal(t, 0, l.Len())
	l.Add("a", errBad)
	l.Add("b", errBad)
	assert.Equal(t, 2, l.Len())
	assert.Equal(t, "a: bad\nb: bad", l.Err().Error())
}

func TestAt(t *testing.T) {
	assert.NoError(t, At("x", nil))
	var fe *Error
	require.ErrorAs(t, At("", errBad), &fe)
	assert.Equal(t, "", fe.Path)
	require.ErrorAs(t, At("a", &Error{Path: "b", Err: errBad}), &fe)
	assert.Equal(t, "a.b", fe.Path)
}

func TestErrorf(t *testing.T) {
	err := Errorf(errBad, "%d is outside the scale 1..%d", 7, 5)
	assert.Equal(t, "7 is outside the scale 1..5", err.Error())
	assert.ErrorIs(t, err, errBad)
	assert.Equal(t, "risks[3].likelihood: 7 is outside the scale 1..5", At("risks[3].likelihood", err).Error())
}

func TestFlattenAndPaths(t *testing.T) {
	assert.Nil(t, Flatten(nil))
	assert.Empty(t, Paths(nil))
	err := errors.Join(At("a", errBad), errors.Join(At("b[1]", errBad), errBad))
	assert.Len(t, Flatten(err), 3)
	assert.Equal(t, []string{"a", "b[1]", ""}, Paths(err))
	assert.Equal(t, []string{"x"}, Paths(At("x", errBad)))
}

func TestQuote(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", `""`},
		{"5.x", `"5.x"`},
		{"a\x00", `"a\x00"`},
		{string(make([]byte, 40)), `"` + strings.Repeat(`\x00`, 40) + `"`},
		{strings.Repeat("a", 41), `"` + strings.Repeat("a", 40) + `"...`},
		{strings.Repeat("a", 39) + "é", `"` + strings.Repeat("a", 39) + `"...`},
	} {
		assert.Equal(t, tt.want, Quote(tt.in), "%q", tt.in)
	}
}
