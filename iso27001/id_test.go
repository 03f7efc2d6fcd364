package iso27001

import (
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/natural"
	"github.com/ismskit/ismskit/internal/schematest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseClauseID(t *testing.T) {
	tests := []struct {
		in      string
		depth   int
		parent  string
		wantErr bool
	}{
		{in: "4", depth: 1},
		{in: "10", depth: 1},
		{in: "6.1", depth: 2, parent: "6"},
		{in: "6.1.3", depth: 3, parent: "6.1"},
		{in: "9.3.2", depth: 3, parent: "9.3"},
		{in: "5.10", depth: 2, parent: "5"},
		{in: "10.99", depth: 2, parent: "10"},
		{in: "", wantErr: true},
		{in: "3", wantErr: true},
		{in: "11", wantErr: true},
		{in: "0", wantErr: true},
		{in: "04", wantErr: true},
		{in: "6.01", wantErr: true},
		{in: "6.0", wantErr: true},
		{in: "6.1.3.4", wantErr: true},
		{in: "6.100", wantErr: true},
		{in: "6.", wantErr: true},
		{in: ".6", wantErr: true},
		{in: "6..1", wantErr: true},
		{in: "A.5.1", wantErr: true},
		{in: " 6.1", wantErr: true},
		{in: "6.1.3.d", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			id, err := ParseClauseID(tt.in)
			if tt.wantErr {
				require.ErrorIs(t, err, ismskit.ErrInvalidID)
				assert.Contains(t, err.Error(), `"`+tt.in+`"`)
				assert.False(t, id.IsValid())
				return
			}
			require.NoError(t, err)
			assert.True(t, id.IsValid())
			assert.Equal(t, tt.in, id.String())
			assert.Equal(t, tt.depth, id.Depth())
			assert.Equal(t, tt.parent, id.Parent().String())
			assert.Equal(t, strings.Split(tt.in, ".")[0], id.Top().String())
		})
	}
}

func TestClauseIDZeroAndText(t *testing.T) {
	var z ClauseID
	assert.False(t, z.IsValid())
	assert.Equal(t, "", z.String())
	assert.Equal(t, 0, z.Depth())
	assert.False(t, z.Parent().IsValid())
	assert.False(t, z.Contains(MustParseClauseID("4")))

	var id ClauseID
	require.NoError(t, id.UnmarshalText([]byte("9.2.2")))
	b, err := id.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "9.2.2", string(b))
	require.NoError(t, id.UnmarshalText(nil))
	assert.Equal(t, ClauseID{}, id)
	assert.ErrorIs(t, id.UnmarshalText([]byte("9.x")), ismskit.ErrInvalidID)

	assert.True(t, MustParseClauseID("6").Contains(MustParseClauseID("6.1.3")))
	assert.True(t, MustParseClauseID("6.1").Contains(MustParseClauseID("6.1")))
	assert.False(t, MustParseClauseID("6.1").Contains(MustParseClauseID("6.2")))
	assert.False(t, MustParseClauseID("6.1.3").Contains(MustParseClauseID("6.1")))
	assert.Panics(t, func() { MustParseClauseID("3") })
}

func TestClauseIDCompareIsNaturalOrder(t *testing.T) {
	var ids []ClauseID
	for _, ed := range []Edition{Edition2013, Edition2022} {
		for c := range MustNew(ed).Clauses() {
			ids = append(ids, c.ID)
		}
	}
	ids = append(ids, MustParseClauseID("5.10"), MustParseClauseID("5.9"), ClauseID{})
	for _, a := range ids {
		for _, b := range ids {
			assert.Equal(t, natural.Compare(a.String(), b.String()), a.Compare(b), "%s vs %s", a, b)
		}
	}
}

