package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/internal/htmldoc"
	"github.com/ismskit/ismskit/risk/fair"
)

// Document is a FAIR risk analysis as the document people hand over (to
// management, the risk owners, an auditor): the analysis's inputs and
// what Run made of them. The zero value is an empty document; rendering
// it never fails.
type Document struct {
	// Analysis is the analysis that was run: its scenarios' estimates
	// (the inputs tables), its treatments' descriptions, its settings and
	// its tolerance curve. The zero value shows no inputs.
	Analysis fair.Analysis `json:"analysis"`
	// Report is what fair.Run returned for Analysis; nil shows the inputs
	// alone, with a note that the analysis has not been run. A report
	// decoded from JSON has no distribution (Report.Result), so the
	// portfolio's charts are left out then.
	Report *fair.Report `json:"report,omitempty"`
	// Organisation is the organisation whose risks these are.
	Organisation string `json:"organisation,omitempty"`
	// Version of the document ("1.0"); empty for an unversioned draft.
	Version string `json:"version,omitempty"`
	// Date of the document.
	Date ismskit.Date `json:"date,omitzero"`
	// Currency names the unit of the amounts ("EUR"), written before
	// them; empty writes amounts without one. At most 16 characters.
	Currency string `json:"currency,omitempty"`
	// Letterhead is the classification marking, logo and colour.
	Letterhead ismskit.Letterhead `json:"letterhead,omitzero"`
}

// Title and Subtitle head every FAIR report.
// The subtitle follows the analysis's name.
const (
	Title    = "FAIR risk analysis"
	Subtitle = "Quantitative risk analysis and evaluation (ISO/IEC 27001:2022 6.1.2 d and e) and treatment options (6.1.3 a)"
)

//go:embed report.html.tmpl
var reportSource string

var reportTemplate = template.Must(template.New("fair").Parse(reportSource))

// HTML returns the document as one self-contained HTML page (inline CSS
// and SVG, no scripts, no external resources; the logo embedded) in the
// look every document of ismskit shares, laid out for A4 landscape. Its
// parts: the portfolio (key figures, each scenario's share, the
// exceedance curves with the tolerance line and the verdict), the
// treatments compared (loss avoided, ROSI, the curves before and after),
// one section per scenario (the FAIR tree of its estimates, the mean with
// its standard error, percentiles with expected shortfall, a histogram
// and the exceedance curve before and after its treatments), and the
// method and notation.
//
// A fair.Report keeps the portfolio's distribution but not each
// scenario's, so HTML simulates every scenario alone, and every treated
// scenario, with the analysis's settings (shocks that hit the scenario
// included, correlations left out, which change no scenario's own
// distribution) to draw its charts; this takes about as long as Run.
// The same document gives the same bytes.
//
// Errors: a Letterhead that does not validate (paths under
// "letterhead"), a Currency longer than 16 characters, an Analysis with
// scenarios that does not validate (paths under "analysis"), or a
// simulation over its budget. HTML is safe for concurrent use.
func (d Document) HTML() ([]byte, error) {
	if n := utf8.RuneCountInString(d.Currency); n > 16 {
		return nil, fielderr.At("currency", fielderr.Errorf(ismskit.ErrOutOfRange, "%d characters are more than 16", n))
	}
	if err := d.Letterhead.Validate(); err != nil {
		return nil, fielderr.At("letterhead", err)
	}
	v, err := d.view()
	if err != nil {
		return nil, err
	}
	return htmldoc.Execute(d.head(), reportTemplate, v)
}

func (d Document) head() htmldoc.Head {
	sub := Subtitle
	name := d.Analysis.Name
	if name == "" && d.Report != nil {
		name = d.Report.Name
	}
	if name != "" {
		sub = name + ". " + Subtitle
	}
	return htmldoc.Head{Title: Title, Subtitle: sub, Organization: d.Organisation, Version: d.Version,
		Date: d.Date, Letterhead: d.Letterhead}
}

// view is what report.html.tmpl reads.
type view struct {
	Name, Description string
	Run               bool
	KPIs              [][2]string
	Verdict           *verdictView
	Rows              []scenarioView
	Details           []scenarioView
	Portfolio         template.HTML
	Treatments        []treatmentView
	TreatmentChart    template.HTML
	Settings          [][2]string
	Notation          [][2]string
	PERT              string
	Currency          string
}

type verdictView struct {
	Above bool
	Text  string
}

