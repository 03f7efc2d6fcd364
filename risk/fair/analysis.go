package fair

import (
	"context"
	"errors"
	"io"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/codec"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// Analysis is a FAIR analysis document: simulation settings, one or more
// scenarios (a portfolio when there are several) and the treatments to
// compare. It is what DecodeAnalysis reads and Run runs. The zero value is
// invalid: Iterations, Mode and a scenario are required.
type Analysis struct {
	// Name names the analysis.
	Name string `json:"name,omitempty"`
	// Description is free text.
	Description string `json:"description,omitempty"`
	// Iterations is the number of iterations. Required; 1 to MaxIterations.
	Iterations int `json:"iterations"`
	// Seed selects the random streams.
	Seed uint64 `json:"seed"`
	// Mode is the frequency semantics, "rate" or "event". Required.
	Mode FrequencyMode `json:"mode"`
	// Vulnerability is "pooled" (the default) or "periteration".
	Vulnerability VulnerabilityMode `json:"vulnerability,omitzero"`
	// Percentiles are the percentiles to report; empty means
	// DefaultPercentiles.
	Percentiles []float64 `json:"percentiles,omitempty"`
	// Exceedance are the amounts whose exceedance probability to report.
	Exceedance []float64 `json:"exceedance,omitempty"`
	// Scenarios are simulated together and summed. At least one; names
	// required and unique.
	Scenarios []Scenario `json:"scenarios"`
	// Treatments are compared with the scenarios as given.
	Treatments []Treatment `json:"treatments,omitempty"`
	// Correlations are rank correlations between scenarios, by name.
	Correlations []Correlation `json:"correlations,omitempty"`
	// Shocks are common shocks that hit several scenarios at once.
	Shocks []Shock `json:"shocks,omitempty"`
	// Tolerance is the risk tolerance curve the portfolio and each
	// scenario are checked against, when given.
	Tolerance *Tolerance `json:"tolerance,omitempty"`
	// Sensitivity, when given, asks the report for each scenario's
	// sensitivity analysis ([Sensitivity]).
	Sensitivity *SensitivityOptions `json:"sensitivity,omitempty"`
	// Extensions holds user data, kept untouched.
	Extensions Extensions `json:"extensions,omitempty"`
}

// Treatment is a control applied to one scenario of an analysis, with its
// annual cost. Its Changes replace the matching nodes of the scenario: a
// control that lowers the threat event frequency gives a new tef, one that
// strengthens resistance a new rs or vuln, one that limits damage a new lm
// or pl. A changed node drops the children its counterpart had. The zero
// value is invalid (no name).
type Treatment struct {
	// Name identifies the treatment. Required; unique.
	Name string `json:"name"`
	// Description is free text.
	Description string `json:"description,omitempty"`
	// Scenario is the name of the scenario the control changes; it may be
	// empty when the analysis has one scenario.
	Scenario string `json:"scenario,omitempty"`
	// AnnualCost is the control's cost per year; not negative.
	AnnualCost float64 `json:"annualCost"`
	// Changes are the nodes the control changes. At least one.
	Changes Nodes `json:"changes"`
	// Extensions holds user data, kept untouched.
	Extensions Extensions `json:"extensions,omitempty"`
}

// DecodeAnalysis decodes a JSON analysis strictly (an unknown field, an
// unknown enum value, a wrong type or trailing data is an error naming its
// path) and validates it. All problems are reported, joined, up to the
// problem limit; opts set the decoder's limits.
func DecodeAnalysis(data []byte, opts ...ismskit.DecodeOption) (Analysis, error) {
	v, err := codec.Decode[analysisJSON](data, opts)
	if err != nil {
		return Analysis{}, err
	}
	a := Analysis(v)
	if err := a.Validate(); err != nil {
		return Analysis{}, err
	}
	return a, nil
}

// ReadAnalysis reads an analysis from r, never past the byte limit, and
// decodes it as DecodeAnalysis does.
func ReadAnalysis(r io.Reader, opts ...ismskit.DecodeOption) (Analysis, error) {
	return codec.Read(r, opts, DecodeAnalysis)
}

// EncodeAnalysis returns the JSON form of a, indented by two spaces and
// ending in a newline; DecodeAnalysis reads it back.
func EncodeAnalysis(a Analysis) ([]byte, error) { return codec.Encode(analysisJSON(a)) }

// WriteAnalysis writes the JSON form of a to w, as EncodeAnalysis
// returns it.
func WriteAnalysis(w io.Writer, a Analysis) error { return codec.Write(w, analysisJSON(a)) }

// analysisJSON is Analysis without its methods, for decoding.
type analysisJSON Analysis

// UnmarshalJSON decodes an analysis strictly with the default limits. It
// does not validate it; DecodeAnalysis does both.
func (a *Analysis) UnmarshalJSON(data []byte) error {
	return codec.Unmarshal(data, (*analysisJSON)(a))
}

// DecodeScenario decodes one JSON scenario strictly and validates it.
func DecodeScenario(data []byte, opts ...ismskit.DecodeOption) (Scenario, error) {
	v, err := codec.Decode[scenarioJSON](data, opts)
	if err != nil {
		return Scenario{}, err
	}
	s := Scenario(v)
	if err := s.Validate(); err != nil {
		return Scenario{}, err
	}
	return s, nil
}

// ReadScenario reads a scenario from r, never past the byte limit, and
// decodes it as DecodeScenario does.
func ReadScenario(r io.Reader, opts ...ismskit.DecodeOption) (Scenario, error) {
	return codec.Read(r, opts, DecodeScenario)
}

// EncodeScenario returns the JSON form of s, indented by two spaces and
// ending in a newline; DecodeScenario reads it back.
func EncodeScenario(s Scenario) ([]byte, error) { return codec.Encode(scenarioJSON(s)) }

// WriteScenario writes the JSON form of s to w, as EncodeScenario
// returns it.
func WriteScenario(w io.Writer, s Scenario) error { return codec.Write(w, scenarioJSON(s)) }

// scenarioJSON is Scenario without its methods, for decoding.
type scenarioJSON Scenario

// UnmarshalJSON decodes a scenario strictly with the default limits. It
// does not validate it; DecodeScenario does both.
func (s *Scenario) UnmarshalJSON(data []byte) error {
	return codec.Unmarshal(data, (*scenarioJSON)(s))
}

// Options returns the simulation options of the analysis (Workers,
// MaxWork and KeepNodes zero).
func (a *Analysis) Options() Options {
	if a == nil {
		return Options{}
	}
	return Options{Iterations: a.Iterations, Seed: a.Seed, Mode: a.Mode, Vulnerability: a.Vulnerability,
		Correlations: a.Correlations, Shocks: a.Shocks, Percentiles: a.Percentiles, Exceedance: a.Exceedance,
		Tolerance: a.Tolerance}
}

// Validate reports every problem of the analysis, joined, each with its
// path ("scenarios[1].tef.mode", "treatments[0].scenario") and the name
// of the scenario or treatment as its item. A nil analysis is an
// ErrMissing.
func (a *Analysis) Validate() error {
	if a == nil {
		return fielderr.At("", errorf(ismskit.ErrMissing, "no analysis"))
	}
	var l fielderr.List
	a.check(&l)
	return l.Err()
}

func (a *Analysis) check(l *fielderr.List) {
	opt := a.Options()
	opt.check(l)
	if len(a.Scenarios) == 0 {
		l.Add("scenarios", errorf(ismskit.ErrMissing, "at least one scenario is required"))
	}
	names := map[string]int{}
	for i := range a.Scenarios {
		s := &a.Scenarios[i]
		path := fielderr.Index("scenarios", i)
		checkName(l, path, "scenarios", names, s.Name, i, "name is required")
		var sl fielderr.List
		s.Nodes.check(&sl, "")
		if sl.Len() == 0 && a.Mode.IsValid() {
			s.Nodes.checkRate(&sl, "", a.Mode)
		}
		l.AddItem(path, s.Name, sl.Err())
	}
	checkDependence(l, &opt, names)
	if a.Sensitivity != nil {
		a.Sensitivity.check(l, "sensitivity")
	}
	seen := map[string]int{}
	for i := range a.Treatments {
		t := &a.Treatments[i]
		path := fielderr.Index("treatments", i)
		checkName(l, path, "treatments", seen, t.Name, i, "name is required")
		var tl fielderr.List
		checkCost(&tl, "annualCost", t.AnnualCost)
		l.AddItem(path, t.Name, tl.Err())
		var cl fielderr.List
		a.treated(&cl, i)
		l.AddItem("", t.Name, cl.Err())
	}
}

// treated returns the index of the scenario treatment i changes and the
// changed scenario, reporting problems to l; the index is -1 on failure.
func (a *Analysis) treated(l *fielderr.List, i int) (int, Scenario) {
	t := &a.Treatments[i]
	path := fielderr.Index("treatments", i)
	target := -1
	switch {
	case t.Scenario == "" && len(a.Scenarios) == 1:
		target = 0
	case t.Scenario == "":
		l.Add(fielderr.JoinPath(path, "scenario"), errorf(ismskit.ErrMissing, "scenario is required when the analysis has %d scenarios", len(a.Scenarios)))
	default:
		for j := range a.Scenarios {
			if a.Scenarios[j].Name == t.Scenario {
				target = j
				break
			}
		}
		if target < 0 {
			l.Add(fielderr.JoinPath(path, "scenario"), errorf(ismskit.ErrUnknownReference, "no scenario is named %q", t.Scenario))
		}
	}
	cpath := fielderr.JoinPath(path, "changes")
	given := t.Changes.Secondary != nil
	for k := range numNodes {
		if e := t.Changes.get(k); e != nil {
			given = true
			e.check(l, fielderr.JoinPath(cpath, nodeInfo[k].key), nodeInfo[k].role)
		}
	}
	if t.Changes.Secondary != nil {
		var sl fielderr.List
		t.Changes.checkSecondary(&sl, "")
		for _, p := range ismskit.Problems(sl.Err()) {
			if !errors.Is(p, ErrConflict) {
				l.Add(cpath, p)
			}
		}
	}
	if !given {
		l.Add(cpath, errorf(ismskit.ErrMissing, "changes must give at least one node"))
	}
	if target < 0 {
		return -1, Scenario{}
	}
	var bl fielderr.List
	if a.Scenarios[target].Nodes.check(&bl, ""); bl.Len() > 0 {
		return -1, Scenario{} // reported under scenarios[target]
	}
	s := a.Scenarios[target]
	var cl fielderr.List
	s.Nodes = s.Nodes.apply(&t.Changes, &cl, cpath)
	if cl.Len() > 0 {
		l.Add("", cl.Err())
		return -1, Scenario{}
	}
	var sl fielderr.List
	s.Nodes.check(&sl, "")
	if sl.Len() > 0 {
		l.Add(cpath, errorf(ismskit.ErrMissing, "the changed scenario %q is incomplete: %v", s.Name, sl.Err()))
		return -1, Scenario{}
	}
	if a.Mode.IsValid() {
		if s.Nodes.checkRate(&sl, "", a.Mode); sl.Len() > 0 {
			l.Add(cpath, sl.Err())
			return -1, Scenario{}
		}
	}
	return target, s
}

// Report is the JSON result of an analysis: the portfolio's summary at the
// top level (iterations, mean, its standard error, stddev, min, max,
// percentiles with their standard errors, expected shortfall,
// exceedance), each scenario's own distribution and contribution, the
// verdicts against the tolerance curve, each scenario's sensitivity and
// each treatment's effect. Its JSON Schema is schema/report.schema.json.
// The zero value is an empty report; get one from [Run].
type Report struct {
	// Name is the analysis's name.
	Name string `json:"name,omitempty"`
	// Seed is the seed used.
	Seed uint64 `json:"seed"`
	// Mode is the frequency semantics used.
	Mode FrequencyMode `json:"mode"`
	// Vulnerability is the vulnerability mode used.
	Vulnerability VulnerabilityMode `json:"vulnerability"`
	Summary
	// Tolerance is the portfolio's verdict against the analysis's
	// tolerance curve, when it has one.
	Tolerance *Verdict `json:"tolerance,omitempty"`
	// Scenarios are the scenarios' own distributions and contributions to
	// the mean, in input order.
	Scenarios []Contribution `json:"scenarios"`
	// Sensitivity is each scenario's sensitivity analysis, in input order,
	// when the analysis asks for it.
	Sensitivity []*SensitivityResult `json:"sensitivity,omitempty"`
	// Treatments are the treatments' effects, in input order.
	Treatments []TreatmentResult `json:"treatments,omitempty"`

	// Result is the total loss distribution, for further queries and the
	// SVG. Not encoded: a report decoded from JSON has none.
	Result *Result `json:"-"`
}

// TreatmentResult is the effect of one treatment on the portfolio (the
// comparison of options of ISO/IEC 27001 6.1.3 a). The zero value is a
// treatment with no effect and no cost.
type TreatmentResult struct {
	// Name is the treatment's name.
	Name string `json:"name"`
	// Scenario is the name of the scenario it changes.
	Scenario string `json:"scenario"`
	// AnnualCost is the control's cost per year.
	AnnualCost float64 `json:"annualCost"`
	// MeanBefore is the portfolio's mean loss without the treatment.
	MeanBefore float64 `json:"meanBefore"`
	// MeanAfter is the portfolio's mean loss with it.
	MeanAfter float64 `json:"meanAfter"`
	// Reduction is MeanBefore - MeanAfter.
	Reduction float64 `json:"reduction"`
	// ROSI is (Reduction - AnnualCost) / AnnualCost; absent when the cost
	// is zero.
	ROSI *float64 `json:"rosi,omitempty"`
	// After is the portfolio's summary with the treatment.
	After Summary `json:"after"`
	// Tolerance is the treated portfolio's verdict against the tolerance
	// curve, when the analysis has one.
	Tolerance *Verdict `json:"tolerance,omitempty"`

	// Result is the treated loss distribution. Not encoded.
	Result *Result `json:"-"`
}

// Run validates and runs an analysis: the portfolio of its scenarios, then
// the portfolio again for each treatment, with the treated scenario's
// nodes changed and the same random streams (a scenario's streams follow
// its name). PERT estimates use the classic form unless their form says
// moment. It is safe for concurrent use.
func Run(a Analysis) (*Report, error) { return RunContext(context.Background(), a) }

// RunContext is Run that stops when ctx is done, returning ctx.Err() and
// no report.
func RunContext(ctx context.Context, a Analysis) (*Report, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	if err := a.Validate(); err != nil {
		return nil, err
	}
	opt := a.Options()
	ss := make([]*Scenario, len(a.Scenarios))
	for i := range a.Scenarios {
		ss[i] = &a.Scenarios[i]
	}
	base, err := simulatePortfolio(ctx, ss, opt)
	if err != nil {
		return nil, err
	}
	pct := a.Percentiles
	if len(pct) == 0 {
		pct = DefaultPercentiles()
	}
	sum, err := base.Total.Summary(pct, a.Exceedance)
	if err != nil {
		return nil, err
	}
	rep := &Report{Name: a.Name, Seed: a.Seed, Mode: a.Mode, Vulnerability: a.Vulnerability,
		Summary: sum, Scenarios: base.Contributions, Result: base.Total}
	if a.Tolerance != nil {
		v := a.Tolerance.Check(base.Total)
		rep.Tolerance = &v
	}
	if a.Sensitivity != nil {
		for _, s := range a.Scenarios {
			sr, err := SensitivityContext(ctx, s, opt, *a.Sensitivity)
			if err != nil {
				return nil, err
			}
			rep.Sensitivity = append(rep.Sensitivity, sr)
		}
	}
	for i := range a.Treatments {
		t := &a.Treatments[i]
		var l fielderr.List
		idx, treated := a.treated(&l, i)
		if err := l.Err(); err != nil {
			return nil, err
		}
		alt := make([]*Scenario, len(ss))
		copy(alt, ss)
		alt[idx] = &treated
		after, err := simulatePortfolio(ctx, alt, opt)
		if err != nil {
			return nil, err
		}
		as, err := after.Total.Summary(pct, a.Exceedance)
		if err != nil {
			return nil, err
		}
		tr := TreatmentResult{Name: t.Name, Scenario: a.Scenarios[idx].Name, AnnualCost: t.AnnualCost,
			MeanBefore: base.Total.Mean(), MeanAfter: after.Total.Mean(), After: as, Result: after.Total}
		tr.Reduction = tr.MeanBefore - tr.MeanAfter
		if t.AnnualCost > 0 {
			r := (tr.Reduction - t.AnnualCost) / t.AnnualCost
			tr.ROSI = &r
		}
		if a.Tolerance != nil {
			v := a.Tolerance.Check(after.Total)
			tr.Tolerance = &v
		}
		rep.Treatments = append(rep.Treatments, tr)
	}
	return rep, nil
}

// TreatedScenario returns the index in a.Scenarios of the scenario that
// treatment i changes and that scenario with the treatment's changes
// applied, as Run simulates it (for a chart of the scenario before and
// after the treatment). An i outside the treatments is an
// ismskit.ErrOutOfRange; a treatment that does not apply is its errors,
// joined; either way the index is -1.
func (a *Analysis) TreatedScenario(i int) (int, Scenario, error) {
	if a == nil || i < 0 || i >= len(a.Treatments) {
		n := 0
		if a != nil {
			n = len(a.Treatments)
		}
		return -1, Scenario{}, fielderr.At("treatments", errorf(ismskit.ErrOutOfRange, "treatment %d is outside the %d treatments", i, n))
	}
	var l fielderr.List
	idx, s := a.treated(&l, i)
	if err := l.Err(); err != nil || idx < 0 {
		if err == nil {
			err = fielderr.At(fielderr.Index("treatments", i), errorf(ismskit.ErrMissing, "the treatment applies to no valid scenario"))
		}
		return -1, Scenario{}, err
	}
	return idx, s, nil
}
