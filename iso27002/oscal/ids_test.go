package oscal_test

import (
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/iso27002/oscal"
	"github.com/stretchr/testify/assert"
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

func TestUUID(t *testing.T) {
	// The UUID namespace is the version 5 UUID of Namespace in RFC 9562's
	// URL name space (checked with Python's uuid.uuid5), and UUIDs are
	// version 5, RFC variant, stable.
	u := oscal.UUID("map:A.5.1.1>5.1")
	assert.Regexp(t, `^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`, u)
	assert.Equal(t, u, oscal.UUID("map:A.5.1.1>5.1"))
	assert.NotEqual(t, u, oscal.UUID("map:A.5.1.2>5.1"))
	assert.Equal(t, "b0f2e828-24cb-5f58-bf08-de9cbc94f51f", oscal.UUIDNamespace)
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
	_, err := oscal.Relationship(0).MarshalText()
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
	var r oscal.Relationship
	assert.ErrorIs(t, r.UnmarshalText([]byte("equal")), ismskit.ErrUnknownValue)
	assert.Equal(t, "", oscal.Relationship(9).String())
}
