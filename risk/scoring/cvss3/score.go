package cvss3

import "math"

// Weights of the metric values, indexed like metrics[m].values (position 0
// is Not Defined). From the specification's section 7.4, "Metric Values".
var (
	wAV  = [5]float64{0, 0.85, 0.62, 0.55, 0.2} // X N A L P
	wAC  = [3]float64{0, 0.77, 0.44}            // X L H
	wPRU = [4]float64{0, 0.85, 0.62, 0.27}      // X N L H, scope unchanged
	wPRC = [4]float64{0, 0.85, 0.68, 0.5}       // X N L H, scope changed
	wUI  = [3]float64{0, 0.85, 0.62}            // X N R
	wCIA = [4]float64{0, 0.56, 0.22, 0}         // X H L N
	wE   = [5]float64{1, 0.91, 0.94, 0.97, 1}   // X U P F H
	wRL  = [5]float64{1, 0.95, 0.96, 0.97, 1}   // X O T W U
	wRC  = [4]float64{1, 0.92, 0.96, 1}         // X U R C
	wReq = [4]float64{1, 0.5, 1, 1.5}           // X L M H
)

const scopeChanged = 2 // index of "C" in "XUC"

// roundup31 is the Roundup function of the CVSS v3.1 specification,
// Appendix A: the smallest number with one decimal that is equal to or
// higher than x, computed on integers so that floating-point noise (such
// as 4.000000000000001) does not round up a whole tenth. It returns tenths.
func roundup31(x float64) int {
	i := int64(math.Round(x * 100000))
	if i%10000 == 0 {
		return int(i / 10000)
	}
	return int(i/10000) + 1
}

// roundup30 is the Roundup of CVSS v3.0 as its reference calculator
// computes it (the ceiling of x*10 in floating point). It returns tenths.
func roundup30(x float64) int { return int(math.Ceil(x * 10)) }

func (v Vector) roundup(x float64) int {
	if v.version == version30 {
		return roundup30(x)
	}
	return roundup31(x)
}

// modified returns the value index of the modified metric m, or that of its
// base metric when m is Not Defined.
func (v Vector) modified(m, base Metric) uint8 {
	if i := v.values[m]; i != 0 {
		return i
	}
	return v.values[base]
}

// baseImpact holds the impact sub-score of section 7.1 for each scope
// (unchanged, changed) and each value of C, I and A, so that scoring needs
// no math.Pow. It is computed once with the specification's formulas and
// never modified.
var baseImpact = func() (t [2][4][4][4]float64) {
	for c := 1; c < 4; c++ {
		for i := 1; i < 4; i++ {
			for a := 1; a < 4; a++ {
				iss := 1 - (1-wCIA[c])*(1-wCIA[i])*(1-wCIA[a])
				t[0][c][i][a] = 6.42 * iss
				t[1][c][i][a] = 7.52*(iss-0.029) - 3.25*math.Pow(iss-0.02, 15)
			}
		}
	}
	return t
}()

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// baseTenths computes the base score in tenths (section 7.1).
func (v Vector) baseTenths() int {
	if !v.IsValid() {
		return 0
	}
	changed := v.values[Scope] == scopeChanged
	impact := baseImpact[b2i(changed)][v.values[Confidentiality]][v.values[Integrity]][v.values[Availability]]
	pr := wPRU[v.values[PrivilegesRequired]]
	if changed {
		pr = wPRC[v.values[PrivilegesRequired]]
	}
	expl := 8.22 * wAV[v.values[AttackVector]] * wAC[v.values[AttackComplexity]] * pr * wUI[v.values[UserInteraction]]
	if impact <= 0 {
		return 0
	}
	if changed {
		return v.roundup(math.Min(1.08*(impact+expl), 10))
	}
	return v.roundup(math.Min(impact+expl, 10))
}

// temporalFactor is E × RL × RC.
func (v Vector) temporalFactor() (e, rl, rc float64) {
	return wE[v.values[ExploitCodeMaturity]], wRL[v.values[RemediationLevel]], wRC[v.values[ReportConfidence]]
}

