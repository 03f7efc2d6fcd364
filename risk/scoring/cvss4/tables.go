package cvss4

import (
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// noMacro marks, in macroTenths, a MacroVector that cannot exist.
const noMacro = 255

// eqRecord is a record of the generated tables (zlookup.go): a highest
// severity vector (metrics) or a divisor (n) of an EQ level. For eq 3,
// level6 is the EQ6 level.
type eqRecord struct {
	eq, level, level6 int
	metrics           string
	n                 int
}

// highest holds the highest severity vectors of each EQ level as codes
// of the scoring metrics (see effective), in the calculator's order:
// eq1 AV PR UI, eq2 AC AT, eq3 (by EQ3 and EQ6 level) VC VI VA CR IR AR,
// eq4 SC SI SA. Built once from highestRecords, never modified.
var highest = func() (h struct {
	eq1 [3][][3]uint8
	eq2 [2][][2]uint8
	eq3 [3][2][][6]uint8
	eq4 [3][][3]uint8
}) {
	for _, r := range highestRecords {
		c := codes(r.metrics)
		switch r.eq {
		case 1:
			h.eq1[r.level] = append(h.eq1[r.level], [3]uint8(c))
		case 2:
			h.eq2[r.level] = append(h.eq2[r.level], [2]uint8(c))
		case 3:
			h.eq3[r.level][r.level6] = append(h.eq3[r.level][r.level6], [6]uint8(c))
		case 4:
			h.eq4[r.level] = append(h.eq4[r.level], [3]uint8(c))
		}
	}
	return h
}()

// maxSeverity holds the divisor of the severity distance of each EQ
// level: the record's N times 0.1, computed in float64 as the calculator
// computes it (7 × 0.1 is 0.7000000000000001). Built once, never
// modified.
var maxSeverity = func() (d struct {
	eq1 [3]float64
	eq2 [2]float64
	eq3 [3][2]float64
	eq4 [3]float64
}) {
	step := 0.1
	for _, r := range maxSeverityRecords {
		x := float64(r.n) * step
		switch r.eq {
		case 1:
			d.eq1[r.level] = x
		case 2:
			d.eq2[r.level] = x
		case 3:
			d.eq3[r.level][r.level6] = x
		case 4:
			d.eq4[r.level] = x
		}
	}
	return d
}()

// codes returns the scoring codes of the values in metrics, such as
// "AV:N/PR:N/UI:N" (the data file's checks ensure its form).
func codes(metrics string) []uint8 {
	var out []uint8
	for _, comp := range strings.Split(metrics, "/") {
		key, val, _ := strings.Cut(comp, ":")
		out = append(out, code(key, val))
	}
	return out
}

// code returns the scoring code of value val of metric key (see the
// order of effective).
func code(key, val string) uint8 {
	order := map[string]string{
		"AV": "NALP", "AC": "LH", "AT": "NP", "PR": "NLH", "UI": "NPA",
		"VC": "HLN", "VI": "HLN", "VA": "HLN", "SC": "HLN", "SI": "SHLN", "SA": "SHLN",
		"E": "APU", "CR": "HML", "IR": "HML", "AR": "HML",
	}[key]
	return uint8(strings.Index(order, val))
}

func errMacro(s string) error {
	return fielderr.Errorf(ismskit.ErrUnknownValue, "%q is not a CVSS v4.0 MacroVector", s)
}
