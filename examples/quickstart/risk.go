package main

// Steps 2 to 4: the risk assessment, FAIR and the treatment (package risk,
// risk/fair; ISO/IEC 27001:2022 clauses 6.1.2 and 6.1.3).

import (
	"fmt"
	"slices"
	"strings"

	"github.com/ismskit/ismskit/examples/internal/sample"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/risk/fair"
)

// assessRisks is step 2: inherent, current and residual ratings, the
// ranking and the heat map.
func (q *quickstart) assessRisks() error {
	reg := q.register
	q.step(2, fmt.Sprintf("Risk assessment with the criteria %s", reg.Criteria.Ref()))
	findings, err := risk.Check(reg)
	if err != nil {
		return fmt.Errorf("risk assessment: %w", err)
	}
	as, err := risk.AssessRegister(reg)
	if err != nil {
		return fmt.Errorf("risk assessment: %w", err)
	}
	q.assessments = as
	q.ranked = risk.Rank(as, risk.Residual)

	rows := []string{"Level\tInherent\tCurrent\tResidual\n"}
	for i := len(reg.Criteria.RiskLevels) - 1; i >= 0; i-- {
		lv := reg.Criteria.RiskLevels[i]
		n := [3]int{}
		for _, a := range as {
			for s, st := range []risk.Stage{risk.Inherent, risk.Current, risk.Residual} {
				if a.Rating(st).Rank == i {
					n[s]++
				}
			}
		}
		rows = append(rows, fmt.Sprintf("%s\t%d\t%d\t%d\n", lv.Label, n[0], n[1], n[2]))
	}
	q.tab(rows...)

	q.printf("  Top 5 by residual level:\n")
	rows = []string{"#\tRisk\tResidual\tInherent\tOwner\tTitle\n"}
	owners := map[string]string{}
	for _, r := range reg.Risks {
		owners[r.ID] = r.Owner
	}
	for _, r := range q.ranked[:min(5, len(q.ranked))] {
		rows = append(rows, fmt.Sprintf("%d\t%s\t%s\t%s\t%s\t%s\n", r.Position, r.RiskID, rating(r.Residual), rating(r.Inherent), owners[r.RiskID], q.titles[r.RiskID]))
	}
	q.tab(rows...)
	above := 0
	for _, a := range as {
		if a.AboveCriteria() {
			above++
		}
	}
	q.printf("  %d risks stay above their acceptance limit after treatment (step 4 lists those not yet accepted); consistency findings: %d\n", above, len(findings))

	h, err := risk.NewHeatMap(reg.Criteria, as)
	if err != nil {
		return fmt.Errorf("heat map: %w", err)
	}
	svg, err := h.SVGWith(risk.SVGOptions{Title: "Risk heat map, before and after treatment", Organisation: q.org.Name, AsOf: q.asOf})
	if err != nil {
		return fmt.Errorf("heat map: %w", err)
	}
	q.heatmap = h
	data, err := risk.EncodeRegister(reg)
	if err != nil {
		return fmt.Errorf("risk register: %w", err)
	}
	csv, err := risk.EncodeRegisterCSV(reg)
	if err != nil {
		return fmt.Errorf("risk register: %w", err)
	}
	for _, f := range []struct {
		name string
		data []byte
	}{{"risk-register.json", data}, {"risk-register.csv", csv}, {"risk-heatmap.svg", svg}} {
		if err := q.write(f.name, f.data); err != nil {
			return err
		}
	}
	if err := q.writeJSON("risk-heatmap.json", h); err != nil {
		return err
	}
	return q.writeJSON("risk-assessment.json", q.ranked)
}

func rating(r risk.Rating) string {
	return fmt.Sprintf("%s (L%d I%d)", r.Level, r.Likelihood, r.Impact)
}

