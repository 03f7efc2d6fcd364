// Package enum is the one method set of the enumerations of the audit
// sub-packages (checks, monitor, review): a uint8 type whose value
// indexes a table of codes (the JSON form, lower case) and labels (words
// for people), 0 being unset.
//
//   - String returns the label ("Half-yearly"), "" for the zero value and
//     "Type(42)" for a value out of range;
//   - MarshalText returns the code ("half-yearly"), "" for the zero value;
//     a value out of range is an error wrapping ismskit.ErrUnknownValue;
//   - UnmarshalText reads the code, and "" as the zero value;
//   - ParseX reads the code; "" and anything else are errors wrapping
//     ismskit.ErrUnknownValue;
//   - IsValid reports whether the value is one of the constants.
//
// A Set is immutable after its declaration and safe for concurrent use.
package enum

import (
	"fmt"
	"strconv"

	"github.com/ismskit/ismskit"
)

// Set is the table of one enumeration. Codes[0] and Labels[0] are "".
type Set[T ~uint8] struct {
	Type   string   // Go type name, for values out of range
	What   string   // what a value is, for errors ("check frequency")
	Codes  []string // JSON forms
	Labels []string // words for people
}

// Valid reports whether v is one of the constants.
func (s *Set[T]) Valid(v T) bool { return v > 0 && int(v) < len(s.Codes) }

// Code returns the JSON form of v, "" for the zero value or a value out
// of range.
func (s *Set[T]) Code(v T) string {
	if int(v) < len(s.Codes) {
		return s.Codes[v]
	}
	return ""
}

// Label returns v in words.
func (s *Set[T]) Label(v T) string {
	if int(v) < len(s.Labels) {
		return s.Labels[v]
	}
	return s.Type + "(" + strconv.Itoa(int(v)) + ")"
}

// All returns every constant, in order.
func (s *Set[T]) All() []T {
	out := make([]T, 0, len(s.Codes)-1)
	for i := 1; i < len(s.Codes); i++ {
		out = append(out, T(i))
	}
	return out
}

// Parse reads a JSON form.
func (s *Set[T]) Parse(str string) (T, error) {
	for i := 1; i < len(s.Codes); i++ {
		if s.Codes[i] == str {
			return T(i), nil
		}
	}
	if len(str) > 40 {
		str = str[:40] + "..."
	}
	return 0, fmt.Errorf("%w: %q is not a %s (want one of %v)", ismskit.ErrUnknownValue, str, s.What, s.Codes[1:])
}

// Marshal returns the JSON form of v.
func (s *Set[T]) Marshal(v T) ([]byte, error) {
	if v != 0 && !s.Valid(v) {
		return nil, fmt.Errorf("%w: %s %d", ismskit.ErrUnknownValue, s.What, uint8(v))
	}
	return []byte(s.Codes[v]), nil
}

// Unmarshal reads a JSON form into *p; "" gives the zero value.
func (s *Set[T]) Unmarshal(p *T, b []byte) error {
	if p == nil {
		return fmt.Errorf("%w: UnmarshalText on a nil *%s", ismskit.ErrMissing, s.Type)
	}
	if len(b) == 0 {
		*p = 0
		return nil
	}
	v, err := s.Parse(string(b))
	if err == nil {
		*p = v
	}
	return err
}
