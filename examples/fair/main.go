// Command fair runs a FAIR quantitative risk analysis with the
// ismskit risk/fair package and prints its results.
//
// With no flags it runs the embedded analysis of ransomware on a file
// server, prints the summary and compares two treatments:
//
//	go run ./examples/fair
//	go run ./examples/fair -svg lec.svg        # also write the loss exceedance curve
//	go run ./examples/fair -scenario my.json   # an analysis in the library's JSON format
//	go run ./examples/fair -json -exceed 10000,100000,500000
//
// A quick two-node what-if comes from flags; PERT estimates use the
// classic form unless -pert moment (pyfair's form) is given:
//
//	go run ./examples/fair -lef 0.1,0.5,2 -lm 10000,50000,500000 -pert moment -mode rate
//	go run ./examples/fair -lef 0.3 -lm90 50000,2000000 -mode event   # a fixed rate, a lognormal LM
//	go run ./examples/fair -lef 0.3 -lm90 50000,2000000 -analytic     # the same without sampling
//	go run ./examples/fair -sensitivity                               # tornado and rank correlations
//
// Bad flags or a bad scenario print a message on stderr and exit with
// status 2.
package main

import (
	_ "embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/ismskit/ismskit/risk/fair"
)

//go:embed ransomware.json
var embedded []byte

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// usageError is a problem with the command line or the input: exit 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func run(args []string, stdout, stderr io.Writer) int {
	err := runErr(args, stdout, stderr)
	var ue *usageError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &ue):
		fmt.Fprintln(stderr, "fair:", ue.msg)
		return 2
	}
	fmt.Fprintln(stderr, "fair:", err)
	return 1
}

