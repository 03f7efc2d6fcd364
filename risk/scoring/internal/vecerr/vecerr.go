// Package vecerr builds the problems of the CVSS vector parsers
// (packages cvss2, cvss3 and cvss4): *ismskit.Error values at the metric
// or component, at most ismskit.DefaultMaxProblems of them for one
// vector. It is safe for concurrent use.
package vecerr

import (
	"strconv"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/risk/scoring/cvss"
)

// Problems collects the problems of one vector, at most
// ismskit.DefaultMaxProblems of them followed by an "and N more
// problems" entry. The zero value is ready to use.
type Problems struct {
	l fielderr.List
}

// Add records a problem of kind at path (a metric abbreviation, or the
// position of a component from Index), with a message.
func (p *Problems) Add(path string, kind error, msg string) {
	p.l.Add(path, fielderr.Errorf(kind, "%s", msg))
}

// Full reports whether no more problems will be kept, so that a parser
// may stop early.
func (p *Problems) Full() bool { return p.l.Full() }

// Err returns the problems joined, or nil if there is none.
func (p *Problems) Err() error { return p.l.Err() }

// Index returns the path of the component at position i of a vector,
// "[i]", counted from 0 after the prefix.
func Index(i int) string { return fielderr.Index("", i) }

// Key returns the path of a metric abbreviation: the abbreviation itself
// when it is a plain identifier ("AV"), else quoted (`["a b"]`).
func Key(abbr string) string { return fielderr.Key("", abbr) }

// Quote quotes s for an error message, cutting it at 40 bytes so that a
// huge input does not make a huge message.
func Quote(s string) string {
	const max = 40
	if len(s) > max {
		return strconv.Quote(s[:max]) + "..."
	}
	return strconv.Quote(s)
}

// TooLong returns the ErrTooLarge problem of a vector of n bytes that is
// longer than max, the longest valid vector of its version.
func TooLong(n, max int) error {
	return &ismskit.Error{Err: fielderr.Errorf(ismskit.ErrTooLarge, "vector of %d bytes is longer than any valid one (%d bytes)", n, max)}
}

// Prefix returns the ErrPrefix problem of a vector whose start got is
// not one of the prefixes in want (such as "CVSS:3.1/ or CVSS:3.0/").
func Prefix(want, got string) error {
	return &ismskit.Error{Err: fielderr.Errorf(cvss.ErrPrefix, "vector does not start with %s: %s", want, Quote(got))}
}

// Syntax records that component i, comp, is not METRIC:VALUE.
func (p *Problems) Syntax(i int, comp string) {
	p.Add(Index(i), ismskit.ErrSyntax, "malformed component, want METRIC:VALUE: "+Quote(comp))
}

// UnknownMetric records a metric abbreviation the version does not
// define.
func (p *Problems) UnknownMetric(abbr string) {
	p.Add(Key(abbr), cvss.ErrUnknownMetric, cvss.ErrUnknownMetric.Error())
}

// Duplicate records a metric given again.
func (p *Problems) Duplicate(abbr string) {
	p.Add(abbr, cvss.ErrDuplicateMetric, cvss.ErrDuplicateMetric.Error())
}

// Missing records a mandatory metric that is missing.
func (p *Problems) Missing(abbr string) {
	p.Add(abbr, cvss.ErrMissingMetric, cvss.ErrMissingMetric.Error())
}

// Order records metric abbr found after metric prev, which the version's
// order puts after it.
func (p *Problems) Order(abbr, prev string) {
	p.Add(abbr, cvss.ErrMetricOrder, "metric out of order: "+abbr+" must come before "+prev)
}

// Value records a value the metric does not allow; want lists the values
// it allows.
func (p *Problems) Value(abbr, got string, want []string) {
	var b strings.Builder
	b.WriteString("unknown value ")
	b.WriteString(Quote(got))
	b.WriteString(" (want ")
	for i, w := range want {
		switch {
		case i == 0:
		case i == len(want)-1:
			b.WriteString(" or ")
		default:
			b.WriteString(", ")
		}
		b.WriteString(w)
	}
	b.WriteString(")")
	p.Add(abbr, ismskit.ErrUnknownValue, b.String())
}

// Parentheses records a CVSS v2.0 vector whose parentheses do not
// enclose it whole.
func (p *Problems) Parentheses(s string) {
	p.Add("", ismskit.ErrSyntax, "unbalanced parentheses, want (VECTOR): "+Quote(s))
}
