package iso27002

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestWithdrawn checks that withdrawn controls stay in the catalog but
// are left out of Select, Search and Count unless asked for.
func TestWithdrawn(t *testing.T) {
	cat, err := NewCatalog("NIST-like", []Control{
		{ID: MustParse("x:ac-2"), Title: "Account Management", Group: "ac"},
		{ID: MustParse("x:ac-2.10"), Title: "Shared Account Credential Change", Group: "ac", Withdrawn: true, MovedTo: []ControlID{MustParse("x:ac-2")}},
		{ID: MustParse("x:ac-13"), Title: "Supervision and Review of accounts", Group: "ac", Withdrawn: true,
			MovedTo: []ControlID{MustParse("x:au-6"), MustParse("x:ac-2")}},
		{ID: MustParse("x:au-6"), Title: "Audit Record Review", Group: "au"},
	})
	require.NoError(t, err)
	assert.Equal(t, 4, cat.Len())
	assert.True(t, cat.Has(MustParse("x:ac-13")))
	assert.Len(t, slices.Collect(cat.Controls()), 4, "Controls keeps every control")
	assert.Equal(t, 2, cat.Count(), "Count leaves withdrawn controls out")
	assert.Equal(t, 4, cat.Count(IncludeWithdrawn()))
	assert.Equal(t, 1, cat.Count(Matching("account")))
	assert.Equal(t, 3, cat.Count(Matching("account"), IncludeWithdrawn()))
	assert.Equal(t, 2, cat.Count(AnyOf(IncludeWithdrawn(), Not(IncludeWithdrawn())), FilterFunc(func(c Control) bool { return c.Withdrawn })))
	for c := range cat.Search("account") {
		assert.False(t, c.Withdrawn)
	}
	ctl, ok := cat.Lookup(MustParse("x:ac-13"))
	require.True(t, ok)
	assert.Equal(t, []ControlID{MustParse("x:ac-2"), MustParse("x:au-6")}, ctl.MovedTo, "in natural order")
	ctl.MovedTo[0] = MustParse("x:zz")
	again, _ := cat.Lookup(MustParse("x:ac-13"))
	assert.Equal(t, MustParse("x:ac-2"), again.MovedTo[0], "a Control handed out shares no memory with the catalog")
	assert.Equal(t, 0, Catalog2022().Count(IncludeWithdrawn(), FilterFunc(func(c Control) bool { return c.Withdrawn })), "no built-in control is withdrawn")

	// The JSON form keeps both fields.
	data, err := EncodeCatalog(cat)
	require.NoError(t, err)
	back, err := DecodeCatalog(data)
	require.NoError(t, err)
	assert.Equal(t, slices.Collect(cat.Controls()), slices.Collect(back.Controls()))
	var one Control
	require.NoError(t, json.Unmarshal([]byte(`{"id":"x:a","title":"A","withdrawn":true,"movedTo":["x:b"]}`), &one))
	assert.Equal(t, Control{ID: MustParse("x:a"), Title: "A", Withdrawn: true, MovedTo: []ControlID{MustParse("x:b")}}, one)

	// Only a withdrawn control moves, and only to a control of the catalog.
	_, err = NewCatalog("bad", []Control{
		{ID: MustParse("x:1"), Title: "One", MovedTo: []ControlID{MustParse("x:2")}},
		{ID: MustParse("x:2"), Title: "Two", Withdrawn: true, MovedTo: []ControlID{MustParse("x:9")}},
	})
	assert.ErrorIs(t, err, ErrInvalidControl)
	assert.ErrorIs(t, err, ismskit.ErrUnknownControl)
	assert.Equal(t, []string{"controls[0].movedTo", "controls[1].movedTo[0]"}, fielderr.Paths(err))
	assert.Equal(t, "withdrawn-control", ErrWithdrawn.Code())
}