// temporalTenths computes the temporal score in tenths (section 7.2).
func (v Vector) temporalTenths(base int) int {
	e, rl, rc := v.temporalFactor()
	return v.roundup(float64(base) / 10 * e * rl * rc)
}

// environmentalTenths computes the environmental score in tenths (section
// 7.3), with the v3.0 modified impact formula for a CVSS:3.0 vector.
func (v Vector) environmentalTenths() int {
	if !v.IsValid() {
		return 0
	}
	changed := v.modified(ModifiedScope, Scope) == scopeChanged
	cr, ir, ar := wReq[v.values[ConfidentialityRequirement]], wReq[v.values[IntegrityRequirement]], wReq[v.values[AvailabilityRequirement]]
	mc := wCIA[v.modified(ModifiedConfidentiality, Confidentiality)]
	mi := wCIA[v.modified(ModifiedIntegrity, Integrity)]
	ma := wCIA[v.modified(ModifiedAvailability, Availability)]
	miss := math.Min(1-(1-cr*mc)*(1-ir*mi)*(1-ar*ma), 0.915)
	var impact float64
	switch {
	case !changed:
		impact = 6.42 * miss
	case v.version == version30:
		impact = 7.52*(miss-0.029) - 3.25*math.Pow(miss-0.02, 15)
	default:
		impact = 7.52*(miss-0.029) - 3.25*math.Pow(miss*0.9731-0.02, 13)
	}
	mpr := v.modified(ModifiedPrivilegesRequired, PrivilegesRequired)
	pr := wPRU[mpr]
	if changed {
		pr = wPRC[mpr]
	}
	expl := 8.22 * wAV[v.modified(ModifiedAttackVector, AttackVector)] *
		wAC[v.modified(ModifiedAttackComplexity, AttackComplexity)] * pr *
		wUI[v.modified(ModifiedUserInteraction, UserInteraction)]
	if impact <= 0 {
		return 0
	}
	var inner int
	if changed {
		inner = v.roundup(math.Min(1.08*(impact+expl), 10))
	} else {
		inner = v.roundup(math.Min(impact+expl, 10))
	}
	e, rl, rc := v.temporalFactor()
	return v.roundup(float64(inner) / 10 * e * rl * rc)
}

// Base returns the base score, 0.0 to 10.0 with one decimal, computed with
// the formulas of section 7.1 of the vector's version and its Roundup
// (Appendix A of v3.1, integer arithmetic; the v3.0 calculator's ceiling for a
// CVSS:3.0 vector). The zero Vector scores 0.
func (v Vector) Base() float64 { return float64(v.baseTenths()) / 10 }

// Temporal returns the temporal score (section 7.2): the base score
// adjusted by the temporal metrics. With no temporal metric defined it
// equals the base score.
func (v Vector) Temporal() float64 { return float64(v.temporalTenths(v.baseTenths())) / 10 }

// Environmental returns the environmental score (section 7.3), computed
// from the modified base metrics (each falling back to its base metric when
// Not Defined), the security requirements and the temporal metrics. The
// specification defines it for every vector; with no environmental metric
// it usually equals the temporal score, but for a scope-changed vector the
// v3.1 modified impact formula can make it differ by a tenth.
func (v Vector) Environmental() float64 { return float64(v.environmentalTenths()) / 10 }

// Score returns the score of the most specific metric group the vector
// carries: the environmental score if an environmental metric is defined,
// else the temporal score if a temporal metric is defined, else the base
// score. This is how vulnerability databases usually report one number.
func (v Vector) Score() float64 {
	switch {
	case v.HasEnvironmental():
		return v.Environmental()
	case v.HasTemporal():
		return v.Temporal()
	}
	return v.Base()
}

// Scores holds the three scores of a vector and the severity rating of its
// most specific score (see [Vector.Score]). It encodes to JSON as
// {"base":9.8,"temporal":9.8,"environmental":9.8,"severity":"critical"}.
// The zero value is the scores of the zero Vector.
type Scores struct {
	Base          float64  `json:"base"`
	Temporal      float64  `json:"temporal"`
	Environmental float64  `json:"environmental"`
	Severity      Severity `json:"severity"`
}

// Scores computes the base, temporal and environmental scores at once,
// computing the base score only once.
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
