package notify

import (
	"io"
	"slices"
	"strings"
	"time"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/codec"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/soa/regulation"
)

// Incident is what Deadlines needs to know about an incident or breach:
// the regimes that apply to it and the facts that start their clocks.
// Times are time.Time values with their zone; the due times Deadlines
// returns are in the zone of Aware, the zone in which DORA's weekend rule
// is applied. The zero value is invalid (no regime, no time).
type Incident struct {
	// The regimes that apply, in the order the notifications are listed:
	// GDPR for a personal data breach (leave it out when the breach is
	// unlikely to result in a risk, Art. 33(1)), NIS2 for a significant
	// incident, HIPAA for a breach of unsecured protected health
	// information, DORA for a major ICT-related incident. Required.
	Regimes []regulation.Regulation `json:"regimes"`
	// When the incident was first detected, or known to anyone in the
	// workforce; HIPAA's discovery (45 CFR 164.404(a)(2)). Zero means
	// Aware. Not after Aware.
	Detected time.Time `json:"detected,omitzero"`
	// When the organisation became aware of the breach or incident: the
	// start of the GDPR, NIS2 and DORA clocks. Required.
	Aware time.Time `json:"aware"`
	// DORA: when the incident was classified as major; zero while it is
	// not, and then DORA requires no report yet. Not before Aware.
	Classified time.Time `json:"classified,omitzero"`
	// NIS2 Art. 23(4)(e): when the handling of the incident ended, if
	// that was after the final report fell due; zero otherwise.
	Resolved time.Time `json:"resolved,omitzero"`
	// GDPR Art. 34: the breach is likely to result in a high risk to the
	// rights and freedoms of people.
	HighRisk bool `json:"highRisk,omitempty"`
	// GDPR Art. 33(2): the organisation is the processor, which notifies
	// its controller (the controller notifies the authority).
	Processor bool `json:"processor,omitempty"`
	// NIS2 Art. 23(4), second subparagraph: a trust service provider,
	// whose incident notification is due within 24 hours.
	TrustService bool `json:"trustService,omitempty"`
	// HIPAA 45 CFR 164.410: the organisation is a business associate,
	// which notifies the covered entity (the covered entity notifies the
	// individuals, the media and the Secretary).
	BusinessAssociate bool `json:"businessAssociate,omitempty"`
	// HIPAA: how many individuals are affected. Not negative.
	Individuals int `json:"individuals,omitempty"`
	// HIPAA: how many of them reside in each State or jurisdiction, by
	// its name or code. Media notice is due when one holds more than 500.
	// Without it, all the individuals are taken as residents of one
	// State, the reading that misses no notice. Counts not negative.
	Residents map[string]int `json:"residents,omitempty"`
	// DORA Art. 19(3): the incident affects the financial interests of
	// clients.
	ClientsAffected bool `json:"clientsAffected,omitempty"`
	// DORA, Delegated Regulation (EU) 2025/301 Art. 5(5) and (6): the
	// entity is a credit institution, central counterparty, operator of a
	// trading venue, essential or important entity under NIS2, or one its
	// authority excluded, so the weekend rule does not move its initial
	// notification and intermediate report.
	NoWeekendRelief bool `json:"noWeekendRelief,omitempty"`
	// DORA: the bank holidays of the entity's Member State, for the
	// weekend rule of Art. 5(4).
	Holidays []ismskit.Date `json:"holidays,omitempty"`
	// Reports already submitted. A report that others count from (NIS2's
	// incident notification, DORA's initial notification and latest
	// intermediate report) moves their due times to count from its real
	// submission.
	Submitted []Submission `json:"submitted,omitempty"`
}

// Submission records that a report was submitted. The zero value is
// invalid.
type Submission struct {
	// The regime, one of the incident's. Required.
	Regime regulation.Regulation `json:"regime"`
	// The report, one the regime requires. Required.
	Report Report `json:"report"`
	// When it was submitted. Required; not before the incident's Aware.
	At time.Time `json:"at"`
}

