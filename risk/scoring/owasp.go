package scoring

import (
	"fmt"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// OWASPImpact selects which impact estimate of the OWASP Risk Rating
// Methodology sets the overall severity. The zero value is
// OWASPTechnicalImpact. It encodes as lower-case text ("technical",
// "business", "higher").
type OWASPImpact uint8

const (
	// OWASPTechnicalImpact rates with the technical impact (LC, LI, LAV,
	// LAC). It is the default because the methodology falls back on it
	// when the business impact is not known, and because the usual vector
	// notation always carries all sixteen factors, unset ones as 0: only
	// the user knows whether the business factors were really estimated.
	OWASPTechnicalImpact OWASPImpact = iota
	// OWASPBusinessImpact rates with the business impact (FD, RD, NC,
	// PV), as the methodology advises when good business information is
	// available.
	OWASPBusinessImpact
	// OWASPHigherImpact rates with the higher of the two impacts present
	// in the vector, a cautious choice when unsure which applies.
	OWASPHigherImpact
)

var owaspImpactNames = [...]string{"technical", "business", "higher"}

// String returns "technical", "business" or "higher".
func (o OWASPImpact) String() string {
	if int(o) < len(owaspImpactNames) {
		return owaspImpactNames[o]
	}
	return fmt.Sprintf("OWASPImpact(%d)", uint8(o))
}

// MarshalText implements encoding.TextMarshaler.
func (o OWASPImpact) MarshalText() ([]byte, error) {
	if int(o) >= len(owaspImpactNames) {
		return nil, fmt.Errorf("%w %d for an OWASP impact", ismskit.ErrUnknownValue, uint8(o))
	}
	return []byte(owaspImpactNames[o]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler; an unknown name is
// ErrUnknownValue.
func (o *OWASPImpact) UnmarshalText(text []byte) error {
	if o == nil {
		return fielderr.Errorf(ismskit.ErrMissing, "UnmarshalText into a nil *OWASPImpact")
	}
	for i, n := range owaspImpactNames {
		if string(text) == n {
			*o = OWASPImpact(i)
			return nil
		}
	}
	return fmt.Errorf("%w %q for an OWASP impact (want technical, business or higher)", ismskit.ErrUnknownValue, text)
}

// The 16 factors of the OWASP Risk Rating Methodology, in the order of the
// usual vector notation: 8 likelihood factors (threat agent: skill level,
// motive, opportunity, size; vulnerability: ease of discovery, ease of
// exploit, awareness, intrusion detection), 4 technical impact factors
// (loss of confidentiality, integrity, availability, accountability) and 4
// business impact factors (financial damage, reputation damage,
// non-compliance, privacy violation).
var owaspFactors = factorSet{
	keys: []string{"SL", "M", "O", "S", "ED", "EE", "A", "ID", "LC", "LI", "LAV", "LAC", "FD", "RD", "NC", "PV"},
	lo:   0, hi: 9,
}

const (
	owaspLikelihood = 0
	owaspTechnical  = 8
	owaspBusiness   = 12
	owaspEnd        = 16
)

// OWASP is the OWASP Risk Rating Methodology as a scoring Method: the
// likelihood is the mean of the 8 likelihood factors and the impact the
// mean of 4 impact factors, each 0 to 9; each is LOW below 3, MEDIUM from 3
// to below 6 and HIGH from 6; the methodology's overall severity table
// turns the two levels into note, low, medium, high or critical:
//
//	impact \ likelihood   low      medium   high
//	high                  medium   high     critical
//	medium                low      medium   high
//	low                   note     low      medium
//
// The vector is the usual calculator notation,
// "SL:5/M:2/O:7/S:1/ED:3/EE:6/A:9/ID:2/LC:9/LI:7/LAV:5/LAC:8/FD:1/RD:2/NC:1/PV:5",
// optionally in parentheses, factors in any order. The 8 likelihood factors
// are required; each group of impact factors is given whole or not at all,
// and the group the Impact option uses is required (either group for
// OWASPHigherImpact).
//
// The Result's Score is likelihood × impact (0 to 81), for ordering risks
// of the same severity; Severity is the table's verdict; Parts holds the
// likelihood, the technical impact and the business impact present, with
// their levels.
//
// The zero value rates with the technical impact. An OWASP value is
// immutable and safe for concurrent use.
type OWASP struct {
	// Impact selects the impact estimate that sets the severity.
	Impact OWASPImpact `json:"impact"`
}

// Name returns "owasp".
func (OWASP) Name() string { return "owasp" }

// Version returns "1/" followed by the impact option, such as
// "1/technical": the option changes the results, so it is part of the
// version.
func (o OWASP) Version() string { return "1/" + o.Impact.String() }

// OWASPLevel returns the level of a likelihood or impact estimate on the
// 0..9 scale: "low" below 3, "medium" from 3 to below 6, "high" from 6.
func OWASPLevel(x float64) string { return owaspLevelNames[owaspLevel(x)] }

var owaspLevelNames = [3]string{"low", "medium", "high"}

func owaspLevel(x float64) int {
	switch {
	case x < 3:
		return 0
	case x < 6:
		return 1
	}
	return 2
}

// owaspSeverity is the overall severity table, [impact][likelihood].
var owaspSeverity = [3][3]string{
	{"note", "low", "medium"},
	{"low", "medium", "high"},
	{"medium", "high", "critical"},
}

// Score rates an OWASP vector. Errors name the factor: unknown, repeated,
// not an integer, outside 0..9, or missing.
func (o OWASP) Score(vector string) (Result, error) {
	if o.Impact > OWASPHigherImpact {
		return Result{}, &ismskit.Error{Path: "impact", Err: fmt.Errorf("%w: unknown impact option %d", ErrConfig, uint8(o.Impact))}
	}
	s := vector
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		s = s[1 : len(s)-1]
	}
	var vals [owaspEnd]int
	present, errs := owaspFactors.parse(s, vals[:])
	errs = owaspFactors.missing(errs, present, owaspLikelihood, owaspTechnical)
	techAll, techAny := has(present, owaspTechnical, owaspBusiness)
	busAll, busAny := has(present, owaspBusiness, owaspEnd)
	if techAny || o.Impact == OWASPTechnicalImpact || o.Impact == OWASPHigherImpact && !busAny {
		errs = owaspFactors.missing(errs, present, owaspTechnical, owaspBusiness)
	}
	if busAny || o.Impact == OWASPBusinessImpact {
		errs = owaspFactors.missing(errs, present, owaspBusiness, owaspEnd)
	}
	if errs != nil {
		return Result{}, joinErrs(errs)
	}

	likelihood := float64(sum(vals[owaspLikelihood:owaspTechnical])) / 8
	r := Result{Method: o.Name(), Version: o.Version(), Parts: make([]Part, 0, 3)}
	r.Parts = append(r.Parts, Part{Name: "likelihood", Score: likelihood, Level: OWASPLevel(likelihood)})
	impact := -1.0
	if techAll {
		t := float64(sum(vals[owaspTechnical:owaspBusiness])) / 4
		r.Parts = append(r.Parts, Part{Name: "technicalImpact", Score: t, Level: OWASPLevel(t)})
		if o.Impact != OWASPBusinessImpact {
			impact = t
		}
	}
	if busAll {
		b := float64(sum(vals[owaspBusiness:owaspEnd])) / 4
		r.Parts = append(r.Parts, Part{Name: "businessImpact", Score: b, Level: OWASPLevel(b)})
		if o.Impact == OWASPBusinessImpact || o.Impact == OWASPHigherImpact && b > impact {
			impact = b
		}
	}
	var buf [96]byte
	r.Vector = string(owaspFactors.appendFactors(buf[:0], vals[:], present))
	r.Score = likelihood * impact
	r.Severity = owaspSeverity[owaspLevel(impact)][owaspLevel(likelihood)]
	return r, nil
}

func sum(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}
