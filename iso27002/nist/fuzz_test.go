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

// FuzzParseRef checks that parsing never panics, fails with a typed error,
// and that what parses round-trips through String and MarshalText.
func FuzzParseRef(f *testing.F) {
	for _, s := range []string{"A.8.8", "6.1.2", "4.2(a)", "4.2(z)", "A.5.1.1", "A.5.99", "10.2", "9.2.3", "4.2(A)", "A.8.8(a)", "", "(a)", "4(a)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := nist.ParseRef(s)
		if err != nil {
			require.True(t, r.IsZero())
			require.NotNil(t, ismskit.Problems(err)[0].Kind(), "untyped error %v", err)
			return
		}
		require.False(t, r.IsZero())
		text, err := r.MarshalText()
		require.NoError(t, err)
		back, err := nist.ParseRef(string(text))
		require.NoError(t, err)
		assert.Equal(t, r, back)
	})
}
