package notify

import (
	"testing"
	"time"
	_ "time/tzdata" // the zones of the tests, whatever the machine has

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/soa/regulation"
)

var (
	gdpr  = regulation.GDPR
	nis2  = regulation.NIS2
	hipaa = regulation.HIPAA
	dora  = regulation.DORA
)

func zone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	require.NoError(t, err)
	return loc
}

func at(t testing.TB, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	require.NoError(t, err)
	return v
}

func day(s string) ismskit.Date { return ismskit.MustParseDate(s) }

// find returns the notification of a report of a regime.
func find(t *testing.T, ns []Notification, r regulation.Regulation, rep Report) Notification {
	t.Helper()
	for _, n := range ns {
		if n.Regime == r && n.Report == rep {
			return n
		}
	}
	t.Fatalf("no %s %s in %v", r, rep, ns)
	return Notification{}
}

func deadlines(t *testing.T, inc Incident) []Notification {
	t.Helper()
	ns, err := Deadlines(inc)
	require.NoError(t, err)
	return ns
}

func TestGDPR(t *testing.T) {
	bru := zone(t, "Europe/Brussels")
	aware := time.Date(2026, 6, 10, 14, 30, 0, 0, bru)
	ns := deadlines(t, Incident{Regimes: []regulation.Regulation{gdpr}, Aware: aware})
	require.Len(t, ns, 1)
	n := ns[0]
	assert.Equal(t, AuthorityNotification, n.Report)
	assert.Equal(t, SupervisoryAuthority, n.Notify)
	assert.Equal(t, "GDPR Art. 33(1)", n.Basis.String())
	assert.Equal(t, "2026-06-13T14:30:00+02:00", n.Due.String(), "72 hours after becoming aware")
	assert.False(t, n.Estimated)

	ns = deadlines(t, Incident{Regimes: []regulation.Regulation{gdpr}, Aware: aware, HighRisk: true})
	require.Len(t, ns, 2)
	c := find(t, ns, gdpr, DataSubjectCommunication)
	assert.Equal(t, DataSubjects, c.Notify)
	assert.Equal(t, "GDPR Art. 34(1)", c.Basis.String())
	assert.True(t, c.Due.IsZero(), "without undue delay: no fixed time")
	assert.False(t, c.OverdueAt(aware.AddDate(1, 0, 0)), "never overdue by the clock")

	ns = deadlines(t, Incident{Regimes: []regulation.Regulation{gdpr}, Aware: aware, Processor: true, HighRisk: true})
	require.Len(t, ns, 1, "a processor notifies its controller, which notifies the rest")
	assert.Equal(t, ControllerNotification, ns[0].Report)
	assert.Equal(t, Controller, ns[0].Notify)
	assert.Equal(t, "GDPR Art. 33(2)", ns[0].Basis.String())
	assert.True(t, ns[0].Due.IsZero())
}

// TestHoursAcrossDST: 72 hours are elapsed time, so the clock reading
// moves when summer time starts (Brussels, 29 March 2026) or ends
// (25 October 2026).
func TestHoursAcrossDST(t *testing.T) {
	bru := zone(t, "Europe/Brussels")
	for _, tt := range []struct{ aware, want string }{
		{"2026-03-27T10:00:00+01:00", "2026-03-30T11:00:00+02:00"},
		{"2026-10-23T10:00:00+02:00", "2026-10-26T09:00:00+01:00"},
		{"2026-03-28T02:30:00+01:00", "2026-03-31T03:30:00+02:00"},
	} {
		aware := at(t, tt.aware).In(bru)
		n := find(t, deadlines(t, Incident{Regimes: []regulation.Regulation{gdpr}, Aware: aware}), gdpr, AuthorityNotification)
		assert.Equal(t, tt.want, n.Due.String(), tt.aware)
		assert.Equal(t, 72*time.Hour, n.Due.Time().Sub(aware))
	}
}