func runErr(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("fair", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		scenario   = fs.String("scenario", "", "run the analysis in this JSON `file` instead of the embedded one")
		svgPath    = fs.String("svg", "", "write the loss exceedance curve to this SVG `file`")
		asJSON     = fs.Bool("json", false, "print the results as one JSON object")
		exceed     = fs.String("exceed", "", "comma-separated `amounts` whose exceedance probability to report (default 10000,100000,500000)")
		lef        = fs.String("lef", "", "two-node what-if: loss event frequency as `low,mode,high` events a year (PERT), or one number for a fixed rate")
		lm         = fs.String("lm", "", "two-node what-if: loss magnitude as `low,mode,high` (PERT)")
		lm90       = fs.String("lm90", "", "two-node what-if: loss magnitude as a lognormal whose 90% interval is `low,high`")
		pert       = fs.String("pert", "classic", "PERT `form` of the two-node what-if: classic (the default, as Vose and riskquant) or moment (pyfair's)")
		analytic   = fs.Bool("analytic", false, "compute the mean and the exceedance of a two-node what-if without sampling (event or bernoulli mode)")
		sensitive  = fs.Bool("sensitivity", false, "print each scenario's tornado and rank correlations as JSON (in the report with -json)")
		gamma      = fs.Float64("gamma", fair.DefaultGamma, "PERT mode weight of the two-node what-if")
		iterations = fs.Int("iterations", 100_000, "number of iterations (overrides the file's)")
		seed       = fs.Uint64("seed", 1, "random seed (overrides the file's)")
		mode       = fs.String("mode", "rate", "frequency semantics: rate, event or bernoulli (overrides the file's; event with -analytic)")
	)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return &usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return &usageError{fmt.Sprintf("unexpected argument %q", fs.Arg(0))}
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })

	amounts := []float64{10000, 100000, 500000}
	if set["exceed"] {
		var err error
		if amounts, err = parseList(*exceed, -1); err != nil {
			return &usageError{"-exceed: " + err.Error()}
		}
	}
	m, err := fair.ParseFrequencyMode(*mode)
	if err != nil {
		return &usageError{"-mode: " + err.Error()}
	}
	if *analytic && !set["mode"] {
		m = fair.Event
	}

	var a fair.Analysis
	switch {
	case set["lef"] || set["lm"] || set["lm90"]:
		if set["scenario"] {
			return &usageError{"give either -scenario or -lef and -lm, not both"}
		}
		if set["lm"] && set["lm90"] {
			return &usageError{"give either -lm or -lm90, not both"}
		}
		if !set["lef"] || !set["lm"] && !set["lm90"] {
			return &usageError{"a two-node what-if needs both -lef and -lm (or -lm90)"}
		}
		form, err := fair.ParsePERTForm(*pert)
		if err != nil {
			return &usageError{"-pert: " + err.Error()}
		}
		pertOf := func(v []float64) *fair.Estimate {
			return &fair.Estimate{Dist: fair.PERT, Low: v[0], Mode: v[1], High: v[2], Gamma: *gamma, Form: form}
		}
		l, err := parseList(*lef, -1)
		if err == nil && len(l) != 1 && len(l) != 3 {
			err = fmt.Errorf("want one number (a fixed rate) or three (low,mode,high), got %q", *lef)
		}
		if err != nil {
			return &usageError{"-lef: " + err.Error()}
		}
		lefEst := fair.Fixed(l[0])
		if len(l) == 3 {
			lefEst = *pertOf(l)
		}
		var lmEst *fair.Estimate
		if set["lm90"] {
			g, err := parseList(*lm90, 2)
			if err != nil {
				return &usageError{"-lm90: " + err.Error()}
			}
			e := fair.LogNormal90(g[0], g[1])
			lmEst = &e
		} else {
			g, err := parseList(*lm, 3)
			if err != nil {
				return &usageError{"-lm: " + err.Error()}
			}
			lmEst = pertOf(g)
		}
		if set["pert"] || set["gamma"] {
			if len(l) != 3 && !set["lm"] {
				return &usageError{"-pert and -gamma apply to PERT estimates (-lef low,mode,high or -lm)"}
			}
		} else {
			lmEst.Gamma = 0
			lefEst.Gamma = 0
		}
		a = fair.Analysis{
			Name:       "What-if",
			Iterations: *iterations, Seed: *seed, Mode: m,
			Scenarios: []fair.Scenario{{Name: "what-if", Nodes: fair.Nodes{LEF: &lefEst, LM: lmEst}}},
		}
		a.Exceedance = amounts
	default:
		if set["pert"] || set["gamma"] {
			return &usageError{"-pert and -gamma apply to a two-node what-if (-lef and -lm)"}
		}
		data := embedded
		if set["scenario"] {
			var err error
			if data, err = os.ReadFile(*scenario); err != nil {
				return &usageError{err.Error()}
			}
		}
		if a, err = fair.DecodeAnalysis(data); err != nil {
			return &usageError{"invalid scenario:\n" + indent(err.Error())}
		}
		if set["iterations"] {
			a.Iterations = *iterations
		}
		if set["seed"] {
			a.Seed = *seed
		}
		if set["mode"] {
			a.Mode = m
		}
		if set["exceed"] || len(a.Exceedance) == 0 {
			a.Exceedance = amounts
		}
	}
	a.Percentiles = fair.DefaultPercentiles()
	if *analytic {
		return runAnalytic(stdout, &a, *asJSON)
	}
	if *sensitive {
		a.Sensitivity = &fair.SensitivityOptions{}
	}

	rep, err := fair.Run(a)
	if err != nil {
		return &usageError{"invalid input:\n" + indent(err.Error())}
	}
	if *svgPath != "" {
		xs := rep.Result.CurveAmounts(80)
		curves := []fair.Curve{{Label: "As is", Points: rep.Result.ExceedanceCurve(xs)}}
		for _, t := range rep.Treatments {
			curves = append(curves, fair.Curve{Label: "With " + t.Name, Points: t.Result.ExceedanceCurve(xs)})
		}
		title := a.Name
		if title == "" {
			title = "Loss exceedance"
		}
		if err := os.WriteFile(*svgPath, fair.LossExceedanceSVG(title, curves...), 0o644); err != nil {
			return err
		}
	}
	if *asJSON {
		return writeJSON(stdout, rep)
	}
	if *sensitive {
		return writeJSON(stdout, rep.Sensitivity)
	}
	printReport(stdout, &a, rep)
	if *svgPath != "" {
		fmt.Fprintf(stdout, "\nLoss exceedance curve written to %s\n", *svgPath)
	}
	return nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// runAnalytic computes the what-if's annual loss without sampling and
