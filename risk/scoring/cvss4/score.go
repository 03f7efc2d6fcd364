package cvss4

import (
	"math"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/risk/scoring/cvss"
)

// The scoring metrics: the value of each metric the score depends on,
// after the modified base metrics replace their base metric and the Not
// Defined threat and requirement metrics take their worst case
// (specification sections 4.2 and 8.2). Each is coded by severity, 0
// the most severe: AV N A L P; AC L H; AT N P; PR N L H; UI N P A; VC,
// VI, VA H L N; SC H L N; SI, SA S H L N (S, Safety, only through MSI
// and MSA); E A P U; CR, IR, AR H M L.
const (
	sAV = iota
	sAC
	sAT
	sPR
	sUI
	sVC
	sVI
	sVA
	sSC
	sSI
	sSA
	sE
	sCR
	sIR
	sAR
	numScoring
)

type effective [numScoring]uint8

// The "none" code of the impact metrics.
const (
	noneVC = 2 // VC, VI, VA, SC: H L N
	noneSI = 3 // SI, SA: S H L N
	safety = 0 // SI, SA: S
)

// effective returns the scoring metrics of v.
func (v *Vector) effective() effective {
	var e effective
	mod := func(base, modified Metric) uint8 {
		if i := v.values[modified]; i != 0 {
			return i - 1
		}
		return v.values[base]
	}
	e[sAV] = mod(AttackVector, ModifiedAttackVector)
	e[sAC] = mod(AttackComplexity, ModifiedAttackComplexity)
	e[sAT] = mod(AttackRequirements, ModifiedAttackRequirements)
	e[sPR] = mod(PrivilegesRequired, ModifiedPrivilegesRequired)
	e[sUI] = mod(UserInteraction, ModifiedUserInteraction)
	e[sVC] = mod(VulnerableConfidentiality, ModifiedVulnerableConfidentiality)
	e[sVI] = mod(VulnerableIntegrity, ModifiedVulnerableIntegrity)
	e[sVA] = mod(VulnerableAvailability, ModifiedVulnerableAvailability)
	e[sSC] = mod(SubsequentConfidentiality, ModifiedSubsequentConfidentiality)
	// SI and SA: S H L N, so that Safety (MSI:S, MSA:S, index 4) is the
	// most severe.
	e[sSI] = subsequent(v.values[SubsequentIntegrity], v.values[ModifiedSubsequentIntegrity])
	e[sSA] = subsequent(v.values[SubsequentAvailability], v.values[ModifiedSubsequentAvailability])
	// E, CR, IR, AR: X (index 0) is the worst case, the same as index 1.
	e[sE] = max(v.values[ExploitMaturity], 1) - 1
	e[sCR] = max(v.values[ConfidentialityRequirement], 1) - 1
	e[sIR] = max(v.values[IntegrityRequirement], 1) - 1
	e[sAR] = max(v.values[AvailabilityRequirement], 1) - 1
	return e
}

func subsequent(base, modified uint8) uint8 {
	switch modified {
	case 0:
		return base + 1
	case 4:
		return safety
	}
	return modified
}

// MacroVector is the MacroVector of a vector (specification section 8.2):
// the levels of its six equivalence sets EQ1 to EQ6, index 0 for EQ1.
// Level 0 is the most severe. EQ1, EQ3, EQ4 and EQ5 have levels 0 to 2,
// EQ2 and EQ6 levels 0 and 1, and EQ3 level 2 never comes with EQ6
// level 0. The zero value is "000000", the most severe MacroVector. It
// encodes as its six digits ("001100").
type MacroVector [6]uint8

// macroVector computes the EQ levels of Tables 24 to 29.
func (e *effective) macroVector() MacroVector {
	var mv MacroVector
	av, pr, ui := e[sAV], e[sPR], e[sUI]
	switch {
	case av == 0 && pr == 0 && ui == 0:
		mv[0] = 0
	case (av == 0 || pr == 0 || ui == 0) && av != 3:
		mv[0] = 1
	default:
		mv[0] = 2
	}
	if e[sAC] != 0 || e[sAT] != 0 {
		mv[1] = 1
	}
	vc, vi, va := e[sVC], e[sVI], e[sVA]
	switch {
	case vc == 0 && vi == 0:
		mv[2] = 0
	case vc == 0 || vi == 0 || va == 0:
		mv[2] = 1
	default:
		mv[2] = 2
	}
	switch {
	case e[sSI] == safety || e[sSA] == safety:
		mv[3] = 0
	case e[sSC] == 0 || e[sSI] == 1 || e[sSA] == 1:
		mv[3] = 1
	default:
		mv[3] = 2
	}
	mv[4] = e[sE]
	if !(e[sCR] == 0 && vc == 0 || e[sIR] == 0 && vi == 0 || e[sAR] == 0 && va == 0) {
		mv[5] = 1
	}
	return mv
}

