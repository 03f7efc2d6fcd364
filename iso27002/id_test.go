package iso27002

import (
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/internal/schematest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		edition Edition
		wantErr error
	}{
		{in: "5.1", want: "5.1", edition: Edition2022},
		{in: "A.5.1", want: "5.1", edition: Edition2022},
		{in: "5.37", want: "5.37", edition: Edition2022},
		{in: "6.8", want: "6.8", edition: Edition2022},
		{in: "7.14", want: "7.14", edition: Edition2022},
		{in: "8.34", want: "8.34", edition: Edition2022},
		{in: "A.5.1.1", want: "A.5.1.1", edition: Edition2013},
		{in: "5.1.1", want: "A.5.1.1", edition: Edition2013},
		{in: "A.18.2.3", want: "A.18.2.3", edition: Edition2013},
		{in: "A.14.2.9", want: "A.14.2.9", edition: Edition2013},
		{in: "acme:ORG-1", want: "acme:ORG-1"},
		{in: "nist-800-53r5:ac-2(3)", want: "nist-800-53r5:ac-2(3)"},
		{in: "x:é", want: "x:é"},
		{in: "CLOUD-1", want: "CLOUD-1"},
		{in: "AC-2", want: "AC-2"},
		{in: "A", want: "A"},
		{in: "A5", want: "A5"},
		{in: "ORG.7_b", want: "ORG.7_b"},
		{in: "z" + strings.Repeat("9", 127), want: "z" + strings.Repeat("9", 127)},

		{in: "5.38", wantErr: ismskit.ErrUnknownControl},
		{in: "6.9", wantErr: ismskit.ErrUnknownControl},
		{in: "7.15", wantErr: ismskit.ErrUnknownControl},
		{in: "8.35", wantErr: ismskit.ErrUnknownControl},
		{in: "4.1", wantErr: ismskit.ErrUnknownControl},
		{in: "9.1", wantErr: ismskit.ErrUnknownControl},
		{in: "5.0", wantErr: ismskit.ErrInvalidID},
		{in: "A.5.1.3", wantErr: ismskit.ErrUnknownControl},
		{in: "A.19.1.1", wantErr: ismskit.ErrUnknownControl},
		{in: "A.4.1.1", wantErr: ismskit.ErrUnknownControl},
		{in: "A.5.2.1", wantErr: ismskit.ErrUnknownControl},
		{in: "", wantErr: ismskit.ErrInvalidID},
		{in: "5", wantErr: ismskit.ErrInvalidID},
		{in: "A.5", wantErr: ismskit.ErrInvalidID},
		{in: "5.01", wantErr: ismskit.ErrInvalidID},
		{in: "05.1", wantErr: ismskit.ErrInvalidID},
		{in: "5.1.", wantErr: ismskit.ErrInvalidID},
		{in: ".5.1", wantErr: ismskit.ErrInvalidID},
		{in: "5..1", wantErr: ismskit.ErrInvalidID},
		{in: " 5.1", wantErr: ismskit.ErrInvalidID},
		{in: "5.1 ", wantErr: ismskit.ErrInvalidID},
		{in: "5.1x", wantErr: ismskit.ErrInvalidID},
		{in: "a.5.1", wantErr: ismskit.ErrInvalidID},
		{in: "A.5.1.1.1", wantErr: ismskit.ErrInvalidID},
		{in: "5.1000", wantErr: ismskit.ErrInvalidID},
		{in: "5.256", wantErr: ismskit.ErrInvalidID},
		{in: ":x", wantErr: ismskit.ErrInvalidID},
		{in: "acme:", wantErr: ismskit.ErrInvalidID},
		{in: "-acme:x", wantErr: ismskit.ErrInvalidID},
		{in: "ac me:x", wantErr: ismskit.ErrInvalidID},
		{in: "acme:a b", wantErr: ismskit.ErrInvalidID},
		{in: "acme:a\x00", wantErr: ismskit.ErrInvalidID},
		{in: "acme:\xff", wantErr: ismskit.ErrInvalidID},
		{in: "acme:" + string(make([]byte, 200)), wantErr: ismskit.ErrInvalidID},
		{in: "CLOUD 1", wantErr: ismskit.ErrInvalidID},
		{in: "CLOUD/1", wantErr: ismskit.ErrInvalidID},
		{in: "é", wantErr: ismskit.ErrInvalidID},
		{in: "A.x", wantErr: ismskit.ErrInvalidID},
		{in: "a.b", wantErr: ismskit.ErrInvalidID},
		{in: "A.5.x", wantErr: ismskit.ErrInvalidID},
		{in: "z" + strings.Repeat("9", 128), wantErr: ismskit.ErrInvalidID},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			id, err := Parse(tt.in)
			if tt.wantErr != nil {
				require.Error(t, err)
				assert.ErrorIs(t, err, tt.wantErr)
				assert.Contains(t, err.Error(), "control ID "+fielderr.Quote(tt.in)+": ")
				assert.LessOrEqual(t, len(err.Error()), 200, "the input is clipped")
				assert.Equal(t, ControlID{}, id)
				return
			}
			require.NoError(t, err)
			assert.True(t, id.IsValid())
			assert.Equal(t, tt.want, id.String())
			assert.Regexp(t, controlIDPattern, tt.in, "the JSON Schema's pattern")
			assert.Equal(t, tt.edition, id.Edition())
			assert.Equal(t, tt.edition == 0, id.IsCustom())
			text, err := id.MarshalText()
			require.NoError(t, err)
			var back ControlID
			require.NoError(t, back.UnmarshalText(text))
			assert.Equal(t, id, back)
		})
	}
}

