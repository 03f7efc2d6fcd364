package oscal_test

import (
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/iso27002/oscal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestControlToken(t *testing.T) {
	tests := []struct {
		in, want string
		iso      bool // ParseControlToken gives the ID back
	}{
		{"5.1", "a.5.1", true},
		{"8.34", "a.8.34", true},
		{"A.5.1.1", "a.5.1.1", true},
		{"A.18.2.3", "a.18.2.3", true},
		{"acme:ORG-1", "acme.ORG-1", false},
		{"nist-800-53r5:ac-2(1)", "nist-800-53r5.ac-2_1_", false},
		{"9x:y", "_9x.y", false},
		{"ns:Ärger", "ns.Ärger", false},
	}
	for _, tt := range tests {
		id := iso27002.MustParse(tt.in)
		tok := oscal.ControlToken(id)
		assert.Equal(t, tt.want, tok, tt.in)
		back, ok := oscal.ParseControlToken(tok)
		assert.Equal(t, tt.iso, ok, tt.in)
		if tt.iso {
			assert.Equal(t, id, back)
		}
	}
	assert.Equal(t, "", oscal.ControlToken(iso27002.ControlID{}))
	for _, bad := range []string{"", "a", "a.", "a.5.38", "a.5.1.3", "b.5.1", "a.5.1.1.1", "a.x.1"} {
		_, ok := oscal.ParseControlToken(bad)
		assert.False(t, ok, bad)
	}
	id, ok := oscal.ParseControlToken("A.5.1")
	assert.True(t, ok)
	assert.Equal(t, iso27002.MustParse("5.1"), id)
}

func TestRelationship(t *testing.T) {
	tests := []struct {
		from, to string
		want     oscal.Relationship
	}{
		{"A.5.1.1", "5.1", oscal.SubsetOf},        // 5.1 merges A.5.1.1 and A.5.1.2
		{"A.18.2.3", "8.8", oscal.IntersectsWith}, // split over 5.36 and 8.8, and 8.8 merges A.12.6.1
		{"A.18.2.3", "5.36", oscal.IntersectsWith},
		{"A.5.1.1", "8.8", 0}, // not a pair
	}
	for _, tt := range tests {
		got := oscal.RelationshipOf(iso27002.Pair{From: iso27002.MustParse(tt.from), To: iso27002.MustParse(tt.to)})
		assert.Equal(t, tt.want, got, "%s -> %s", tt.from, tt.to)
	}
	counts := map[oscal.Relationship]int{}
	for p := range iso27002.Correspondence() {
		r := oscal.RelationshipOf(p)
		assert.True(t, r.IsValid(), "%v", p)
		counts[r]++
		// Check the rule against the shape of the relation directly.
		n, m := len(iso27002.To2022(p.From)), len(iso27002.From2013(p.To))
		switch r {
		case oscal.EqualTo:
			assert.True(t, n == 1 && m == 1)
		case oscal.SubsetOf:
			assert.True(t, n == 1 && m > 1)
		case oscal.SupersetOf:
			assert.True(t, n > 1 && m == 1)
		case oscal.IntersectsWith:
			assert.True(t, n > 1 && m > 1)
		}
	}
	assert.Equal(t, map[oscal.Relationship]int{oscal.EqualTo: 58, oscal.SubsetOf: 55, oscal.IntersectsWith: 2}, counts)

	for r := oscal.EqualTo; r <= oscal.IntersectsWith; r++ {
		b, err := r.MarshalText()
		assert.NoError(t, err)
		var back oscal.Relationship
		assert.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, r, back)
	}
	zero, err := oscal.Relationship(0).MarshalText()
	assert.NoError(t, err, "the zero value marshals, as empty text")
	assert.Empty(t, zero)
	_, err = oscal.Relationship(9).MarshalText()
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
	var r oscal.Relationship = oscal.EqualTo
	assert.NoError(t, r.UnmarshalText(nil))
	assert.Equal(t, oscal.Relationship(0), r)
	assert.ErrorIs(t, r.UnmarshalText([]byte("equal")), ismskit.ErrUnknownValue)
	assert.Equal(t, "", oscal.Relationship(9).String())
	for _, s := range []string{"equal-to", "subset-of", "superset-of", "intersects-with"} {
		v, err := oscal.ParseRelationship(s)
		require.NoError(t, err)
		assert.True(t, v.IsValid())
		assert.Equal(t, s, v.String())
	}
	_, err = oscal.ParseRelationship("Equal-To")
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
}
