package cvss2

import (
	"math/bits"

	"github.com/ismskit/ismskit/risk/scoring/cvss"
)

// The scores are computed in exact decimal arithmetic on integers: every
// weight of the guide has at most four decimals, so each equation is a
// whole number at a fixed scale, and round_to_1_decimal rounds it half
// up at the exact half, with no floating-point noise to move a score
// across it.

func (v Vector) w(m Metric) int64 { return metrics[m].weights[v.values[m]] }

// exploitability returns 20 × AccessVector × AccessComplexity ×
// Authentication at scale 1e9.
func (v Vector) exploitability() int64 {
	return 20 * v.w(AccessVector) * v.w(AccessComplexity) * v.w(Authentication)
}

// roundTenths rounds x/10^scale to tenths, half away from zero: the
// guide's round_to_1_decimal (its scores are never negative but in the
// environmental equation's intermediate steps).
func roundTenths(x int64, unit int64) int64 {
	half := unit / 2
	if x < 0 {
		return -((-x + half) / unit)
	}
	return (x + half) / unit
}

// baseTenths computes the base score in tenths (guide section 3.2.1):
// round_to_1_decimal(((0.6 × Impact) + (0.4 × Exploitability) − 1.5) ×
// f(Impact)), Impact = 10.41 × (1 − (1 − C) × (1 − I) × (1 − A)).
func (v Vector) baseTenths() int64 {
	if !v.valid {
		return 0
	}
	keep := (1000 - v.w(ConfidentialityImpact)) * (1000 - v.w(IntegrityImpact)) * (1000 - v.w(AvailabilityImpact)) // 1e9
	if keep == 1e9 {
		return 0 // f(Impact) = 0
	}
	impact := 1041 * (1e9 - keep)                              // 1e11
	s := 6*impact + 400*v.exploitability() - 1_500_000_000_000 // 1e12
	return max(roundTenths(s*1176, 1e14), 0)                   // ×1.176, 1e15
}

// temporalFactor returns Exploitability × RemediationLevel ×
// ReportConfidence at scale 1e9.
func (v Vector) temporalFactor() int64 {
	return v.w(Exploitability) * v.w(RemediationLevel) * v.w(ReportConfidence)
}

// temporalTenths computes the temporal score in tenths (section 3.2.2):
// round_to_1_decimal(BaseScore × Exploitability × RemediationLevel ×
// ReportConfidence).
func (v Vector) temporalTenths(base int64) int64 {
	return roundTenths(base*v.temporalFactor(), 1e9) // base in tenths × 1e9
}

// adjustedBaseTenths computes the base score with the AdjustedImpact of
// section 3.2.3 in place of Impact: min(10, 10.41 × (1 − (1 − C × CR) ×
// (1 − I × IR) × (1 − A × AR))). It is negative for a few vectors with a
// low security requirement; the environmental score is then clamped.
func (v Vector) adjustedBaseTenths() int64 {
	keep := (1e5 - v.w(ConfidentialityImpact)*v.w(ConfidentialityRequirement)/10) *
		(1e5 - v.w(IntegrityImpact)*v.w(IntegrityRequirement)/10) *
		(1e5 - v.w(AvailabilityImpact)*v.w(AvailabilityRequirement)/10) // 1e15
	if keep == 1e15 {
		return 0 // f(AdjustedImpact) = 0
	}
	impact := min(1041*(1e15-keep), 1e18)          // 1e17, at most 10
	s := 6*impact - 15e17 + 4e8*v.exploitability() // 1e18, |s| < 9e18
	// s × 1.176 at scale 1e21 needs 128 bits; round it to tenths (1e20),
	// as s × 147 / 1.25e19 (1176 = 8 × 147) so that the divisor fits 64
	// bits.
	neg := s < 0
	if neg {
		s = -s
	}
	hi, lo := bits.Mul64(uint64(s), 147)
	lo, carry := bits.Add64(lo, 625e16, 0)
	hi += carry
	q, _ := bits.Div64(hi, lo, 125e17)
	if neg {
		return -int64(q)
	}
	return int64(q)
}

