package enum

import (
	"errors"
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
	assert.Equal(t, "Dark blue", colors.Label(2))
	assert.Equal(t, "", colors.Label(0))
	assert.Equal(t, "color(9)", colors.Label(9))
	assert.Equal(t, "dark-blue", colors.Code(2))
	assert.Equal(t, "", colors.Code(9))

	v, err := colors.Parse("red")
	require.NoError(t, err)
	assert.Equal(t, color(1), v)
	for _, bad := range []string{"", "Red", "blue", "a-very-long-value-that-goes-on-and-on-and-on-and-on"} {
		_, err := colors.Parse(bad)
		assert.ErrorIs(t, err, ismskit.ErrUnknownValue, bad)
	}
	_, err = colors.Parse("a-very-long-value-that-goes-on-and-on-and-on-and-on")
	assert.Contains(t, err.Error(), `..."`)

	b, err := colors.Marshal(2)
	require.NoError(t, err)
	assert.Equal(t, "dark-blue", string(b))
	b, err = colors.Marshal(0)
	require.NoError(t, err)
	assert.Empty(t, b)
	_, err = colors.Marshal(7)
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)

	var c color = 2
	require.NoError(t, colors.Unmarshal(&c, nil))
	assert.Equal(t, color(0), c)
	require.NoError(t, colors.Unmarshal(&c, []byte("red")))
	assert.Equal(t, color(1), c)
	assert.ErrorIs(t, colors.Unmarshal(&c, []byte("green")), ismskit.ErrUnknownValue)
	assert.Equal(t, color(1), c, "unchanged on error")
	err = colors.Unmarshal(nil, []byte("red"))
	assert.True(t, errors.Is(err, ismskit.ErrMissing))
}
