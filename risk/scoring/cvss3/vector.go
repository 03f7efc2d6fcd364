package cvss3

import (
	"iter"
	"strings"

	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/risk/scoring/internal/vecerr"
)

const (
	version30 = 1 + iota
	version31
)

const prefixLen = len("CVSS:3.1/")

// Vector is a parsed CVSS v3.0 or v3.1 vector: the version of its prefix and
// a value for each of the 22 metrics (base metrics always set; temporal and
// environmental metrics possibly Not Defined).
//
// Vector is a small comparable value: two vectors are == when they have the
// same version and the same metric values, whatever the order or the
// explicit "X" values of the strings they were parsed from. The zero value
// is not a valid vector (IsValid reports false; its scores are 0).
// A Vector is immutable and safe for concurrent use.
type Vector struct {
	version uint8
	values  [numMetrics]uint8 // index into metrics[m].values; 0 = Not Defined
}

// Parse parses a CVSS v3.1 vector string such as
// "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H".
//
// The string starts with "CVSS:3.1/" or "CVSS:3.0/" (the two versions have
// the same metrics and values; the version is kept and selects the
// formulas, see [Vector.Base]), followed by METRIC:VALUE components
// separated by "/". The eight base metrics are mandatory; the temporal and
// environmental metrics are optional, and "X" (Not Defined) is the same as
// leaving one out. Metrics may come in any order. Abbreviations and values
// are case-sensitive, as in the specification.
//
// Every problem is reported, joined with errors.Join, each as an
// *ismskit.Error whose Path names the metric ("AV") or the position of a
// malformed component ("[8]"): an unknown metric (cvss.ErrUnknownMetric),
// a value the metric does not allow (ismskit.ErrUnknownValue), a metric
// given twice (cvss.ErrDuplicateMetric), a component that is not
// METRIC:VALUE (ismskit.ErrSyntax), each missing base metric
// (cvss.ErrMissingMetric). At most ismskit.DefaultMaxProblems problems
// are kept, then one ismskit.ErrMoreProblems entry counts the rest. A
// wrong prefix is reported alone (cvss.ErrPrefix), and a string longer
// than the longest valid vector (117 bytes) is rejected at once
// (ismskit.ErrTooLarge). Parse never allocates on valid input.
func Parse(s string) (Vector, error) {
	var v Vector
	if len(s) > maxLen {
		return Vector{}, vecerr.TooLong(len(s), maxLen)
	}
	switch {
	case strings.HasPrefix(s, "CVSS:3.1/"):
		v.version = version31
	case strings.HasPrefix(s, "CVSS:3.0/"):
		v.version = version30
	default:
		got := s
		if i := strings.IndexByte(s, '/'); i >= 0 {
			got = s[:i+1]
		}
		return Vector{}, vecerr.Prefix("CVSS:3.1/ or CVSS:3.0/", got)
	}
	var probs vecerr.Problems
	var seen uint32
	// One pass over the bytes. The common component METRIC:V (one-letter
	// value) takes a fast path with two table look-ups; anything else goes
	// through set, which reports the problem.
	for i, n := prefixLen, 0; ; n++ {
		j := i
		for j < len(s) && s[j] != ':' && s[j] != '/' {
			j++
		}
		if j > i && j+1 < len(s) && s[j] == ':' && (j+2 == len(s) || s[j+2] == '/') {
			if m, ok := lookupMetric(s[i:j]); ok && seen&(1<<m) == 0 {
				if c := s[j+1] - 'A'; c < 26 && valueIndex[m][c] > 0 {
					seen |= 1 << m
					v.values[m] = valueIndex[m][c] - 1
					if j+2 == len(s) {
						break
					}
					i = j + 3
					continue
				}
			}
		}
		end := j
		for end < len(s) && s[end] != '/' {
			end++
		}
		colon := -1
		if j < end {
			colon = j - i
		}
		v.set(s[i:end], colon, n, &seen, &probs)
		if end == len(s) {
			break
		}
		i = end + 1
	}
	for m := range Metric(numBase) {
		if seen&(1<<m) == 0 {
			probs.Missing(m.String())
		}
	}
	if err := probs.Err(); err != nil {
		return Vector{}, err
	}
	return v, nil
}

// valueIndex maps, for each metric, a value letter minus 'A' to its index
// in metrics[m].values plus one; 0 means the letter is not a value of the
// metric (and 'X' is not one for a base metric). Computed once from
// metrics, never modified.
var valueIndex = func() (t [numMetrics][26]uint8) {
	for m := range Metric(numMetrics) {
		for i := 0; i < len(metrics[m].values); i++ {
			if i == 0 && m.IsBase() {
				continue
			}
			t[m][metrics[m].values[i]-'A'] = uint8(i + 1)
		}
	}
	return t
}()

