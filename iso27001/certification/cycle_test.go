package certification

import (
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/apitest"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var d = ismskit.MustParseDate

func day(s string) ismskit.Date { return d(s) }

type row struct {
	kind Kind
	due  string
	done string
}

func rows(ev []Event) []row {
	out := make([]row, len(ev))
	for i, e := range ev {
		out[i] = row{e.Kind, e.Due.String(), e.Done.String()}
	}
	return out
}

func TestSchedule(t *testing.T) {
	tests := []struct {
		name string
		c    Certificate
		want []row
	}{
		{"initial 2022", Certificate{Stage1: d("2025-01-20"), Stage2: d("2025-03-10"), Decision: d("2025-04-01")}, []row{
			{Stage1, "", "2025-01-20"}, {Stage2, "", "2025-03-10"}, {Decision, "2025-04-01", "2025-04-01"},
			{Surveillance1, "2026-04-01", ""}, {Surveillance2, "2027-04-01", ""},
			{Recertification, "2028-03-30", ""}, {Expiry, "2028-03-31", ""},
		}},
		{"explicit expiry, surveillance held", Certificate{Decision: d("2024-02-29"), Expiry: d("2027-02-28"), Surveillance1: d("2025-02-10")}, []row{
			{Stage1, "", ""}, {Stage2, "", ""}, {Surveillance1, "2025-02-28", "2025-02-10"}, {Decision, "2024-02-29", "2024-02-29"},
			{Surveillance2, "2026-02-28", ""}, {Recertification, "2027-02-27", ""}, {Expiry, "2027-02-28", ""},
		}},
		{"decided on 29 February: the month's last day each year", Certificate{Decision: d("2024-02-29")}, []row{
			{Stage1, "", ""}, {Stage2, "", ""}, {Decision, "2024-02-29", "2024-02-29"},
			{Surveillance1, "2025-02-28", ""}, {Surveillance2, "2026-02-28", ""},
			{Recertification, "2027-02-26", ""}, {Expiry, "2027-02-27", ""},
		}},
		{"2013 certificate cut by the transition", Certificate{Edition: iso27001.Edition2013, Decision: d("2023-06-15")}, []row{
			{Stage1, "", ""}, {Stage2, "", ""}, {Decision, "2023-06-15", "2023-06-15"}, {Surveillance1, "2024-06-15", ""},
			{Surveillance2, "2025-06-15", ""}, {Recertification, "2025-10-30", ""}, {Transition, "2025-10-31", ""}, {Expiry, "2025-10-31", ""},
		}},
		{"2013 certificate transitioned", Certificate{Edition: iso27001.Edition2013, Decision: d("2023-06-15"), Transitioned: d("2024-09-01")}, []row{
			{Stage1, "", ""}, {Stage2, "", ""}, {Decision, "2023-06-15", "2023-06-15"}, {Surveillance1, "2024-06-15", ""},
			{Transition, "2025-10-31", "2024-09-01"}, {Surveillance2, "2025-06-15", ""}, {Recertification, "2026-06-13", ""}, {Expiry, "2026-06-14", ""},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev, err := Schedule(tt.c)
			require.NoError(t, err)
			assert.ElementsMatch(t, tt.want, rows(ev))
			for i := 1; i < len(ev); i++ {
				assert.LessOrEqual(t, ev[i-1].date().Compare(ev[i].date()), 0, "order at %d", i)
			}
		})
	}
}

func TestScheduleErrors(t *testing.T) {
	tests := []struct {
		name  string
		c     Certificate
		kinds map[string]error // path: kind
		msg   string
	}{
		{"no decision", Certificate{}, map[string]error{"decision": ismskit.ErrMissing}, "decision: the certification decision date is missing"},
		{"dates out of order", Certificate{Stage1: d("2025-03-01"), Stage2: d("2025-02-01"), Decision: d("2025-01-01"), Expiry: d("2024-01-01")},
			map[string]error{"stage2": ismskit.ErrDateOrder, "decision": ismskit.ErrDateOrder, "expiry": ismskit.ErrDateOrder},
			"stage2: stage 2 (2025-02-01) before stage 1 (2025-03-01)\ndecision: decision (2025-01-01) before stage 2 (2025-02-01)\nexpiry: expiry (2024-01-01) not after decision (2025-01-01)"},
		{"2013 decided after the transition", Certificate{Edition: iso27001.Edition2013, Decision: d("2027-10-01"), Transitioned: d("2027-01-01")},
			map[string]error{"decision": ismskit.ErrDateOrder, "transitioned": ismskit.ErrDateOrder},
			"decision: a 2013 certificate decided on 2027-10-01, after the end of the transition on 2025-10-31\ntransitioned: transitioned (2027-01-01) before decision (2027-10-01)"},
		{"unknown edition", Certificate{Edition: 2017, Decision: d("2025-01-01")}, map[string]error{"edition": ismskit.ErrUnknownValue}, "edition: Edition(2017) is not an edition"},
		{"cycle past 9999", Certificate{Decision: d("9998-01-01")}, map[string]error{"decision": ismskit.ErrOutOfRange},
			"decision: the cycle of a decision on 9998-01-01 reaches past 9999-12-31"},
		{"surveillance past 9999", Certificate{Decision: d("9999-01-01"), Expiry: d("9999-12-31")}, map[string]error{"decision": ismskit.ErrOutOfRange}, "reaches past 9999-12-31"},
		{"decided on the last day", Certificate{Decision: d("9999-12-31")}, map[string]error{"decision": ismskit.ErrOutOfRange}, "9999-12-31 reaches past"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, call := range []func() error{
				func() error { _, err := Schedule(tt.c); return err },
				func() error { _, err := Next(tt.c, day("2025-01-01")); return err },
				func() error { _, err := Valid(tt.c, day("2025-01-01")); return err },
				func() error { _, err := ValidUntil(tt.c); return err },
			} {
				err := call()
				require.Error(t, err)
				assert.ErrorContains(t, err, tt.msg)
				problems := ismskit.Problems(err)
				require.Len(t, problems, len(tt.kinds), "%v", err)
				for _, p := range problems {
					assert.ErrorIs(t, p, tt.kinds[p.Path], p.Path)
				}
			}
		})
	}
	// The last decision whose cycle fits: every date of it reads back.
	_, err := Schedule(Certificate{Decision: d("9997-01-01")})
	assert.ErrorIs(t, err, ismskit.ErrOutOfRange, "the third anniversary is in 10000")
	ev, err := Schedule(Certificate{Decision: d("9996-12-31")})
	require.NoError(t, err)
	for _, e := range ev {
		b, err := e.Due.MarshalText()
		require.NoError(t, err)
		var back ismskit.Date
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, e.Due, back)
	}
	assert.Equal(t, "9999-12-30", ev[len(ev)-1].Due.String())
}

