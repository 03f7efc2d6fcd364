package cvss3

// Metric is one of the 22 metrics of a CVSS v3 vector: the eight base
// metrics, the three temporal metrics and the eleven environmental metrics,
// in the order of the specification's vector string table. The zero value
// is AttackVector.
type Metric uint8

// The metrics, in the canonical order of a vector string (specification
// section 6, "Vector String").
const (
	AttackVector               Metric = iota // AV, base
	AttackComplexity                         // AC, base
	PrivilegesRequired                       // PR, base
	UserInteraction                          // UI, base
	Scope                                    // S, base
	Confidentiality                          // C, base
	Integrity                                // I, base
	Availability                             // A, base
	ExploitCodeMaturity                      // E, temporal
	RemediationLevel                         // RL, temporal
	ReportConfidence                         // RC, temporal
	ConfidentialityRequirement               // CR, environmental
	IntegrityRequirement                     // IR, environmental
	AvailabilityRequirement                  // AR, environmental
	ModifiedAttackVector                     // MAV, environmental
	ModifiedAttackComplexity                 // MAC, environmental
	ModifiedPrivilegesRequired               // MPR, environmental
	ModifiedUserInteraction                  // MUI, environmental
	ModifiedScope                            // MS, environmental
	ModifiedConfidentiality                  // MC, environmental
	ModifiedIntegrity                        // MI, environmental
	ModifiedAvailability                     // MA, environmental

	numMetrics = iota
	numBase    = int(ExploitCodeMaturity)
)

// metricInfo describes a metric: its abbreviation in a vector string, its
// name, and its values as single letters. Position 0 of values is 'X' (Not
// Defined) for every metric; base metrics reject it.
type metricInfo struct {
	abbr   string
	name   string
	values string
}

var metrics = [numMetrics]metricInfo{
	{"AV", "Attack Vector", "XNALP"},
	{"AC", "Attack Complexity", "XLH"},
	{"PR", "Privileges Required", "XNLH"},
	{"UI", "User Interaction", "XNR"},
	{"S", "Scope", "XUC"},
	{"C", "Confidentiality", "XHLN"},
	{"I", "Integrity", "XHLN"},
	{"A", "Availability", "XHLN"},
	{"E", "Exploit Code Maturity", "XUPFH"},
	{"RL", "Remediation Level", "XOTWU"},
	{"RC", "Report Confidence", "XURC"},
	{"CR", "Confidentiality Requirement", "XLMH"},
	{"IR", "Integrity Requirement", "XLMH"},
	{"AR", "Availability Requirement", "XLMH"},
	{"MAV", "Modified Attack Vector", "XNALP"},
	{"MAC", "Modified Attack Complexity", "XLH"},
	{"MPR", "Modified Privileges Required", "XNLH"},
	{"MUI", "Modified User Interaction", "XNR"},
	{"MS", "Modified Scope", "XUC"},
	{"MC", "Modified Confidentiality", "XHLN"},
	{"MI", "Modified Integrity", "XHLN"},
	{"MA", "Modified Availability", "XHLN"},
}

// String returns the metric's abbreviation as written in a vector string,
// such as "AV" or "MPR", or "" for a value that is not a metric.
func (m Metric) String() string {
	if int(m) >= numMetrics {
		return ""
	}
	return metrics[m].abbr
}

// Name returns the metric's name as the specification spells it, such as
// "Attack Vector".
func (m Metric) Name() string {
	if int(m) >= numMetrics {
		return ""
	}
	return metrics[m].name
}

// IsBase reports whether m is one of the eight base metrics, which every
// vector must carry.
func (m Metric) IsBase() bool { return int(m) < numBase }

// IsValid reports whether m is one of the 22 metrics.
func (m Metric) IsValid() bool { return int(m) < numMetrics }

// Values returns the letters a vector string may give the metric, in the
// order of the specification's tables, "X" (Not Defined) first for the
// temporal and environmental metrics.
func (m Metric) Values() []string {
	if int(m) >= numMetrics {
		return nil
	}
	v := metrics[m].values
	if m.IsBase() {
		v = v[1:]
	}
	out := make([]string, len(v))
	for i := range v {
		out[i] = v[i : i+1]
	}
	return out
}

// lookupMetric returns the metric with abbreviation s. A switch on the
// string compiles to a few comparisons and never allocates.
func lookupMetric(s string) (Metric, bool) {
	switch s {
	case "AV":
		return AttackVector, true
	case "AC":
		return AttackComplexity, true
	case "PR":
		return PrivilegesRequired, true
	case "UI":
		return UserInteraction, true
	case "S":
		return Scope, true
	case "C":
		return Confidentiality, true
	case "I":
		return Integrity, true
	case "A":
		return Availability, true
	case "E":
		return ExploitCodeMaturity, true
	case "RL":
		return RemediationLevel, true
	case "RC":
		return ReportConfidence, true
	case "CR":
		return ConfidentialityRequirement, true
	case "IR":
		return IntegrityRequirement, true
	case "AR":
		return AvailabilityRequirement, true
	case "MAV":
		return ModifiedAttackVector, true
	case "MAC":
		return ModifiedAttackComplexity, true
	case "MPR":
		return ModifiedPrivilegesRequired, true
	case "MUI":
		return ModifiedUserInteraction, true
	case "MS":
		return ModifiedScope, true
	case "MC":
		return ModifiedConfidentiality, true
	case "MI":
		return ModifiedIntegrity, true
	case "MA":
		return ModifiedAvailability, true
	}
	return 0, false
}