// TestZones: the due time is the same instant whatever the zone, and
// is given in the zone of Aware.
func TestZones(t *testing.T) {
	tokyo := zone(t, "Asia/Tokyo")
	aware := time.Date(2026, 1, 30, 23, 0, 0, 0, tokyo)
	a := find(t, deadlines(t, Incident{Regimes: []regulation.Regulation{nis2}, Aware: aware}), nis2, EarlyWarning)
	b := find(t, deadlines(t, Incident{Regimes: []regulation.Regulation{nis2}, Aware: aware.UTC()}), nis2, EarlyWarning)
	assert.Equal(t, "2026-01-31T23:00:00+09:00", a.Due.String())
	assert.Equal(t, "2026-01-31T14:00:00Z", b.Due.String())
	assert.True(t, a.Due.Equal(b.Due))
	// One month is counted on the calendar of Aware's zone: 31 January in
	// Tokyo is still 30 January in UTC.
	fa := find(t, deadlines(t, Incident{Regimes: []regulation.Regulation{nis2}, Aware: aware,
		Submitted: []Submission{{Regime: nis2, Report: IncidentNotification, At: time.Date(2026, 1, 31, 8, 0, 0, 0, tokyo)}}}), nis2, FinalReport)
	assert.Equal(t, "2026-02-28T08:00:00+09:00", fa.Due.String())
}

func TestNIS2(t *testing.T) {
	aware := at(t, "2026-01-29T09:15:00Z")
	ns := deadlines(t, Incident{Regimes: []regulation.Regulation{nis2}, Aware: aware})
	require.Len(t, ns, 3)
	assert.Equal(t, []Report{EarlyWarning, IncidentNotification, FinalReport}, []Report{ns[0].Report, ns[1].Report, ns[2].Report})
	for _, n := range ns {
		assert.Equal(t, CSIRT, n.Notify)
	}
	assert.Equal(t, "NIS2 Art. 23(4)(a)", ns[0].Basis.String())
	assert.Equal(t, "2026-01-30T09:15:00Z", ns[0].Due.String(), "early warning: 24 hours")
	assert.Equal(t, "NIS2 Art. 23(4)(b)", ns[1].Basis.String())
	assert.Equal(t, "2026-02-01T09:15:00Z", ns[1].Due.String(), "incident notification: 72 hours")
	assert.Equal(t, "NIS2 Art. 23(4)(d)", ns[2].Basis.String())
	assert.Equal(t, "2026-03-01T09:15:00Z", ns[2].Due.String(), "final report: one month after the notification's due time")
	assert.True(t, ns[2].Estimated)

	// One month after 31 January is 28 February, or 29 in a leap year.
	for _, tt := range []struct{ submitted, want string }{
		{"2026-01-31T14:00:00Z", "2026-02-28T14:00:00Z"},
		{"2028-01-31T14:00:00Z", "2028-02-29T14:00:00Z"},
		{"2026-03-31T08:00:00Z", "2026-04-30T08:00:00Z"},
		{"2026-12-31T23:59:00Z", "2027-01-31T23:59:00Z"},
	} {
		sub := at(t, tt.submitted)
		inc := Incident{Regimes: []regulation.Regulation{nis2}, Aware: sub.Add(-48 * time.Hour),
			Submitted: []Submission{{Regime: nis2, Report: IncidentNotification, At: sub}}}
		f := find(t, deadlines(t, inc), nis2, FinalReport)
		assert.Equal(t, tt.want, f.Due.String(), tt.submitted)
		assert.False(t, f.Estimated)
		assert.True(t, find(t, deadlines(t, inc), nis2, IncidentNotification).Submitted.Equal(sub))
	}

	ns = deadlines(t, Incident{Regimes: []regulation.Regulation{nis2}, Aware: aware, TrustService: true})
	n := find(t, ns, nis2, IncidentNotification)
	assert.Equal(t, "NIS2 Art. 23(4) second subparagraph", n.Basis.String())
	assert.Equal(t, "2026-01-30T09:15:00Z", n.Due.String(), "trust service providers: 24 hours")
	assert.Equal(t, "2026-02-28T09:15:00Z", find(t, ns, nis2, FinalReport).Due.String(), "counted from the 24-hour notification (month end)")
}

