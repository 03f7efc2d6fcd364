package nist_test

import (
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/iso27002/nist"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzParseSP80053 checks that parsing never panics and that what parses
// round-trips through String and OSCALID.
func FuzzParseSP80053(f *testing.F) {
	for _, s := range []string{"AC-2", "AC-02(01)", "ac-2.1", "SR-12", "", "AC-", "AC-2(", "AC-2()", "zz-99(99)", "AC-2.1)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, err := nist.ParseSP80053(s)
		if err != nil {
			assert.ErrorIs(t, err, ismskit.ErrInvalidID)
			assert.False(t, id.IsValid())
			return
		}
		require.True(t, id.IsValid())
		back, err := nist.ParseSP80053(id.String())
		require.NoError(t, err)
		assert.Equal(t, id, back)
		back, err = nist.ParseSP80053(id.OSCALID())
		require.NoError(t, err)
		assert.Equal(t, id, back)
	})
}

// FuzzParseCSF checks that parsing never panics and that what parses
// round-trips through String.
func FuzzParseCSF(f *testing.F) {
	for _, s := range []string{"PR", "PR.AA", "PR.AA-01", "gv.oc-99", "", "P", "PR.", "PR.AA-", "PR.AA-1", "XX.YY-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, err := nist.ParseCSF(s)
		if err != nil {
			assert.ErrorIs(t, err, ismskit.ErrInvalidID)
			return
		}
		back, err := nist.ParseCSF(id.String())
		require.NoError(t, err)
		assert.Equal(t, id, back)
		assert.True(t, id.Function().Contains(id))
	})
}
