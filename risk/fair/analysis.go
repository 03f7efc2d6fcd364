package fair

import (
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
	// Extensions holds user data, kept untouched.
	Extensions map[string]any `json:"extensions,omitempty"`
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
	Extensions map[string]any `json:"extensions,omitempty"`
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
	data, err := codec.ReadAll(r, opts)
	if err != nil {
		return Analysis{}, err
	}
	return DecodeAnalysis(data, opts...)
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
	v, err := codec.Decode[analysisJSON](data, nil)
	if err == nil {
		*a = Analysis(v)
	}
	return err
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
	data, err := codec.ReadAll(r, opts)
	if err != nil {
		return Scenario{}, err
	}
	return DecodeScenario(data, opts...)
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
	v, err := codec.Decode[scenarioJSON](data, nil)
	if err == nil {
		*s = Scenario(v)
	}
	return err
}

// Options returns the simulation options of the analysis (Workers zero).
func (a *Analysis) Options() Options {
	return Options{Iterations: a.Iterations, Seed: a.Seed, Mode: a.Mode, Vulnerability: a.Vulnerability}
}

// Validate reports every problem of the analysis, joined, each with its
// path ("scenarios[1].tef.mode", "treatments[0].scenario").
func (a *Analysis) Validate() error {
	var l fielderr.List
	a.check(&l)
	return l.Err()
}

func (a *Analysis) check(l *fielderr.List) {
	opt := a.Options()
	opt.check(l)
	checkLevels(l, a.Percentiles, a.Exceedance)
	if len(a.Scenarios) == 0 {
		l.Add("scenarios", errorf(ismskit.ErrMissing, "at least one scenario is required"))
	}
	names := map[string]int{}
	for i := range a.Scenarios {
		s := &a.Scenarios[i]
		path := fielderr.Index("scenarios", i)
		switch prev, dup := names[s.Name]; {
		case s.Name == "":
			l.Add(fielderr.JoinPath(path, "name"), errorf(ismskit.ErrMissing, "name is required"))
		case dup:
			l.Add(fielderr.JoinPath(path, "name"), errorf(ErrConflict, "name %q is already used by scenarios[%d]", s.Name, prev))
		default:
			names[s.Name] = i
		}
		var sl fielderr.List
		s.Nodes.check(&sl, path)
		if sl.Len() == 0 && a.Mode == Event {
			s.Nodes.checkEventRate(&sl, path)
		}
		l.Add("", sl.Err())
	}
	seen := map[string]int{}
	for i := range a.Treatments {
		t := &a.Treatments[i]
		path := fielderr.Index("treatments", i)
		switch prev, dup := seen[t.Name]; {
		case t.Name == "":
			l.Add(fielderr.JoinPath(path, "name"), errorf(ismskit.ErrMissing, "name is required"))
		case dup:
			l.Add(fielderr.JoinPath(path, "name"), errorf(ErrConflict, "name %q is already used by treatments[%d]", t.Name, prev))
		default:
			seen[t.Name] = i
		}
		checkCost(l, fielderr.JoinPath(path, "annualCost"), t.AnnualCost)
		a.treated(l, i)
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
			l.Add(fielderr.JoinPath(path, "scenario"), errorf(ismskit.ErrMissing, "no scenario is named %q", t.Scenario))
		}
	}
	cpath := fielderr.JoinPath(path, "changes")
	given := false
	for k := range numNodes {
		if e := t.Changes.get(k); e != nil {
			given = true
			e.check(l, fielderr.JoinPath(cpath, nodeInfo[k].key), nodeInfo[k].role)
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
	if a.Mode == Event {
		if s.Nodes.checkEventRate(&sl, ""); sl.Len() > 0 {
			l.Add(cpath, sl.Err())
			return -1, Scenario{}
		}
	}
	return target, s
}

// Report is the JSON result of an analysis: the portfolio's summary at the
// top level (iterations, mean, stddev, min, max, percentiles, exceedance),
// each scenario's contribution and each treatment's effect. Its JSON
// Schema is schema/report.schema.json. The zero value is an empty report;
// get one from [Run].
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
	// Scenarios are the contributions to the mean, in input order.
	Scenarios []Contribution `json:"scenarios"`
	// Treatments are the treatments' effects, in input order.
	Treatments []TreatmentResult `json:"treatments,omitempty"`

	// Result is the total loss distribution, for further queries and the
	// SVG. Not encoded.
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

	// Result is the treated loss distribution. Not encoded.
	Result *Result `json:"-"`
}

// Run validates and runs an analysis: the portfolio of its scenarios, then
// the portfolio again for each treatment, with the treated scenario's
// nodes changed and the same random streams. It is safe for concurrent
// use.
func Run(a Analysis) (*Report, error) {
	if err := a.Validate(); err != nil {
		return nil, err
	}
	opt := a.Options()
	ss := make([]*Scenario, len(a.Scenarios))
	for i := range a.Scenarios {
		ss[i] = &a.Scenarios[i]
	}
	base, err := simulatePortfolio(ss, opt)
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
		after, err := simulatePortfolio(alt, opt)
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
		rep.Treatments = append(rep.Treatments, tr)
	}
	return rep, nil
}