// Notification is one notification or report that a regime requires
// for an incident: to whom, on what legal basis, and when it is due. The
// zero value is no notification.
type Notification struct {
	// The regime that requires it.
	Regime regulation.Regulation `json:"regime"`
	// What is sent.
	Report Report `json:"report"`
	// To whom.
	Notify Recipient `json:"notify"`
	// The article or section that requires it and sets its time limit.
	Basis regulation.ID `json:"basis"`
	// When it is due; zero when the law sets no fixed time ("without
	// undue delay").
	Due Due `json:"due,omitzero"`
	// The rule of the time limit, in ismskit's words.
	Timing string `json:"timing"`
	// Estimated marks a due time counted from the due time of an earlier
	// report that has not been submitted; it moves once that report is
	// (Incident.Submitted).
	Estimated bool `json:"estimated,omitempty"`
	// Unmoved is the time limit before DORA's weekend and bank holiday
	// rule moved it to noon of the next working day; zero when it did not
	// move.
	Unmoved Due `json:"unmoved,omitzero"`
	// When it was submitted, from Incident.Submitted; zero if not yet.
	Submitted time.Time `json:"submitted,omitzero"`
}

// OverdueAt reports whether n is overdue at the instant t: not submitted
// and its due time passed (Due.PassedAt). A notification without a fixed
// time limit is never overdue.
func (n Notification) OverdueAt(t time.Time) bool { return n.Submitted.IsZero() && n.Due.PassedAt(t) }

// Overdue returns the notifications of ns that are overdue at the instant
// t, in their order.
//
//	late := notify.Overdue(ns, now) // now passed in: nothing reads the clock
func Overdue(ns []Notification, t time.Time) []Notification {
	var out []Notification
	for _, n := range ns {
		if n.OverdueAt(t) {
			out = append(out, n)
		}
	}
	return out
}

// The time limits, in hours.
const (
	gdprHours         = 72
	nis2WarningHours  = 24
	nis2NoticeHours   = 72
	trustServiceHours = 24
	doraInitialHours  = 4
	doraAwareHours    = 24
	doraInterimHours  = 72
	hipaaDays         = 60
	hipaaMediaOver    = 500 // more than 500 residents of a State
	hipaaSecretaryAt  = 500 // 500 or more individuals
)

