package iso27001

import (
	"fmt"
	"time"

	"github.com/invopop/jsonschema"
)

// Date is a calendar date without a time of day or zone, as ISMS records
// carry them (approval dates, review dates, due dates). In JSON it is the
// string "YYYY-MM-DD".
//
// The zero value means "no date"; IsZero reports it, String returns "",
// and fields of type Date use the omitzero JSON option.
type Date struct {
	y int32
	m uint8
	d uint8
}

// NewDate returns the date y-m-d; out-of-range values are normalised as by
// time.Date (January 32 is February 1).
func NewDate(y int, m time.Month, d int) Date {
	return DateOf(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

// DateOf returns the calendar date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y: int32(y), m: uint8(m), d: uint8(d)}
}

// ParseDate parses "YYYY-MM-DD" (years 0001 to 9999); anything else,
// including impossible dates such as 2025-02-30, wraps ErrInvalidDate.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil || len(s) != 10 {
		return Date{}, fmt.Errorf("%w: %q (want YYYY-MM-DD)", ErrInvalidDate, s)
	}
	return DateOf(t), nil
}

// MustParseDate is ParseDate that panics on error, for tests and literals.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// IsZero reports whether d is the zero value (no date).
func (d Date) IsZero() bool { return d == Date{} }

// Time returns midnight UTC at the start of d; the zero Date gives the
// zero time.Time.
func (d Date) Time() time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	return time.Date(int(d.y), time.Month(d.m), int(d.d), 0, 0, 0, 0, time.UTC)
}

// AddDate returns d moved by years, months and days, normalised as by
// time.Time.AddDate (2024-02-29 plus one year is 2025-03-01).
func (d Date) AddDate(years, months, days int) Date {
	return DateOf(d.Time().AddDate(years, months, days))
}

// Compare returns -1, 0 or +1 as d is before, equal to or after e. The
// zero value sorts first.
func (d Date) Compare(e Date) int {
	switch {
	case d.y != e.y:
		return cmp3(int(d.y), int(e.y))
	case d.m != e.m:
		return cmp3(int(d.m), int(e.m))
	}
	return cmp3(int(d.d), int(e.d))
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// String returns "YYYY-MM-DD", or "" for the zero value.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.y, d.m, d.d)
}

// MarshalText returns the String form.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText parses "YYYY-MM-DD"; empty text gives the zero value.
func (d *Date) UnmarshalText(text []byte) error {
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

// JSONSchema describes a date as a string of format "date".
func (Date) JSONSchema() *jsonschema.Schema {
	return &jsonschema.Schema{Type: "string", Format: "date"}
}
