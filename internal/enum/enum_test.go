package enum

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
)

type color uint8

var colors = &Set[color]{Type: "color", What: "colour", Codes: []string{"", "red", "dark-blue"}, Labels: []string{"", "Red", "Dark blue"}}

func TestSet(t *testing.T) {
	assert.Equal(t, []color{1, 2}, colors.All())
	assert.True(t, colors.Valid(2))
	assert.False(t, colors.Valid(0))
	assert.False(t, colors.Valid(3))
	assert.Equal(t, "dark-blue", colors.Code(2))
	assert.Equal(t, "", colors.Code(9))
	assert.Equal(t, "Dark blue", colors.Label(2))
	assert.Equal(t, "", colors.Label(0))
	assert.Equal(t, "color(9)", colors.Label(9))

	c, err := colors.Parse("red")
	require.NoError(t, err)
	assert.Equal(t, color(1), c)
	_, err = colors.Parse("Red")
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
	assert.Contains(t, err.Error(), "want red, dark-blue")
	assert.Len(t, ismskit.Problems(err), 1)
	assert.IsType(t, &ismskit.Error{}, err)
	_, err = colors.Parse(strings.Repeat("x", 100))
	assert.Less(t, len(err.Error()), 120, "the input is clipped")
	_, err = colors.Parse("")
	assert.Error(t, err)

	b, err := colors.Marshal(2)
	require.NoError(t, err)
	assert.Equal(t, "dark-blue", string(b))
	b, err = colors.Marshal(0)
	require.NoError(t, err)
	assert.Empty(t, b, "the zero value is unset")
	_, err = colors.Marshal(7)
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)

	var v color
	require.NoError(t, colors.Unmarshal(&v, []byte("dark-blue")))
	assert.Equal(t, color(2), v)
	require.NoError(t, colors.Unmarshal(&v, nil))
	assert.Equal(t, color(0), v)
	assert.Error(t, colors.Unmarshal(&v, []byte("green")))
	assert.ErrorIs(t, colors.Unmarshal(nil, []byte("red")), ismskit.ErrMissing)
}
