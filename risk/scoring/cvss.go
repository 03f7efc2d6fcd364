package scoring

import (
	"strings"

	"github.com/ismskit/ismskit/risk/scoring/cvss"
	"github.com/ismskit/ismskit/risk/scoring/cvss2"
	"github.com/ismskit/ismskit/risk/scoring/cvss3"
	"github.com/ismskit/ismskit/risk/scoring/cvss4"
	"github.com/ismskit/ismskit/risk/scoring/internal/vecerr"
)

// CVSS is the Common Vulnerability Scoring System as a scoring Method,
// in every version a vulnerability feed carries, each computed exactly as
// FIRST defines it: v4.0 by package cvss4, v3.1 and v3.0 by package
// cvss3, v2.0 by package cvss2.
//
// The vector's prefix selects the version: "CVSS:4.0/", "CVSS:3.1/",
// "CVSS:3.0/", and for v2.0 "CVSS:2.0/" or none, as NVD writes it,
// possibly in parentheses ("(AV:N/AC:L/Au:N/C:P/I:P/A:P)"). The Result's
// Version is the vector's version, so CVSS implements MultiVersion and a
// Registry files it under "4.0", "3.1", "3.0" and "2.0".
//
// The Result's Score is the overall score for the metrics given:
//   - v2.0 and v3.x: the score of the most specific group the vector
//     carries (environmental, else temporal, else base), Severity its
//     rating, and Parts the base, temporal and environmental scores with
//     their ratings. v3.x ratings are those of the v3.1 specification
//     (none, low, medium, high, critical); v2.0 ones are NVD's (low,
//     medium, high), the v2 guide having none.
//   - v4.0: the CVSS v4.0 score, which always counts every group (Not
//     Defined threat and environmental metrics take their defaults), its
//     rating, the Nomenclature of the groups the vector carries
//     ("CVSS-B", "CVSS-BT", "CVSS-BE", "CVSS-BTE") and its MacroVector
//     ("000200"); no Parts.
//
// Errors are those of the version's Parse; a "CVSS:" prefix of another
// version is a cvss.ErrPrefix error (ErrPrefix). CVSS has no options;
// the zero value is ready to use and safe for concurrent use.
type CVSS struct{}

// Name returns "cvss".
func (CVSS) Name() string { return "cvss" }

// Version returns "4.0", FIRST's current version.
func (CVSS) Version() string { return "4.0" }

// Versions returns "4.0", "3.1", "3.0" and "2.0".
func (CVSS) Versions() []string { return []string{"4.0", "3.1", "3.0", "2.0"} }

// Score parses and scores a CVSS vector of any version CVSS reads.
func (c CVSS) Score(vector string) (Result, error) {
	switch {
	case strings.HasPrefix(vector, "CVSS:4.0/"):
		return c.score4(vector)
	case strings.HasPrefix(vector, "CVSS:3."):
		return c.score3(vector)
	case strings.HasPrefix(vector, "CVSS:") && !strings.HasPrefix(vector, "CVSS:2.0/"):
		got := vector
		if i := strings.IndexByte(vector, '/'); i >= 0 {
			got = vector[:i+1]
		}
		return Result{}, vecerr.Prefix("CVSS:4.0/, CVSS:3.1/, CVSS:3.0/, CVSS:2.0/ or a CVSS v2.0 vector", got)
	}
	return c.score2(vector)
}

func (c CVSS) score4(vector string) (Result, error) {
	v, err := cvss4.Parse(vector)
	if err != nil {
		return Result{}, err
	}
	s := v.Scores()
	return Result{
		Method:       c.Name(),
		Version:      v.Version(),
		Vector:       v.String(),
		Score:        s.Score,
		Severity:     code(s.Severity),
		Nomenclature: s.Nomenclature.String(),
		MacroVector:  s.MacroVector.String(),
	}, nil
}

func (c CVSS) score3(vector string) (Result, error) {
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
		Severity: code(s.Severity),
		Parts: []Part{
			{Name: "base", Score: s.Base, Level: code(cvss3.SeverityOf(s.Base))},
			{Name: "temporal", Score: s.Temporal, Level: code(cvss3.SeverityOf(s.Temporal))},
			{Name: "environmental", Score: s.Environmental, Level: code(cvss3.SeverityOf(s.Environmental))},
		},
	}, nil
}

func (c CVSS) score2(vector string) (Result, error) {
	v, err := cvss2.Parse(vector)
	if err != nil {
		return Result{}, err
	}
	s := v.Scores()
	return Result{
		Method:   c.Name(),
		Version:  v.Version(),
		Vector:   v.String(),
		Score:    v.Score(),
		Severity: code(s.Severity),
		Parts: []Part{
			{Name: "base", Score: s.Base, Level: code(cvss2.SeverityOf(s.Base))},
			{Name: "temporal", Score: s.Temporal, Level: code(cvss2.SeverityOf(s.Temporal))},
			{Name: "environmental", Score: s.Environmental, Level: code(cvss2.SeverityOf(s.Environmental))},
		},
	}, nil
}

// code returns the lower-case code of a rating ("high"), as results carry
// it.
func code(s cvss.Severity) string {
	b, _ := s.MarshalText()
	return string(b)
}