// TestNIS2Ongoing: an incident still being handled when the final report
// falls due gets a progress report then, and the final report one month
// after the handling ends (Art. 23(4)(e)).
func TestNIS2Ongoing(t *testing.T) {
	aware := at(t, "2026-01-29T09:15:00Z")
	ns := deadlines(t, Incident{Regimes: []regulation.Regulation{nis2}, Aware: aware, Resolved: at(t, "2026-04-10T17:00:00Z")})
	require.Len(t, ns, 4)
	p := find(t, ns, nis2, ProgressReport)
	assert.Equal(t, "NIS2 Art. 23(4)(e)", p.Basis.String())
	assert.Equal(t, "2026-03-01T09:15:00Z", p.Due.String())
	f := find(t, ns, nis2, FinalReport)
	assert.Equal(t, "NIS2 Art. 23(4)(e)", f.Basis.String())
	assert.Equal(t, "2026-05-10T17:00:00Z", f.Due.String())
	// Handled before the final report fell due: the usual final report.
	ns = deadlines(t, Incident{Regimes: []regulation.Regulation{nis2}, Aware: aware, Resolved: at(t, "2026-02-10T17:00:00Z")})
	assert.Len(t, ns, 3)
	assert.Equal(t, "NIS2 Art. 23(4)(d)", find(t, ns, nis2, FinalReport).Basis.String())
}

// TestMonthInDSTGap: one month after 02:30 on 8 February in New York is
// 02:30 on 8 March, which the start of summer time skips: the clock
// reaches it when it jumps from 02:00 to 03:00.
func TestMonthInDSTGap(t *testing.T) {
	ny := zone(t, "America/New_York")
	sub := time.Date(2026, 2, 8, 2, 30, 0, 0, ny)
	f := find(t, deadlines(t, Incident{Regimes: []regulation.Regulation{nis2}, Aware: sub.Add(-time.Hour),
		Submitted: []Submission{{Regime: nis2, Report: IncidentNotification, At: sub}}}), nis2, FinalReport)
	assert.Equal(t, "2026-03-08T03:00:00-04:00", f.Due.String())
	assert.Equal(t, "2026-03-08T07:00:00Z", f.Due.Time().UTC().Format(time.RFC3339))
}

func TestHIPAA(t *testing.T) {
	chicago := zone(t, "America/Chicago")
	aware := time.Date(2026, 1, 15, 16, 0, 0, 0, chicago)
	for _, tt := range []struct {
		name      string
		inc       Incident
		want      []Report
		secretary string
	}{
		{"fewer than 500: yearly report", Incident{Individuals: 499}, []Report{IndividualNotice, AnnualReport}, "2027-03-01"},
		{"500: the Secretary at once, no media", Incident{Individuals: 500}, []Report{IndividualNotice, SecretaryNotice}, "2026-03-16"},
		{"501 in one State: the media too", Incident{Individuals: 501}, []Report{IndividualNotice, MediaNotice, SecretaryNotice}, "2026-03-16"},
		{"600 but at most 400 in a State", Incident{Individuals: 600, Residents: map[string]int{"IL": 400, "WI": 200}}, []Report{IndividualNotice, SecretaryNotice}, "2026-03-16"},
		{"501 residents of Illinois", Incident{Residents: map[string]int{"IL": 501}}, []Report{IndividualNotice, MediaNotice, SecretaryNotice}, "2026-03-16"},
		{"no count", Incident{}, []Report{IndividualNotice, AnnualReport}, "2027-03-01"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			inc := tt.inc
			inc.Regimes, inc.Aware = []regulation.Regulation{hipaa}, aware
			ns := deadlines(t, inc)
			var got []Report
			for _, n := range ns {
				got = append(got, n.Report)
				assert.True(t, n.Due.IsDay(), "HIPAA counts calendar days")
			}
			assert.Equal(t, tt.want, got)
			ind := find(t, ns, hipaa, IndividualNotice)
			assert.Equal(t, "2026-03-16", ind.Due.String(), "60 calendar days after 15 January")
			assert.Equal(t, "45 CFR 164.404(b)", ind.Basis.String())
			assert.Equal(t, Individuals, ind.Notify)
			for _, n := range ns {
				if n.Notify == Secretary {
					assert.Equal(t, tt.secretary, n.Due.String())
				}
				if n.Report == MediaNotice {
					assert.Equal(t, Media, n.Notify)
					assert.Equal(t, "45 CFR 164.406(b)", n.Basis.String())
					assert.Equal(t, "2026-03-16", n.Due.String())
				}
			}
		})
	}
	// The yearly report of a breach discovered in 2027 is due 60 days
	// after 31 December 2027: 29 February 2028.
	n := find(t, deadlines(t, Incident{Regimes: []regulation.Regulation{hipaa}, Aware: time.Date(2027, 7, 1, 9, 0, 0, 0, chicago), Individuals: 3}), hipaa, AnnualReport)
	assert.Equal(t, "2028-02-29", n.Due.String())
	assert.Equal(t, "45 CFR 164.408(c)", n.Basis.String())

	// A business associate notifies the covered entity only.
	ns := deadlines(t, Incident{Regimes: []regulation.Regulation{hipaa}, Aware: aware, Individuals: 10000, BusinessAssociate: true})
	require.Len(t, ns, 1)
	assert.Equal(t, CoveredEntityNotice, ns[0].Report)
	assert.Equal(t, CoveredEntity, ns[0].Notify)
	assert.Equal(t, "45 CFR 164.410(b)", ns[0].Basis.String())
	assert.Equal(t, "2026-03-16", ns[0].Due.String())

	// Discovery is the day the breach was first known, in the zone of
	// that time: 23:30 on 14 January in Los Angeles.
	la := zone(t, "America/Los_Angeles")
	ns = deadlines(t, Incident{Regimes: []regulation.Regulation{hipaa}, Aware: aware, Detected: time.Date(2026, 1, 14, 23, 30, 0, 0, la)})
	assert.Equal(t, "2026-03-15", find(t, ns, hipaa, IndividualNotice).Due.String())
}

