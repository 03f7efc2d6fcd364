package certification

import (
	"errors"
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/iso27001"
)

// FuzzSchedule builds certificates from arbitrary dates: Schedule, Next,
// Valid and ValidUntil never panic, they agree on whether the certificate
// is usable, every error is typed, and every date of a schedule is a date
// that encodes and reads back, in order.
func FuzzSchedule(f *testing.F) {
	f.Add("2025-01-20", "2025-03-10", "2025-04-01", "", "", "", uint16(2022), "2026-06-01")
	f.Add("", "", "2024-02-29", "2027-02-28", "2025-02-10", "", uint16(2013), "2025-11-01")
	f.Add("", "", "9999-12-31", "", "", "", uint16(0), "9999-12-31")
	f.Add("", "", "9996-12-31", "", "", "9997-01-01", uint16(2013), "0001-01-01")
	f.Add("2025-03-01", "2025-02-01", "2025-01-01", "2024-01-01", "", "", uint16(2017), "")
	f.Fuzz(func(t *testing.T, stage1, stage2, decision, expiry, surv1, transitioned string, edition uint16, asOf string) {
		date := func(s string) ismskit.Date { d, _ := ismskit.ParseDate(s); return d }
		c := Certificate{Edition: iso27001.Edition(edition), Stage1: date(stage1), Stage2: date(stage2), Decision: date(decision),
			Expiry: date(expiry), Surveillance1: date(surv1), Transitioned: date(transitioned)}
		day := date(asOf)
		ev, err := Schedule(c)
		_, errNext := Next(c, day)
		_, errValid := Valid(c, day)
		until, errUntil := ValidUntil(c)
		if (err == nil) != (errNext == nil) || (err == nil) != (errValid == nil) || (err == nil) != (errUntil == nil) {
			t.Fatalf("Schedule %v, Next %v, Valid %v, ValidUntil %v disagree", err, errNext, errValid, errUntil)
		}
		if err != nil {
			for _, p := range ismskit.Problems(err) {
				if p.Kind() == nil || p.Path == "" {
					t.Fatalf("untyped or unplaced problem %v", p)
				}
			}
			if !errors.Is(err, ismskit.ErrMissing) && !errors.Is(err, ismskit.ErrDateOrder) &&
				!errors.Is(err, ismskit.ErrUnknownValue) && !errors.Is(err, ismskit.ErrOutOfRange) {
				t.Fatalf("unexpected kind: %v", err)
			}
			return
		}
		if until.IsZero() || until.Before(c.Decision) {
			t.Fatalf("valid until %s, decided %s", until, c.Decision)
		}
		for i, e := range ev {
			if !e.Kind.IsValid() {
				t.Fatalf("event %d has kind %v", i, e.Kind)
			}
			if e.Due.IsZero() && e.Kind != Stage1 && e.Kind != Stage2 {
				t.Fatalf("%s has no due date", e.Kind)
			}
			for _, d := range []ismskit.Date{e.Due, e.Done} {
				text, _ := d.MarshalText()
				if back, err := ismskit.ParseDate(string(text)); !d.IsZero() && (err != nil || back != d) {
					t.Fatalf("%s does not read back: %v", d, err)
				}
			}
			if i > 0 && ev[i-1].date().After(e.date()) {
				t.Fatalf("events out of order at %d", i)
			}
		}
	})
}
