package ismskit

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
)

// A Kind is a kind of problem: the sentinel that errors.Is finds through
// an *Error and through joined lists. Every sentinel error of every
// ismskit package is a *Kind, so one table of codes serves an API:
//
//	for _, p := range ismskit.Problems(err) {
//		fmt.Println(p.Code(), p.Path, p.Message())
//	}
//
// Kinds are compared by identity, as errors.New values are. A Kind is
// immutable and safe for concurrent use.
type Kind struct {
	code string
	text string
}

// NewKind returns a new kind of problem with a stable, machine-readable
// code ("unknown-control": lower case, words joined by hyphens) and a
// short text for people ("unknown control"). Packages declare their kinds
// once, as package-level variables; a program can declare its own for its
// own validators.
func NewKind(code, text string) *Kind { return &Kind{code: code, text: text} }

// Error returns the kind's text.
func (k *Kind) Error() string {
	if k == nil {
		return "<nil kind>"
	}
	return k.text
}

// Code returns the kind's machine-readable code, or "" for a nil Kind.
func (k *Kind) Code() string {
	if k == nil {
		return ""
	}
	return k.code
}

// MarshalText returns the code, so a Kind in a JSON document reads as its
// code.
func (k *Kind) MarshalText() ([]byte, error) { return []byte(k.Code()), nil }

// The kinds of problem that every package shares. Kinds that belong to
// one package's rules (soa.ErrNoJustification, audit.ErrIllegalTransition)
// are declared in that package.
var (
	// ErrSyntax: input that is not well-formed in its format (malformed
	// JSON, a CSV with the wrong number of fields, an unparsable vector).
	ErrSyntax = NewKind("syntax", "malformed input")
	// ErrUnknownField: a JSON object key that the document does not define,
	// including one that differs from a defined key only in case
	// ("Likelihood" for "likelihood").
	ErrUnknownField = NewKind("unknown-field", "unknown field")
	// ErrDuplicateField: a JSON object key given twice in one object.
	ErrDuplicateField = NewKind("duplicate-field", "duplicate field")
	// ErrType: a JSON value of the wrong type (a number where a string
	// belongs), or a number that does not fit its field.
	ErrType = NewKind("type", "wrong type")
	// ErrTrailingData: anything after the first JSON value.
	ErrTrailingData = NewKind("trailing-data", "trailing data after the value")
	// ErrTooLarge: an input longer than the decoder's byte limit, or a
	// count (of slots, points, iterations) above a documented limit.
	ErrTooLarge = NewKind("too-large", "input or count too large")
	// ErrTooDeep: JSON nested deeper than the decoder's depth limit.
	ErrTooDeep = NewKind("too-deep", "nesting too deep")
	// ErrMissing: a required value is absent or empty (an owner, an ID, a
	// date).
	ErrMissing = NewKind("missing", "missing value")
	// ErrUnknownValue: a string that is none of an enumeration's values.
	ErrUnknownValue = NewKind("unknown-value", "unknown value")
	// ErrOutOfRange: a number outside its scale or range (a likelihood of
	// 7 on a scale of 1..5, a percentage above 100).
	ErrOutOfRange = NewKind("out-of-range", "value out of range")
	// ErrInvalidID: text that is not a well-formed identifier of its kind.
	ErrInvalidID = NewKind("invalid-id", "invalid identifier")
	// ErrInvalidDate: a date that is not a real calendar date in the form
	// YYYY-MM-DD, or one outside the years 0001 to 9999.
	ErrInvalidDate = NewKind("invalid-date", "invalid date")
	// ErrDateOrder: dates that contradict each other (an end before its
	// start, a review before its approval).
	ErrDateOrder = NewKind("date-order", "dates out of order")
	// ErrInconsistent: values of one record that contradict each other (a
	// residual risk above the inherent one, an entry both excluded and
	// implemented).
	ErrInconsistent = NewKind("inconsistent", "inconsistent values")
	// ErrDuplicateID: two elements of one list share an ID, or one control
	// is listed twice.
	ErrDuplicateID = NewKind("duplicate-id", "duplicate ID")
	// ErrUnknownControl: a control ID that the catalog in use does not
	// hold.
	ErrUnknownControl = NewKind("unknown-control", "unknown control")
	// ErrUnknownReference: an ID that names nothing the document holds (an
	// asset, a risk, a finding, a level, a document).
	ErrUnknownReference = NewKind("unknown-reference", "unknown reference")
	// ErrNotEncodable: a value that a format cannot hold without losing
	// data.
	ErrNotEncodable = NewKind("not-encodable", "value cannot be encoded without loss")
	// ErrMoreProblems: the last problem of a list that was cut at its
	// limit; its message says how many more were found.
	ErrMoreProblems = NewKind("more-problems", "more problems")
)

