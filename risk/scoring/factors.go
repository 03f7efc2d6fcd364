package scoring

import (
	"errors"
	"strconv"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/risk/scoring/cvss"
)

// factorSet describes the factors of a KEY:VALUE/KEY:VALUE vector with
// integer values, such as those of OWASP and DREAD.
type factorSet struct {
	keys   []string // abbreviations in canonical order
	lo, hi int      // inclusive scale
}

// rangeError wraps ErrOutOfRange with the value and the scale.
type rangeError struct{ got, lo, hi int }

func (e *rangeError) Error() string {
	return strconv.Itoa(e.got) + " is outside the scale " + strconv.Itoa(e.lo) + ".." + strconv.Itoa(e.hi)
}

func (e *rangeError) Unwrap() error { return ismskit.ErrOutOfRange }

// detailError wraps a sentinel with the text that caused it.
type detailError struct {
	kind error
	got  string
}

func (e *detailError) Error() string { return e.kind.Error() + " " + quote(e.got) }
func (e *detailError) Unwrap() error { return e.kind }

// quote quotes s for an error message, cut at 40 bytes.
func quote(s string) string {
	if len(s) > 40 {
		return strconv.Quote(s[:40]) + "..."
	}
	return strconv.Quote(s)
}

// parse reads s into vals (indexed like fs.keys) and returns the bit set of
// the factors present and every problem found: malformed components,
// unknown or repeated factors, values that are not integers or are outside
// the scale. It does not check for missing factors. It does not allocate
// on valid input.
func (fs factorSet) parse(s string, vals []int) (present uint32, errs []error) {
	if s == "" {
		return 0, nil
	}
	for i, n := 0, 0; ; n++ {
		end := i
		colon := -1
		for end < len(s) && s[end] != '/' {
			if s[end] == ':' && colon < 0 {
				colon = end
			}
			end++
		}
		if err := fs.set(s[i:end], colon-i, n, vals, &present); err != nil {
			errs = append(errs, err)
		}
		if end == len(s) {
			return present, errs
		}
		i = end + 1
	}
}

func (fs factorSet) set(comp string, colon, n int, vals []int, present *uint32) error {
	if colon <= 0 {
		return &ismskit.Error{Path: fielderr.Index("", n), Err: &detailError{ismskit.ErrSyntax, comp}}
	}
	key, val := comp[:colon], comp[colon+1:]
	k := -1
	for j, name := range fs.keys {
		if name == key {
			k = j
			break
		}
	}
	if k < 0 {
		return &ismskit.Error{Path: fielderr.Key("", key), Err: cvss.ErrUnknownMetric}
	}
	if *present&(1<<k) != 0 {
		return &ismskit.Error{Path: key, Err: cvss.ErrDuplicateMetric}
	}
	*present |= 1 << k
	x, ok := atoi(val)
	if !ok {
		return &ismskit.Error{Path: key, Err: &detailError{ismskit.ErrUnknownValue, val}}
	}
	if x < fs.lo || x > fs.hi {
		return &ismskit.Error{Path: key, Err: &rangeError{x, fs.lo, fs.hi}}
	}
	vals[k] = x
	return nil
}

// atoi parses a decimal integer of at most 6 digits with an optional minus
// sign; it accepts nothing else (no plus sign, no spaces).
func atoi(s string) (int, bool) {
	neg := false
	if len(s) > 0 && s[0] == '-' {
		neg, s = true, s[1:]
	}
	if len(s) == 0 || len(s) > 6 {
		return 0, false
	}
	x := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		x = x*10 + int(c-'0')
	}
	if neg {
		x = -x
	}
	return x, true
}

// missing appends an ErrMissingMetric error for each factor in [from, to)
// that is absent from present.
func (fs factorSet) missing(errs []error, present uint32, from, to int) []error {
	for k := from; k < to; k++ {
		if present&(1<<k) == 0 {
			errs = append(errs, &ismskit.Error{Path: fs.keys[k], Err: cvss.ErrMissingMetric})
		}
	}
	return errs
}

// has reports whether every factor in [from, to) is present, and whether
// any is.
func has(present uint32, from, to int) (all, any bool) {
	mask := uint32(1<<to - 1<<from)
	return present&mask == mask, present&mask != 0
}

// appendFactors appends the canonical vector of the present factors.
func (fs factorSet) appendFactors(b []byte, vals []int, present uint32) []byte {
	first := true
	for k, key := range fs.keys {
		if present&(1<<k) == 0 {
			continue
		}
		if !first {
			b = append(b, '/')
		}
		first = false
		b = append(b, key...)
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(vals[k]), 10)
	}
	return b
}

func joinErrs(errs []error) error { return errors.Join(errs...) }
