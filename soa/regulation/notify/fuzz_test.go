package notify

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
)

// FuzzDecodeIncident checks that decoding and Deadlines never panic, that
// what decodes re-encodes to the same document, and that every
// notification of a valid incident has a recipient and a basis and is not
// due before the incident was known.
func FuzzDecodeIncident(f *testing.F) {
	for _, s := range []string{
		`{"regimes": ["gdpr"], "aware": "2026-01-30T10:00:00+01:00", "highRisk": true}`,
		`{"regimes": ["dora"], "aware": "2026-01-30T10:00:00+01:00", "classified": "2026-01-31T12:00:00+01:00", "holidays": ["2026-02-02"]}`,
		`{"regimes": ["hipaa"], "aware": "2027-12-31T23:59:59-10:00", "individuals": 501, "residents": {"HI": 501}}`,
		`{"regimes": ["nis2"], "aware": "2028-01-31T00:00:00Z", "resolved": "2028-12-31T00:00:00Z", "trustService": true}`,
		`{"regimes": ["dora", "nis2"], "aware": "2026-03-29T01:30:00+01:00", "classified": "2026-03-29T01:30:00+01:00", "submitted": [{"regime": "dora", "report": "intermediate-report", "at": "2026-03-31T02:30:00+02:00"}]}`,
		`{"regimes": ["hipaa"], "aware": "9999-12-31T00:00:00Z"}`,
		`{"regimes": ["gdpr"], "aware": "0001-01-01T00:00:01Z"}`, `{}`, `{"regimes": "gdpr"}`, `{"individuals": 1e30}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		inc, err := DecodeIncident(data)
		if err != nil {
			assert.NotEmpty(t, ismskit.Problems(err))
			return
		}
		out, err := EncodeIncident(inc)
		require.NoError(t, err)
		back, err := DecodeIncident(out)
		require.NoError(t, err)
		again, err := EncodeIncident(back)
		require.NoError(t, err)
		assert.Equal(t, string(out), string(again))
		ns, err := Deadlines(inc)
		if err != nil {
			assert.NotEmpty(t, ismskit.Problems(err))
			assert.Nil(t, ns)
			return
		}
		for _, n := range ns {
			assert.True(t, n.Notify.IsValid())
			assert.True(t, n.Basis.IsValid())
			if !n.Due.IsDay() && !n.Due.IsZero() {
				assert.False(t, n.Due.Time().Before(inc.Aware), "%s due before becoming aware", n.Report)
			}
			n.OverdueAt(inc.Aware)
		}
	})
}

// FuzzDueText checks that the text form of a Due round-trips.
func FuzzDueText(f *testing.F) {
	for _, s := range []string{"2026-03-16", "2026-03-16T23:30:00+02:00", "2026-03-16T23:30:00.123456789-09:30", "", "2026-02-29", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var d Due
		if err := d.UnmarshalText([]byte(s)); err != nil {
			return
		}
		text, err := d.MarshalText()
		require.NoError(t, err)
		var back Due
		require.NoError(t, back.UnmarshalText(text))
		assert.True(t, d.Equal(back))
	})
}