type scenarioView struct {
	Name, Description string
	Tree              []treeRow
	Figures           [][2]string
	Percentiles       []pctRow
	Exceedance        [][2]string
	Mean, Share       string
	P90, P99          string
	Verdict           *verdictView
	Histogram         template.HTML
	Curve             template.HTML
	Treatments        []string
}

type pctRow struct {
	P, Loss, SE, ES string
}

type treatmentView struct {
	Name, Description, Scenario          string
	Cost, Before, After, Reduction, ROSI string
	Gain                                 bool
	P90After, P99After                   string
	Verdict                              *verdictView
}

// chartPoints is the number of points of every exceedance curve drawn.
const chartPoints = 80

func (d Document) view() (view, error) {
	a, rep := &d.Analysis, d.Report
	v := view{Name: a.Name, Description: a.Description, Run: rep != nil, Currency: d.Currency}
	if v.Name == "" && rep != nil {
		v.Name = rep.Name
	}
	if len(a.Scenarios) > 0 {
		if err := a.Validate(); err != nil {
			return view{}, fielderr.At("analysis", err)
		}
	}
	m := d.money
	// Each scenario alone, and each treated scenario, for the charts.
	alone := make([]*fair.Result, len(a.Scenarios))
	if rep != nil {
		for i := range a.Scenarios {
			r, err := fair.Simulate(a.Scenarios[i], aloneOptions(a, a.Scenarios[i].Name))
			if err != nil {
				return view{}, fielderr.At(fielderr.Index("analysis.scenarios", i), err)
			}
			alone[i] = r
		}
	}
	var tol []fair.Point
	if a.Tolerance != nil {
		tol = a.Tolerance.Points
	}
	chart := func(title string, curves ...fair.Curve) template.HTML {
		svg, err := fair.LossExceedanceSVGWith(fair.ChartOptions{Title: title, Currency: d.Currency, Tolerance: tol}, curves...)
		if err != nil { // options validated above; never
			return ""
		}
		return template.HTML(svg)
	}
	curveOf := func(r *fair.Result, label, colour string, dashed bool) fair.Curve {
		return fair.Curve{Label: label, Points: r.ExceedanceCurve(r.CurveAmounts(chartPoints)), Colour: colour, Dashed: dashed}
	}

	// The portfolio.
	if rep != nil {
		s := rep.Summary
		v.KPIs = append(v.KPIs, [2]string{m(s.Mean), "mean loss a year (± " + m(s.StandardError) + ")"})
		for _, p := range []string{"90", "99"} {
			if x, ok := s.Percentiles[p]; ok {
				v.KPIs = append(v.KPIs, [2]string{m(x), "P" + p + ": " + oneIn(p) + " is worse"})
			}
		}
		if x, ok := s.ExpectedShortfall["99"]; ok {
			v.KPIs = append(v.KPIs, [2]string{m(x), "expected shortfall at 99%"})
		}
		for _, k := range sortedKeys(s.Exceedance) {
			amt, _ := strconv.ParseFloat(k, 64)
			v.KPIs = append(v.KPIs, [2]string{pct(s.Exceedance[k]), "chance of a year above " + m(amt)})
		}
		v.Verdict = verdict(rep.Tolerance, m)
		for _, c := range rep.Scenarios {
			sv := scenarioView{Name: c.Name, Mean: m(c.Mean), Share: pct(c.Share), P90: m(c.Summary.Percentiles["90"]),
				P99: m(c.Summary.Percentiles["99"]), Verdict: verdict(c.Tolerance, m)}
			if j := indexOf(a, c.Name); j >= 0 {
				sv.Description = a.Scenarios[j].Description
			}
			if _, ok := c.Summary.Percentiles["90"]; !ok {
				sv.P90 = "—"
			}
			if _, ok := c.Summary.Percentiles["99"]; !ok {
				sv.P99 = "—"
			}
			v.Rows = append(v.Rows, sv)
		}
		var curves []fair.Curve
		for i, r := range alone {
			curves = append(curves, curveOf(r, label(a.Scenarios[i]), palette(i), false))
		}
		if rep.Result != nil {
			curves = append(curves, curveOf(rep.Result, "All scenarios together", "#1a1a1a", false))
			if len(curves) > 1 {
				curves[len(curves)-1].Colour = palette(len(curves) - 1)
			}
		}
		if len(curves) > 0 {
			v.Portfolio = chart("Loss exceedance: each scenario and the portfolio", curves...)
		}
		// Treatments.
		var tc []fair.Curve
		if rep.Result != nil && len(rep.Treatments) > 0 {
			tc = append(tc, curveOf(rep.Result, "Portfolio as it is", "#1a1a1a", false))
		}
		for i, t := range rep.Treatments {
			tv := treatmentView{Name: t.Name, Scenario: t.Scenario, Cost: m(t.AnnualCost), Before: m(t.MeanBefore),
				After: m(t.MeanAfter), Reduction: m(t.Reduction), ROSI: "n/a (no cost)", Verdict: verdict(t.Tolerance, m),
				P90After: m(t.After.Percentiles["90"]), P99After: m(t.After.Percentiles["99"])}
			if t.ROSI != nil {
				tv.ROSI, tv.Gain = signedPct(*t.ROSI), *t.ROSI > 0
			}
			if j := slices.IndexFunc(a.Treatments, func(x fair.Treatment) bool { return x.Name == t.Name }); j >= 0 {
				tv.Description = a.Treatments[j].Description
			}
			v.Treatments = append(v.Treatments, tv)
			if t.Result != nil && rep.Result != nil {
				tc = append(tc, curveOf(t.Result, "Portfolio after "+t.Name, palette(i), true))
			}
		}
		if len(tc) > 1 {
			v.TreatmentChart = chart("Loss exceedance of the portfolio before and after each treatment", tc...)
		}
	}

	// Each scenario in detail.
	for i := range a.Scenarios {
		s := &a.Scenarios[i]
		sv := d.scenarioDetail(s, rep)
		if rep != nil {
			r := alone[i]
			if svg, err := fair.LossHistogramSVG(fair.ChartOptions{Title: s.Name + ": distribution of the annual loss", Currency: d.Currency}, r); err == nil {
				sv.Histogram = template.HTML(svg)
			}
			curves := []fair.Curve{curveOf(r, s.Name+" as it is", palette(i), false)}
			for j := range a.Treatments {
				idx, ts, err := a.TreatedScenario(j)
				if err != nil || idx != i {
					continue
				}
				tr, err := fair.Simulate(ts, aloneOptions(a, ts.Name))
				if err != nil {
					return view{}, fielderr.At(fielderr.Index("analysis.treatments", j), err)
				}
				curves = append(curves, curveOf(tr, s.Name+" after "+a.Treatments[j].Name, palette(i+1+len(sv.Treatments)), true))
				sv.Treatments = append(sv.Treatments, a.Treatments[j].Name)
			}
			sv.Curve = chart(s.Name+": loss exceedance", curves...)
		}
		v.Details = append(v.Details, sv)
	}
	if len(a.Scenarios) == 0 && rep != nil {
		for _, c := range rep.Scenarios {
			v.Details = append(v.Details, d.scenarioDetail(&fair.Scenario{Name: c.Name}, rep))
		}
	}
	v.Settings = d.settings()
	v.Notation = notation
	v.PERT = pertText
	return v, nil
}