// quantify is step 3: FAIR Monte Carlo for the three risks ranked
// highest by residual level.
func (q *quickstart) quantify() error {
	a, err := fair.DecodeAnalysis(sample.FAIRJSON())
	if err != nil {
		return fmt.Errorf("sample FAIR analysis: %w", err)
	}
	top := q.ranked[:min(3, len(q.ranked))]
	// The sample holds one scenario per top risk; keep them in rank order.
	var scenarios []fair.Scenario
	for _, r := range top {
		i := slices.IndexFunc(a.Scenarios, func(s fair.Scenario) bool { return s.Name == r.RiskID })
		if i < 0 {
			return fmt.Errorf("sample FAIR analysis: no scenario for top risk %s", r.RiskID)
		}
		scenarios = append(scenarios, a.Scenarios[i])
	}
	a.Scenarios = scenarios
	q.step(3, fmt.Sprintf("FAIR: yearly loss of the top %d risks (Monte Carlo, %s simulated years, seed %d)", len(top), thousands(a.Iterations), a.Seed))
	q.printf("  simulating %d scenarios and %d treatments...\n", len(a.Scenarios), len(a.Treatments))
	rep, err := fair.Run(a)
	if err != nil {
		return fmt.Errorf("FAIR analysis: %w", err)
	}
	opt := a.Options()
	rows := []string{"Risk\tTitle\tMean/yr\tP90\tP99\tP(> 1M)\n"}
	var curves []fair.Curve
	per := make([]fair.Summary, len(a.Scenarios))
	for i, s := range a.Scenarios {
		res, err := fair.Simulate(s, opt)
		if err != nil {
			return fmt.Errorf("FAIR analysis: %s: %w", s.Name, err)
		}
		per[i], err = res.Summary([]float64{50, 90, 99}, a.Exceedance)
		if err != nil {
			return fmt.Errorf("FAIR analysis: %s: %w", s.Name, err)
		}
		rows = append(rows, fmt.Sprintf("%s\t%s\t%s\t%s\t%s\t%.1f%%\n", s.Name, q.titles[s.Name],
			money(res.Mean()), money(res.Percentile(90)), money(res.Percentile(99)), 100*res.Exceedance(1e6)))
		curves = append(curves, fair.Curve{Label: s.Name + " " + q.titles[s.Name], Points: res.ExceedanceCurve(res.CurveAmounts(60))})
	}
	total := rep.Result
	rows = append(rows, fmt.Sprintf("all\t\t%s\t%s\t%s\t%.1f%%\n",
		money(total.Mean()), money(total.Percentile(90)), money(total.Percentile(99)), 100*total.Exceedance(1e6)))
	q.tab(rows...)
	curves = append(curves, fair.Curve{Label: "All three risks together", Points: total.ExceedanceCurve(total.CurveAmounts(60))})

	q.printf("  Treatments compared (6.1.3 a):\n")
	rows = []string{"Treatment\tRisk\tCost/yr\tLoss avoided/yr\tROSI\n"}
	for _, t := range rep.Treatments {
		rosi := "n/a"
		if t.ROSI != nil {
			rosi = fmt.Sprintf("%.1f", *t.ROSI)
		}
		rows = append(rows, fmt.Sprintf("%s\t%s\t%s\t%s\t%s\n", t.Name, t.Scenario, money(t.AnnualCost), money(t.Reduction), rosi))
	}
	q.tab(rows...)

	if err := q.writeJSON("fair-analysis.json", a); err != nil {
		return err
	}
	if err := q.writeJSON("fair-report.json", struct {
		*fair.Report
		PerScenario map[string]fair.Summary `json:"perScenario"`
	}{rep, perScenarioMap(a.Scenarios, per)}); err != nil {
		return err
	}
	if err := q.fairReport(a, rep); err != nil {
		return err
	}
	co := fair.ChartOptions{Title: "Nimbus Ledger: yearly loss exceedance of the top risks", Currency: "EUR"}
	if a.Tolerance != nil {
		co.Tolerance = a.Tolerance.Points
	}
	svg, err := fair.LossExceedanceSVGWith(co, curves...)
	if err != nil {
		return fmt.Errorf("FAIR chart: %w", err)
	}
	return q.write("fair-loss-exceedance.svg", svg)
}

func perScenarioMap(s []fair.Scenario, per []fair.Summary) map[string]fair.Summary {
	m := make(map[string]fair.Summary, len(s))
	for i := range s {
		m[s[i].Name] = per[i]
	}
	return m
}

