package main

// The monitoring and review commands of isms (ISO/IEC 27001:2022 9.1,
// 9.3, 10.1): -checks runs the control checks on an evidence folder,
// -metrics evaluates the sample organisation's metrics and objectives,
// -review prints its management review pack.

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/audit"
	"github.com/ismskit/ismskit/audit/checks"
	"github.com/ismskit/ismskit/audit/checks/sbom"
	"github.com/ismskit/ismskit/audit/monitor"
	"github.com/ismskit/ismskit/audit/review"
	nimbus "github.com/ismskit/ismskit/examples/internal/sample"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/risk"
)

// checksFlag is -checks, given alone (the sample evidence folder) or
// with a folder: -checks DIR or -checks=DIR.
type checksFlag struct {
	set bool
	dir string
}

func (c *checksFlag) String() string   { return c.dir }
func (c *checksFlag) IsBoolFlag() bool { return true }
func (c *checksFlag) Set(s string) error {
	c.set = true
	if s != "true" {
		c.dir = s
	}
	return nil
}

// monitorFlags are the flags of the monitoring and review commands.
type monitorFlags struct {
	checks  checksFlag
	metrics *bool
	review  *bool
}

func addMonitorFlags(fs *flag.FlagSet) *monitorFlags {
	m := &monitorFlags{}
	fs.Var(&m.checks, "checks", "run the control checks on the evidence folder `DIR` (credential-report.csv, trivy.json, sbom.cdx.json, activities.json);\nwithout DIR, on the sample organisation's evidence")
	m.metrics = fs.Bool("metrics", false, "evaluate the sample organisation's metrics (9.1) and objectives (6.2)")
	m.review = fs.Bool("review", false, "print the sample organisation's management review pack (9.3)")
	return m
}

// runMonitor runs the command the monitoring flags ask for; ok is false
// when none was given, for the gap analysis to run.
func runMonitor(m *monitorFlags, fsys *flag.FlagSet, asOfFlag *string, jsonFlag *bool, stdout, stderr io.Writer, today ismskit.Date) (code int, ok bool) {
	if !m.checks.set && !*m.metrics && !*m.review {
		return 0, false
	}
	fail := func(format string, a ...any) (int, bool) {
		fmt.Fprintf(stderr, "isms: "+format+"\n", a...)
		return 2, true
	}
	// -checks DIR: the flag package stops at DIR; take it and parse the
	// flags after it.
	if m.checks.set && m.checks.dir == "" && fsys.NArg() > 0 {
		m.checks.dir = fsys.Arg(0)
		if err := fsys.Parse(fsys.Args()[1:]); err != nil {
			return 2, true // the flag package has printed the problem
		}
	}
	if fsys.NArg() > 0 {
		return fail("unexpected argument %q (see -h)", fsys.Arg(0))
	}
	set := map[string]bool{}
	fsys.Visit(func(f *flag.Flag) { set[f.Name] = true })
	asOf, asJSON := *asOfFlag, *jsonFlag
	if *m.metrics && *m.review {
		return fail("-metrics and -review go one at a time")
	}
	for _, f := range []string{"records", "clauses", "edition", "amd"} {
		if set[f] {
			return fail("-%s does not go with -checks, -metrics or -review, which use the sample organisation (and -checks DIR its evidence)", f)
		}
	}
	day := today
	if asOf != "" {
		d, err := ismskit.ParseDate(asOf)
		if err != nil {
			return fail("-asof: %v", err)
		}
		day = d
	}
	evidence, where := nimbus.EvidenceFiles(), "the sample evidence"
	if m.checks.dir != "" {
		st, err := os.Stat(m.checks.dir)
		if err != nil {
			return fail("-checks: %v", err)
		}
		if !st.IsDir() {
			return fail("-checks: %s is not a directory", m.checks.dir)
		}
		evidence, where = os.DirFS(m.checks.dir), m.checks.dir
	}
	reg, err := checks.Builtin().With(sbom.Checks()...)
	if err != nil {
		return fail("%v", err)
	}
	results, err := reg.Run(evidence, day)
	if err != nil {
		return fail("the checks cannot read %s:\n%s", where, indent(err))
	}
	switch {
	case *m.metrics:
		c, err := printMetrics(stdout, results, day, asJSON)
		if err != nil {
			return fail("%v", err)
		}
		return c, true
	case *m.review:
		c, err := printReview(stdout, results, day, asJSON)
		if err != nil {
			return fail("%v", err)
		}
		return c, true
	}
	if asJSON {
		if results == nil {
			results = []checks.Result{}
		}
		return writeJSON(stdout, stderr, results), true
	}
	printChecks(stdout, where, day, results)
	return 0, true
}