// set parses component number n, whose first colon is at index colon (-1
// for none), records its metric in seen and its problem, if any, in
// probs.
func (v *Vector) set(comp string, colon, n int, seen *uint32, probs *vecerr.Problems) {
	if colon <= 0 {
		probs.Syntax(n, comp)
		return
	}
	key, val := comp[:colon], comp[colon+1:]
	m, ok := lookupMetric(key)
	if !ok {
		probs.UnknownMetric(key)
		return
	}
	if *seen&(1<<m) != 0 {
		probs.Duplicate(key)
		return
	}
	*seen |= 1 << m
	letters := metrics[m].values
	idx := -1
	if len(val) == 1 {
		for j := 0; j < len(letters); j++ {
			if letters[j] == val[0] {
				idx = j
				break
			}
		}
	}
	if idx < 0 || idx == 0 && m.IsBase() {
		probs.Value(key, val, m.Values())
		return
	}
	v.values[m] = uint8(idx)
}

// MustParse is like Parse but panics on error. It is intended for tests and
// hard-coded vectors only.
func MustParse(s string) Vector {
	v, err := Parse(s)
	if err != nil {
		panic("cvss3.MustParse(" + vecerr.Quote(s) + "): " + err.Error())
	}
	return v
}

// IsValid reports whether v was parsed from a vector string; the zero
// Vector is not valid.
func (v Vector) IsValid() bool { return v.version != 0 }

// Version returns "3.1" or "3.0" as given by the vector's prefix, or "" for
// the zero Vector.
func (v Vector) Version() string {
	switch v.version {
	case version30:
		return "3.0"
	case version31:
		return "3.1"
	}
	return ""
}

// Get returns the value letter of metric m, such as "N" for AttackVector in
// "AV:N", or "X" for a temporal or environmental metric that is Not Defined.
// It returns "" for the zero Vector or an invalid metric.
func (v Vector) Get(m Metric) string {
	if !v.IsValid() || !m.IsValid() {
		return ""
	}
	i := v.values[m]
	return metrics[m].values[i : i+1]
}

// Defined reports whether metric m has a value other than Not Defined. Base
// metrics of a valid vector are always defined.
func (v Vector) Defined(m Metric) bool {
	return v.IsValid() && m.IsValid() && v.values[m] != 0
}

// Metrics returns the metrics the canonical vector string carries (the base
// metrics and every temporal or environmental metric that is defined), with
// their value letters, in canonical order:
//
//	for m, value := range v.Metrics() { ... }
func (v Vector) Metrics() iter.Seq2[Metric, string] {
	return func(yield func(Metric, string) bool) {
		if !v.IsValid() {
			return
		}
		for m := range Metric(numMetrics) {
			if v.values[m] != 0 && !yield(m, v.Get(m)) {
				return
			}
		}
	}
}

// HasTemporal reports whether any temporal metric is defined.
func (v Vector) HasTemporal() bool {
	return v.values[ExploitCodeMaturity]|v.values[RemediationLevel]|v.values[ReportConfidence] != 0
}

// HasEnvironmental reports whether any environmental metric is defined.
func (v Vector) HasEnvironmental() bool {
	for m := ConfidentialityRequirement; m < numMetrics; m++ {
		if v.values[m] != 0 {
			return true
		}
	}
	return false
}

// String returns the canonical vector string: the prefix of v's version,
// the base metrics, then the defined temporal and environmental metrics, in
// the specification's order, without "X" values. Parse(v.String()) == v.
// The zero Vector gives "".
func (v Vector) String() string {
	var buf [128]byte
	return string(v.AppendTo(buf[:0]))
}

// AppendTo appends the canonical vector string of v to b and returns the
// extended buffer.
func (v Vector) AppendTo(b []byte) []byte {
	if !v.IsValid() {
		return b
	}
	b = append(b, "CVSS:"...)
	b = append(b, v.Version()...)
	for m, val := range v.Metrics() {
		b = append(b, '/')
		b = append(b, metrics[m].abbr...)
		b = append(b, ':')
		b = append(b, val...)
	}
	return b
}

// MarshalText implements encoding.TextMarshaler with the canonical vector
// string. The zero Vector marshals as empty text.
func (v Vector) MarshalText() ([]byte, error) {
	return v.AppendTo(nil), nil
}

// UnmarshalText implements encoding.TextUnmarshaler with Parse. Empty text
// gives the zero Vector.
func (v *Vector) UnmarshalText(text []byte) error {
	if v == nil {
		return fielderr.NilTarget("cvss3.Vector")
	}
	if len(text) == 0 {
		*v = Vector{}
		return nil
	}
	p, err := Parse(string(text))
	if err != nil {
		return err
	}
	*v = p
	return nil
}