// Deadlines returns every notification that the regimes of inc require,
// regime by regime in the order of inc.Regimes, each in the order of its
// law:
//
//   - GDPR: the supervisory authority within 72 hours of becoming aware
//     (Art. 33(1)), and the data subjects without undue delay when the
//     breach is likely to result in a high risk (Art. 34(1)); a processor
//     notifies its controller without undue delay instead (Art. 33(2)).
//   - NIS2: the early warning within 24 hours of becoming aware
//     (Art. 23(4)(a)), the incident notification within 72 hours (24 for a
//     trust service provider, Art. 23(4) second subparagraph), the final
//     report one month after the incident notification is submitted
//     (Art. 23(4)(d)); when the handling ended later (Resolved), a
//     progress report at that time and the final report one month after
//     the handling ended (Art. 23(4)(e)). Intermediate reports are due
//     only on request (Art. 23(4)(c)) and are not listed.
//   - HIPAA, counted in calendar days from the day of discovery (Detected,
//     or Aware) in its own zone: a covered entity notifies each individual
//     within 60 days (164.404(b)), the media within 60 days when more than
//     500 residents of a State are affected (164.406), the Secretary at
//     the same time as the individuals for 500 or more individuals
//     (164.408(b)), or else in its yearly report, 60 days after the end of
//     the calendar year of discovery (164.408(c)); a business associate
//     notifies the covered entity within 60 days (164.410(b)).
//     Law enforcement delays (164.412) are not applied.
//   - DORA, once the incident is classified as major: the initial
//     notification within 4 hours of the classification and no later than
//     24 hours after becoming aware, or within 4 hours of a classification
//     made after those 24 hours (Delegated Regulation (EU) 2025/301
//     Art. 5(1)(a), 5(2)); the intermediate report 72 hours after the
//     initial notification is submitted (Art. 5(1)(b)); the final report
//     one month after the latest intermediate report (Art. 5(1)(c)); a time
//     limit that falls on a Saturday, a Sunday or one of inc.Holidays moves
//     to noon of the next working day (Art. 5(4)), except for the initial
//     and intermediate reports of the entities of Art. 5(5) and (6)
//     (NoWeekendRelief); clients are informed without undue delay when
//     their financial interests are affected (DORA Art. 19(3)).
//
// Hours are elapsed time: 72 hours after 10:00 on the Friday before the
// end of summer time is 09:00 on the Monday. One month after a time is
// the same clock time on the same day of the next month, or on its last
// day when it is shorter (31 January gives 28 or 29 February), in the
// zone of Aware; a clock time that a daylight saving change skips is
// reached when the clocks jump past it. A time limit counted from a report not yet submitted
// counts from that report's due time and is marked Estimated. Where
// Regulation (EEC, Euratom) No 1182/71 on periods and time limits would
// let a period run to the end of its last hour or day, ismskit gives the
// earlier instant.
//
// Deadlines reads no clock: it is a pure function of inc. Bad input is an
// error listing every problem, each an *ismskit.Error with its path: no
// regime or Aware (ismskit.ErrMissing), an unknown or repeated regime
// (ismskit.ErrUnknownValue, ismskit.ErrDuplicateID), times out of order
// (ismskit.ErrDateOrder), a negative count (ismskit.ErrOutOfRange),
// residents that outnumber the individuals (ismskit.ErrInconsistent), a
// submission of a report its regime does not require
// (ismskit.ErrInconsistent).
func Deadlines(inc Incident) ([]Notification, error) {
	if err := inc.validate(); err != nil {
		return nil, err
	}
	loc := inc.Aware.Location()
	c := &calc{inc: &inc, loc: loc, aware: inc.Aware, holidays: map[ismskit.Date]bool{}}
	for _, h := range inc.Holidays {
		c.holidays[h] = true
	}
	var out []Notification
	for _, r := range inc.Regimes {
		var ns []Notification
		switch r {
		case regulation.GDPR:
			ns = c.gdpr()
		case regulation.NIS2:
			ns = c.nis2()
		case regulation.HIPAA:
			ns = c.hipaa()
		case regulation.DORA:
			ns = c.dora()
		}
		for i := range ns {
			ns[i].Regime = r
			ns[i].Submitted = c.submitted(r, ns[i].Report)
		}
		out = append(out, ns...)
	}
	return out, nil
}

// reportsOf lists the reports each regime can require.
var reportsOf = map[regulation.Regulation][]Report{
	regulation.GDPR:  {AuthorityNotification, ControllerNotification, DataSubjectCommunication},
	regulation.NIS2:  {EarlyWarning, IncidentNotification, ProgressReport, FinalReport},
	regulation.HIPAA: {IndividualNotice, MediaNotice, SecretaryNotice, AnnualReport, CoveredEntityNotice},
	regulation.DORA:  {InitialNotification, IntermediateReport, FinalReport, ClientInformation},
}