func printChecks(w io.Writer, where string, day ismskit.Date, results []checks.Result) {
	fmt.Fprintf(w, "Control checks on %s as of %s\n\n", where, day)
	if len(results) == 0 {
		fmt.Fprintln(w, "No check has its input files in the folder.")
		return
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "CHECK\tCONTROLS\tFAILED\tTOTAL")
	for _, r := range results {
		fmt.Fprintf(tw, "%s\t%v\t%d\t%d\n", r.Check, controls(r), r.Failed, r.Total)
	}
	tw.Flush()
	for _, r := range results {
		if r.Failed == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s (%s):\n", r.Check, r.Title)
		for _, f := range r.Failures {
			fmt.Fprintf(w, "  %s: %s\n", f.Item, f.Reason)
		}
	}
}

func controls(r checks.Result) string {
	s := make([]string, len(r.Controls))
	for i, c := range r.Controls {
		s[i] = c.String()
	}
	return strings.Join(s, " ")
}

// loadMonitoring measures the sample organisation's metrics from the
// check results and evaluates them and its objectives.
func loadMonitoring(results []checks.Result, day ismskit.Date) (iso27001.Records, monitor.Records, []monitor.Evaluation, []monitor.ObjectiveEvaluation, error) {
	recs, err := iso27001.DecodeRecords(nimbus.RecordsJSON())
	if err != nil {
		return recs, monitor.Records{}, nil, nil, fmt.Errorf("sample ISMS records: %w", err)
	}
	mon, err := monitor.DecodeRecords(nimbus.MonitoringJSON())
	if err != nil {
		return recs, mon, nil, nil, fmt.Errorf("sample monitoring records: %w", err)
	}
	mon = mon.Add(monitor.FromChecks(mon.Metrics, results)...)
	evals, err := mon.Evaluate(day)
	if err != nil {
		return recs, mon, nil, nil, fmt.Errorf("sample monitoring records: %w", err)
	}
	return recs, mon, evals, monitor.EvaluateObjectives(recs.Objectives, evals, day), nil
}

func printMetrics(w io.Writer, results []checks.Result, day ismskit.Date, asJSON bool) (int, error) {
	_, _, evals, objs, err := loadMonitoring(results, day)
	if err != nil {
		return 1, err
	}
	if asJSON {
		return writeJSON(w, io.Discard, struct {
			Metrics    []monitor.Evaluation          `json:"metrics"`
			Objectives []monitor.ObjectiveEvaluation `json:"objectives"`
		}{evals, objs}), nil
	}
	fmt.Fprintf(w, "Metrics of the sample organisation as of %s\n\n", day)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "METRIC\tVALUE\tTARGET\tSTATUS\tTREND\tOVERDUE")
	for _, e := range evals {
		overdue := ""
		if e.Overdue {
			overdue = "yes"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", e.Metric, e.Unit.Format(e.Value), e.Target, e.Status, e.Trend, overdue)
	}
	tw.Flush()
	fmt.Fprintf(w, "\nObjectives (6.2):\n")
	for _, o := range objs {
		fmt.Fprintf(w, "  %s %s: %s (%s)\n", o.Objective, o.Description, o.Status, o.Reason)
	}
	return 0, nil
}

// reviewInputs gathers the sample organisation's documents for its
// management review, the improvement register fed from its audits,
// metrics and checks.
func reviewInputs(results []checks.Result, day ismskit.Date) (review.Inputs, error) {
	recs, mon, evals, _, err := loadMonitoring(results, day)
	if err != nil {
		return review.Inputs{}, err
	}
	org, err := nimbus.LoadOrganisation()
	if err != nil {
		return review.Inputs{}, err
	}
	reg, err := risk.DecodeRegister(nimbus.RegisterJSON())
	if err != nil {
		return review.Inputs{}, fmt.Errorf("sample register: %w", err)
	}
	reg.Assets = org.Assets
	base, err := iso27001.DecodeRecords(nimbus.BaselineRecordsJSON())
	if err != nil {
		return review.Inputs{}, fmt.Errorf("sample baseline: %w", err)
	}
	aud, err := audit.DecodeRecords(nimbus.AuditJSON())
	if err != nil {
		return review.Inputs{}, fmt.Errorf("sample audit records: %w", err)
	}
	imp, err := review.DecodeRegister(nimbus.ImprovementsJSON())
	if err != nil {
		return review.Inputs{}, fmt.Errorf("sample improvement register: %w", err)
	}
	imp = imp.Feed(review.FeedInput{Audit: &aud, Metrics: evals, Checks: results, Owner: "Information Security Manager"}, day)
	rv, err := nimbus.LoadReview()
	if err != nil {
		return review.Inputs{}, err
	}
	return review.Inputs{Records: recs, Baseline: &base, Register: &reg, Audit: &aud, Monitoring: &mon,
		Checks: results, Feedback: rv.Feedback, Improvements: &imp}, nil
}

func printReview(w io.Writer, results []checks.Result, day ismskit.Date, asJSON bool) (int, error) {
	in, err := reviewInputs(results, day)
	if err != nil {
		return 1, err
	}
	pack, err := review.Prepare(in, day)
	if err != nil {
		return 1, fmt.Errorf("management review pack:\n%s", indent(err))
	}
	if asJSON {
		return 0, review.WritePack(w, pack)
	}
	_, err = w.Write(append(pack.Markdown(), '\n'))
	return 0, err
}
