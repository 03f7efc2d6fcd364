// Package enum is the machinery behind the enumerations of ismskit's
// packages that follow one method set:
//
//   - String returns the value in words for people ("Early warning"), ""
//     for the zero value and "Report(42)" for a value out of range;
//   - MarshalText returns the lower-case code of JSON ("early-warning"),
//     and "" for the zero value, which means unset; a value out of range
//     is an error wrapping ismskit.ErrUnknownValue;
//   - UnmarshalText reads the code, and "" as the zero value;
//   - ParseX reads the code; "" and anything else are errors wrapping
//     ismskit.ErrUnknownValue that list the codes accepted;
//   - IsValid reports whether the value is one of the constants.
//
// A Set is built once, as a package-level variable, and never modified,
// so it is safe for concurrent use.
package enum

import (
	"strconv"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// Set describes one enumeration: a uint8 type whose value indexes Codes
// and Labels, 0 being unset.
type Set[T ~uint8] struct {
	// Type is the Go type's name, for values out of range ("Report").
	Type string
	// What a value is, for errors ("notification report").
	What string
	// Codes are the JSON forms; Codes[0] is "".
	Codes []string
	// Labels are the words for people; Labels[0] is "".
	Labels []string
}

// Valid reports whether v is one of the constants (not the zero value).
func (s *Set[T]) Valid(v T) bool { return v > 0 && int(v) < len(s.Codes) }

// Code returns the code of v, "" for the zero value or one out of range.
func (s *Set[T]) Code(v T) string {
	if int(v) < len(s.Codes) {
		return s.Codes[v]
	}
	return ""
}

// Label returns v in words, "" for the zero value, and "Type(n)" for a
// value out of range.
func (s *Set[T]) Label(v T) string {
	if int(v) < len(s.Labels) {
		return s.Labels[v]
	}
	return s.Type + "(" + strconv.Itoa(int(v)) + ")"
}

// All returns the constants in order.
func (s *Set[T]) All() []T {
	out := make([]T, 0, len(s.Codes)-1)
	for i := 1; i < len(s.Codes); i++ {
		out = append(out, T(i))
	}
	return out
}

// Parse returns the constant whose code is text; anything else is an
// *ismskit.Error (without a path) wrapping ismskit.ErrUnknownValue.
func (s *Set[T]) Parse(text string) (T, error) {
	for i := 1; i < len(s.Codes); i++ {
		if s.Codes[i] == text {
			return T(i), nil
		}
	}
	if len(text) > 40 {
		text = text[:40] + "..."
	}
	return 0, &ismskit.Error{Err: fielderr.Errorf(ismskit.ErrUnknownValue, "%q is not a %s (want %s)", text, s.What, strings.Join(s.Codes[1:], ", "))}
}

// Marshal returns the code of v for MarshalText.
func (s *Set[T]) Marshal(v T) ([]byte, error) {
	if v != 0 && !s.Valid(v) {
		return nil, &ismskit.Error{Err: fielderr.Errorf(ismskit.ErrUnknownValue, "%s %d is not defined", s.What, uint8(v))}
	}
	return []byte(s.Codes[v]), nil
}

// Unmarshal sets *p from text for UnmarshalText; empty text is the zero
// value. A nil p is an error, never a panic.
func (s *Set[T]) Unmarshal(p *T, text []byte) error {
	if p == nil {
		return &ismskit.Error{Err: fielderr.Errorf(ismskit.ErrMissing, "%s.UnmarshalText: nil receiver", s.Type)}
	}
	if len(text) == 0 {
		*p = 0
		return nil
	}
	v, err := s.Parse(string(text))
	if err == nil {
		*p = v
	}
	return err
}