func (inc *Incident) validate() error {
	var l fielderr.List
	if len(inc.Regimes) == 0 {
		l.Add("regimes", fielderr.Errorf(ismskit.ErrMissing, "no regime: name at least one of gdpr, hipaa, nis2, dora"))
	}
	seen := map[regulation.Regulation]bool{}
	for i, r := range inc.Regimes {
		p := fielderr.Index("regimes", i)
		switch {
		case !r.IsValid():
			l.Add(p, fielderr.Errorf(ismskit.ErrUnknownValue, "regime %d is not built in", uint8(r)))
		case seen[r]:
			l.Add(p, fielderr.Errorf(ismskit.ErrDuplicateID, "%s is listed twice", r))
		}
		seen[r] = true
	}
	inRange := func(path string, t time.Time) bool {
		if y := t.Year(); y < ismskit.MinYear || y > ismskit.MaxYear {
			l.Add(path, fielderr.Errorf(ismskit.ErrOutOfRange, "%s is outside the years 0001 to 9999", t.Format(time.RFC3339)))
			return false
		}
		return true
	}
	awareOK := false
	if inc.Aware.IsZero() {
		l.Add("aware", fielderr.Errorf(ismskit.ErrMissing, "when the organisation became aware is missing"))
	} else {
		awareOK = inRange("aware", inc.Aware)
	}
	for _, f := range []struct {
		path  string
		t     time.Time
		after bool // must be after Aware (else: not after)
	}{{"detected", inc.Detected, false}, {"classified", inc.Classified, true}, {"resolved", inc.Resolved, true}} {
		if f.t.IsZero() || !inRange(f.path, f.t) || !awareOK {
			continue
		}
		if f.after && f.t.Before(inc.Aware) {
			l.Add(f.path, fielderr.Errorf(ismskit.ErrDateOrder, "%s (%s) is before the organisation became aware (%s)",
				f.path, f.t.Format(time.RFC3339), inc.Aware.Format(time.RFC3339)))
		}
		if !f.after && f.t.After(inc.Aware) {
			l.Add(f.path, fielderr.Errorf(ismskit.ErrDateOrder, "detected (%s) is after the organisation became aware (%s)",
				f.t.Format(time.RFC3339), inc.Aware.Format(time.RFC3339)))
		}
	}
	if inc.Individuals < 0 {
		l.Add("individuals", fielderr.Errorf(ismskit.ErrOutOfRange, "%d individuals: a count is not negative", inc.Individuals))
	}
	for _, k := range sortedKeys(inc.Residents) {
		p := fielderr.Key("residents", k)
		n := inc.Residents[k]
		switch {
		case strings.TrimSpace(k) == "":
			l.Add(p, fielderr.Errorf(ismskit.ErrMissing, "a State or jurisdiction needs a name"))
		case n < 0:
			l.Add(p, fielderr.Errorf(ismskit.ErrOutOfRange, "%d residents of %q: a count is not negative", n, clip(k)))
		}
	}
	sum := residentsTotal(inc.Residents)
	if inc.Individuals > 0 && sum > inc.Individuals {
		l.Add("residents", fielderr.Errorf(ismskit.ErrInconsistent, "the residents by State (%d) outnumber the individuals (%d)", sum, inc.Individuals))
	}
	for i, h := range inc.Holidays {
		if h.IsZero() {
			l.Add(fielderr.Index("holidays", i), fielderr.Errorf(ismskit.ErrMissing, "empty holiday date"))
		}
	}
	for i, s := range inc.Submitted {
		p := fielderr.Index("submitted", i)
		switch {
		case !s.Regime.IsValid():
			l.Add(p+".regime", fielderr.Errorf(ismskit.ErrUnknownValue, "regime %d is not built in", uint8(s.Regime)))
		case !seen[s.Regime]:
			l.Add(p+".regime", fielderr.Errorf(ismskit.ErrInconsistent, "%s is not one of the incident's regimes", s.Regime))
		case !s.Report.IsValid():
			l.Add(p+".report", fielderr.Errorf(ismskit.ErrUnknownValue, "report %d is not defined", uint8(s.Report)))
		case !slices.Contains(reportsOf[s.Regime], s.Report):
			l.Add(p+".report", fielderr.Errorf(ismskit.ErrInconsistent, "%s does not require a %s", s.Regime, strings.ToLower(s.Report.String())))
		}
		switch {
		case s.At.IsZero():
			l.Add(p+".at", fielderr.Errorf(ismskit.ErrMissing, "when it was submitted is missing"))
		case !inRange(p+".at", s.At):
		case awareOK && s.At.Before(inc.Aware):
			l.Add(p+".at", fielderr.Errorf(ismskit.ErrDateOrder, "submitted (%s) before the organisation became aware (%s)",
				s.At.Format(time.RFC3339), inc.Aware.Format(time.RFC3339)))
		}
	}
	return l.Err()
}

// residentsTotal adds up the non-negative counts, each bounded at 2^40 so
// that no input can make the sum overflow.
func residentsTotal(m map[string]int) int {
	sum := 0
	for _, n := range m {
		sum += min(max(n, 0), 1<<40)
	}
	return sum
}

