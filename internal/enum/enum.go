// Package enum is the one implementation of the method set that ismskit's
// integer enumerations share: String gives a label for people,
// MarshalText a code for documents, UnmarshalText reads codes exactly,
// ParseX reads codes and labels, IsValid says whether a value is one of
// the enumeration's. A package declares a Table per enumeration and
// writes each method as a one-line call.
//
// A Table is immutable once declared; everything here is safe for
// concurrent use.
package enum

import (
	"strconv"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// Table holds the codes and labels of an enumeration whose values are
// small integers, indexed by value. A value whose code is "" is not one
// of the enumeration's, except the zero value when ZeroIsValue is set
// (NotDocumented, coded "none").
type Table struct {
	// Type is the Go type's name, for String of an unknown value
	// ("DocKind(9)").
	Type string
	// What names the enumeration in errors ("document kind").
	What string
	// Codes are the MarshalText forms by value; "" where a value is
	// unset or not one of the enumeration's.
	Codes []string
	// Labels are the String forms by value.
	Labels []string
	// ZeroIsValue says that the zero value is a value of its own (with a
	// code), not "unset".
	ZeroIsValue bool
}

// Valid reports whether v is a value of the enumeration.
func (e *Table) Valid(v int) bool {
	return v >= 0 && v < len(e.Codes) && e.Codes[v] != "" && (v > 0 || e.ZeroIsValue)
}

// Label returns the label of v: "" for an unset zero value, "Type(n)"
// for a value that is none of the enumeration's.
func (e *Table) Label(v int) string {
	switch {
	case e.Valid(v):
		return e.Labels[v]
	case v == 0:
		return ""
	}
	return e.Type + "(" + strconv.Itoa(v) + ")"
}

// Marshal returns the code of v, "" for an unset zero value, and an error
// wrapping ismskit.ErrUnknownValue for a value that is none of the
// enumeration's.
func (e *Table) Marshal(v int) ([]byte, error) {
	switch {
	case e.Valid(v):
		return []byte(e.Codes[v]), nil
	case v == 0:
		return []byte{}, nil
	}
	return nil, fielderr.Errorf(ismskit.ErrUnknownValue, "%s is not a %s", e.Label(v), e.What)
}

// Unmarshal returns the value whose code is text exactly; empty text is
// the zero value. Anything else is an error wrapping
// ismskit.ErrUnknownValue.
func (e *Table) Unmarshal(text []byte) (int, error) {
	if len(text) == 0 {
		return 0, nil
	}
	for v := range e.Codes {
		if e.Valid(v) && e.Codes[v] == string(text) {
			return v, nil
		}
	}
	return 0, e.unknown(string(text))
}

// Parse returns the value whose code is s, or whose label is s in any
// case. Anything else, "" included, is an error wrapping
// ismskit.ErrUnknownValue.
func (e *Table) Parse(s string) (int, error) {
	for v := range e.Codes {
		if e.Valid(v) && s != "" && (s == e.Codes[v] || strings.EqualFold(s, e.Labels[v])) {
			return v, nil
		}
	}
	return 0, e.unknown(s)
}

func (e *Table) unknown(s string) error {
	var want []string
	for v, c := range e.Codes {
		if e.Valid(v) {
			want = append(want, c)
		}
	}
	if len(want) > 8 {
		return fielderr.Errorf(ismskit.ErrUnknownValue, "%s %s is not a %s", e.What, fielderr.Quote(s), e.What)
	}
	return fielderr.Errorf(ismskit.ErrUnknownValue, "%s %s: want %s", e.What, fielderr.Quote(s), strings.Join(want, ", "))
}

// SetText sets *dst to the value whose code is text (see Unmarshal), for
// an UnmarshalText method; a nil dst is an error wrapping
// ismskit.ErrMissing.
func SetText[T ~uint8](e *Table, dst *T, text []byte) error {
	if dst == nil {
		return fielderr.NilTarget(e.Type)
	}
	v, err := e.Unmarshal(text)
	if err != nil {
		return err
	}
	*dst = T(v)
	return nil
}

// ParseAs is Parse for a ParseX function of type T.
func ParseAs[T ~uint8](e *Table, s string) (T, error) {
	v, err := e.Parse(s)
	return T(v), err
}

// Set is a Table typed by its enumeration T, so that methods take and
// return T instead of int:
//
//	var kinds = &enum.Set[Kind]{Type: "Kind", What: "requirement kind",
//		Codes: []string{"", "article", ...}, Labels: []string{"", "Article", ...}}
//	func (k Kind) String() string { return kinds.Label(k) }
type Set[T ~uint8] Table

func (s *Set[T]) table() *Table { return (*Table)(s) }

// Valid reports whether v is a value of the enumeration.
func (s *Set[T]) Valid(v T) bool { return s.table().Valid(int(v)) }

// Code returns the code of v, "" for the zero value or one out of range.
func (s *Set[T]) Code(v T) string {
	if !s.Valid(v) {
		return ""
	}
	return s.Codes[v]
}

// Label returns v in words (see Table.Label).
func (s *Set[T]) Label(v T) string { return s.table().Label(int(v)) }

// All returns the values of the enumeration in order.
func (s *Set[T]) All() []T {
	var out []T
	for v := range s.Codes {
		if s.table().Valid(v) {
			out = append(out, T(v))
		}
	}
	return out
}

// Parse returns the value whose code or label is text (see Table.Parse).
func (s *Set[T]) Parse(text string) (T, error) { return ParseAs[T](s.table(), text) }

// Marshal returns the code of v for MarshalText (see Table.Marshal).
func (s *Set[T]) Marshal(v T) ([]byte, error) { return s.table().Marshal(int(v)) }

// Unmarshal sets *p from text for UnmarshalText (see SetText).
func (s *Set[T]) Unmarshal(p *T, text []byte) error { return SetText(s.table(), p, text) }
