// Package fielderr is the error that ismskit's decoders and validators
// return for a problem at a place in a document: a path such as
// "risks[3].likelihood" and the error that says what is wrong there.
//
// Public packages expose the type under their own name as an alias
// (risk.FieldError, iso27002.FieldError, ...), so a user writes
//
//	var fe *risk.FieldError
//	if errors.As(err, &fe) { fmt.Println(fe.Path) }
//
// The wrapped error is usually a package sentinel, so errors.Is works
// through the path. Validators collect every problem in a List and return
// them joined (errors.Join), so one call reports them all.
//
// Everything here is safe for concurrent use.
package fielderr

import (
	"errors"
	"fmt"
	"strconv"
)

// Error is a problem at a path in a document. Path uses dots for object
// keys and brackets for indexes ("risks[3].likelihood"); keys that are not
// plain identifiers are quoted in brackets (`controls["5.1"].text`). An
// empty path means the document as a whole.
type Error struct {
	Path string
	Err  error
}

// Error returns "path: err", or err's text alone when Path is empty.
func (e *Error) Error() string {
	msg := "<nil>"
	if e.Err != nil {
		msg = e.Err.Error()
	}
	if e.Path == "" {
		return msg
	}
	return e.Path + ": " + msg
}

// Unwrap returns the wrapped error.
func (e *Error) Unwrap() error { return e.Err }

// At returns err placed at path, or nil if err is nil. It is Prefix under
// the name that reads better where a problem is first found.
func At(path string, err error) error { return Prefix(path, err) }

// Prefix re-roots err under prefix: every *Error inside a joined error gets
// prefix put before its path, and any other error is placed at prefix.
// Prefix("risks[3]", &Error{Path: "likelihood"}) has the path
// "risks[3].likelihood". Every non-nil result is an *Error or a joined list
// of them, even for an empty prefix. It returns nil for a nil err.
func Prefix(prefix string, err error) error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		inner := j.Unwrap()
		out := make([]error, 0, len(inner))
		for _, e := range inner {
			if e = Prefix(prefix, e); e != nil {
				out = append(out, e)
			}
		}
		return errors.Join(out...)
	}
	if fe, ok := err.(*Error); ok {
		return &Error{Path: JoinPath(prefix, fe.Path), Err: fe.Err}
	}
	return &Error{Path: prefix, Err: err}
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

// List collects problems for a validator. The zero value is ready to use.
type List struct {
	errs []error
}

// Add records err at path; a nil err is ignored.
func (l *List) Add(path string, err error) {
	if err = At(path, err); err != nil {
		l.errs = append(l.errs, err)
	}
}

// Len reports how many problems were added (a joined error counts once).
func (l *List) Len() int { return len(l.errs) }

// Err returns every problem joined with errors.Join, or nil if there are
// none.
func (l *List) Err() error { return errors.Join(l.errs...) }

// Errorf returns an error of a kind: its text is the formatted message
// alone ("7 is outside the scale 1..5") and errors.Is finds kind, a
// package sentinel such as ErrOutOfScale. Put it at a path with At or a
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

// Flatten returns the leaves of err: the errors inside joined errors,
// recursively, in order. It returns nil for a nil err.
func Flatten(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, Flatten(e)...)
		}
		return out
	}
	return []error{err}
}

// Paths returns the path of every leaf of err (see Flatten), in order; a
// leaf that carries no *Error gives "". Tests use it to check where the
// problems are.
func Paths(err error) []string {
	leaves := Flatten(err)
	out := make([]string, len(leaves))
	for i, e := range leaves {
		var fe *Error
		if errors.As(e, &fe) {
			out[i] = fe.Path
		}
	}
	return out
}
