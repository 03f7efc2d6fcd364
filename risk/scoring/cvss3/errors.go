package cvss3

import (
	"errors"
	"strconv"
	"strings"

	"github.com/ismskit/ismskit/internal/fielderr"
)

// Sentinel errors for the kinds of problem Parse reports. Each problem comes
// wrapped in a *FieldError whose Path names the metric (such as "AV"), or
// the position of a malformed component (such as "[9]"); use errors.Is with
// these sentinels and errors.As with *FieldError.
var (
	// ErrPrefix: the vector does not start with "CVSS:3.1/" or "CVSS:3.0/".
	ErrPrefix = errors.New("vector does not start with CVSS:3.1/ or CVSS:3.0/")
	// ErrSyntax: a component is empty or is not METRIC:VALUE.
	ErrSyntax = errors.New("malformed component, want METRIC:VALUE")
	// ErrUnknownMetric: the metric abbreviation is not one of the 22 metrics.
	ErrUnknownMetric = errors.New("unknown metric")
	// ErrUnknownValue: the value is not one the metric allows.
	ErrUnknownValue = errors.New("unknown value")
	// ErrDuplicateMetric: the metric appears more than once.
	ErrDuplicateMetric = errors.New("metric given more than once")
	// ErrMissingMetric: a mandatory base metric is missing.
	ErrMissingMetric = errors.New("missing mandatory metric")
)

// FieldError is the error Parse returns for each problem: Path names the
// metric or the component, Err wraps one of the sentinels. It is an alias of
// the error type every ismskit package uses, so errors.As(err, new(*FieldError))
// works across packages.
type FieldError = fielderr.Error

// valueError wraps ErrUnknownValue with the offending value and the values
// the metric allows.
type valueError struct {
	got  string
	want string
}

func (e *valueError) Error() string {
	var b strings.Builder
	b.WriteString(ErrUnknownValue.Error())
	b.WriteString(" ")
	b.WriteString(quote(e.got))
	b.WriteString(" (want ")
	for i := 0; i < len(e.want); i++ {
		switch {
		case i == 0:
		case i == len(e.want)-1:
			b.WriteString(" or ")
		default:
			b.WriteString(", ")
		}
		b.WriteByte(e.want[i])
	}
	b.WriteString(")")
	return b.String()
}

func (e *valueError) Unwrap() error { return ErrUnknownValue }

// detailError wraps a sentinel with the text that caused it.
type detailError struct {
	kind error
	got  string
}

func (e *detailError) Error() string { return e.kind.Error() + ": " + quote(e.got) }
func (e *detailError) Unwrap() error { return e.kind }

// quote quotes s for an error message, cutting it at 40 bytes so that a
// huge input does not make a huge message.
func quote(s string) string {
	const max = 40
	if len(s) > max {
		return strconv.Quote(s[:max]) + "..."
	}
	return strconv.Quote(s)
}