func TestDORAInitial(t *testing.T) {
	bru := zone(t, "Europe/Brussels")
	aware := time.Date(2026, 3, 3, 9, 0, 0, 0, bru) // a Tuesday
	for _, tt := range []struct {
		name       string
		classified time.Duration
		want       string
		basis      string
	}{
		{"classified early: 4 hours after classification", 2 * time.Hour, "2026-03-03T15:00:00+01:00", "DORA RTS Art. 5(1)(a)"},
		{"classified late in the first day: both limbs bind", 22 * time.Hour, "2026-03-04T09:00:00+01:00", "DORA RTS Art. 5(1)(a)"},
		{"classified at 24 hours exactly", 24 * time.Hour, "2026-03-04T09:00:00+01:00", "DORA RTS Art. 5(1)(a)"},
		{"classified after 24 hours: 4 hours from then", 30 * time.Hour, "2026-03-04T19:00:00+01:00", "DORA RTS Art. 5(2)"},
		{"classified when becoming aware", 0, "2026-03-03T13:00:00+01:00", "DORA RTS Art. 5(1)(a)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ns := deadlines(t, Incident{Regimes: []regulation.Regulation{dora}, Aware: aware, Classified: aware.Add(tt.classified)})
			n := find(t, ns, dora, InitialNotification)
			assert.Equal(t, tt.want, n.Due.String())
			assert.Equal(t, tt.basis, n.Basis.String())
			assert.Equal(t, CompetentAuthority, n.Notify)
			assert.True(t, n.Unmoved.IsZero(), "a working day")
		})
	}
	ns := deadlines(t, Incident{Regimes: []regulation.Regulation{dora}, Aware: aware})
	assert.Empty(t, ns, "not classified as major: no report yet")
}