// clip shortens user text quoted in a message.
func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// calc computes the notifications of one valid incident.
type calc struct {
	inc      *Incident
	loc      *time.Location
	aware    time.Time
	holidays map[ismskit.Date]bool
}

func basis(s string) regulation.ID { return regulation.MustParseID(s) }

// submitted returns when the latest submission of a report was made, or
// the zero time.
func (c *calc) submitted(r regulation.Regulation, rep Report) time.Time {
	var at time.Time
	for _, s := range c.inc.Submitted {
		if s.Regime == r && s.Report == rep && s.At.After(at) {
			at = s.At
		}
	}
	return at
}

// hours returns the instant h hours after t, in the incident's zone.
func (c *calc) hours(t time.Time, h int) time.Time {
	return t.Add(time.Duration(h) * time.Hour).In(c.loc)
}

// month returns the same clock time one month after t, on the last day
// of the next month when it is shorter, in the incident's zone
// (ismskit.Date.AddDate's month-end rule); a clock time that a daylight
// saving change skips is reached when the clocks jump past it.
func (c *calc) month(t time.Time) time.Time {
	t = t.In(c.loc)
	d := ismskit.DateOf(t).AddDate(0, 1, 0)
	if d.IsZero() {
		return time.Time{}
	}
	return clockAt(time.Date(d.Year(), d.Month(), d.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC), c.loc)
}

// clockAt returns the first instant at which the clock of loc reads the
// wall time w (given in UTC's fields): w itself in loc, or, when a
// daylight saving change skips w, the instant of the change, when the
// clock jumps past it. 02:30 on a day whose clocks go from 02:00 to 03:00
// is reached at 03:00.
func clockAt(w time.Time, loc *time.Location) time.Time {
	t := time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), w.Nanosecond(), loc)
	if wall(t).Equal(w) {
		return t
	}
	lo, hi := t.Add(-24*time.Hour), t.Add(24*time.Hour)
	for hi.Sub(lo) > time.Nanosecond {
		mid := lo.Add(hi.Sub(lo) / 2)
		if wall(mid).Before(w) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return hi
}

// wall returns the wall clock of t as a time in UTC, for comparisons.
func wall(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
}

// from returns when a chained report's clock starts: the latest
// submission of the earlier report, or its due time (estimated).
func (c *calc) from(r regulation.Regulation, earlier Report, due time.Time) (time.Time, bool) {
	if at := c.submitted(r, earlier); !at.IsZero() {
		return at.In(c.loc), false
	}
	return due, true
}

func (c *calc) gdpr() []Notification {
	if c.inc.Processor {
		return []Notification{{Report: ControllerNotification, Notify: Controller, Basis: basis("GDPR Art. 33(2)"),
			Timing: "without undue delay after becoming aware of the breach"}}
	}
	ns := []Notification{{Report: AuthorityNotification, Notify: SupervisoryAuthority, Basis: basis("GDPR Art. 33(1)"),
		Due:    DueAt(c.hours(c.aware, gdprHours)),
		Timing: "without undue delay and, where feasible, within 72 hours of becoming aware; a later notification gives the reasons for the delay"}}
	if c.inc.HighRisk {
		ns = append(ns, Notification{Report: DataSubjectCommunication, Notify: DataSubjects, Basis: basis("GDPR Art. 34(1)"),
			Timing: "without undue delay, as the breach is likely to result in a high risk to people's rights and freedoms"})
	}
	return ns
}