// aloneOptions returns the analysis's options for one scenario simulated
// alone: the shocks that hit it, on it alone, no correlations and no
// tolerance.
func aloneOptions(a *fair.Analysis, name string) fair.Options {
	o := a.Options()
	o.Correlations, o.Tolerance = nil, nil
	var shocks []fair.Shock
	for _, s := range o.Shocks {
		if slices.Contains(s.Scenarios, name) {
			s.Scenarios = []string{name}
			shocks = append(shocks, s)
		}
	}
	o.Shocks = shocks
	return o
}

func indexOf(a *fair.Analysis, name string) int {
	return slices.IndexFunc(a.Scenarios, func(s fair.Scenario) bool { return s.Name == name })
}

// label is a scenario's name and the start of its description, for a
// legend.
func label(s fair.Scenario) string {
	if s.Description == "" {
		return s.Name
	}
	return s.Name + ": " + s.Description
}

var colours = [...]string{"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"}

func palette(i int) string { return colours[i%len(colours)] }

// scenarioDetail is a scenario's inputs and, when the report has it, its
// own distribution's figures.
func (d Document) scenarioDetail(s *fair.Scenario, rep *fair.Report) scenarioView {
	m := d.money
	sv := scenarioView{Name: s.Name, Description: s.Description, Tree: d.tree(&s.Nodes)}
	if rep == nil {
		return sv
	}
	j := slices.IndexFunc(rep.Scenarios, func(c fair.Contribution) bool { return c.Name == s.Name })
	if j < 0 {
		return sv
	}
	c := rep.Scenarios[j]
	sum := c.Summary
	sv.Verdict = verdict(c.Tolerance, m)
	sv.Figures = [][2]string{
		{"Mean loss a year", m(sum.Mean) + " (standard error " + m(sum.StandardError) + ")"},
		{"Share of the portfolio's mean", pct(c.Share)},
		{"Standard deviation", m(sum.StdDev)},
		{"Smallest and largest year", m(sum.Min) + " to " + m(sum.Max)},
	}
	if sum.Iterations > 0 {
		sv.Figures = append(sv.Figures, [2]string{"Simulated years", thousands(sum.Iterations)})
	}
	sv.Percentiles = percentiles(sum, m)
	for _, k := range sortedKeys(sum.Exceedance) {
		amt, _ := strconv.ParseFloat(k, 64)
		sv.Exceedance = append(sv.Exceedance, [2]string{"above " + m(amt), pct(sum.Exceedance[k])})
	}
	return sv
}

