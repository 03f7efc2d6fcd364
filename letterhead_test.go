package ismskit_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
)

var png1 = []byte("\x89PNG\r\n\x1a\n....")

func TestLetterhead(t *testing.T) {
	var zero ismskit.Letterhead
	assert.Equal(t, "Internal", zero.Marking())
	assert.Equal(t, "#1F4E79", zero.AccentColour())
	assert.Equal(t, "", zero.LogoType())
	r, g, b := zero.RGB()
	assert.Equal(t, [3]uint8{0x1F, 0x4E, 0x79}, [3]uint8{r, g, b})
	require.NoError(t, zero.Validate())

	l := ismskit.Letterhead{Classification: "  Confidential ", Colour: "#a0b1c2", Logo: png1}
	assert.Equal(t, "Confidential", l.Marking())
	assert.Equal(t, "#A0B1C2", l.AccentColour())
	assert.Equal(t, "image/png", l.LogoType())
	assert.Equal(t, "image/jpeg", ismskit.Letterhead{Logo: []byte("\xff\xd8\xff\xe0")}.LogoType())
	require.NoError(t, l.Validate())

	b2, err := json.Marshal(l)
	require.NoError(t, err)
	var back ismskit.Letterhead
	require.NoError(t, json.Unmarshal(b2, &back))
	assert.Equal(t, l, back)
	b2, err = json.Marshal(zero)
	require.NoError(t, err)
	assert.Equal(t, "{}", string(b2))
}

func TestLetterheadValidate(t *testing.T) {
	tests := []struct {
		name string
		l    ismskit.Letterhead
		path string
		kind error
	}{
		{"colour name", ismskit.Letterhead{Colour: "red"}, "colour", ismskit.ErrSyntax},
		{"short colour", ismskit.Letterhead{Colour: "#fff"}, "colour", ismskit.ErrSyntax},
		{"colour not hex", ismskit.Letterhead{Colour: "#12345g"}, "colour", ismskit.ErrSyntax},
		{"gif logo", ismskit.Letterhead{Logo: []byte("GIF89a")}, "logo", ismskit.ErrUnknownValue},
		{"big logo", ismskit.Letterhead{Logo: append(png1, make([]byte, ismskit.MaxLogoBytes)...)}, "logo", ismskit.ErrTooLarge},
		{"control", ismskit.Letterhead{Classification: "a\nb"}, "classification", ismskit.ErrNotEncodable},
		{"bad utf8", ismskit.Letterhead{Classification: "\xff"}, "classification", ismskit.ErrNotEncodable},
		{"long", ismskit.Letterhead{Classification: strings.Repeat("x", 81)}, "classification", ismskit.ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.l.Validate()
			require.Error(t, err)
			assert.ErrorIs(t, err, tt.kind)
			ps := ismskit.Problems(err)
			require.Len(t, ps, 1)
			assert.Equal(t, tt.path, ps[0].Path)
			assert.Equal(t, ismskit.DefaultColour, tt.l.AccentColour(), "an invalid colour falls back")
		})
	}
	err := ismskit.Letterhead{Colour: "x", Logo: []byte("x"), Classification: "\x00"}.Validate()
	assert.Len(t, ismskit.Problems(err), 3, "every problem")
}