func (c *calc) nis2() []Notification {
	warning := c.hours(c.aware, nis2WarningHours)
	notice := Notification{Report: IncidentNotification, Notify: CSIRT, Basis: basis("NIS2 Art. 23(4)(b)"),
		Due: DueAt(c.hours(c.aware, nis2NoticeHours)), Timing: "without undue delay and within 72 hours of becoming aware"}
	if c.inc.TrustService {
		notice.Basis = basis("NIS2 Art. 23(4) second subparagraph")
		notice.Due = DueAt(c.hours(c.aware, trustServiceHours))
		notice.Timing = "without undue delay and within 24 hours of becoming aware (trust service provider)"
	}
	start, estimated := c.from(regulation.NIS2, IncidentNotification, notice.Due.Time())
	final := Notification{Report: FinalReport, Notify: CSIRT, Basis: basis("NIS2 Art. 23(4)(d)"), Due: DueAt(c.month(start)),
		Timing: "not later than one month after the incident notification was submitted", Estimated: estimated}
	ns := []Notification{
		{Report: EarlyWarning, Notify: CSIRT, Basis: basis("NIS2 Art. 23(4)(a)"), Due: DueAt(warning),
			Timing: "without undue delay and within 24 hours of becoming aware"},
		notice,
	}
	if r := c.inc.Resolved; !r.IsZero() && r.After(final.Due.Time()) {
		progress := Notification{Report: ProgressReport, Notify: CSIRT, Basis: basis("NIS2 Art. 23(4)(e)"), Due: final.Due,
			Timing: "when the final report would be due, as the incident was still being handled", Estimated: estimated}
		final = Notification{Report: FinalReport, Notify: CSIRT, Basis: basis("NIS2 Art. 23(4)(e)"), Due: DueAt(c.month(r)),
			Timing: "within one month of the end of the handling of the incident"}
		return append(ns, progress, final)
	}
	return append(ns, final)
}

func (c *calc) hipaa() []Notification {
	discovered := c.inc.Detected
	if discovered.IsZero() {
		discovered = c.aware
	}
	day := ismskit.DateOf(discovered)
	within := DueOn(day.AddDate(0, 0, hipaaDays))
	if c.inc.BusinessAssociate {
		return []Notification{{Report: CoveredEntityNotice, Notify: CoveredEntity, Basis: basis("45 CFR 164.410(b)"), Due: within,
			Timing: "without unreasonable delay and no later than 60 calendar days after discovery"}}
	}
	most := 0
	for _, n := range c.inc.Residents {
		most = max(most, n)
	}
	count := max(c.inc.Individuals, residentsTotal(c.inc.Residents))
	mediaTiming := "without unreasonable delay and no later than 60 calendar days after discovery (more than 500 residents of a State or jurisdiction)"
	if len(c.inc.Residents) == 0 {
		most = count
		mediaTiming = "without unreasonable delay and no later than 60 calendar days after discovery (no count by State given: all the individuals are taken as residents of one State)"
	}
	ns := []Notification{{Report: IndividualNotice, Notify: Individuals, Basis: basis("45 CFR 164.404(b)"), Due: within,
		Timing: "without unreasonable delay and no later than 60 calendar days after discovery"}}
	if most > hipaaMediaOver {
		ns = append(ns, Notification{Report: MediaNotice, Notify: Media, Basis: basis("45 CFR 164.406(b)"), Due: within, Timing: mediaTiming})
	}
	if count >= hipaaSecretaryAt {
		ns = append(ns, Notification{Report: SecretaryNotice, Notify: Secretary, Basis: basis("45 CFR 164.408(b)"), Due: within,
			Timing: "at the same time as the notice to individuals (500 or more individuals)"})
	} else {
		yearEnd := ismskit.NewDate(day.Year(), time.December, 31)
		ns = append(ns, Notification{Report: AnnualReport, Notify: Secretary, Basis: basis("45 CFR 164.408(c)"),
			Due:    DueOn(yearEnd.AddDate(0, 0, hipaaDays)),
			Timing: "logged, and reported no later than 60 days after the end of the calendar year of discovery (fewer than 500 individuals)"})
	}
	return ns
}

