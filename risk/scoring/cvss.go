package scoring

import "github.com/ismskit/ismskit/risk/scoring/cvss3"

// CVSS is the Common Vulnerability Scoring System v3.1 as a scoring Method,
// computed by package cvss3 exactly as FIRST's specification defines it.
//
// The vector is a CVSS v3.1 vector string such as
// "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", with optional temporal
// and environmental metrics. A "CVSS:3.0/" vector is accepted too and
// scored with the v3.0 formulas; its Result.Version is then "3.0", so CVSS
// implements MultiVersion.
//
// The Result's Score is the score of the most specific group the vector
// carries (environmental, else temporal, else base), Severity its rating
// ("none", "low", "medium", "high", "critical"), and Parts the base,
// temporal and environmental scores with their ratings. Errors are those
// of cvss3.Parse.
//
// CVSS has no options; the zero value is ready to use and safe for
// concurrent use.
type CVSS struct{}

// Name returns "cvss".
func (CVSS) Name() string { return "cvss" }

// Version returns "3.1".
func (CVSS) Version() string { return "3.1" }

// Versions returns "3.1" and "3.0".
func (CVSS) Versions() []string { return []string{"3.1", "3.0"} }

// Score parses and scores a CVSS v3.1 or v3.0 vector.
func (c CVSS) Score(vector string) (Result, error) {
	v, err := cvss3.Parse(vector)
	if err != nil {
		return Result{}, err
	}
	s := v.Scores()
	return Result{
		Method:   c.Name(),
		Version:  v.Version(),
		Vector:   v.String(),
		Score:    v.Score(),
		Severity: s.Severity.String(),
		Parts: []Part{
			{Name: "base", Score: s.Base, Level: cvss3.SeverityOf(s.Base).String()},
			{Name: "temporal", Score: s.Temporal, Level: cvss3.SeverityOf(s.Temporal).String()},
			{Name: "environmental", Score: s.Environmental, Level: cvss3.SeverityOf(s.Environmental).String()},
		},
	}, nil
}
