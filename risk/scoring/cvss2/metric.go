package cvss2

// Metric is one of the 14 metrics of a CVSS v2.0 vector: the six base
// metrics, the three temporal metrics and the five environmental
// metrics, in the order of the vector (guide section 2.4, Table 13),
// which is the only order a vector may give them in. The zero value is
// AccessVector.
type Metric uint8

// The metrics, in the order of a vector.
const (
	AccessVector               Metric = iota // AV, base
	AccessComplexity                         // AC, base
	Authentication                           // Au, base
	ConfidentialityImpact                    // C, base
	IntegrityImpact                          // I, base
	AvailabilityImpact                       // A, base
	Exploitability                           // E, temporal
	RemediationLevel                         // RL, temporal
	ReportConfidence                         // RC, temporal
	CollateralDamagePotential                // CDP, environmental
	TargetDistribution                       // TD, environmental
	ConfidentialityRequirement               // CR, environmental
	IntegrityRequirement                     // IR, environmental
	AvailabilityRequirement                  // AR, environmental

	numMetrics = iota
	numBase    = int(Exploitability)
)

// metricInfo describes a metric: its abbreviation, its name, its values
// and their weights in thousandths (guide section 3.2). For a base
// metric values[0] is its first value; for a temporal or environmental
// metric values[0] is "ND" (Not Defined), weighted as the guide says.
type metricInfo struct {
	abbr    string
	name    string
	values  []string
	weights []int64
}

var metrics = [numMetrics]metricInfo{
	{"AV", "Access Vector", []string{"L", "A", "N"}, []int64{395, 646, 1000}},
	{"AC", "Access Complexity", []string{"H", "M", "L"}, []int64{350, 610, 710}},
	{"Au", "Authentication", []string{"M", "S", "N"}, []int64{450, 560, 704}},
	{"C", "Confidentiality Impact", []string{"N", "P", "C"}, []int64{0, 275, 660}},
	{"I", "Integrity Impact", []string{"N", "P", "C"}, []int64{0, 275, 660}},
	{"A", "Availability Impact", []string{"N", "P", "C"}, []int64{0, 275, 660}},
	{"E", "Exploitability", []string{"ND", "U", "POC", "F", "H"}, []int64{1000, 850, 900, 950, 1000}},
	{"RL", "Remediation Level", []string{"ND", "OF", "TF", "W", "U"}, []int64{1000, 870, 900, 950, 1000}},
	{"RC", "Report Confidence", []string{"ND", "UC", "UR", "C"}, []int64{1000, 900, 950, 1000}},
	{"CDP", "Collateral Damage Potential", []string{"ND", "N", "L", "LM", "MH", "H"}, []int64{0, 0, 100, 300, 400, 500}},
	{"TD", "Target Distribution", []string{"ND", "N", "L", "M", "H"}, []int64{1000, 0, 250, 750, 1000}},
	{"CR", "Confidentiality Requirement", []string{"ND", "L", "M", "H"}, []int64{1000, 500, 1000, 1510}},
	{"IR", "Integrity Requirement", []string{"ND", "L", "M", "H"}, []int64{1000, 500, 1000, 1510}},
	{"AR", "Availability Requirement", []string{"ND", "L", "M", "H"}, []int64{1000, 500, 1000, 1510}},
}

// String returns the metric's abbreviation as written in a vector, such
// as "Au", or "" for a value that is not a metric.
func (m Metric) String() string {
	if !m.IsValid() {
		return ""
	}
	return metrics[m].abbr
}

// Name returns the metric's name as the guide spells it, such as
// "Collateral Damage Potential".
func (m Metric) Name() string {
	if !m.IsValid() {
		return ""
	}
	return metrics[m].name
}

// IsValid reports whether m is one of the 14 metrics.
func (m Metric) IsValid() bool { return int(m) < numMetrics }

// IsBase reports whether m is one of the six base metrics, which every
// vector must carry.
func (m Metric) IsBase() bool { return int(m) < numBase }

// Values returns the values a vector may give the metric, "ND" (Not
// Defined) first for the temporal and environmental metrics. The slice
// is a copy.
func (m Metric) Values() []string {
	if !m.IsValid() {
		return nil
	}
	return append([]string(nil), metrics[m].values...)
}

// lookupMetric returns the metric with abbreviation s.
func lookupMetric(s string) (Metric, bool) {
	switch s {
	case "AV":
		return AccessVector, true
	case "AC":
		return AccessComplexity, true
	case "Au":
		return Authentication, true
	case "C":
		return ConfidentialityImpact, true
	case "I":
		return IntegrityImpact, true
	case "A":
		return AvailabilityImpact, true
	case "E":
		return Exploitability, true
	case "RL":
		return RemediationLevel, true
	case "RC":
		return ReportConfidence, true
	case "CDP":
		return CollateralDamagePotential, true
	case "TD":
		return TargetDistribution, true
	case "CR":
		return ConfidentialityRequirement, true
	case "IR":
		return IntegrityRequirement, true
	case "AR":
		return AvailabilityRequirement, true
	}
	return 0, false
}

// valueIndex returns the index of value s in metrics[m].values, or -1.
func valueIndex(m Metric, s string) int {
	for i, v := range metrics[m].values {
		if v == s {
			return i
		}
	}
	return -1
}
