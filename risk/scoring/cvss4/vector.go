package cvss4

import (
	"iter"
	"strings"

	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/risk/scoring/internal/vecerr"
)

const prefix = "CVSS:4.0/"

// maxLen is the length of the longest valid vector: the prefix and every
// metric once with its longest value ("U:Clear"). A longer string is
// rejected before it is parsed.
var maxLen = func() int {
	n := len(prefix) - 1
	for _, m := range metrics {
		longest := 0
		for _, v := range m.values {
			longest = max(longest, len(v))
		}
		n += 1 + len(m.abbr) + 1 + longest
	}
	return n
}()

// Vector is a parsed CVSS v4.0 vector: a value for each of the 32
// metrics (base metrics always set; threat, environmental and
// supplemental metrics possibly Not Defined).
//
// Vector is a small comparable value: two vectors are == when they have
// the same metric values, whether or not the strings they were parsed
// from spelled out "X" values. The zero value is not a valid vector
// (IsValid reports false; it scores 0). A Vector is immutable and safe
// for concurrent use.
type Vector struct {
	valid  bool
	values [numMetrics]uint8 // index into metrics[m].values
}

// Parse parses a CVSS v4.0 vector string such as
// "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"
// (specification section 7).
//
// The string starts with "CVSS:4.0/", followed by METRIC:VALUE
// components separated by "/", in the order of the specification's
// Table 23 (the order of the Metric constants), the only order the
// specification allows. The eleven base metrics are mandatory; the
// threat, environmental and supplemental metrics are optional, and "X"
// (Not Defined) is the same as leaving one out. Abbreviations and values
// are case-sensitive.
//
// Every problem is reported, joined with errors.Join, each as an
// *ismskit.Error whose Path names the metric ("AV") or the position of a
// malformed component ("[3]"): an unknown metric (cvss.ErrUnknownMetric),
// a value the metric does not allow (ismskit.ErrUnknownValue), a metric
// given twice (cvss.ErrDuplicateMetric), a metric out of order
// (cvss.ErrMetricOrder), a component that is not METRIC:VALUE
// (ismskit.ErrSyntax), each missing base metric (cvss.ErrMissingMetric).
// At most ismskit.DefaultMaxProblems are kept, then one
// ismskit.ErrMoreProblems entry counts the rest. A wrong prefix is
// reported alone (cvss.ErrPrefix), and a string longer than the longest
// valid vector (178 bytes) is rejected at once (ismskit.ErrTooLarge).
// Parse does not allocate on valid input.
func Parse(s string) (Vector, error) {
	if len(s) > maxLen {
		return Vector{}, vecerr.TooLong(len(s), maxLen)
	}
	if !strings.HasPrefix(s, prefix) {
		got := s
		if i := strings.IndexByte(s, '/'); i >= 0 {
			got = s[:i+1]
		}
		return Vector{}, vecerr.Prefix(prefix, got)
	}
	if v, ok := parseValid(s); ok {
		return v, nil
	}
	return parseAll(s)
}

// parseAll parses the components of s, which starts with the prefix, and
// reports every problem.
func parseAll(s string) (Vector, error) {
	v := Vector{valid: true}
	var seen uint32
	next := Metric(0) // the first metric the order still allows
	bad := false
	var probs vecerr.Problems
	for i, n := len(prefix), 0; ; n++ {
		end := i
		colon := -1
		for end < len(s) && s[end] != '/' {
			if s[end] == ':' && colon < 0 {
				colon = end
			}
			end++
		}
		if ok := v.set(s, i, colon, end, &next, &seen); !ok {
			bad = true
			problem(s[i:end], colon-i, n, next, &seen, &probs)
		}
		if end == len(s) {
			break
		}
		i = end + 1
	}
	for m := range Metric(numBase) {
		if seen&(1<<m) == 0 {
			bad = true
			probs.Missing(m.String())
		}
	}
	if bad {
		return Vector{}, probs.Err()
	}
	return v, nil
}

// baseMask has a bit for each base metric.
const baseMask = 1<<numBase - 1

// parseValid is the fast path of Parse for a vector without problems:
// it reads each component as an abbreviation of one to three letters, a
// colon and a value (one letter, or a longer value up to the next
// slash), and accepts it only if its metric comes after the previous one
// and has that value. It reports false on anything else, and Parse then
// parses s again to report every problem. After the prefix, s[i:] holds
// the components; metrics in strictly increasing order cannot repeat.
func parseValid(s string) (Vector, bool) {
	v := Vector{valid: true}
	var seen uint32
	next := Metric(0)
	n := len(s)
	for i := len(prefix); ; {
		var colon int
		switch {
		case i+1 < n && s[i+1] == ':':
			colon = i + 1
		case i+2 < n && s[i+2] == ':':
			colon = i + 2
		case i+3 < n && s[i+3] == ':':
			colon = i + 3
		default:
			return Vector{}, false
		}
		m, ok := lookupMetric(s[i:colon])
		if !ok || m < next {
			return Vector{}, false
		}
		j, end := colon+1, colon+2
		for end < n && s[end] != '/' {
			end++
		}
		if end > n {
			return Vector{}, false
		}
		idx := valueIndex(m, s[j:end])
		if idx < 0 {
			return Vector{}, false
		}
		v.values[m] = uint8(idx)
		seen |= 1 << m
		next = m + 1
		if end == n {
			break
		}
		i = end + 1
	}
	if seen&baseMask != baseMask {
		return Vector{}, false
	}
	return v, true
}

