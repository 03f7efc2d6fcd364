package ismskit_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		wantErr bool
	}{
		{"2024-02-29", "2024-02-29", false},
		{"0001-01-01", "0001-01-01", false},
		{"9999-12-31", "9999-12-31", false},
		{"0000-01-01", "", true},
		{"10000-01-01", "", true},
		{"2025-02-29", "", true},
		{"2025-02-30", "", true},
		{"2025-13-01", "", true},
		{"2025-00-10", "", true},
		{"2025-2-3", "", true},
		{"2025-02-03T00:00:00Z", "", true},
		{"tomorrow", "", true},
		{" 2025-01-01", "", true},
		{"+025-01-01", "", true},
		{"", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, err := ismskit.ParseDate(tt.in)
			if tt.wantErr {
				assert.ErrorIs(t, err, ismskit.ErrInvalidDate)
				assert.True(t, d.IsZero())
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, d.String())
		})
	}
	_, err := ismskit.ParseDate(string(make([]byte, 1<<20)))
	require.Error(t, err)
	assert.Less(t, len(err.Error()), 300, "a long input is clipped in the message")
	assert.Panics(t, func() { ismskit.MustParseDate("x") })
}

func TestDateRange(t *testing.T) {
	assert.True(t, ismskit.NewDate(10000, 1, 1).IsZero())
	assert.True(t, ismskit.NewDate(0, 12, 31).IsZero())
	assert.Equal(t, "0001-01-01", ismskit.NewDate(0, 12, 32).String(), "normalised into range")
	assert.Equal(t, "2024-03-01", ismskit.NewDate(2024, 2, 30).String())
	assert.True(t, ismskit.DateOf(time.Time{}).IsZero())
	assert.True(t, ismskit.DateOf(time.Date(1<<40, 1, 1, 0, 0, 0, 0, time.UTC)).IsZero(), "no truncation to 32 bits")
	end := ismskit.MustParseDate("9999-12-31")
	assert.True(t, end.AddDate(0, 0, 1).IsZero())
	assert.True(t, end.AddDate(1, 0, 0).IsZero())
	assert.True(t, ismskit.MustParseDate("0001-01-01").AddDate(0, 0, -1).IsZero())
	assert.True(t, end.AddDate(1<<62, 0, 0).IsZero())
	assert.True(t, end.AddDate(0, -1<<62, 0).IsZero())
	assert.True(t, end.AddDate(0, 0, 1<<62).IsZero())
	assert.True(t, ismskit.Date{}.AddDate(0, 0, 1).IsZero())
}

func TestAddDateMonthEnd(t *testing.T) {
	tests := []struct {
		from                string
		years, months, days int
		want                string
	}{
		{"2024-02-29", 1, 0, 0, "2025-02-28"},
		{"2024-02-29", 4, 0, 0, "2028-02-29"},
		{"2024-02-29", 3, 0, -1, "2027-02-27"},
		{"2026-01-31", 0, 1, 0, "2026-02-28"},
		{"2026-01-31", 0, 2, 0, "2026-03-31"},
		{"2026-03-31", 0, -1, 0, "2026-02-28"},
		{"2026-12-15", 0, 1, 0, "2027-01-15"},
		{"2026-01-15", 0, -1, 0, "2025-12-15"},
		{"2026-01-15", 0, 0, 17, "2026-02-01"},
		{"2026-01-15", 0, 0, -15, "2025-12-31"},
		{"2026-01-15", 0, 0, 0, "2026-01-15"},
	}
	for _, tt := range tests {
		got := ismskit.MustParseDate(tt.from).AddDate(tt.years, tt.months, tt.days)
		assert.Equal(t, tt.want, got.String(), "%s %+d years %+d months %+d days", tt.from, tt.years, tt.months, tt.days)
	}
}

func TestDateMethods(t *testing.T) {
	d := ismskit.MustParseDate("2024-02-29")
	assert.Equal(t, 2024, d.Year())
	assert.Equal(t, time.February, d.Month())
	assert.Equal(t, 29, d.Day())
	assert.Equal(t, time.Thursday, d.Weekday())
	assert.Equal(t, time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC), d.Time())
	loc := time.FixedZone("UTC+2", 2*3600)
	assert.Equal(t, time.Date(2024, 2, 29, 0, 0, 0, 0, loc), d.In(loc))
	assert.Equal(t, d.Time(), d.In(nil))
	assert.True(t, d.Before(ismskit.MustParseDate("2024-03-01")))
	assert.True(t, ismskit.MustParseDate("2025-01-01").After(d))
	assert.Equal(t, 0, d.Compare(ismskit.MustParseDate("2024-02-29")))
	assert.Equal(t, -1, ismskit.Date{}.Compare(d))
	assert.Equal(t, 366, ismskit.MustParseDate("2024-03-01").Sub(ismskit.MustParseDate("2023-03-01")))
	assert.Equal(t, 365, ismskit.MustParseDate("2025-03-01").Sub(ismskit.MustParseDate("2024-03-01")))
	assert.Equal(t, -1, ismskit.MustParseDate("2024-02-28").Sub(d))
	assert.Equal(t, 0, d.Sub(ismskit.Date{}))

	var z ismskit.Date
	assert.True(t, z.IsZero())
	assert.True(t, z.Time().IsZero())
	assert.True(t, z.In(loc).IsZero())
	assert.Equal(t, "", z.String())
	assert.Equal(t, time.Sunday, z.Weekday())
	assert.Equal(t, 0, z.Year())
}

func TestDateJSON(t *testing.T) {
	type doc struct {
		At  ismskit.Date `json:"at"`
		Due ismskit.Date `json:"due,omitzero"`
	}
	b, err := json.Marshal(doc{At: ismskit.MustParseDate("0042-07-04")})
	require.NoError(t, err)
	assert.Equal(t, `{"at":"0042-07-04"}`, string(b))
	var back doc
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, ismskit.MustParseDate("0042-07-04"), back.At)
	require.NoError(t, json.Unmarshal([]byte(`{"at":""}`), &back))
	assert.True(t, back.At.IsZero())
	err = json.Unmarshal([]byte(`{"at":"2025-02-30"}`), &back)
	assert.ErrorIs(t, err, ismskit.ErrInvalidDate)
	b, err = json.Marshal(doc{})
	require.NoError(t, err)
	assert.Equal(t, `{"at":""}`, string(b))
}

// FuzzParseDate checks that every date ParseDate accepts prints back as
// its input, and that every date survives a text round trip.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2024-02-29", "0001-01-01", "9999-12-31", "2025-02-30", "0000-01-01", "abcd-ef-gh", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ismskit.ParseDate(s)
		if err != nil {
			if !d.IsZero() {
				t.Fatalf("%q: error %v with a date %v", s, err, d)
			}
			return
		}
		if d.String() != s {
			t.Fatalf("%q prints as %q", s, d.String())
		}
		if y := d.Year(); y < ismskit.MinYear || y > ismskit.MaxYear {
			t.Fatalf("%q: year %d out of range", s, y)
		}
		if d.AddDate(0, 0, 1).IsZero() != (s == "9999-12-31") {
			t.Fatalf("%q: the next day is %v", s, d.AddDate(0, 0, 1))
		}
	})
}