func TestDORAChain(t *testing.T) {
	bru := zone(t, "Europe/Brussels")
	aware := time.Date(2026, 3, 3, 9, 0, 0, 0, bru)
	inc := Incident{Regimes: []regulation.Regulation{dora}, Aware: aware, Classified: aware.Add(2 * time.Hour), ClientsAffected: true}
	ns := deadlines(t, inc)
	require.Len(t, ns, 4)
	assert.Equal(t, "2026-03-06T15:00:00+01:00", find(t, ns, dora, IntermediateReport).Due.String(), "72 hours after the initial's due time")
	assert.True(t, find(t, ns, dora, IntermediateReport).Estimated)
	assert.Equal(t, "2026-04-06T15:00:00+02:00", find(t, ns, dora, FinalReport).Due.String(), "one month later, in summer time")
	c := find(t, ns, dora, ClientInformation)
	assert.Equal(t, Clients, c.Notify)
	assert.Equal(t, "DORA Art. 19(3)", c.Basis.String())
	assert.True(t, c.Due.IsZero())

	// Real submissions move the chain; the latest intermediate report
	// counts.
	inc.Submitted = []Submission{
		{Regime: dora, Report: InitialNotification, At: time.Date(2026, 3, 3, 12, 0, 0, 0, bru)},
		{Regime: dora, Report: IntermediateReport, At: time.Date(2026, 3, 10, 16, 0, 0, 0, bru)},
		{Regime: dora, Report: IntermediateReport, At: time.Date(2026, 3, 5, 16, 0, 0, 0, bru)},
	}
	ns = deadlines(t, inc)
	i := find(t, ns, dora, IntermediateReport)
	assert.Equal(t, "2026-03-06T12:00:00+01:00", i.Due.String())
	assert.False(t, i.Estimated)
	assert.True(t, i.Submitted.Equal(time.Date(2026, 3, 10, 16, 0, 0, 0, bru)))
	f := find(t, ns, dora, FinalReport)
	assert.Equal(t, "2026-04-10T16:00:00+02:00", f.Due.String(), "one month after the latest intermediate report")
	assert.False(t, f.Estimated)
	// The intermediate report was late but is submitted: not overdue.
	assert.False(t, i.OverdueAt(time.Date(2026, 3, 20, 0, 0, 0, 0, bru)))
}

// TestDORAWeekend: a time limit on a weekend day or a bank holiday moves
// to noon of the next working day (Delegated Regulation (EU) 2025/301
// Art. 5(4)), except for the initial and intermediate reports of the
// entities of Art. 5(5) and (6).
func TestDORAWeekend(t *testing.T) {
	bru := zone(t, "Europe/Brussels")
	// Friday 30 January 2026, classified at 22:00: due Saturday 02:00.
	aware := time.Date(2026, 1, 30, 10, 0, 0, 0, bru)
	inc := Incident{Regimes: []regulation.Regulation{dora}, Aware: aware, Classified: time.Date(2026, 1, 30, 22, 0, 0, 0, bru)}
	ns := deadlines(t, inc)
	n := find(t, ns, dora, InitialNotification)
	assert.Equal(t, "2026-02-02T12:00:00+01:00", n.Due.String(), "Monday noon")
	assert.Equal(t, "2026-01-31T02:00:00+01:00", n.Unmoved.String())
	assert.Contains(t, n.Timing, "Art. 5(4)")
	assert.Equal(t, "2026-02-05T12:00:00+01:00", find(t, ns, dora, IntermediateReport).Due.String(), "a Thursday: not moved")
	assert.Equal(t, "2026-03-05T12:00:00+01:00", find(t, ns, dora, FinalReport).Due.String())

	inc.NoWeekendRelief = true
	ns = deadlines(t, inc)
	n = find(t, ns, dora, InitialNotification)
	assert.Equal(t, "2026-01-31T02:00:00+01:00", n.Due.String(), "Art. 5(5): no relief for the initial notification")
	assert.True(t, n.Unmoved.IsZero())
	assert.Equal(t, "2026-02-03T02:00:00+01:00", find(t, ns, dora, IntermediateReport).Due.String())

	// Art. 5(5) and (6) leave the final report its relief: the latest
	// intermediate report on Saturday 31 January gives Saturday 28
	// February, moved to Monday 2 March.
	inc.Submitted = []Submission{{Regime: dora, Report: IntermediateReport, At: time.Date(2026, 1, 31, 9, 0, 0, 0, bru)}}
	f := find(t, deadlines(t, inc), dora, FinalReport)
	assert.Equal(t, "2026-03-02T12:00:00+01:00", f.Due.String())
	assert.Equal(t, "2026-02-28T09:00:00+01:00", f.Unmoved.String())

	// Good Friday, the weekend and Easter Monday 2026 as bank holidays:
	// due Friday 3 April at 00:00, moved to Tuesday 7 April at noon.
	easter := Incident{Regimes: []regulation.Regulation{dora}, Aware: time.Date(2026, 4, 2, 9, 0, 0, 0, bru),
		Classified: time.Date(2026, 4, 2, 20, 0, 0, 0, bru), Holidays: []ismskit.Date{day("2026-04-03"), day("2026-04-06")}}
	n = find(t, deadlines(t, easter), dora, InitialNotification)
	assert.Equal(t, "2026-04-07T12:00:00+02:00", n.Due.String())
	assert.Equal(t, "2026-04-03T00:00:00+02:00", n.Unmoved.String())
	easter.Holidays = nil
	assert.Equal(t, "2026-04-03T00:00:00+02:00", find(t, deadlines(t, easter), dora, InitialNotification).Due.String(), "without the holidays: a Friday")
}