// thousands writes n with comma separators.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// money writes an amount in euros with a k or M suffix.
func money(v float64) string {
	switch {
	case v >= 1e6:
		return fmt.Sprintf("EUR %.2fM", v/1e6)
	case v >= 1e3:
		return fmt.Sprintf("EUR %.0fk", v/1e3)
	default:
		return fmt.Sprintf("EUR %.0f", v)
	}
}

// treat is step 4: treatment options, the Annex A controls, the plan and
// the owners' approval and acceptance (6.1.3).
func (q *quickstart) treat() error {
	reg := q.register
	q.step(4, "Risk treatment with Annex A controls (6.1.3)")
	options := map[risk.TreatmentOption]int{}
	annexA, own := map[iso27002.ControlID]bool{}, map[iso27002.ControlID]bool{}
	implemented, planned := 0, 0
	type planLine struct {
		risk string
		risk.Action
	}
	var plan []planLine
	approved := 0
	for i := range reg.Risks {
		r := &reg.Risks[i]
		options[r.Treatment.Option]++
		for _, c := range r.Controls {
			if c.Control.Edition() == iso27002.Edition2022 {
				annexA[c.Control] = true
			} else {
				own[c.Control] = true
			}
			if c.Status == risk.Implemented {
				implemented++
			} else {
				planned++
			}
		}
		for _, a := range r.Treatment.Plan {
			plan = append(plan, planLine{r.ID, a})
		}
		if risk.PlanApproved(*r, q.asOf) {
			approved++
		}
	}
	var opts []string
	for _, o := range []risk.TreatmentOption{risk.Modify, risk.Retain, risk.Avoid, risk.Share} {
		opts = append(opts, fmt.Sprintf("%s %d", string(o), options[o]))
	}
	q.printf("  Options: %s\n", strings.Join(opts, ", "))
	q.printf("  Controls: %d of the %d Annex A controls and %d of the company's own treat risks (%d applications: %d implemented, %d planned)\n",
		len(annexA), iso27002.Catalog2022().Len(), len(own), implemented+planned, implemented, planned)

	byControl := risk.Aggregate(reg, q.assessments, risk.ByControl, risk.Inherent)
	slices.SortStableFunc(byControl, func(a, b risk.Group) int { return len(b.Risks) - len(a.Risks) })
	var most []string
	for _, g := range byControl {
		if g.Key != "" && len(most) < 5 {
			most = append(most, fmt.Sprintf("%s (%d risks)", g.Key, len(g.Risks)))
		}
	}
	q.printf("  Most used: %s\n", strings.Join(most, ", "))

	status := map[risk.ActionStatus]int{}
	var overdue []string
	for _, p := range plan {
		status[p.Status]++
		if p.IsOverdue(q.asOf) {
			overdue = append(overdue, fmt.Sprintf("%s/%s due %s", p.risk, p.ID, day(p.Due)))
		}
	}
	var counts []string
	for _, s := range []risk.ActionStatus{risk.ActionDone, risk.ActionInProgress, risk.ActionPlanned, risk.ActionCancelled} {
		counts = append(counts, fmt.Sprintf("%s %d", string(s), status[s]))
	}
	q.printf("  Treatment plan: %d actions (%s); overdue: %d\n", len(plan), strings.Join(counts, ", "), len(overdue))
	for _, o := range overdue {
		q.printf("    %s\n", o)
	}
	q.printf("  Owners approved the plan of %d of %d risks\n", approved, len(reg.Risks))

	gaps, err := risk.NeedingAcceptance(reg, q.asOf)
	if err != nil {
		return fmt.Errorf("acceptance: %w", err)
	}
	q.printf("  Residual risks above the criteria without a valid acceptance by their owner: %d\n", len(gaps))
	rows := []string{"Risk\tResidual\tLimit\tAcceptance\tOwner\n"}
	for _, g := range gaps {
		rows = append(rows, fmt.Sprintf("%s\t%s\t%s\t%s\t%s\n", g.RiskID, rating(g.Residual), g.Limit, string(g.Status), g.Owner))
	}
	if len(gaps) > 0 {
		q.tab(rows...)
	}

	if err := q.riskReport(); err != nil {
		return err
	}
	return q.writeJSON("risk-acceptance-gaps.json", gaps)
}
