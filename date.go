package ismskit

import (
	"fmt"
	"time"
)

// MinYear and MaxYear bound the years a Date holds: the four-digit years
// that the text form YYYY-MM-DD can carry.
const (
	MinYear = 1
	MaxYear = 9999
)

// Date is a calendar date without a time of day or a zone, the one date
// type of every ismskit document: approval and review dates, due dates,
// acceptance expiries, audit dates, the asOf of every evaluation. In JSON
// and text it is "YYYY-MM-DD".
//
// A Date holds a real calendar date of the years MinYear to MaxYear, or
// nothing: the zero value means "no date"; IsZero reports it, String
// returns "", and fields of type Date use the omitzero JSON option.
// Nothing creates a Date outside that range: the constructors and AddDate
// return the zero Date instead, and ParseDate an ErrInvalidDate error.
//
// Date is a small comparable value, like time.Time without the clock:
// compare with ==, Compare, Before and After. It is safe for concurrent
// use.
type Date struct {
	y uint16
	m uint8
	d uint8
}

// NewDate returns the date y-m-d. Out-of-range months and days are
// normalised as time.Date does (January 32 is February 1); a result
// outside the years MinYear to MaxYear is the zero Date.
func NewDate(y int, m time.Month, d int) Date {
	return dateOf(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

// DateOf returns the calendar date of t in t's own location, or the zero
// Date if t is the zero time or its year is outside MinYear to MaxYear.
func DateOf(t time.Time) Date {
	if t.IsZero() {
		return Date{}
	}
	return dateOf(t)
}

func dateOf(t time.Time) Date {
	y, m, d := t.Date()
	if y < MinYear || y > MaxYear {
		return Date{}
	}
	return Date{y: uint16(y), m: uint8(m), d: uint8(d)}
}

// ParseDate parses "YYYY-MM-DD", years 0001 to 9999. Anything else,
// including an impossible date such as 2025-02-30, is an error that
// wraps ErrInvalidDate.
func ParseDate(s string) (Date, error) {
	bad := func() (Date, error) {
		return Date{}, fmt.Errorf("%w: %q (want YYYY-MM-DD, years 0001 to 9999)", ErrInvalidDate, clip(s))
	}
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return bad()
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 || y < MinYear || m < 1 || m > 12 || d < 1 || d > daysIn(y, time.Month(m)) {
		return bad()
	}
	return Date{y: uint16(y), m: uint8(m), d: uint8(d)}, nil
}

// MustParseDate is ParseDate that panics on error. It is intended for
// tests and hard-coded literals.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// clip shortens text quoted in an error message, so that a hostile input
// cannot make the message large.
func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// IsZero reports whether d is the zero value: no date.
func (d Date) IsZero() bool { return d == Date{} }

// Year returns d's year, or 0 for the zero Date.
func (d Date) Year() int { return int(d.y) }

// Month returns d's month, or 0 for the zero Date.
func (d Date) Month() time.Month { return time.Month(d.m) }

// Day returns d's day of the month, or 0 for the zero Date.
func (d Date) Day() int { return int(d.d) }

// Weekday returns d's day of the week; the zero Date gives time.Sunday.
func (d Date) Weekday() time.Weekday {
	if d.IsZero() {
		return time.Sunday
	}
	return d.Time().Weekday()
}

// Time returns midnight UTC at the start of d; the zero Date gives the
// zero time.Time.
func (d Date) Time() time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	return time.Date(int(d.y), time.Month(d.m), int(d.d), 0, 0, 0, 0, time.UTC)
}

// In returns midnight at the start of d in loc (UTC for a nil loc); the
// zero Date gives the zero time.Time.
func (d Date) In(loc *time.Location) time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	if loc == nil {
		loc = time.UTC
	}
	return time.Date(int(d.y), time.Month(d.m), int(d.d), 0, 0, 0, 0, loc)
}

// AddDate returns d moved by years and months, then by days. Whole years
// and months keep the day of the month, or take the last day of the
// target month when it is shorter: 2024-02-29 plus one year is
// 2025-02-28, and 2026-01-31 plus one month is 2026-02-28. This is the
// one month-end rule of ismskit; it differs from time.Time.AddDate, which
// would give 2025-03-01 and 2026-03-03. Days are then counted on the
// calendar.
//
// A result outside the years MinYear to MaxYear, and any result for the
// zero Date, is the zero Date.
func (d Date) AddDate(years, months, days int) Date {
	if d.IsZero() {
		return Date{}
	}
	const maxShift = 12 * (MaxYear + 1)
	if years < -MaxYear || years > MaxYear || months < -maxShift || months > maxShift ||
		days < -366*(MaxYear+1) || days > 366*(MaxYear+1) {
		return Date{}
	}
	mi := int(d.y)*12 + int(d.m) - 1 + years*12 + months
	y, m := mi/12, time.Month(mi%12+1)
	if mi < 0 || y < MinYear || y > MaxYear {
		return Date{}
	}
	day := min(int(d.d), daysIn(y, m))
	return NewDate(y, m, day+days)
}

// Sub returns the number of days from e to d: positive when d is after e.
// Either being the zero Date gives 0.
func (d Date) Sub(e Date) int {
	if d.IsZero() || e.IsZero() {
		return 0
	}
	return int(d.Time().Sub(e.Time()).Hours() / 24)
}

// Compare returns -1, 0 or +1 as d is before, equal to or after e. The
// zero Date sorts first.
func (d Date) Compare(e Date) int {
	a := int(d.y)<<16 | int(d.m)<<8 | int(d.d)
	b := int(e.y)<<16 | int(e.m)<<8 | int(e.d)
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// String returns "YYYY-MM-DD", or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return string(d.AppendText(nil))
}

// AppendText appends the String form of d to b.
func (d Date) AppendText(b []byte) []byte {
	if d.IsZero() {
		return b
	}
	return append(b,
		byte('0'+d.y/1000), byte('0'+d.y/100%10), byte('0'+d.y/10%10), byte('0'+d.y%10), '-',
		byte('0'+d.m/10), byte('0'+d.m%10), '-',
		byte('0'+d.d/10), byte('0'+d.d%10))
}

// MarshalText returns the String form.
func (d Date) MarshalText() ([]byte, error) { return d.AppendText(nil), nil }

// UnmarshalText parses "YYYY-MM-DD" as ParseDate does; empty text gives
// the zero Date.
func (d *Date) UnmarshalText(text []byte) error {
	if d == nil {
		return &Error{Err: fmt.Errorf("%w: UnmarshalText into a nil *Date", ErrMissing)}
	}
	if len(text) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(text))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
