// Package fielderr builds the errors that ismskit's decoders and
// validators return: *ismskit.Error values that carry a path such as
// "risks[3].likelihood", the ID of the list element the path passes
// through, and the error that says what is wrong there.
//
// The wrapped error is usually a kind (ismskit.ErrMissing or a package's
// own), so errors.Is works through the path. Validators collect every
// problem in a List, which keeps the first ismskit.DefaultMaxProblems and
// counts the rest, and return them joined (errors.Join), so one call
// reports them all and a hostile input cannot make the report large.
//
// Everything here is safe for concurrent use.
package fielderr

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/ismskit/ismskit"
)

// Error is the error type of every ismskit package.
type Error = ismskit.Error

// At returns err placed at path, or nil if err is nil. It is Prefix under
// the name that reads better where a problem is first found.
func At(path string, err error) error { return Prefix(path, err) }

// AtItem is At that also names the list element the path passes through
// ("R-3" for "risks[2]"), for the problems inside err that name none.
func AtItem(path, item string, err error) error {
	err = Prefix(path, err)
	if err == nil || item == "" {
		return err
	}
	return mapLeaves(err, func(fe *Error) *Error {
		if fe.Item != "" {
			return fe
		}
		c := *fe
		c.Item = item
		return &c
	})
}

// Prefix re-roots err under prefix: every *Error inside a joined error gets
// prefix put before its path, and any other error is placed at prefix.
// Prefix("risks[3]", &Error{Path: "likelihood"}) has the path
// "risks[3].likelihood". Every non-nil result is an *Error or a joined list
// of them, even for an empty prefix. It returns nil for a nil err.
func Prefix(prefix string, err error) error {
	if err == nil {
		return nil
	}
	return mapLeaves(err, func(fe *Error) *Error {
		if prefix == "" {
			return fe
		}
		c := *fe
		c.Path = JoinPath(prefix, fe.Path)
		return &c
	})
}

// mapLeaves applies f to every leaf of err, turning leaves that are not
// *Error into one with an empty path, and keeps the joined structure.
func mapLeaves(err error, f func(*Error) *Error) error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		inner := j.Unwrap()
		out := make([]error, 0, len(inner))
		for _, e := range inner {
			if e != nil {
				out = append(out, mapLeaves(e, f))
			}
		}
		return errors.Join(out...)
	}
	if fe, ok := err.(*Error); ok {
		return f(fe)
	}
	return f(&Error{Err: err})
}

// JoinPath joins two path pieces: "a" and "b" give "a.b", "a" and "[2]"
// give "a[2]", and an empty side gives the other.
func JoinPath(parent, child string) string {
	switch {
	case parent == "":
		return child
	case child == "":
		return parent
	case child[0] == '[':
		return parent + child
	}
	return parent + "." + child
}

// Key returns the path of an object member: Key("a", "b") is "a.b", and a
// key that is not a plain identifier is quoted: Key("controls", "5.1") is
// `controls["5.1"]`.
func Key(parent, key string) string {
	if isIdent(key) {
		return JoinPath(parent, key)
	}
	return parent + "[" + strconv.Quote(key) + "]"
}

// Index returns the path of an array element: Index("risks", 3) is
// "risks[3]".
func Index(parent string, i int) string {
	return parent + "[" + strconv.Itoa(i) + "]"
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		letter := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_'
		if !letter && (i == 0 || c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// List collects problems for a validator. It keeps the first Max
// problems (ismskit.DefaultMaxProblems when Max is zero) and counts the
// rest. The zero value is ready to use.
type List struct {
	// Max is how many problems the list keeps.
	Max     int
	errs    []error
	omitted int
}

// Add records err at path; a nil err is ignored. Every problem inside a
// joined err counts as one.
func (l *List) Add(path string, err error) { l.add(At(path, err)) }

// AddItem is Add that also names the list element the path passes
// through (see AtItem).
func (l *List) AddItem(path, item string, err error) { l.add(AtItem(path, item, err)) }

func (l *List) add(err error) {
	if err == nil {
		return
	}
	max := l.Max
	if max <= 0 {
		max = ismskit.DefaultMaxProblems
	}
	for _, p := range ismskit.Problems(err) {
		if len(l.errs) < max {
			l.errs = append(l.errs, p)
		} else {
			l.omitted++
		}
	}
}

// Len reports how many problems were added, those beyond Max included.
func (l *List) Len() int { return len(l.errs) + l.omitted }

// Full reports whether the list has reached Max, so that a caller with
// much more to check can stop early.
func (l *List) Full() bool {
	max := l.Max
	if max <= 0 {
		max = ismskit.DefaultMaxProblems
	}
	return len(l.errs) >= max
}

// Err returns every problem kept, joined with errors.Join, and a last
// ismskit.ErrMoreProblems entry that counts the ones beyond Max; nil if
// there are none.
func (l *List) Err() error {
	if l.omitted == 0 {
		return errors.Join(l.errs...)
	}
	more := &Error{Err: Errorf(ismskit.ErrMoreProblems, "and %d more %s", l.omitted, plural(l.omitted, "problem", "problems"))}
	return errors.Join(append(l.errs[:len(l.errs):len(l.errs)], more)...)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Errorf returns an error of a kind: its text is the formatted message
// alone ("7 is outside the scale 1..5") and errors.Is finds kind, a
// package sentinel such as ismskit.ErrOutOfRange. Put it at a path with At or a
// List.
func Errorf(kind error, format string, args ...any) error {
	return &kindError{kind: kind, msg: fmt.Sprintf(format, args...)}
}

type kindError struct {
	kind error
	msg  string
}

func (e *kindError) Error() string { return e.msg }
func (e *kindError) Unwrap() error { return e.kind }

// Paths returns the path of every problem of err (see ismskit.Problems),
// in order. Tests use it to check where the problems are.
func Paths(err error) []string {
	ps := ismskit.Problems(err)
	if ps == nil {
		return nil
	}
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Path
	}
	return out
}

// Flatten returns the problems of err (see ismskit.Problems) as plain
// errors, for tests that range over them.
func Flatten(err error) []error {
	ps := ismskit.Problems(err)
	if ps == nil {
		return nil
	}
	out := make([]error, len(ps))
	for i, p := range ps {
		out[i] = p
	}
	return out
}
