package stanza

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParse(t *testing.T) {
	in := "# header\n\ncontrol: 5.1\ntitle: Policies: and more \n# inside\nfrom2013: A.5.1.1 A.5.1.2\n\n\n  \ncontrol: 5.2\nempty:\n"
	got, err := Parse([]byte(in))
	require.NoError(t, err)
	require.Len(t, got, 2)
	assert.Equal(t, 3, got[0].Line)
	assert.Equal(t, "control", got[0].Kind())
	v, ok := got[0].Get("title")
	assert.True(t, ok)
	assert.Equal(t, "Policies: and more", v)
	assert.Equal(t, []string{"A.5.1.1 A.5.1.2"}, got[0].All("from2013"))
	_, ok = got[0].Get("missing")
	assert.False(t, ok)
	v, ok = got[1].Get("empty")
	assert.True(t, ok)
	assert.Equal(t, "", v)
	assert.Equal(t, 10, got[1].Line)
}

func TestParseErrors(t *testing.T) {
	for _, in := range []string{"no colon here", "control: 1\n: value", "bad key: x", "k\u00e9y: x"} {
		_, err := Parse([]byte(in))
		var se *Error
		require.True(t, errors.As(err, &se), "input %q", in)
		assert.Positive(t, se.Line)
	}
	got, err := Parse(nil)
	require.NoError(t, err)
	assert.Empty(t, got)
	assert.Equal(t, "", Stanza{}.Kind())
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("control: 5.1\ntitle: x\n\ncontrol: 5.2\n"))
	f.Add([]byte("# c\n\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		st, err := Parse(data)
		if err != nil {
			return
		}
		for _, s := range st {
			if len(s.Fields) == 0 || s.Line != s.Fields[0].Line {
				t.Fatalf("bad stanza %+v", s)
			}
		}
	})
}
