package notify_test

import (
	"fmt"
	"time"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/soa/regulation"
	"github.com/ismskit/ismskit/soa/regulation/notify"
)

// A ransomware attack on a Belgian bank on a Friday evening: every
// notification GDPR, NIS2 and DORA require, and which are late by Monday
// morning. A credit institution has no weekend relief for its initial
// and intermediate DORA reports (Delegated Regulation (EU) 2025/301
// Art. 5(5)).
func Example() {
	cet := time.FixedZone("CET", 3600) // pass the zone of the Member State (time.LoadLocation("Europe/Brussels"))
	inc := notify.Incident{
		Regimes:         []regulation.Regulation{regulation.GDPR, regulation.NIS2, regulation.DORA},
		Aware:           time.Date(2026, 1, 30, 18, 0, 0, 0, cet),
		Classified:      time.Date(2026, 1, 30, 21, 0, 0, 0, cet),
		HighRisk:        true,
		NoWeekendRelief: true,
	}
	ns, err := notify.Deadlines(inc)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, n := range ns {
		due := n.Due.String()
		if due == "" {
			due = "without undue delay"
		}
		fmt.Printf("%-5s %-26s %-30s %s\n", n.Regime, n.Basis.Local(), n.Notify, due)
	}
	monday := time.Date(2026, 2, 2, 9, 0, 0, 0, cet)
	for _, n := range notify.Overdue(ns, monday) {
		fmt.Println("overdue on Monday 09:00:", n.Regime, n.Report)
	}
	// Output:
	// GDPR  Art. 33(1)                 Supervisory authority          2026-02-02T18:00:00+01:00
	// GDPR  Art. 34(1)                 Data subjects                  without undue delay
	// NIS2  23(4)(a)                   CSIRT or competent authority   2026-01-31T18:00:00+01:00
	// NIS2  23(4)(b)                   CSIRT or competent authority   2026-02-02T18:00:00+01:00
	// NIS2  23(4)(d)                   CSIRT or competent authority   2026-03-02T18:00:00+01:00
	// DORA  RTS 5(1)(a)                Competent authority            2026-01-31T01:00:00+01:00
	// DORA  RTS 5(1)(b)                Competent authority            2026-02-03T01:00:00+01:00
	// DORA  RTS 5(1)(c)                Competent authority            2026-03-03T01:00:00+01:00
	// overdue on Monday 09:00: NIS2 Early warning
	// overdue on Monday 09:00: DORA Initial notification
}

// The weekend rule of DORA: an initial notification due at 01:00 on a
// Saturday may be made by noon on Monday.
func ExampleDeadlines_weekend() {
	cet := time.FixedZone("CET", 3600)
	ns, _ := notify.Deadlines(notify.Incident{
		Regimes:    []regulation.Regulation{regulation.DORA},
		Aware:      time.Date(2026, 1, 30, 18, 0, 0, 0, cet),
		Classified: time.Date(2026, 1, 30, 21, 0, 0, 0, cet),
	})
	fmt.Println(ns[0].Report, "due", ns[0].Due, "instead of", ns[0].Unmoved)
	// Output: Initial notification due 2026-02-02T12:00:00+01:00 instead of 2026-01-31T01:00:00+01:00
}

// HIPAA counts calendar days from the day of discovery.
func ExampleDeadlines_hipaa() {
	est := time.FixedZone("EST", -5*3600)
	ns, _ := notify.Deadlines(notify.Incident{
		Regimes:     []regulation.Regulation{regulation.HIPAA},
		Aware:       time.Date(2026, 11, 2, 10, 0, 0, 0, est),
		Individuals: 1200,
		Residents:   map[string]int{"NY": 900, "NJ": 300},
	})
	for _, n := range ns {
		fmt.Println(n.Basis, n.Notify, n.Due)
	}
	// Output:
	// 45 CFR 164.404(b) Affected individuals 2027-01-01
	// 45 CFR 164.406(b) Media 2027-01-01
	// 45 CFR 164.408(b) Secretary of HHS 2027-01-01
}

func ExampleOverdue() {
	aware := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	ns, _ := notify.Deadlines(notify.Incident{Regimes: []regulation.Regulation{regulation.GDPR}, Aware: aware})
	now := time.Date(2026, 6, 4, 9, 0, 1, 0, time.UTC) // passed in: nothing reads the clock
	fmt.Println(len(notify.Overdue(ns, now)), "overdue:", ns[0].Report)
	// Output: 1 overdue: Notification of the supervisory authority
}

func ExampleDecodeIncident() {
	inc, err := notify.DecodeIncident([]byte(`{"regimes": ["nis2"], "aware": "2026-01-31T14:00:00Z", "trustService": true}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	ns, _ := notify.Deadlines(inc)
	fmt.Println(ns[1].Basis, ns[1].Due)
	fmt.Println(ns[2].Basis, ns[2].Due, "(one month after 1 February)")
	_, err = notify.Deadlines(notify.Incident{Regimes: []regulation.Regulation{regulation.HIPAA}, Aware: inc.Aware, Individuals: -2})
	fmt.Println(err)
	// Output:
	// NIS2 Art. 23(4) second subparagraph 2026-02-01T14:00:00Z
	// NIS2 Art. 23(4)(d) 2026-03-01T14:00:00Z (one month after 1 February)
	// individuals: -2 individuals: a count is not negative
}

func ExampleDue() {
	d := notify.DueOn(ismskit.MustParseDate("2026-03-16"))
	fmt.Println(d, d.PassedAt(time.Date(2026, 3, 16, 23, 0, 0, 0, time.UTC)), d.PassedAt(time.Date(2026, 3, 17, 0, 0, 0, 0, time.UTC)))
	// Output: 2026-03-16 false true
}