func TestParseItemID(t *testing.T) {
	tests := []struct {
		in      string
		clause  string
		parent  string
		note    bool
		wantErr bool
	}{
		{in: "6.1.3.d", clause: "6.1.3"},
		{in: "9.2.2.c", clause: "9.2.2"},
		{in: "6.1.2.c.1", clause: "6.1.2", parent: "6.1.2.c"},
		{in: "8.1.p2", clause: "8.1"},
		{in: "10.2.p1", clause: "10.2"},
		{in: "4.2.n2", clause: "4.2", note: true},
		{in: "4.3.p12", clause: "4.3"},
		{in: "6.2.p", clause: "6.2"}, // a lettered item "p" (no digits)
		{in: "", wantErr: true},
		{in: "6.1.3", wantErr: true},
		{in: "6.1.3.", wantErr: true},
		{in: "6.1.3.D", wantErr: true},
		{in: "6.1.3.dd", wantErr: true},
		{in: "6.1.3.d.0", wantErr: true},
		{in: "6.1.3.d.10", wantErr: true},
		{in: "6.1.3.d)", wantErr: true},
		{in: "8.1.p0", wantErr: true},
		{in: "8.1.p01", wantErr: true},
		{in: "8.1.p100", wantErr: true},
		{in: "8.1.x1", wantErr: true},
		{in: "3.1.a", wantErr: true},
		{in: ".a", wantErr: true},
		{in: "6.1.3.d.1.2", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			id, err := ParseItemID(tt.in)
			if tt.wantErr {
				require.ErrorIs(t, err, ismskit.ErrInvalidID)
				assert.False(t, id.IsValid())
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.in, id.String())
			assert.Equal(t, tt.clause, id.Clause().String())
			assert.Equal(t, tt.parent, id.Parent().String())
			assert.Equal(t, tt.note, id.IsNote())
			var back ItemID
			require.NoError(t, back.UnmarshalText([]byte(tt.in)))
			assert.Equal(t, id, back)
		})
	}
	assert.Panics(t, func() { MustParseItemID("x") })
	var z ItemID
	assert.Equal(t, "", z.String())
	require.NoError(t, z.UnmarshalText(nil))
	assert.False(t, z.IsValid())
}

func TestItemIDCompare(t *testing.T) {
	in := []string{"6.1.3.p2", "6.1.3.a", "6.1.2.c.1", "6.1.2.c", "4.2.n2", "4.2.c", "6.1.3.p1", "10.2.a", "9.3.2.d.4", "9.3.2.d.1", "6.1.2.d"}
	ids := make([]ItemID, len(in))
	for i, s := range in {
		ids[i] = MustParseItemID(s)
	}
	slices.SortFunc(ids, ItemID.Compare)
	var got []string
	for _, id := range ids {
		got = append(got, id.String())
	}
	assert.Equal(t, []string{"4.2.c", "4.2.n2", "6.1.2.c", "6.1.2.c.1", "6.1.2.d", "6.1.3.a", "6.1.3.p1", "6.1.3.p2", "9.3.2.d.1", "9.3.2.d.4", "10.2.a"}, got)
	assert.Equal(t, 0, MustParseItemID("6.1.3.d").Compare(MustParseItemID("6.1.3.d")))
}

func FuzzParseClauseID(f *testing.F) {
	for _, s := range []string{"4", "6.1.3", "10.2", "9.3.2", "3", "6.01", "A.5.1", "", "6..1", "99.99.99"} {
		f.Add(s)
	}
	pattern := regexp.MustCompile(schematest.ClauseIDPattern)
	f.Fuzz(func(t *testing.T, s string) {
		id, err := ParseClauseID(s)
		if (err == nil) != pattern.MatchString(s) {
			t.Fatalf("ParseClauseID(%q) = %v, but the JSON Schema's pattern says %v", s, err, pattern.MatchString(s))
		}
		if err != nil {
			if !errors.Is(err, ismskit.ErrInvalidID) || id.IsValid() {
				t.Fatalf("ParseClauseID(%q): %v, %v", s, id, err)
			}
			return
		}
		// Canonical input: printing gives the input back, and parsing that
		// gives the same ID.
		if id.String() != s {
			t.Fatalf("ParseClauseID(%q).String() = %q", s, id.String())
		}
		again, err := ParseClauseID(id.String())
		if err != nil || again != id {
			t.Fatalf("round trip of %q: %v, %v", s, again, err)
		}
		if p := id.Parent(); p.IsValid() && (!p.Contains(id) || p.Compare(id) >= 0) {
			t.Fatalf("parent %v of %v", p, id)
		}
	})
}

func FuzzParseItemID(f *testing.F) {
	for _, s := range []string{"6.1.3.d", "6.1.2.c.1", "8.1.p2", "4.2.n2", "6.1.3", "8.1.p0", "x.a", "10.2.g", "6.1.3.d.10"} {
		f.Add(s)
	}
	pattern := regexp.MustCompile(schematest.ItemIDPattern)
	f.Fuzz(func(t *testing.T, s string) {
		id, err := ParseItemID(s)
		if (err == nil) != pattern.MatchString(s) {
			t.Fatalf("ParseItemID(%q) = %v, but the JSON Schema's pattern says %v", s, err, pattern.MatchString(s))
		}
		if err != nil {
			if !errors.Is(err, ismskit.ErrInvalidID) || id.IsValid() {
				t.Fatalf("ParseItemID(%q): %v, %v", s, id, err)
			}
			return
		}
		if id.String() != s {
			t.Fatalf("ParseItemID(%q).String() = %q", s, id.String())
		}
		again, err := ParseItemID(id.String())
		if err != nil || again != id || again.Compare(id) != 0 {
			t.Fatalf("round trip of %q: %v, %v", s, again, err)
		}
		if !id.Clause().IsValid() {
			t.Fatalf("item %q without a clause", s)
		}
	})
}