// prints it as the report does (the same JSON shape, with iterations 0).
func runAnalytic(w io.Writer, a *fair.Analysis, asJSON bool) error {
	if len(a.Scenarios) != 1 {
		return &usageError{"-analytic needs one scenario that gives lef and lm (or pl) directly"}
	}
	s := a.Scenarios[0]
	d, err := fair.AnalyticLoss(s, a.Mode)
	if err != nil {
		return &usageError{"-analytic:\n" + indent(err.Error())}
	}
	sum, err := d.Summary(a.Percentiles, a.Exceedance)
	if err != nil {
		return &usageError{"invalid input:\n" + indent(err.Error())}
	}
	rep := fair.Report{Name: a.Name, Seed: a.Seed, Mode: a.Mode, Vulnerability: a.Vulnerability, Summary: sum,
		Scenarios: []fair.Contribution{{Name: s.Name, Mean: sum.Mean, Share: 1, Summary: sum}}}
	if asJSON {
		return writeJSON(w, rep)
	}
	fmt.Fprintf(w, "%s: annual loss computed without sampling (%s mode)\n\n", a.Name, a.Mode)
	fmt.Fprintf(w, "  Annualised loss expectancy  %14s\n", money(sum.Mean))
	fmt.Fprintf(w, "  Standard deviation          %14s\n", money(sum.StdDev))
	for _, p := range a.Percentiles {
		fmt.Fprintf(w, "  %-27s %14s\n", "Percentile "+strconv.FormatFloat(p, 'f', -1, 64), money(d.Percentile(p)))
	}
	for _, pt := range d.ExceedanceCurve(a.Exceedance) {
		fmt.Fprintf(w, "  P(annual loss > %s) %*.4f%%\n", money(pt.Amount), 24-len(money(pt.Amount)), 100*pt.Probability)
	}
	return nil
}

// parseList parses comma-separated numbers; n > 0 requires exactly n.
func parseList(s string, n int) ([]float64, error) {
	parts := strings.Split(s, ",")
	if n > 0 && len(parts) != n {
		return nil, fmt.Errorf("want %d comma-separated numbers, got %q", n, s)
	}
	out := make([]float64, len(parts))
	for i, p := range parts {
		v, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil {
			return nil, fmt.Errorf("%q is not a number", p)
		}
		out[i] = v
	}
	return out, nil
}

func indent(s string) string { return "  " + strings.ReplaceAll(s, "\n", "\n  ") }

func printReport(w io.Writer, a *fair.Analysis, rep *fair.Report) {
	r := rep.Result
	unit := "iterations"
	if a.Mode == fair.Event {
		unit = "simulated years"
	}
	fmt.Fprintf(w, "%s: %d %s (%s mode, seed %d)\n\n", a.Name, rep.Iterations, unit, a.Mode, a.Seed)
	fmt.Fprintf(w, "  Annualised loss expectancy  %14s  (standard error %s)\n", money(rep.Mean), money(rep.StandardError))
	fmt.Fprintf(w, "  Standard deviation          %14s\n", money(rep.StdDev))
	fmt.Fprintf(w, "  Minimum / maximum           %14s / %s\n", money(rep.Min), money(rep.Max))
	for _, p := range a.Percentiles {
		fmt.Fprintf(w, "  %-27s %14s\n", "Percentile "+strconv.FormatFloat(p, 'f', -1, 64), money(r.Percentile(p)))
	}
	fmt.Fprintf(w, "  Value at risk (95%%)         %14s\n", money(r.ValueAtRisk(0.95)))
	fmt.Fprintf(w, "  Expected shortfall (95%%)    %14s\n", money(r.ExpectedShortfall(0.95)))
	for _, pt := range r.ExceedanceCurve(a.Exceedance) {
		fmt.Fprintf(w, "  P(annual loss > %s) %*.1f%%\n", money(pt.Amount), 24-len(money(pt.Amount)), 100*pt.Probability)
	}
	if len(rep.Scenarios) > 1 {
		fmt.Fprintln(w, "\nContributions to the annualised loss:")
		for _, c := range rep.Scenarios {
			fmt.Fprintf(w, "  %-30s %14s  %5.1f%%\n", c.Name, money(c.Mean), 100*c.Share)
		}
	}
	if len(rep.Treatments) > 0 {
		fmt.Fprintln(w, "\nTreatments:")
		fmt.Fprintf(w, "  %-20s %12s %14s %14s %8s %14s\n", "", "annual cost", "ALE after", "reduction", "ROSI", "VaR 95% after")
		for _, t := range rep.Treatments {
			rosi := "n/a"
			if t.ROSI != nil {
				rosi = strconv.FormatFloat(*t.ROSI, 'f', 2, 64)
			}
			fmt.Fprintf(w, "  %-20s %12s %14s %14s %8s %14s\n", t.Name, money(t.AnnualCost), money(t.MeanAfter),
				money(t.Reduction), rosi, money(t.Result.ValueAtRisk(0.95)))
		}
	}
}

// money formats an amount with thousands separators, no decimals.
func money(v float64) string {
	s := strconv.FormatFloat(v, 'f', 0, 64)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}