// Error is a problem at a place in a document: every decoder and
// validator of ismskit returns its problems as *Error values, one per
// problem, joined with errors.Join when there are several.
//
// The zero value is a problem without a place or a kind. An *Error is not
// modified after it is returned, and is safe for concurrent use.
type Error struct {
	// Path is where the problem is, in the document's JSON field names:
	// dots for object keys and brackets for list indexes
	// ("risks[3].likelihood"); a key that is not a plain identifier is
	// quoted (`controls["5.1"].text`). An empty Path means the document
	// as a whole.
	Path string
	// Item is the ID of the list element that Path passes through, as
	// the user knows it ("R-3" for "risks[2].owner"), or "" when the
	// element has no ID or the problem is in no list element.
	Item string
	// Offset is the byte offset in the input at which a decoder found a
	// problem in the bytes themselves (malformed JSON, nesting or size
	// over a limit); it is 0 for problems with values.
	Offset int64
	// Err says what is wrong. errors.Is finds its Kind through it: a
	// package sentinel such as ErrMissing, often wrapped with a message
	// ("7 is outside the scale 1..5").
	Err error
}

// Error returns "path (item): message", leaving out the parts that are
// empty.
func (e *Error) Error() string {
	if e == nil {
		return "<nil>"
	}
	var b strings.Builder
	b.WriteString(e.Path)
	if e.Item != "" {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString("(" + e.Item + ")")
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	b.WriteString(e.Message())
	return b.String()
}

// Unwrap returns Err.
func (e *Error) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Err
}

// Message returns the text of Err alone, without the path: "7 is outside
// the scale 1..5". It returns "<nil>" for a nil Err.
func (e *Error) Message() string {
	if e == nil || e.Err == nil {
		return "<nil>"
	}
	return e.Err.Error()
}

// Kind returns the first *Kind in Err's chain, or nil if there is none.
func (e *Error) Kind() *Kind {
	var k *Kind
	if e != nil && errors.As(e.Err, &k) {
		return k
	}
	return nil
}

// Code returns the code of e's Kind ("missing", "unknown-control"), or ""
// when Err carries no Kind.
func (e *Error) Code() string { return e.Kind().Code() }

// MarshalJSON returns the form an API can hand to its clients as it is:
//
//	{"path": "risks[2].owner", "item": "R-3", "kind": "missing", "message": "missing value"}
//
// item is left out when empty, offset when zero, kind when Err carries no
// Kind; a nil *Error is null.
func (e *Error) MarshalJSON() ([]byte, error) {
	if e == nil {
		return []byte("null"), nil
	}
	b := []byte(`{"path":`)
	b = strconv.AppendQuote(b, e.Path)
	if e.Item != "" {
		b = append(b, `,"item":`...)
		b = strconv.AppendQuote(b, e.Item)
	}
	if e.Offset != 0 {
		b = append(b, `,"offset":`...)
		b = strconv.AppendInt(b, e.Offset, 10)
	}
	if c := e.Code(); c != "" {
		b = append(b, `,"kind":`...)
		b = strconv.AppendQuote(b, c)
	}
	msg, err := json.Marshal(e.Message())
	if err != nil {
		return nil, err
	}
	b = append(b, `,"message":`...)
	b = append(b, msg...)
	return append(b, '}'), nil
}

// Problems returns every problem in err, in order: the *Error values
// inside joined errors (errors.Join, or any error with an Unwrap() []error
// method), recursively. A problem that carries no *Error is returned as
// an *Error with an empty Path. It returns nil for a nil err.
//
// The result marshals to the JSON array an HTTP API returns:
//
//	json.NewEncoder(w).Encode(ismskit.Problems(err))
func Problems(err error) []*Error {
	if err == nil {
		return nil
	}
	var out []*Error
	var walk func(error)
	walk = func(err error) {
		if fe, ok := err.(*Error); ok {
			out = append(out, fe)
			return
		}
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range j.Unwrap() {
				if e != nil {
					walk(e)
				}
			}
			return
		}
		// A wrapper around a joined list ("decode: %w"): its problems are
		// the list's.
		if inner := errors.Unwrap(err); inner != nil && hasList(inner) {
			walk(inner)
			return
		}
		var fe *Error
		if errors.As(err, &fe) {
			out = append(out, fe)
			return
		}
		out = append(out, &Error{Err: err})
	}
	walk(err)
	return out
}

// hasList reports whether err's chain holds a joined list.
func hasList(err error) bool {
	for err != nil {
		if _, ok := err.(interface{ Unwrap() []error }); ok {
			return true
		}
		err = errors.Unwrap(err)
	}
	return false
}