func TestControlIDAccessors(t *testing.T) {
	id := MustParse("A.9.4.1")
	assert.Equal(t, "A.9", id.Clause())
	assert.Equal(t, "A.9.4", id.Objective())
	assert.Equal(t, Theme(0), id.Theme())
	assert.Equal(t, "", id.Namespace())

	id = MustParse("8.24")
	assert.Equal(t, Technological, id.Theme())
	assert.Equal(t, "", id.Clause())
	assert.Equal(t, "", id.Objective())

	assert.Equal(t, "", id.Local())

	id = MustParse("CLOUD-1")
	assert.True(t, id.IsCustom())
	assert.Equal(t, "", id.Namespace())
	assert.Equal(t, "CLOUD-1", id.Local())

	id = MustParse("acme:ORG-1")
	assert.Equal(t, "acme", id.Namespace())
	assert.Equal(t, "ORG-1", id.Local())
	assert.Equal(t, Theme(0), id.Theme())
	assert.Equal(t, Edition(0), id.Edition())

	var zero ControlID
	assert.False(t, zero.IsValid())
	assert.Equal(t, "invalid ControlID", zero.String())
	text, err := zero.MarshalText()
	require.NoError(t, err)
	assert.Empty(t, text)
	require.NoError(t, zero.UnmarshalText(nil))
	assert.Equal(t, ControlID{}, zero)
	assert.Error(t, zero.UnmarshalText([]byte("5.99")))
	assert.Equal(t, []byte("x 5.1"), MustParse("5.1").AppendTo([]byte("x ")))

	assert.Panics(t, func() { MustParse("5.99") })
}

func TestEditionsNeverEqual(t *testing.T) {
	// 5.1 came from A.5.1.1, but the IDs of different editions differ.
	assert.NotEqual(t, MustParse("5.1"), MustParse("A.5.1.1"))
	assert.Equal(t, MustParse("A.5.1"), MustParse("5.1"))
	assert.NotEqual(t, 0, MustParse("5.1").Compare(MustParse("A.5.1.1")))
}

func TestCompareNaturalOrder(t *testing.T) {
	in := []string{"acme:X-10", "8.1", "5.10", "A.10.1.1", "acme:X-9", "5.2", "CLOUD-1", "A.9.4.1", "6.1", "A.5.1.2", "5.1"}
	ids := make([]ControlID, len(in))
	for i, s := range in {
		ids[i] = MustParse(s)
	}
	ids = append(ids, ControlID{})
	slices.SortFunc(ids, Compare)
	var got []string
	for _, id := range ids {
		got = append(got, id.String())
	}
	assert.Equal(t, []string{"invalid ControlID", "A.5.1.2", "A.9.4.1", "A.10.1.1", "5.1", "5.2", "5.10", "6.1", "8.1", "CLOUD-1", "acme:X-9", "acme:X-10"}, got)
	assert.Equal(t, 0, MustParse("5.2").Compare(MustParse("A.5.2")))
}

func TestEdition(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want Edition
	}{{"2013", Edition2013}, {"2022", Edition2022}, {"custom", 0}} {
		got, err := ParseEdition(tt.in)
		require.NoError(t, err)
		assert.Equal(t, tt.want, got)
		assert.Equal(t, tt.in, got.String())
		var back Edition
		text, _ := got.MarshalText()
		require.NoError(t, back.UnmarshalText(text))
		assert.Equal(t, got, back)
	}
	_, err := ParseEdition("2005")
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
	_, err = Edition(2005).MarshalText()
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
	assert.Equal(t, "Edition(2005)", Edition(2005).String())
	var e Edition
	assert.Error(t, e.UnmarshalText([]byte("x")))
	assert.True(t, Edition2022.IsValid())
	assert.False(t, Edition(0).IsValid())
}

func TestParseAllocs(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() {
		sinkID, _ = Parse("8.34")
		sinkID, _ = Parse("A.18.2.3")
	})
	assert.Zero(t, allocs)
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"5.1", "A.5.1", "A.18.2.3", "8.34", "acme:ORG-1", "CLOUD-1", "a.5.1", "5.38", "", ":", "A.", "5.1.1.1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, err := Parse(s)
		if err != nil {
			if !errors.Is(err, ismskit.ErrInvalidID) && !errors.Is(err, ismskit.ErrUnknownControl) {
				t.Fatalf("Parse(%q): error %v wraps no sentinel", s, err)
			}
			return
		}
		if !id.IsValid() {
			t.Fatalf("Parse(%q) gave an invalid ID", s)
		}
		if !controlIDPattern.MatchString(s) || !controlIDPattern.MatchString(id.String()) {
			t.Fatalf("Parse(%q) accepts what the JSON Schema's pattern rejects", s)
		}
		back, err := Parse(id.String())
		if err != nil || back != id {
			t.Fatalf("round trip of %q: %v %v", s, back, err)
		}
		if id.Edition().IsValid() {
			cat, _ := BuiltIn(id.Edition())
			if !cat.Has(id) {
				t.Fatalf("Parse(%q) accepted an ID the catalog does not hold", s)
			}
		}
	})
}

// controlIDPattern is the pattern of a ControlID in the JSON Schemas.
var controlIDPattern = regexp.MustCompile(schematest.ControlIDPattern)

var sinkID ControlID

func BenchmarkParse(b *testing.B) {
	for _, s := range []string{"8.34", "A.18.2.3", "acme:ORG-1"} {
		b.Run(s, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkID, _ = Parse(s)
			}
		})
	}
}