func TestAllRegimes(t *testing.T) {
	bru := zone(t, "Europe/Brussels")
	aware := time.Date(2026, 3, 3, 9, 0, 0, 0, bru)
	ns := deadlines(t, Incident{Regimes: []regulation.Regulation{dora, gdpr, hipaa, nis2}, Aware: aware, Classified: aware.Add(time.Hour), Individuals: 20})
	var regimes []regulation.Regulation
	for _, n := range ns {
		if len(regimes) == 0 || regimes[len(regimes)-1] != n.Regime {
			regimes = append(regimes, n.Regime)
		}
		assert.True(t, n.Basis.IsValid())
		assert.NotEmpty(t, n.Timing)
		req, ok := regulation.Lookup(n.Basis)
		if !ok {
			// GDPR's bases are paragraphs of the catalog's articles.
			req, ok = regulation.Lookup(regulation.MustParseID("GDPR Art. 33"))
		}
		assert.True(t, ok, "%s is in the catalogs", n.Basis)
		_ = req
	}
	assert.Equal(t, []regulation.Regulation{dora, gdpr, hipaa, nis2}, regimes, "in the order of the regimes given")
}

func TestOverdue(t *testing.T) {
	chicago := zone(t, "America/Chicago")
	aware := time.Date(2026, 1, 15, 16, 0, 0, 0, chicago)
	ns := deadlines(t, Incident{Regimes: []regulation.Regulation{gdpr, hipaa}, Aware: aware, HighRisk: true, Individuals: 10})
	assert.Empty(t, Overdue(ns, aware))
	late := Overdue(ns, aware.Add(72*time.Hour+time.Second))
	require.Len(t, late, 1)
	assert.Equal(t, AuthorityNotification, late[0].Report)
	assert.Empty(t, Overdue(ns, aware.Add(72*time.Hour)), "due at the instant itself: not yet overdue")
	// A calendar day is met until its end, in the zone of the time asked.
	ind := find(t, ns, hipaa, IndividualNotice)
	assert.False(t, ind.OverdueAt(time.Date(2026, 3, 16, 23, 59, 0, 0, chicago)))
	assert.True(t, ind.OverdueAt(time.Date(2026, 3, 17, 0, 0, 0, 0, chicago)))
	assert.Len(t, Overdue(ns, time.Date(2026, 3, 17, 0, 0, 0, 0, chicago)), 2)
	ns = deadlines(t, Incident{Regimes: []regulation.Regulation{gdpr}, Aware: aware,
		Submitted: []Submission{{Regime: gdpr, Report: AuthorityNotification, At: aware.Add(100 * time.Hour)}}})
	assert.Empty(t, Overdue(ns, aware.Add(200*time.Hour)), "submitted, even late, is not overdue")
	assert.Empty(t, Overdue(nil, aware))
}