// environmentalTenths computes the environmental score in tenths
// (section 3.2.3): round_to_1_decimal((AdjustedTemporal + (10 −
// AdjustedTemporal) × CollateralDamagePotential) × TargetDistribution),
// AdjustedTemporal the temporal score recomputed from the adjusted base
// score. It is clamped to 0..10, the range of every CVSS score.
func (v Vector) environmentalTenths() int64 {
	if !v.valid {
		return 0
	}
	at := v.temporalTenths(v.adjustedBaseTenths())                                     // tenths
	x := (at*1000 + (100-at)*v.w(CollateralDamagePotential)) * v.w(TargetDistribution) // 1e7
	return min(max(roundTenths(x, 1e6), 0), 100)
}

// Base returns the base score, 0.0 to 10.0 with one decimal (guide
// section 3.2.1). The zero Vector scores 0.
func (v Vector) Base() float64 { return float64(v.baseTenths()) / 10 }

// Temporal returns the temporal score (section 3.2.2); with no temporal
// metric defined it equals the base score.
func (v Vector) Temporal() float64 { return float64(v.temporalTenths(v.baseTenths())) / 10 }

// Environmental returns the environmental score (section 3.2.3). The
// guide defines it for every vector; with no environmental metric it
// can differ from the temporal score, since the adjusted impact is
// capped at 10 where the impact is not.
func (v Vector) Environmental() float64 { return float64(v.environmentalTenths()) / 10 }

// Score returns the score of the most specific metric group the vector
// carries: the environmental score if an environmental metric is
// defined, else the temporal score if a temporal metric is defined,
// else the base score.
func (v Vector) Score() float64 { return float64(v.scoreTenths()) / 10 }

func (v Vector) scoreTenths() int64 {
	switch {
	case v.HasEnvironmental():
		return v.environmentalTenths()
	case v.HasTemporal():
		return v.temporalTenths(v.baseTenths())
	}
	return v.baseTenths()
}

// SeverityOf returns NVD's rating of a CVSS v2.0 score: Low for 0.0 to
// 3.9, Medium for 4.0 to 6.9, High for 7.0 to 10.0. The guide defines no
// rating; NVD's is the one its data carries. It is never None or
// Critical.
func SeverityOf(score float64) cvss.Severity {
	switch {
	case score >= 7:
		return cvss.SeverityHigh
	case score >= 4:
		return cvss.SeverityMedium
	}
	return cvss.SeverityLow
}

func severityTenths(t int64) cvss.Severity { return SeverityOf(float64(t) / 10) }

// Severity returns NVD's rating of Score (see SeverityOf).
func (v Vector) Severity() cvss.Severity { return severityTenths(v.scoreTenths()) }

// Scores holds the three scores of a vector and the rating of its most
// specific score (see [Vector.Score]). It encodes to JSON as
// {"base":7.5,"temporal":7.5,"environmental":7.5,"severity":"high"}. The
// zero value is the scores of the zero Vector (its severity "low", as
// NVD rates 0.0).
type Scores struct {
	Base          float64       `json:"base"`
	Temporal      float64       `json:"temporal"`
	Environmental float64       `json:"environmental"`
	Severity      cvss.Severity `json:"severity"`
}

// Scores computes the base, temporal and environmental scores at once.
func (v Vector) Scores() Scores {
	b := v.baseTenths()
	t := v.temporalTenths(b)
	e := v.environmentalTenths()
	s := Scores{Base: float64(b) / 10, Temporal: float64(t) / 10, Environmental: float64(e) / 10}
	switch {
	case v.HasEnvironmental():
		s.Severity = severityTenths(e)
	case v.HasTemporal():
		s.Severity = severityTenths(t)
	default:
		s.Severity = severityTenths(b)
	}
	return s
}
