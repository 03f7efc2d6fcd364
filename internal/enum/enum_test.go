package enum

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
)

var unset = Table{Type: "Origin", What: "origin", Codes: []string{"", "internal", "external"}, Labels: []string{"", "Internal", "External"}}
var zeroValue = Table{Type: "DocKind", What: "document kind", ZeroIsValue: true,
	Codes: []string{"none", "maintained"}, Labels: []string{"Not documented", "Maintained"}}
var sparse = Table{Type: "Theme", What: "theme", Codes: []string{5: "organizational", 6: "people"}, Labels: []string{5: "Organizational controls", 6: "People controls"}}

func TestTable(t *testing.T) {
	tests := []struct {
		name  string
		e     *Table
		v     int
		valid bool
		label string
		code  string
		err   bool
	}{
		{"unset zero", &unset, 0, false, "", "", false},
		{"value", &unset, 2, true, "External", "external", false},
		{"unknown", &unset, 3, false, "Origin(3)", "", true},
		{"zero value", &zeroValue, 0, true, "Not documented", "none", false},
		{"sparse gap", &sparse, 1, false, "Theme(1)", "", true},
		{"sparse value", &sparse, 6, true, "People controls", "people", false},
		{"negative", &unset, -1, false, "Origin(-1)", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.valid, tt.e.Valid(tt.v))
			assert.Equal(t, tt.label, tt.e.Label(tt.v))
			b, err := tt.e.Marshal(tt.v)
			if tt.err {
				assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.code, string(b))
			back, err := tt.e.Unmarshal(b)
			require.NoError(t, err)
			assert.Equal(t, tt.v, back)
			if tt.valid {
				for _, s := range []string{tt.code, tt.label} {
					v, err := tt.e.Parse(s)
					require.NoError(t, err)
					assert.Equal(t, tt.v, v)
				}
			}
		})
	}
	for _, bad := range []string{"", "Internal", "INTERNAL ", "nope"} {
		_, err := unset.Unmarshal([]byte(bad))
		if bad == "" {
			assert.NoError(t, err, "empty text is the zero value")
			continue
		}
		assert.ErrorIs(t, err, ismskit.ErrUnknownValue, bad)
	}
	_, err := unset.Parse("")
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
	_, err = unset.Parse("nope")
	assert.EqualError(t, err, `origin "nope": want internal, external`)
	v, err := unset.Parse("EXTERNAL")
	require.NoError(t, err)
	assert.Equal(t, 2, v)
}

func TestSetAndParseAs(t *testing.T) {
	type origin uint8
	var o origin
	require.NoError(t, SetText(&unset, &o, []byte("external")))
	assert.Equal(t, origin(2), o)
	require.NoError(t, SetText(&unset, &o, nil))
	assert.Equal(t, origin(0), o)
	assert.ErrorIs(t, SetText(&unset, &o, []byte("x")), ismskit.ErrUnknownValue)
	assert.ErrorIs(t, SetText[origin](&unset, nil, []byte("x")), ismskit.ErrMissing)
	got, err := ParseAs[origin](&unset, "Internal")
	require.NoError(t, err)
	assert.Equal(t, origin(1), got)
}

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
	c, err = colors.Parse("Dark Blue")
	require.NoError(t, err, "a label is read too")
	assert.Equal(t, color(2), c)
	_, err = colors.Parse("green")
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
	assert.Contains(t, err.Error(), "want red, dark-blue")
	assert.Len(t, ismskit.Problems(err), 1)
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
