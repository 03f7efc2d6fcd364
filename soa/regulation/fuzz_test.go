package regulation

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
)

// FuzzParseID checks that parsing never panics, that a failure is an
// ErrInvalidID, and that what parses round-trips through String and,
// within its regulation, through Local.
func FuzzParseID(f *testing.F) {
	for _, s := range []string{"GDPR Art. 32", "gdpr article 5(1)(f)", "NIS2 21(2)(d)", "NIS2 Art. 23(4), second subparagraph",
		"DORA RTS 5(1)(a)", "45 CFR § 164.308(a)(1)(ii)(A)", "164.504(f)(2)(ii)(A)(1)", "", "GDPR", "GDPR Art. 5(1)(f)(xl)",
		"NIS2 23(4) zeroth subparagraph", "45 CFR 164.308(a)(1)(ii)(A)(1)(2)", "§", "HIPAA 164.", "DORA RTS Art.5(4)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, err := ParseID(s)
		local, lerr := GDPR.ParseID(s)
		if lerr == nil {
			assert.Equal(t, GDPR, local.Regulation())
		} else {
			assert.ErrorIs(t, lerr, ismskit.ErrInvalidID)
		}
		if err != nil {
			assert.ErrorIs(t, err, ismskit.ErrInvalidID)
			assert.False(t, id.IsValid())
			return
		}
		require.True(t, id.IsValid())
		back, err := ParseID(id.String())
		require.NoError(t, err, id.String())
		assert.Equal(t, id, back)
		back, err = id.Regulation().ParseID(id.Local())
		require.NoError(t, err, id.Local())
		assert.Equal(t, id, back)
		assert.True(t, id.Contains(id))
		assert.Equal(t, 0, id.Compare(back))
	})
}

// FuzzDecodeTailoring checks that decoding never panics, that what
// decodes re-encodes and decodes to the same value, and that validating
// it and turning it into obligations and coverage never panics either.
func FuzzDecodeTailoring(f *testing.F) {
	for _, s := range []string{
		`{}`, `{"regulations": ["gdpr", "nis2"]}`,
		`{"regulations": ["gdpr"], "exclusions": [{"requirement": "GDPR Art. 37", "reason": "no DPO"}], "changes": [{"requirement": "GDPR Art. 32", "action": "drop", "control": "8.12", "reason": "x"}]}`,
		`{"requirements": ["NIS2 Art. 21(2)", "45 CFR 164.312(a)(2)(iv)"], "includeWeak": true, "edition": "2013"}`,
		`{"changes": [{"requirement": "GDPR Art. 33", "action": "add", "control": "acme:X", "reason": ""}]}`,
		`{"regulations": ["hipaa"], "changes": [{"requirement": "45 CFR 164.308(a)(1)", "action": "add", "control": "5.1", "reason": "policy"}], "extensions": {"a": [1]}}`,
		`{"regulations": [1]}`, `{"requirements": ["x"]}`, `[]`, `{"edition": "1999"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		tl, err := DecodeTailoring(data)
		if err != nil {
			assert.NotEmpty(t, ismskit.Problems(err))
			return
		}
		out, err := EncodeTailoring(tl)
		require.NoError(t, err)
		back, err := DecodeTailoring(out)
		require.NoError(t, err)
		again, err := EncodeTailoring(back)
		require.NoError(t, err)
		assert.Equal(t, string(out), string(again))
		verr := tl.Validate()
		obs, oerr := tl.Obligations()
		if verr != nil {
			assert.Nil(t, obs)
			assert.Error(t, oerr)
		}
		for _, o := range obs {
			assert.NotEmpty(t, o.Controls)
			assert.NotEmpty(t, o.Reference)
		}
		for _, r := range Regulations() {
			c, err := CoverageOf(r, testSoA(), CoverageOptions{Tailoring: &tl})
			if verr != nil {
				assert.Error(t, err)
				continue
			}
			require.NoError(t, err)
			assert.Len(t, c.Requirements, r.Len())
			c.Markdown()
		}
	})
}