// set parses the component s[i:end] whose first colon is at colon (-1
// for none) and records it, if it is well-formed, a known metric not
// seen before, in order, with a value the metric allows.
func (v *Vector) set(s string, i, colon, end int, next *Metric, seen *uint32) bool {
	if colon <= i {
		return false
	}
	m, ok := lookupMetric(s[i:colon])
	if !ok || m < *next || *seen&(1<<m) != 0 {
		return false
	}
	idx := valueIndex(m, s[colon+1:end])
	if idx < 0 {
		return false
	}
	*seen |= 1 << m
	*next = m + 1
	v.values[m] = uint8(idx)
	return true
}

// problem records why set refused component number n, comp, whose first
// colon is at colon (-1 for none). A known metric counts as seen, so
// that it is not reported missing as well. It runs only on the error
// path.
func problem(comp string, colon, n int, next Metric, seen *uint32, probs *vecerr.Problems) {
	if colon <= 0 {
		probs.Syntax(n, comp)
		return
	}
	key, val := comp[:colon], comp[colon+1:]
	m, ok := lookupMetric(key)
	switch {
	case !ok:
		probs.UnknownMetric(key)
	case *seen&(1<<m) != 0:
		probs.Duplicate(key)
	case m < next:
		probs.Order(key, (next - 1).String())
	default:
		probs.Value(key, val, m.Values())
	}
	if ok {
		*seen |= 1 << m
	}
}

// MustParse is like Parse but panics on error. It is intended for tests
// and hard-coded vectors only.
func MustParse(s string) Vector {
	v, err := Parse(s)
	if err != nil {
		panic("cvss4.MustParse(" + vecerr.Quote(s) + "): " + err.Error())
	}
	return v
}

// IsValid reports whether v was parsed from a vector string; the zero
// Vector is not valid.
func (v Vector) IsValid() bool { return v.valid }

// Version returns "4.0", or "" for the zero Vector.
func (v Vector) Version() string {
	if !v.valid {
		return ""
	}
	return "4.0"
}

// Get returns the value of metric m, such as "N" for AttackVector in
// "AV:N", or "X" for a metric that is Not Defined. It returns "" for the
// zero Vector or an invalid metric.
func (v Vector) Get(m Metric) string {
	if !v.valid || !m.IsValid() {
		return ""
	}
	return metrics[m].values[v.values[m]]
}

// Defined reports whether metric m has a value other than Not Defined.
// Base metrics of a valid vector are always defined.
func (v Vector) Defined(m Metric) bool {
	return v.valid && m.IsValid() && (m.Group() == Base || v.values[m] != 0)
}

// Metrics returns the metrics the canonical vector string carries (the
// base metrics and every other metric that is defined), with their
// values, in canonical order:
//
//	for m, value := range v.Metrics() { ... }
func (v Vector) Metrics() iter.Seq2[Metric, string] {
	return func(yield func(Metric, string) bool) {
		for m := range Metric(numMetrics) {
			if v.Defined(m) && !yield(m, v.Get(m)) {
				return
			}
		}
	}
}

// HasThreat reports whether the threat metric (Exploit Maturity) is
// defined.
func (v Vector) HasThreat() bool { return v.values[ExploitMaturity] != 0 }

// HasEnvironmental reports whether any environmental metric is defined.
func (v Vector) HasEnvironmental() bool {
	for m := ConfidentialityRequirement; m < Safety; m++ {
		if v.values[m] != 0 {
			return true
		}
	}
	return false
}

// String returns the canonical vector string: the prefix, the base
// metrics, then the defined threat, environmental and supplemental
// metrics, in the specification's order, without "X" values.
// Parse(v.String()) == v. The zero Vector gives "".
func (v Vector) String() string {
	var buf [maxVectorBuf]byte
	return string(v.AppendTo(buf[:0]))
}

const maxVectorBuf = 192

// AppendTo appends the canonical vector string of v to b and returns the
// extended buffer.
func (v Vector) AppendTo(b []byte) []byte {
	if !v.valid {
		return b
	}
	b = append(b, prefix[:len(prefix)-1]...)
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

// UnmarshalText implements encoding.TextUnmarshaler with Parse. Empty
// text gives the zero Vector.
func (v *Vector) UnmarshalText(text []byte) error {
	if v == nil {
		return fielderr.NilTarget("cvss4.Vector")
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
