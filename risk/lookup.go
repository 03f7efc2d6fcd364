package risk

import (
	"github.com/ismskit/ismskit"
)

// Look-ups by ID. Each returns a copy of the element, or an error
// wrapping ismskit.ErrUnknownReference when there is none; when two
// elements share an ID (which Validate reports), the first counts. They
// scan the list, so a loop over every risk of a large register that
// looks up each one should index the register once instead. Their
// second result is an error, so a text/template can call them; an
// unknown ID stops the template with that error:
//
//	{{($.Register.Risk .RiskID).Title}}

// Risk returns a deep copy of the risk with the given ID.
func (reg Register) Risk(id string) (Risk, error) {
	for i := range reg.Risks {
		if reg.Risks[i].ID == id {
			return reg.Risks[i].Clone(), nil
		}
	}
	return Risk{}, unknown("risk", id)
}

// Asset returns a copy of the asset with the given ID.
func (reg Register) Asset(id string) (Asset, error) {
	for _, a := range reg.Assets {
		if a.ID == id {
			return cloneAsset(a), nil
		}
	}
	return Asset{}, unknown("asset", id)
}

// Threat returns a copy of the threat with the given ID.
func (reg Register) Threat(id string) (Threat, error) {
	for _, t := range reg.Threats {
		if t.ID == id {
			return cloneThreat(t), nil
		}
	}
	return Threat{}, unknown("threat", id)
}

// Vulnerability returns a copy of the vulnerability with the given ID.
func (reg Register) Vulnerability(id string) (Vulnerability, error) {
	for _, v := range reg.Vulnerabilities {
		if v.ID == id {
			return cloneVulnerability(v), nil
		}
	}
	return Vulnerability{}, unknown("vulnerability", id)
}

// Level returns the risk level with the given ID ("high").
func (c Criteria) Level(id string) (Level, error) {
	for _, lv := range c.RiskLevels {
		if lv.ID == id {
			return lv, nil
		}
	}
	return Level{}, unknown("risk level", id)
}

// Rank returns the rank of the risk level with the given ID: its index
// in RiskLevels, 0 for the lowest. A Rating's Rank compares with it, so
// "at least high" reads
//
//	high, err := reg.Criteria.Rank("high")
//	if err == nil && a.Inherent.Rank >= high { ... }
func (c Criteria) Rank(id string) (int, error) {
	for i, lv := range c.RiskLevels {
		if lv.ID == id {
			return i, nil
		}
	}
	return -1, unknown("risk level", id)
}

// Assessments are the assessments of a register's risks, as
// AssessRegister returns them: a slice, in register order, that also
// looks up a risk's assessment by its ID.
type Assessments []Assessment

// Of returns the assessment of the risk with the given ID, or an error
// wrapping ismskit.ErrUnknownReference when as holds none. It scans the
// list, like the look-ups of Register.
func (as Assessments) Of(riskID string) (Assessment, error) {
	for _, a := range as {
		if a.RiskID == riskID {
			return a, nil
		}
	}
	return Assessment{}, unknown("assessment of risk", riskID)
}

func unknown(what, id string) error {
	return &ismskit.Error{Err: errf(ismskit.ErrUnknownReference, "no %s %q", what, clip(id))}
}