func percentiles(s fair.Summary, m func(float64) string) []pctRow {
	var out []pctRow
	for _, k := range sortedKeys(s.Percentiles) {
		r := pctRow{P: "P" + k, Loss: m(s.Percentiles[k]), SE: "—", ES: "—"}
		if se, ok := s.PercentileStandardErrors[k]; ok {
			r.SE = m(se)
		}
		if es, ok := s.ExpectedShortfall[k]; ok {
			r.ES = m(es)
		}
		out = append(out, r)
	}
	return out
}

// sortedKeys returns the keys of m (shortest decimals) in numeric order.
func sortedKeys(m map[string]float64) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		x, _ := strconv.ParseFloat(a, 64)
		y, _ := strconv.ParseFloat(b, 64)
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return strings.Compare(a, b)
	})
	return keys
}

// oneIn says how often a year is worse than percentile p: "one year in
// ten" for 90.
func oneIn(p string) string {
	switch p {
	case "90":
		return "one year in ten"
	case "99":
		return "one year in a hundred"
	}
	return "P" + p
}

func verdict(v *fair.Verdict, m func(float64) string) *verdictView {
	if v == nil {
		return nil
	}
	w := v.Worst
	if v.Above {
		return &verdictView{Above: true, Text: fmt.Sprintf("Above the risk tolerance for losses from %s to %s; the largest excess is at %s: %s of the years exceed it, where %s is tolerated.",
			m(v.From), m(v.To), m(w.Amount), pct(w.Probability), pct(w.Tolerance))}
	}
	return &verdictView{Text: fmt.Sprintf("Within the risk tolerance at every amount checked; closest at %s: %s of the years exceed it, where %s is tolerated.",
		m(w.Amount), pct(w.Probability), pct(w.Tolerance))}
}

// settings are the analysis's settings for the method section.
func (d Document) settings() [][2]string {
	a, rep := &d.Analysis, d.Report
	mode, seed, iters := a.Mode, a.Seed, a.Iterations
	vuln := a.Vulnerability
	if rep != nil {
		mode, seed, vuln = rep.Mode, rep.Seed, rep.Vulnerability
		if rep.Iterations > 0 {
			iters = rep.Iterations
		}
	}
	var out [][2]string
	if iters > 0 {
		out = append(out, [2]string{"Simulated years (iterations)", thousands(iters)})
	}
	if iters > 0 || seed != 0 {
		out = append(out, [2]string{"Seed", strconv.FormatUint(seed, 10) + " (the same seed and inputs give the same figures)"})
	}
	switch mode {
	case fair.Event:
		out = append(out, [2]string{"Frequency", "Events: each simulated year draws its number of loss events from a Poisson distribution with that year's loss event frequency, and a loss magnitude for each event, so years without a loss appear."})
	case fair.Rate:
		out = append(out, [2]string{"Frequency", "Rate: each iteration multiplies one draw of the loss event frequency by one draw of the loss magnitude."})
	case fair.Bernoulli:
		out = append(out, [2]string{"Frequency", "At most one event: a simulated year has one loss event with the probability the loss event frequency gives, or none."})
	}
	if vuln == fair.PerIteration {
		out = append(out, [2]string{"Vulnerability from TCap and RS", "Per iteration: compared once per simulated year."})
	} else if slices.ContainsFunc(a.Scenarios, func(s fair.Scenario) bool { return s.TCap != nil || s.RS != nil }) {
		out = append(out, [2]string{"Vulnerability from TCap and RS", "Pooled: the share of all draws in which the threat capability exceeds the resistance strength."})
	}
	if len(a.Correlations) > 0 || len(a.Shocks) > 0 {
		out = append(out, [2]string{"Dependence", fmt.Sprintf("%d rank correlations and %d common shocks between scenarios, in the portfolio's figures; the charts of single scenarios include the shocks that hit them.", len(a.Correlations), len(a.Shocks))})
	}
	if a.Tolerance != nil {
		var pts []string
		for _, p := range a.Tolerance.Points {
			pts = append(pts, pct(p.Probability)+" above "+d.money(p.Amount))
		}
		out = append(out, [2]string{"Risk tolerance", "At most " + strings.Join(pts, ", ") + "; straight between the points on the charts' log scale."})
	}
	return out
}

