package cvss4

import (
	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// Metric is one of the 32 metrics of a CVSS v4.0 vector: the eleven base
// metrics, the threat metric, the fourteen environmental metrics and the
// six supplemental metrics, in the order of the specification's Table 23
// (section 7), which is also the only order a vector string may give
// them in. The zero value is AttackVector.
type Metric uint8

// The metrics, in the order of a vector string.
const (
	AttackVector                      Metric = iota // AV, base
	AttackComplexity                                // AC, base
	AttackRequirements                              // AT, base
	PrivilegesRequired                              // PR, base
	UserInteraction                                 // UI, base
	VulnerableConfidentiality                       // VC, base
	VulnerableIntegrity                             // VI, base
	VulnerableAvailability                          // VA, base
	SubsequentConfidentiality                       // SC, base
	SubsequentIntegrity                             // SI, base
	SubsequentAvailability                          // SA, base
	ExploitMaturity                                 // E, threat
	ConfidentialityRequirement                      // CR, environmental
	IntegrityRequirement                            // IR, environmental
	AvailabilityRequirement                         // AR, environmental
	ModifiedAttackVector                            // MAV, environmental
	ModifiedAttackComplexity                        // MAC, environmental
	ModifiedAttackRequirements                      // MAT, environmental
	ModifiedPrivilegesRequired                      // MPR, environmental
	ModifiedUserInteraction                         // MUI, environmental
	ModifiedVulnerableConfidentiality               // MVC, environmental
	ModifiedVulnerableIntegrity                     // MVI, environmental
	ModifiedVulnerableAvailability                  // MVA, environmental
	ModifiedSubsequentConfidentiality               // MSC, environmental
	ModifiedSubsequentIntegrity                     // MSI, environmental
	ModifiedSubsequentAvailability                  // MSA, environmental
	Safety                                          // S, supplemental
	Automatable                                     // AU, supplemental
	Recovery                                        // R, supplemental
	ValueDensity                                    // V, supplemental
	VulnerabilityResponseEffort                     // RE, supplemental
	ProviderUrgency                                 // U, supplemental

	numMetrics = iota
	numBase    = int(ExploitMaturity)
)

// Group is a metric group of CVSS v4.0 (specification section 1.1). It
// encodes as its lower-case name ("threat").
type Group uint8

// The metric groups.
const (
	Base Group = iota
	Threat
	Environmental
	Supplemental
)

var groupNames = [...]string{"base", "threat", "environmental", "supplemental"}

// String returns the lower-case name of the group, such as "threat",
// or "" for a value that is not a group.
func (g Group) String() string {
	if g.IsValid() {
		return groupNames[g]
	}
	return ""
}

// IsValid reports whether g is one of the four groups.
func (g Group) IsValid() bool { return int(g) < len(groupNames) }

// ParseGroup returns the group named s ("base", "threat",
// "environmental", "supplemental"); any other text is an
// ismskit.ErrUnknownValue error.
func ParseGroup(s string) (Group, error) {
	for i, n := range groupNames {
		if s == n {
			return Group(i), nil
		}
	}
	return 0, fielderr.Errorf(ismskit.ErrUnknownValue, "unknown metric group %q (want base, threat, environmental or supplemental)", s)
}

// MarshalText implements encoding.TextMarshaler.
func (g Group) MarshalText() ([]byte, error) {
	if !g.IsValid() {
		return nil, fielderr.Errorf(ismskit.ErrUnknownValue, "%d is not a metric group", uint8(g))
	}
	return []byte(groupNames[g]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler with ParseGroup.
func (g *Group) UnmarshalText(text []byte) error {
	if g == nil {
		return fielderr.Errorf(ismskit.ErrMissing, "UnmarshalText into a nil *Group")
	}
	p, err := ParseGroup(string(text))
	if err != nil {
		return err
	}
	*g = p
	return nil
}

// metricInfo describes a metric: its abbreviation, its name, and its
// values. For a base metric, values[0] is its first value; for any
// other metric, values[0] is "X" (Not Defined). A modified base metric
// lists the values of its base metric in the same order after the "X",
// so that index i of the modified metric is index i-1 of the base one
// (MSI and MSA add "S", Safety, last).
type metricInfo struct {
	abbr   string
	name   string
	values []string
}

var metrics = [numMetrics]metricInfo{
	{"AV", "Attack Vector", []string{"N", "A", "L", "P"}},
	{"AC", "Attack Complexity", []string{"L", "H"}},
	{"AT", "Attack Requirements", []string{"N", "P"}},
	{"PR", "Privileges Required", []string{"N", "L", "H"}},
	{"UI", "User Interaction", []string{"N", "P", "A"}},
	{"VC", "Vulnerable System Confidentiality Impact", []string{"H", "L", "N"}},
	{"VI", "Vulnerable System Integrity Impact", []string{"H", "L", "N"}},
	{"VA", "Vulnerable System Availability Impact", []string{"H", "L", "N"}},
	{"SC", "Subsequent System Confidentiality Impact", []string{"H", "L", "N"}},
	{"SI", "Subsequent System Integrity Impact", []string{"H", "L", "N"}},
	{"SA", "Subsequent System Availability Impact", []string{"H", "L", "N"}},
	{"E", "Exploit Maturity", []string{"X", "A", "P", "U"}},
	{"CR", "Confidentiality Requirement", []string{"X", "H", "M", "L"}},
	{"IR", "Integrity Requirement", []string{"X", "H", "M", "L"}},
	{"AR", "Availability Requirement", []string{"X", "H", "M", "L"}},
	{"MAV", "Modified Attack Vector", []string{"X", "N", "A", "L", "P"}},
	{"MAC", "Modified Attack Complexity", []string{"X", "L", "H"}},
	{"MAT", "Modified Attack Requirements", []string{"X", "N", "P"}},
	{"MPR", "Modified Privileges Required", []string{"X", "N", "L", "H"}},
	{"MUI", "Modified User Interaction", []string{"X", "N", "P", "A"}},
	{"MVC", "Modified Vulnerable System Confidentiality", []string{"X", "H", "L", "N"}},
	{"MVI", "Modified Vulnerable System Integrity", []string{"X", "H", "L", "N"}},
	{"MVA", "Modified Vulnerable System Availability", []string{"X", "H", "L", "N"}},
	{"MSC", "Modified Subsequent System Confidentiality", []string{"X", "H", "L", "N"}},
	{"MSI", "Modified Subsequent System Integrity", []string{"X", "H", "L", "N", "S"}},
	{"MSA", "Modified Subsequent System Availability", []string{"X", "H", "L", "N", "S"}},
	{"S", "Safety", []string{"X", "N", "P"}},
	{"AU", "Automatable", []string{"X", "N", "Y"}},
	{"R", "Recovery", []string{"X", "A", "U", "I"}},
	{"V", "Value Density", []string{"X", "D", "C"}},
	{"RE", "Vulnerability Response Effort", []string{"X", "L", "M", "H"}},
	{"U", "Provider Urgency", []string{"X", "Clear", "Green", "Amber", "Red"}},
}

// String returns the metric's abbreviation as written in a vector string,
// such as "AV" or "MSI", or "" for a value that is not a metric.
func (m Metric) String() string {
	if !m.IsValid() {
		return ""
	}
	return metrics[m].abbr
}

// Name returns the metric's name as the specification spells it, such as
// "Attack Requirements".
func (m Metric) Name() string {
	if !m.IsValid() {
		return ""
	}
	return metrics[m].name
}

// IsValid reports whether m is one of the 32 metrics.
func (m Metric) IsValid() bool { return int(m) < numMetrics }

// Group returns the metric group of m.
func (m Metric) Group() Group {
	switch {
	case m < ExploitMaturity:
		return Base
	case m == ExploitMaturity:
		return Threat
	case m < Safety:
		return Environmental
	}
	return Supplemental
}

// Values returns the values a vector string may give the metric, "X"
// (Not Defined) first for every metric but the base ones, which are
// mandatory. The slice is a copy.
func (m Metric) Values() []string {
	if !m.IsValid() {
		return nil
	}
	return append([]string(nil), metrics[m].values...)
}

// lookupMetric returns the metric with abbreviation s, through tables
// indexed by its letters (abbreviations are one to three upper-case
// letters, the three-letter ones starting with M): a few array reads,
// no string comparison.
func lookupMetric(s string) (Metric, bool) {
	var i uint8
	switch len(s) {
	case 1:
		if c := s[0] - 'A'; c < 26 {
			i = metricIndex1[c]
		}
	case 2:
		if c0, c1 := s[0]-'A', s[1]-'A'; c0 < 26 && c1 < 26 {
			i = metricIndex2[int(c0)*26+int(c1)]
		}
	case 3:
		if c1, c2 := s[1]-'A', s[2]-'A'; s[0] == 'M' && c1 < 26 && c2 < 26 {
			i = metricIndex3[int(c1)*26+int(c2)]
		}
	}
	return Metric(i - 1), i != 0
}

// metricIndex1, metricIndex2 and metricIndex3 map the letters of a one-,
// two- or three-letter abbreviation (less 'A'; the two after the M of a
// three-letter one) to its metric plus one; 0 means none. Built once from
// metrics, never modified.
var metricIndex1, metricIndex2, metricIndex3 = func() (t1 [26]uint8, t2, t3 [26 * 26]uint8) {
	for m, info := range metrics {
		a := info.abbr
		switch len(a) {
		case 1:
			t1[a[0]-'A'] = uint8(m + 1)
		case 2:
			t2[int(a[0]-'A')*26+int(a[1]-'A')] = uint8(m + 1)
		case 3:
			t3[int(a[1]-'A')*26+int(a[2]-'A')] = uint8(m + 1)
		}
	}
	return t1, t2, t3
}()

// valueIndex returns the index of value s in metrics[m].values, or -1.
// Every value is one letter but Provider Urgency's words.
func valueIndex(m Metric, s string) int {
	if len(s) == 1 {
		if i := letterIndex[m][s[0]&31]; i != 0 && s[0] >= 'A' && s[0] <= 'Z' {
			return int(i) - 1
		}
		return -1
	}
	if m == ProviderUrgency {
		for i, v := range metrics[m].values {
			if v == s {
				return i
			}
		}
	}
	return -1
}

// letterIndex maps, for each metric, a one-letter value (its letter &
// 31) to its index in metrics[m].values plus one; 0 means none. Computed
// once from metrics, never modified.
var letterIndex = func() (t [numMetrics][32]uint8) {
	for m := range Metric(numMetrics) {
		for i, v := range metrics[m].values {
			if len(v) == 1 {
				t[m][v[0]&31] = uint8(i + 1)
			}
		}
	}
	return t
}()