// MacroVector returns the MacroVector of v, computed from the effective
// metric values: modified base metrics replace their base metric, and a
// Not Defined Exploit Maturity or security requirement counts as its
// worst case (E:A, CR:H, IR:H, AR:H). The zero Vector gives the zero
// MacroVector.
func (v Vector) MacroVector() MacroVector {
	if !v.valid {
		return MacroVector{}
	}
	e := v.effective()
	return e.macroVector()
}

// String returns the six levels as digits, such as "001100".
func (mv MacroVector) String() string {
	var b [6]byte
	for i, l := range mv {
		b[i] = '0' + l
	}
	return string(b[:])
}

// IsValid reports whether mv is a MacroVector that exists.
func (mv MacroVector) IsValid() bool {
	return mv[0] <= 2 && mv[1] <= 1 && mv[2] <= 2 && mv[3] <= 2 && mv[4] <= 2 && mv[5] <= 1 && !(mv[2] == 2 && mv[5] == 0)
}

// Score returns the score of the MacroVector, the score of its highest
// severity vectors (specification section 8.3), or 0 for one that is
// not valid.
func (mv MacroVector) Score() float64 {
	if !mv.IsValid() {
		return 0
	}
	return float64(mv.tenths()) / 10
}

func (mv MacroVector) tenths() uint8 {
	return macroTenths[mv[0]][mv[1]][mv[2]][mv[3]][mv[4]][mv[5]]
}

