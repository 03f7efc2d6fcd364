package notify

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/soa/regulation"
)

func TestDue(t *testing.T) {
	var zero Due
	assert.True(t, zero.IsZero())
	assert.False(t, zero.IsDay())
	assert.Equal(t, "", zero.String())
	assert.True(t, zero.Time().IsZero())
	assert.True(t, zero.Day().IsZero())
	assert.False(t, zero.PassedAt(time.Now()))
	assert.True(t, DueAt(time.Time{}).IsZero())
	assert.True(t, DueOn(ismskit.Date{}).IsZero())

	d := DueOn(day("2026-03-16"))
	assert.True(t, d.IsDay())
	assert.Equal(t, "2026-03-16", d.String())
	assert.True(t, d.Time().IsZero())
	assert.Equal(t, day("2026-03-16"), d.Day())

	plus2 := time.FixedZone("", 2*3600)
	i := DueAt(time.Date(2026, 3, 16, 23, 30, 0, 0, plus2))
	assert.False(t, i.IsDay())
	assert.Equal(t, "2026-03-16T23:30:00+02:00", i.String())
	assert.Equal(t, day("2026-03-16"), i.Day(), "the day in its own zone")
	assert.True(t, i.Equal(DueAt(at(t, "2026-03-16T21:30:00Z"))))
	assert.False(t, i.Equal(d))
	assert.True(t, i.PassedAt(at(t, "2026-03-16T21:30:00.000000001Z")))
	assert.False(t, i.PassedAt(at(t, "2026-03-16T21:30:00Z")))

	for _, s := range []string{"2026-03-16", "2026-03-16T23:30:00+02:00", "2026-03-16T23:30:00.5Z", ""} {
		var u Due
		require.NoError(t, u.UnmarshalText([]byte(s)), s)
		assert.Equal(t, s, u.String())
	}
	for _, s := range []string{"2026-02-30", "2026-03-16 23:30", "tomorrow", "10000-01-01T00:00:00Z", strings.Repeat("x", 100)} {
		var u Due
		err := u.UnmarshalText([]byte(s))
		assert.ErrorIs(t, err, ismskit.ErrInvalidDate, s)
		assert.Less(t, len(err.Error()), 120)
	}
	var nilDue *Due
	assert.Error(t, nilDue.UnmarshalText([]byte("2026-01-01")))
}

func TestIncidentJSON(t *testing.T) {
	inc := Incident{
		Regimes:  []regulation.Regulation{regulation.GDPR, regulation.DORA, regulation.HIPAA},
		Detected: at(t, "2026-03-03T08:00:00Z"), Aware: at(t, "2026-03-03T09:00:00Z"), Classified: at(t, "2026-03-03T11:00:00Z"),
		Resolved: at(t, "2026-05-01T00:00:00Z"), HighRisk: true, Processor: true, TrustService: true, BusinessAssociate: true,
		Individuals: 700, Residents: map[string]int{"CA": 600, "NV": 100}, ClientsAffected: true, NoWeekendRelief: true,
		Holidays:  []ismskit.Date{day("2026-04-06")},
		Submitted: []Submission{{Regime: regulation.DORA, Report: InitialNotification, At: at(t, "2026-03-03T12:00:00Z")}},
	}
	data, err := EncodeIncident(inc)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"regimes": [
    "gdpr",
    "dora",
    "hipaa"
  ]`)
	assert.Contains(t, string(data), `"report": "initial-notification"`)
	back, err := DecodeIncident(data)
	require.NoError(t, err)
	assert.Equal(t, inc, back)
	var buf bytes.Buffer
	require.NoError(t, WriteIncident(&buf, inc))
	assert.Equal(t, data, buf.Bytes())
	back, err = ReadIncident(bytes.NewReader(data))
	require.NoError(t, err)
	assert.Equal(t, inc, back)
	var std Incident
	require.NoError(t, json.Unmarshal(data, &std))
	assert.Equal(t, inc, std)

	_, err = DecodeIncident([]byte(`{"regimes": ["gdpr", "ccpa"], "aware": "yesterday", "individuals": -1.5, "submitted": [{"report": "fax"}], "awareAt": 1}`))
	require.Error(t, err)
	assert.Equal(t, []string{"regimes[1]", "aware", "individuals", "submitted[0].report", "awareAt"}, fielderr.Paths(err))
	_, err = ReadIncident(strings.NewReader(`{"regimes": []}`), ismskit.MaxBytes(4))
	assert.ErrorIs(t, err, ismskit.ErrTooLarge)
	_, err = ReadIncident(nil)
	assert.ErrorIs(t, err, ismskit.ErrMissing)
	var nilInc *Incident
	assert.Error(t, nilInc.UnmarshalJSON([]byte(`{}`)))

	ns := deadlines(t, Incident{Regimes: []regulation.Regulation{regulation.HIPAA, regulation.DORA}, Aware: inc.Aware, Classified: inc.Classified, Individuals: 3})
	js, err := json.Marshal(ns)
	require.NoError(t, err)
	assert.Contains(t, string(js), `"due":"2026-05-02"`, "a calendar day")
	assert.Contains(t, string(js), `"due":"2026-03-03T15:00:00Z"`, "an instant")
	var nsBack []Notification
	require.NoError(t, json.Unmarshal(js, &nsBack))
	assert.Equal(t, ns, nsBack)
}