func (c *calc) dora() []Notification {
	classified := c.inc.Classified
	if classified.IsZero() {
		return nil
	}
	relief := !c.inc.NoWeekendRelief
	limit := c.hours(c.aware, doraAwareHours)
	initial := Notification{Report: InitialNotification, Notify: CompetentAuthority, Basis: basis("DORA RTS Art. 5(1)(a)"),
		Timing: "within 4 hours of the classification as major and no later than 24 hours after becoming aware"}
	due := c.hours(classified, doraInitialHours)
	if classified.After(limit) {
		initial.Basis = basis("DORA RTS Art. 5(2)")
		initial.Timing = "within 4 hours of the classification as major, made after the first 24 hours"
	} else if limit.Before(due) {
		due = limit
	}
	c.workingDay(&initial, due, relief)

	start, estimated := c.from(regulation.DORA, InitialNotification, initial.Due.Time())
	interim := Notification{Report: IntermediateReport, Notify: CompetentAuthority, Basis: basis("DORA RTS Art. 5(1)(b)"),
		Timing: "within 72 hours of the submission of the initial notification", Estimated: estimated}
	c.workingDay(&interim, c.hours(start, doraInterimHours), relief)

	start, estimated = c.from(regulation.DORA, IntermediateReport, interim.Due.Time())
	final := Notification{Report: FinalReport, Notify: CompetentAuthority, Basis: basis("DORA RTS Art. 5(1)(c)"),
		Timing: "no later than one month after the latest intermediate report", Estimated: estimated}
	c.workingDay(&final, c.month(start), true)

	ns := []Notification{initial, interim, final}
	if c.inc.ClientsAffected {
		ns = append(ns, Notification{Report: ClientInformation, Notify: Clients, Basis: basis("DORA Art. 19(3)"),
			Timing: "without undue delay after becoming aware, with the measures taken to limit the adverse effects"})
	}
	return ns
}

// workingDay sets n's due time to t, moved by Art. 5(4) of Delegated
// Regulation (EU) 2025/301 when relief applies and t falls on a weekend
// day or a bank holiday: to noon of the next working day.
func (c *calc) workingDay(n *Notification, t time.Time, relief bool) {
	n.Due = DueAt(t)
	if !relief || t.IsZero() {
		return
	}
	day := ismskit.DateOf(t)
	if !c.off(day) {
		return
	}
	for c.off(day) {
		day = day.AddDate(0, 0, 1)
		if day.IsZero() {
			return
		}
	}
	n.Unmoved = n.Due
	n.Due = DueAt(time.Date(day.Year(), day.Month(), day.Day(), 12, 0, 0, 0, c.loc))
	n.Timing += "; moved to noon of the next working day (Art. 5(4))"
}

// off reports whether d is a Saturday, a Sunday or a bank holiday.
func (c *calc) off(d ismskit.Date) bool {
	w := d.Weekday()
	return w == time.Saturday || w == time.Sunday || c.holidays[d]
}

// DecodeIncident decodes an Incident from JSON strictly: an unknown key,
// an unknown regime or report, a malformed time, a wrong type or trailing
// data is an *ismskit.Error naming its path, every one of them up to the
// problem limit, joined. opts set the decoder's limits. Deadlines checks
// the content.
func DecodeIncident(data []byte, opts ...ismskit.DecodeOption) (Incident, error) {
	v, err := codec.Decode[incidentJSON](data, opts)
	return Incident(v), err
}

// ReadIncident reads an Incident from r, never past the byte limit, and
// decodes it as DecodeIncident does.
func ReadIncident(r io.Reader, opts ...ismskit.DecodeOption) (Incident, error) {
	return codec.Read(r, opts, DecodeIncident)
}

// EncodeIncident returns the JSON form of inc, indented by two spaces
// and ending in a newline; DecodeIncident reads it back.
func EncodeIncident(inc Incident) ([]byte, error) { return codec.Encode(incidentJSON(inc)) }

// WriteIncident writes the JSON form of inc to w, as EncodeIncident
// returns it.
func WriteIncident(w io.Writer, inc Incident) error { return codec.Write(w, incidentJSON(inc)) }

// incidentJSON is Incident without its methods, for decoding.
type incidentJSON Incident

// UnmarshalJSON decodes an Incident strictly, as DecodeIncident does
// with the default limits.
func (inc *Incident) UnmarshalJSON(data []byte) error {
	return codec.Unmarshal(data, (*incidentJSON)(inc))
}
