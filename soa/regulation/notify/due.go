package notify

import (
	"time"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// Due is when a notification is due: an instant with its zone where the
// law counts hours or months (GDPR, NIS2, DORA), or a calendar day where
// it counts calendar days (HIPAA's 60 calendar days), which is met by
// the end of that day. The zero Due means the law sets no fixed time
// ("without undue delay").
//
// Its text form is RFC 3339 for an instant ("2026-03-05T10:00:00+01:00"),
// YYYY-MM-DD for a day, and "" for the zero Due. Due is a small value,
// safe for concurrent use; compare two with Equal.
type Due struct {
	at  time.Time
	day ismskit.Date
}

// DueAt returns the Due of an instant; the zero time gives the zero Due.
func DueAt(t time.Time) Due { return Due{at: t} }

// DueOn returns the Due of a calendar day; the zero Date gives the zero
// Due.
func DueOn(d ismskit.Date) Due { return Due{day: d} }

// IsZero reports whether d sets no fixed time.
func (d Due) IsZero() bool { return d.at.IsZero() && d.day.IsZero() }

// IsDay reports whether d is a calendar day rather than an instant.
func (d Due) IsDay() bool { return !d.day.IsZero() }

// Time returns the instant of d, in its zone; the zero time for a day or
// the zero Due.
func (d Due) Time() time.Time { return d.at }

// Day returns the calendar day of d; for an instant, its day in its own
// zone; the zero Date for the zero Due.
func (d Due) Day() ismskit.Date {
	if d.IsDay() {
		return d.day
	}
	return ismskit.DateOf(d.at)
}

// PassedAt reports whether d has passed at the instant t: t is after
// the instant, or t's day (in t's own zone) is after the calendar day.
// The zero Due never passes.
func (d Due) PassedAt(t time.Time) bool {
	switch {
	case d.IsDay():
		return ismskit.DateOf(t).After(d.day)
	case !d.at.IsZero():
		return t.After(d.at)
	}
	return false
}

// Equal reports whether d and o are the same instant (in any zone) or
// the same day.
func (d Due) Equal(o Due) bool { return d.day == o.day && d.at.Equal(o.at) }

// String returns the text form: RFC 3339, YYYY-MM-DD, or "".
func (d Due) String() string {
	b, _ := d.MarshalText()
	return string(b)
}

// MarshalText implements encoding.TextMarshaler with the text form.
func (d Due) MarshalText() ([]byte, error) {
	switch {
	case d.IsDay():
		return d.day.MarshalText()
	case d.at.IsZero():
		return []byte{}, nil
	}
	return []byte(d.at.Format(time.RFC3339Nano)), nil
}

// UnmarshalText implements encoding.TextUnmarshaler: YYYY-MM-DD is a
// day, anything else must be RFC 3339; empty text is the zero Due.
// Other text is an error wrapping ismskit.ErrInvalidDate.
func (d *Due) UnmarshalText(text []byte) error {
	if d == nil {
		return &ismskit.Error{Err: fielderr.Errorf(ismskit.ErrMissing, "Due.UnmarshalText: nil receiver")}
	}
	switch {
	case len(text) == 0:
		*d = Due{}
	case len(text) == len("2006-01-02"):
		day, err := ismskit.ParseDate(string(text))
		if err != nil {
			return err
		}
		*d = DueOn(day)
	default:
		t, err := time.Parse(time.RFC3339Nano, string(text))
		if err != nil || t.Year() < ismskit.MinYear || t.Year() > ismskit.MaxYear {
			s := string(text)
			if len(s) > 40 {
				s = s[:40] + "..."
			}
			return fielderr.Errorf(ismskit.ErrInvalidDate, "due %q: want RFC 3339 or YYYY-MM-DD", s)
		}
		*d = DueAt(t)
	}
	return nil
}
