package cvss2

import (
	"iter"
	"strings"

	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/risk/scoring/internal/vecerr"
)

const prefix = "CVSS:2.0/"

// maxLen is the length of the longest valid vector: the "CVSS:2.0/"
// prefix and every metric once with its longest value. A longer string
// is rejected before it is parsed.
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

// Vector is a parsed CVSS v2.0 vector: a value for each of the 14
// metrics (base metrics always set; temporal and environmental metrics
// possibly Not Defined).
//
// Vector is a small comparable value: two vectors are == when they have
// the same metric values, whatever the form of the strings they were
// parsed from (with or without parentheses or prefix, with or without
// explicit "ND" values). The zero value is not a valid vector (IsValid
// reports false; its scores are 0). A Vector is immutable and safe for
// concurrent use.
type Vector struct {
	valid  bool
	values [numMetrics]uint8 // index into metrics[m].values
}

// Parse parses a CVSS v2.0 vector such as "AV:N/AC:L/Au:N/C:P/I:P/A:P".
//
// Three forms are accepted: the bare vector of the guide (section 2.4)
// and of NVD's data feeds, the same in parentheses as NVD displays it
// ("(AV:N/AC:L/Au:N/C:P/I:P/A:P)"), and the same after a "CVSS:2.0/"
// prefix, as some tools write it. METRIC:VALUE components are separated
// by "/" and come in the guide's order (the order of the Metric
// constants): the six base metrics, mandatory, then the temporal
// metrics E, RL, RC and the environmental metrics CDP, TD, CR, IR, AR,
// each optional; "ND" (Not Defined) is the same as leaving one out.
// Abbreviations and values are case-sensitive ("Au", "POC").
//
// Every problem is reported, joined, each as an *ismskit.Error whose
// Path names the metric or the position of a malformed component, with
// the kinds of package cvss and package ismskit as for CVSS v3 and v4
// (cvss.ErrMetricOrder for a metric out of order), bounded to the first
// ismskit.DefaultMaxProblems. A "CVSS:" prefix of another version is
// cvss.ErrPrefix, unbalanced parentheses ismskit.ErrSyntax, and a string
// longer than the longest valid vector (84 bytes) is rejected at once
// with ismskit.ErrTooLarge. Parse does not allocate on valid input.
func Parse(s string) (Vector, error) {
	if len(s) > maxLen {
		return Vector{}, vecerr.TooLong(len(s), maxLen)
	}
	body := s
	switch {
	case strings.HasPrefix(s, prefix):
		body = s[len(prefix):]
	case strings.HasPrefix(s, "CVSS:"):
		got := s
		if i := strings.IndexByte(s, '/'); i >= 0 {
			got = s[:i+1]
		}
		return Vector{}, vecerr.Prefix(prefix+" or no prefix", got)
	case strings.HasPrefix(s, "(") || strings.HasSuffix(s, ")"):
		if len(s) < 2 || s[0] != '(' || s[len(s)-1] != ')' {
			var probs vecerr.Problems
			probs.Parentheses(s)
			return Vector{}, probs.Err()
		}
		body = s[1 : len(s)-1]
	}
	v := Vector{valid: true}
	var seen uint16
	next := Metric(0)
	bad := false
	var probs vecerr.Problems
	for i, n := 0, 0; ; n++ {
		end := i
		colon := -1
		for end < len(body) && body[end] != '/' {
			if body[end] == ':' && colon < 0 {
				colon = end
			}
			end++
		}
		if !v.set(body, i, colon, end, &next, &seen) {
			bad = true
			problem(body[i:end], colon-i, n, next, &seen, &probs)
		}
		if end == len(body) {
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

// set parses the component s[i:end] whose first colon is at colon (-1
// for none) and records it, if it is well-formed, a known metric not
// seen before, in order, with a value the metric allows.
func (v *Vector) set(s string, i, colon, end int, next *Metric, seen *uint16) bool {
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
// that it is not reported missing as well.
func problem(comp string, colon, n int, next Metric, seen *uint16, probs *vecerr.Problems) {
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
		panic("cvss2.MustParse(" + vecerr.Quote(s) + "): " + err.Error())
	}
	return v
}

// IsValid reports whether v was parsed from a vector; the zero Vector is
// not valid.
func (v Vector) IsValid() bool { return v.valid }

// Version returns "2.0", or "" for the zero Vector.
func (v Vector) Version() string {
	if !v.valid {
		return ""
	}
	return "2.0"
}

// Get returns the value of metric m, such as "N" for AccessVector in
// "AV:N", or "ND" for a temporal or environmental metric that is Not
// Defined. It returns "" for the zero Vector or an invalid metric.
func (v Vector) Get(m Metric) string {
	if !v.valid || !m.IsValid() {
		return ""
	}
	return metrics[m].values[v.values[m]]
}

// Defined reports whether metric m has a value other than Not Defined.
// Base metrics of a valid vector are always defined.
func (v Vector) Defined(m Metric) bool {
	return v.valid && m.IsValid() && (m.IsBase() || v.values[m] != 0)
}

// HasTemporal reports whether any temporal metric is defined.
func (v Vector) HasTemporal() bool {
	return v.values[Exploitability]|v.values[RemediationLevel]|v.values[ReportConfidence] != 0
}

// HasEnvironmental reports whether any environmental metric is defined.
func (v Vector) HasEnvironmental() bool {
	for m := CollateralDamagePotential; m < numMetrics; m++ {
		if v.values[m] != 0 {
			return true
		}
	}
	return false
}

// Metrics returns the metrics of the canonical vector (see String) with
// their values, in order:
//
//	for m, value := range v.Metrics() { ... }
func (v Vector) Metrics() iter.Seq2[Metric, string] {
	return func(yield func(Metric, string) bool) {
		if !v.valid {
			return
		}
		t, e := v.HasTemporal(), v.HasEnvironmental()
		for m := range Metric(numMetrics) {
			if m >= Exploitability && m < CollateralDamagePotential && !t || m >= CollateralDamagePotential && !e {
				continue
			}
			if !yield(m, v.Get(m)) {
				return
			}
		}
	}
}

// String returns the canonical vector in NVD's bare form: the base
// metrics, then the three temporal metrics if any is defined and the
// five environmental metrics if any is defined, each group whole as the
// guide writes it, "ND" for the metrics of a group that are Not Defined.
// Parse(v.String()) == v. The zero Vector gives "".
func (v Vector) String() string {
	var buf [96]byte
	return string(v.AppendTo(buf[:0]))
}

// AppendTo appends the canonical vector of v to b and returns the
// extended buffer.
func (v Vector) AppendTo(b []byte) []byte {
	first := true
	for m, val := range v.Metrics() {
		if !first {
			b = append(b, '/')
		}
		first = false
		b = append(b, metrics[m].abbr...)
		b = append(b, ':')
		b = append(b, val...)
	}
	return b
}

// MarshalText implements encoding.TextMarshaler with the canonical
// vector. The zero Vector marshals as empty text.
func (v Vector) MarshalText() ([]byte, error) {
	return v.AppendTo(nil), nil
}

// UnmarshalText implements encoding.TextUnmarshaler with Parse. Empty
// text gives the zero Vector.
func (v *Vector) UnmarshalText(text []byte) error {
	if v == nil {
		return fielderr.NilTarget("cvss2.Vector")
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