func TestDeadlinesErrors(t *testing.T) {
	aware := at(t, "2026-03-03T09:00:00Z")
	for _, tt := range []struct {
		name string
		inc  Incident
		path string
		kind error
	}{
		{"no regime", Incident{Aware: aware}, "regimes", ismskit.ErrMissing},
		{"unknown regime", Incident{Regimes: []regulation.Regulation{9}, Aware: aware}, "regimes[0]", ismskit.ErrUnknownValue},
		{"regime twice", Incident{Regimes: []regulation.Regulation{gdpr, gdpr}, Aware: aware}, "regimes[1]", ismskit.ErrDuplicateID},
		{"no aware", Incident{Regimes: []regulation.Regulation{gdpr}}, "aware", ismskit.ErrMissing},
		{"aware out of range", Incident{Regimes: []regulation.Regulation{gdpr}, Aware: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)}, "aware", ismskit.ErrOutOfRange},
		{"detected after aware", Incident{Regimes: []regulation.Regulation{hipaa}, Aware: aware, Detected: aware.Add(time.Minute)}, "detected", ismskit.ErrDateOrder},
		{"classified before aware", Incident{Regimes: []regulation.Regulation{dora}, Aware: aware, Classified: aware.Add(-time.Minute)}, "classified", ismskit.ErrDateOrder},
		{"resolved before aware", Incident{Regimes: []regulation.Regulation{nis2}, Aware: aware, Resolved: aware.Add(-time.Hour)}, "resolved", ismskit.ErrDateOrder},
		{"negative individuals", Incident{Regimes: []regulation.Regulation{hipaa}, Aware: aware, Individuals: -1}, "individuals", ismskit.ErrOutOfRange},
		{"negative residents", Incident{Regimes: []regulation.Regulation{hipaa}, Aware: aware, Residents: map[string]int{"TX": -5}}, "residents.TX", ismskit.ErrOutOfRange},
		{"unnamed State", Incident{Regimes: []regulation.Regulation{hipaa}, Aware: aware, Residents: map[string]int{" ": 5}}, `residents[" "]`, ismskit.ErrMissing},
		{"more residents than individuals", Incident{Regimes: []regulation.Regulation{hipaa}, Aware: aware, Individuals: 10, Residents: map[string]int{"TX": 11}}, "residents", ismskit.ErrInconsistent},
		{"empty holiday", Incident{Regimes: []regulation.Regulation{dora}, Aware: aware, Holidays: []ismskit.Date{{}}}, "holidays[0]", ismskit.ErrMissing},
		{"submission of another regime", Incident{Regimes: []regulation.Regulation{gdpr}, Aware: aware, Submitted: []Submission{{Regime: nis2, Report: EarlyWarning, At: aware}}}, "submitted[0].regime", ismskit.ErrInconsistent},
		{"submission of an unknown regime", Incident{Regimes: []regulation.Regulation{gdpr}, Aware: aware, Submitted: []Submission{{Regime: 7, Report: EarlyWarning, At: aware}}}, "submitted[0].regime", ismskit.ErrUnknownValue},
		{"report of another regime", Incident{Regimes: []regulation.Regulation{gdpr}, Aware: aware, Submitted: []Submission{{Regime: gdpr, Report: EarlyWarning, At: aware}}}, "submitted[0].report", ismskit.ErrInconsistent},
		{"unknown report", Incident{Regimes: []regulation.Regulation{gdpr}, Aware: aware, Submitted: []Submission{{Regime: gdpr, Report: 99, At: aware}}}, "submitted[0].report", ismskit.ErrUnknownValue},
		{"submission without time", Incident{Regimes: []regulation.Regulation{gdpr}, Aware: aware, Submitted: []Submission{{Regime: gdpr, Report: AuthorityNotification}}}, "submitted[0].at", ismskit.ErrMissing},
		{"submission before aware", Incident{Regimes: []regulation.Regulation{gdpr}, Aware: aware, Submitted: []Submission{{Regime: gdpr, Report: AuthorityNotification, At: aware.Add(-time.Second)}}}, "submitted[0].at", ismskit.ErrDateOrder},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ns, err := Deadlines(tt.inc)
			require.Error(t, err)
			assert.Nil(t, ns)
			ps := ismskit.Problems(err)
			require.Len(t, ps, 1, "%v", err)
			assert.Equal(t, tt.path, ps[0].Path)
			assert.ErrorIs(t, err, tt.kind)
		})
	}
	// Every problem at once.
	_, err := Deadlines(Incident{Regimes: []regulation.Regulation{9}, Individuals: -3, Residents: map[string]int{"A": -1, "B": -2}})
	assert.Len(t, ismskit.Problems(err), 5)
	_, err = Deadlines(Incident{})
	assert.Len(t, ismskit.Problems(err), 2)
}

// TestHugeCounts: counts beyond any real breach neither overflow nor
// lose a notice.
func TestHugeCounts(t *testing.T) {
	ns := deadlines(t, Incident{Regimes: []regulation.Regulation{hipaa}, Aware: at(t, "2026-01-01T00:00:00Z"),
		Residents: map[string]int{"A": 1<<63 - 1, "B": 1<<63 - 1}})
	assert.Len(t, ns, 3)
	find(t, ns, hipaa, SecretaryNotice)
	find(t, ns, hipaa, MediaNotice)
}