// pertText states the PERT form.
const pertText = "PERT estimates give a minimum a, a most likely value m and a maximum b. Unless an estimate says otherwise, they use the classic form: " +
	"a beta distribution on [a, b] with shapes α = 1 + γ(m − a)/(b − a) and β = 1 + γ(b − m)/(b − a), where the weight γ of the most likely value is 4 " +
	"(the form of Vose and riskquant). An estimate marked moment-matched uses pyfair's form instead: the beta distribution with the same mean, " +
	"(a + γm + b)/(γ + 2), and a standard deviation of (b − a)/(γ + 2); it is more skewed when m is far from the middle."

// notation explains the figures, in ismskit's own words.
var notation = [][2]string{
	{"Annual loss", "The total loss of one simulated year, from every loss event of the scenario (or of all scenarios, for the portfolio)."},
	{"Mean", "The average annual loss over all simulated years, also called the annualised loss expectancy. Costs and savings a year compare with it."},
	{"P90, P99 (percentiles)", "P90 is the loss that 90% of simulated years stay at or below: one year in ten is expected to be worse. P99: one year in a hundred."},
	{"Expected shortfall", "At 99%: the average loss of the worst 1% of years. It says how bad the years beyond P99 are, which P99 alone does not."},
	{"Standard error", "How far a figure could move if the simulation were run again with another seed: the true value lies within two standard errors of the figure shown about 95 times in 100."},
	{"Loss exceedance curve", "For each amount, the share of years whose loss is greater. A curve further up and to the right is a larger risk; a dashed curve is the same risk after a treatment."},
	{"Risk tolerance", "The highest share of years with a loss above each amount that the organisation accepts (its risk acceptance criteria in money). A curve above the line is outside the tolerance there."},
	{"ROSI", "Return on security investment: (loss avoided a year − cost a year) ÷ cost a year. Above 0% the treatment avoids more loss than it costs; 100% means it avoids twice its cost."},
}

// money writes an amount with three significant digits and a k, M or bn
// suffix, after the currency: "EUR 1.25M".
func (d Document) money(v float64) string {
	s := amount(v)
	if d.Currency != "" {
		return d.Currency + " " + s
	}
	return s
}

func amount(v float64) string {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return "—"
	case v < 0:
		return "−" + amount(-v)
	case v < 999.5:
		return strconv.FormatFloat(math.Round(v), 'f', 0, 64)
	}
	for _, u := range []struct {
		div    float64
		suffix string
	}{{1e3, "k"}, {1e6, "M"}, {1e9, "bn"}} {
		x := v / u.div
		if x < 999.5 || u.suffix == "bn" {
			return sig3(x) + u.suffix
		}
	}
	return ""
}

// sig3 writes x (at least 1) with three significant digits.
func sig3(x float64) string {
	switch {
	case x < 9.995:
		return strconv.FormatFloat(x, 'f', 2, 64)
	case x < 99.95:
		return strconv.FormatFloat(x, 'f', 1, 64)
	}
	return strconv.FormatFloat(x, 'f', 0, 64)
}

// pct writes a probability as a percentage: one decimal, or two
// significant digits below 0.1%.
func pct(p float64) string {
	v := p * 100
	switch {
	case math.IsNaN(v):
		return "—"
	case v == 0:
		return "0%"
	case v < 0.1:
		return strconv.FormatFloat(v, 'g', 2, 64) + "%"
	}
	return strconv.FormatFloat(v, 'f', 1, 64) + "%"
}

// signedPct writes a ratio as a percentage without decimals: "125%",
// "−40%".
func signedPct(r float64) string {
	v := math.Round(r * 100)
	if v < 0 {
		return "−" + strconv.FormatFloat(-v, 'f', 0, 64) + "%"
	}
	return strconv.FormatFloat(v, 'f', 0, 64) + "%"
}

// thousands writes n with comma separators.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
