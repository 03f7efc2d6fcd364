package scoring_test

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/risk/scoring"
	"github.com/ismskit/ismskit/risk/scoring/cvss"
)

func ExampleCVSS() {
	r, err := scoring.CVSS{}.Score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:O")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Method, r.Version, r.Score, r.Severity)
	for _, p := range r.Parts {
		fmt.Println(p.Name, p.Score, p.Level)
	}
	// Output:
	// cvss 3.1 8.8 high
	// base 9.8 critical
	// temporal 8.8 high
	// environmental 8.8 high
}

// The worked example of the OWASP Risk Rating Methodology: a medium
// likelihood with a high technical impact is High, but the business impact
// is low, which makes the risk Low.
func ExampleOWASP() {
	const vector = "SL:5/M:2/O:7/S:1/ED:3/EE:6/A:9/ID:2/LC:9/LI:7/LAV:5/LAC:8/FD:1/RD:2/NC:1/PV:5"
	technical, _ := scoring.OWASP{}.Score(vector)
	business, _ := scoring.OWASP{Impact: scoring.OWASPBusinessImpact}.Score(vector)
	for _, p := range technical.Parts {
		fmt.Println(p.Name, p.Score, p.Level)
	}
	fmt.Println(technical.Version, technical.Severity)
	fmt.Println(business.Version, business.Severity)
	// Output:
	// likelihood 4.375 medium
	// technicalImpact 7.25 high
	// businessImpact 2.25 low
	// 1/technical high
	// 1/business low
}

func ExampleDREAD() {
	// The classic 1..3 scale, summed, with the usual bands.
	classic := scoring.DREAD{
		Min: 1, Max: 3, Aggregate: scoring.AggregateSum, Profile: "classic",
		Bands: []scoring.Band{{From: 5, Label: "low"}, {From: 8, Label: "medium"}, {From: 12, Label: "high"}},
	}
	r, err := classic.Score("D:3/R:3/E:2/A:3/DI:1")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Version, r.Score, r.Severity)

	// The zero value: 0..10, mean, default thirds.
	r, _ = scoring.DREAD{}.Score("D:8/R:6/E:5/A:9/DI:7")
	fmt.Println(r.Version, r.Score, r.Severity)
	// Output:
	// 1/1..3/sum/classic 12 high
	// 1/0..10/mean 7 high
}

// Every problem of a vector is reported, each naming its factor.
func ExampleOWASP_errors() {
	_, err := scoring.OWASP{}.Score("SL:5/M:12/O:7/S:1/ED:3/EE:6/A:9/ID:2/LC:9/LI:7/LAV:5")
	fmt.Println(err)
	fmt.Println(errors.Is(err, ismskit.ErrOutOfRange), errors.Is(err, cvss.ErrMissingMetric))
	// Output:
	// M: 12 is outside the scale 0..9
	// LAC: missing mandatory metric
	// true true
}

// ExposureDays is a user's own method: the number of days a flaw stays
// exposed, vector "days:N", rated by thresholds.
type ExposureDays struct{}

func (ExposureDays) Name() string    { return "exposure-days" }
func (ExposureDays) Version() string { return "1" }

func (m ExposureDays) Score(vector string) (scoring.Result, error) {
	v, ok := strings.CutPrefix(vector, "days:")
	n, err := strconv.Atoi(v)
	if !ok || err != nil || n < 0 {
		return scoring.Result{}, &ismskit.Error{Path: "days", Err: fmt.Errorf("%w %q", ismskit.ErrUnknownValue, vector)}
	}
	sev := "low"
	switch {
	case n > 90:
		sev = "high"
	case n > 30:
		sev = "medium"
	}
	return scoring.Result{Method: m.Name(), Version: m.Version(), Vector: "days:" + strconv.Itoa(n), Score: float64(n), Severity: sev}, nil
}

// A user plugs in their own method and files it in a registry with the
// built-in ones, so that kept results can be scored again.
func ExampleMethod() {
	reg, err := scoring.NewRegistry(scoring.CVSS{}, ExposureDays{})
	if err != nil {
		fmt.Println(err)
		return
	}
	r, _ := reg.Score("exposure-days", "1", "days:45")
	fmt.Println(r.Method, r.Version, r.Vector, r.Score, r.Severity)
	again, _ := reg.Rescore(r)
	fmt.Println(again.Severity == r.Severity)
	_, err = reg.Score("exposure-days", "2", "days:45")
	fmt.Println(errors.Is(err, scoring.ErrUnknownMethod))
	// Output:
	// exposure-days 1 days:45 45 medium
	// true
	// true
}

func ExampleRegistry_Rescore() {
	reg := scoring.Builtin()
	kept := scoring.Result{Method: "cvss", Version: "3.1", Vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N"}
	r, err := reg.Rescore(kept)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Score, r.Severity)
	// Output: 6.1 medium
}