// MarshalText implements encoding.TextMarshaler; a MacroVector that is
// not valid is an ismskit.ErrUnknownValue error.
func (mv MacroVector) MarshalText() ([]byte, error) {
	if !mv.IsValid() {
		return nil, errMacro(mv.String())
	}
	return []byte(mv.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler with
// ParseMacroVector.
func (mv *MacroVector) UnmarshalText(text []byte) error {
	if mv == nil {
		return fielderr.Errorf(ismskit.ErrMissing, "UnmarshalText into a nil *MacroVector")
	}
	p, err := ParseMacroVector(string(text))
	if err != nil {
		return err
	}
	*mv = p
	return nil
}

// ParseMacroVector parses six EQ levels such as "001100"; anything that
// is not a MacroVector that exists is an ismskit.ErrUnknownValue error.
func ParseMacroVector(s string) (MacroVector, error) {
	var mv MacroVector
	if len(s) != 6 {
		return MacroVector{}, errMacro(s)
	}
	for i := range 6 {
		if s[i] < '0' || s[i] > '9' {
			return MacroVector{}, errMacro(s)
		}
		mv[i] = s[i] - '0'
	}
	if !mv.IsValid() {
		return MacroVector{}, errMacro(s)
	}
	return mv, nil
}

// The severity level of each value of the scoring metrics, in FIRST's
// calculator's steps of 0.1, from which the severity distance of a
// vector to a highest severity vector is computed.
var levels = [numScoring][]float64{
	sAV: {0.0, 0.1, 0.2, 0.3},
	sAC: {0.0, 0.1},
	sAT: {0.0, 0.1},
	sPR: {0.0, 0.1, 0.2},
	sUI: {0.0, 0.1, 0.2},
	sVC: {0.0, 0.1, 0.2},
	sVI: {0.0, 0.1, 0.2},
	sVA: {0.0, 0.1, 0.2},
	sSC: {0.1, 0.2, 0.3},
	sSI: {0.0, 0.1, 0.2, 0.3},
	sSA: {0.0, 0.1, 0.2, 0.3},
	sE:  {0.0, 0.1, 0.2},
	sCR: {0.0, 0.1, 0.2},
	sIR: {0.0, 0.1, 0.2},
	sAR: {0.0, 0.1, 0.2},
}

// distance[m][a][b] is the severity distance of value a of scoring metric
// m from value b, levels[m][a] - levels[m][b], computed once in float64
// as the calculator computes it.
var distance = func() (t [numScoring][4][4]float64) {
	for m := range levels {
		for a := range levels[m] {
			for b := range levels[m] {
				t[m][a][b] = levels[m][a] - levels[m][b]
			}
		}
	}
	return t
}()

// Scores returns the CVSS v4.0 score of v (specification section 8.2),
// 0.0 to 10.0 with one decimal, exactly as FIRST's calculator computes
// it: the score of the vector's MacroVector (the lookup table of section
// 8.3), minus the mean of the proportional severity distances to the
// next lower MacroVector of each EQ, rounded to one decimal. Every metric
// group counts: Not Defined threat and environmental metrics take the
// defaults of the specification, and supplemental metrics never change
// the score. The zero Vector scores 0.
func (v Vector) Score() float64 { return float64(v.scoreTenths()) / 10 }

// scoreTenths computes the score in tenths. The arithmetic follows the
// calculator step by step in float64, in the same order, so that its
// rounding agrees to the last bit.
func (v Vector) scoreTenths() int {
	if !v.valid {
		return 0
	}
	e := v.effective()
	return e.scoreTenths(e.macroVector())
}

// scoreTenths computes the score in tenths of the scoring metrics e,
// whose MacroVector is mv.
func (e *effective) scoreTenths(mv MacroVector) int {
	if e[sVC] == noneVC && e[sVI] == noneVC && e[sVA] == noneVC &&
		e[sSC] == noneVC && e[sSI] == noneSI && e[sSA] == noneSI {
		return 0
	}
	info := &macros[mv.index()]
	// 1.b The severity distance of v from the first highest severity
	// vector of its MacroVector that v does not exceed in any metric.
	d := e.distances(mv)
	// 1.c and 1.d The proportion of each distance to the depth of its
	// level, times the maximal scoring difference (1.a) to the next lower
	// MacroVector, where there is one. EQ5 always adds 0.
	var sum float64
	for i := range 4 {
		if info.has[i] {
			sum += info.msd[i] * (d[i] / info.div[i])
		}
	}
	// 2 and 3: the mean, subtracted, rounded to one decimal.
	value := info.value
	if info.n > 0 {
		value -= sum / float64(info.n)
	}
	value = min(max(value, 0), 10)
	return int(math.Round(value * 10))
}

// macroInfo is what the score of a vector needs from its MacroVector:
// its score, the maximal scoring difference (msd) to the next lower
// MacroVector of EQ1, EQ2, EQ3 with EQ6 and EQ4 where there is one
// (has), how many such lower MacroVectors there are, EQ5 included (n),
// and the divisors of the severity distances at its levels (div).
type macroInfo struct {
	value float64
	msd   [4]float64
	div   [4]float64
	has   [4]bool
	n     int
}

// index returns the position of mv in macros.
func (mv MacroVector) index() int {
	return ((((int(mv[0])*2+int(mv[1]))*3+int(mv[2]))*3+int(mv[3]))*3+int(mv[4]))*2 + int(mv[5])
}

// macros holds the macroInfo of every MacroVector that exists, by index,
// computed once with the calculator's arithmetic, never modified.
var macros = func() (t [324]macroInfo) {
	for i := range t {
		mv := MacroVector{uint8(i / 108), uint8(i / 54 % 2), uint8(i / 18 % 3), uint8(i / 6 % 3), uint8(i / 2 % 3), uint8(i % 2)}
		if !mv.IsValid() {
			continue
		}
		info := &t[i]
		info.value = float64(mv.tenths()) / 10
		lower := func(i int, l MacroVector) {
			if l.IsValid() {
				if i < 4 {
					info.msd[i] = info.value - float64(l.tenths())/10
					info.has[i] = true
				}
				info.n++
			}
		}
		// 1.a The next lower MacroVector of each EQ. EQ3 and EQ6 move
		// together: 00 to 01 or 10 (the higher score), 01 and 10 to 11,
		// 11 to 21; 21 has none.
		for k, eq := range [...]int{0, 1, 3, 4} {
			l := mv
			l[eq]++
			lower([...]int{0, 1, 3, 4}[k], l)
		}
		switch l := mv; {
		case mv[2] == 0 && mv[5] == 0:
			a, b := l, l
			a[5]++
			b[2]++
			s := b
			if a.tenths() > b.tenths() {
				s = a
			}
			lower(2, s)
		case mv[2] == 1 && mv[5] == 0:
			l[5]++
			lower(2, l)
		case mv[2] <= 1:
			l[2]++
			lower(2, l)
		}
		info.div = [4]float64{maxSeverity.eq1[mv[0]], maxSeverity.eq2[mv[1]], maxSeverity.eq3[mv[2]][mv[5]], maxSeverity.eq4[mv[3]]}
	}
	return t
}()

// distances returns the severity distances of e from the first highest
// severity vector of mv, in the calculator's order (EQ1, EQ2, EQ3 with
// EQ6, EQ4), that e does not exceed in any metric (no code of e below
// the vector's), summed per EQ: AV+PR+UI,
// AC+AT, VC+VI+VA+CR+IR+AR, SC+SI+SA. If there is none, the distances from
// the last one tried, as the calculator does.
func (e *effective) distances(mv MacroVector) [4]float64 {
	h1 := highest.eq1[mv[0]]
	h2 := highest.eq2[mv[1]]
	h3 := highest.eq3[mv[2]][mv[5]]
	h4 := highest.eq4[mv[3]]
	var c1, c2, c3, c4 int
	found := false
search:
	for c1 = range h1 {
		if m := &h1[c1]; e[sAV] < m[0] || e[sPR] < m[1] || e[sUI] < m[2] {
			continue
		}
		for c2 = range h2 {
			if m := &h2[c2]; e[sAC] < m[0] || e[sAT] < m[1] {
				continue
			}
			for c3 = range h3 {
				if m := &h3[c3]; e[sVC] < m[0] || e[sVI] < m[1] || e[sVA] < m[2] || e[sCR] < m[3] || e[sIR] < m[4] || e[sAR] < m[5] {
					continue
				}
				for c4 = range h4 {
					if m := &h4[c4]; e[sSC] >= m[0] && e[sSI] >= m[1] && e[sSA] >= m[2] {
						found = true
						break search
					}
				}
			}
		}
	}
	if !found {
		c1, c2, c3, c4 = len(h1)-1, len(h2)-1, len(h3)-1, len(h4)-1
	}
	dist := func(m int, max uint8) float64 { return distance[m][e[m]][max] }
	m1, m2, m3, m4 := h1[c1], h2[c2], h3[c3], h4[c4]
	return [4]float64{
		dist(sAV, m1[0]) + dist(sPR, m1[1]) + dist(sUI, m1[2]),
		dist(sAC, m2[0]) + dist(sAT, m2[1]),
		dist(sVC, m3[0]) + dist(sVI, m3[1]) + dist(sVA, m3[2]) + dist(sCR, m3[3]) + dist(sIR, m3[4]) + dist(sAR, m3[5]),
		dist(sSC, m4[0]) + dist(sSI, m4[1]) + dist(sSA, m4[2]),
	}
}

// Severity returns the qualitative severity rating of the score
// (specification section 6).
func (v Vector) Severity() cvss.Severity { return cvss.SeverityOfTenths(v.scoreTenths()) }

// Scores is the outcome of scoring a vector: the score, its severity,
// the nomenclature of the metric groups the vector carries and its
// MacroVector. It encodes to JSON as
// {"score":9.3,"severity":"critical","nomenclature":"CVSS-B","macroVector":"000200"}.
// The zero value is the scores of the zero Vector.
type Scores struct {
	Score        float64       `json:"score"`
	Severity     cvss.Severity `json:"severity"`
	Nomenclature Nomenclature  `json:"nomenclature"`
	MacroVector  MacroVector   `json:"macroVector"`
}

// Scores computes the score, the severity, the nomenclature and the
// MacroVector of v at once.
func (v Vector) Scores() Scores {
	if !v.valid {
		return Scores{}
	}
	e := v.effective()
	mv := e.macroVector()
	t := e.scoreTenths(mv)
	return Scores{
		Score:        float64(t) / 10,
		Severity:     cvss.SeverityOfTenths(t),
		Nomenclature: v.Nomenclature(),
		MacroVector:  mv,
	}
}