func TestNext(t *testing.T) {
	c := Certificate{Stage1: d("2025-01-20"), Stage2: d("2025-03-10"), Decision: d("2025-04-01")}
	tests := []struct {
		asOf    string
		want    []Kind
		overdue []bool
	}{
		{"2025-05-01", []Kind{Surveillance1, Surveillance2, Recertification, Expiry}, []bool{false, false, false, false}},
		{"2026-04-02", []Kind{Surveillance1, Surveillance2, Recertification, Expiry}, []bool{true, false, false, false}},
		{"2028-03-31", []Kind{Surveillance1, Surveillance2, Recertification, Expiry}, []bool{true, true, true, false}},
		{"2028-04-01", []Kind{Surveillance1, Surveillance2, Recertification}, []bool{true, true, true}},
	}
	for _, tt := range tests {
		ev, err := Next(c, day(tt.asOf))
		require.NoError(t, err)
		var kinds []Kind
		var over []bool
		for _, e := range ev {
			kinds = append(kinds, e.Kind)
			over = append(over, e.Overdue(d(tt.asOf)))
		}
		assert.Equal(t, tt.want, kinds, tt.asOf)
		assert.Equal(t, tt.overdue, over, tt.asOf)
	}

	c.Surveillance1, c.Surveillance2 = d("2026-03-15"), d("2027-03-20")
	ev, err := Next(c, day("2027-06-01"))
	require.NoError(t, err)
	assert.Equal(t, []row{{Recertification, "2028-03-30", ""}, {Expiry, "2028-03-31", ""}}, rows(ev))

	c.Recertification = d("2028-02-15")
	ev, err = Next(c, day("2028-03-01"))
	require.NoError(t, err)
	assert.Empty(t, ev)
	assert.NotNil(t, ev)
}

func TestValid(t *testing.T) {
	c := Certificate{Decision: d("2023-06-15"), Edition: iso27001.Edition2013, Surveillance1: d("2024-06-01"), Surveillance2: d("2025-06-01")}
	until, err := ValidUntil(c)
	require.NoError(t, err)
	assert.Equal(t, "2025-10-31", until.String())
	for asOf, want := range map[string]bool{"2023-06-14": false, "2023-06-15": true, "2025-10-31": true, "2025-11-01": false} {
		ok, err := Valid(c, day(asOf))
		require.NoError(t, err)
		assert.Equal(t, want, ok, asOf)
	}
	c.Transitioned = d("2025-09-01")
	ok, err := Valid(c, day("2025-11-01"))
	require.NoError(t, err)
	assert.True(t, ok)
	// A missed surveillance audit.
	ok, err = Valid(Certificate{Decision: d("2025-01-10")}, day("2026-02-01"))
	require.NoError(t, err)
	assert.False(t, ok)
}

func TestKind(t *testing.T) {
	var kinds []Kind
	for k := Stage1; k <= Expiry; k++ {
		kinds = append(kinds, k)
	}
	apitest.Enum(t, kinds, ParseKind, "")
	assert.Equal(t, "First surveillance audit", Surveillance1.String())
	b, err := Recertification.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "recertification", string(b))
	_, err = Kind(42).MarshalText()
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
	assert.Equal(t, "Kind(42)", Kind(42).String())
}

func TestTransitionDeadline(t *testing.T) {
	assert.Equal(t, "2025-10-31", TransitionDeadline().String())
}

var sinkEvents []Event

func BenchmarkNext(b *testing.B) {
	c := Certificate{Edition: iso27001.Edition2013, Decision: d("2023-06-15")}
	at := day("2024-01-01")
	b.ReportAllocs()
	for b.Loop() {
		sinkEvents, _ = Next(c, at)
	}
}
