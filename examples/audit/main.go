// Command audit runs the audit cycle of the sample company, Nimbus Ledger:
// it builds the company's Statement of Applicability from the sample risk
// register, plans a three-year internal audit programme over it (high-risk
// controls audited every year), fills the checklist of the first audit
// with a few findings and their evidence, runs the corrective action
// lifecycle of clause 10.2 for the nonconformities, evaluates the company's
// documents for certification readiness in one call (audit.Evaluate),
// prints the scores and the verdict, and writes the audit report as
// Markdown, HTML and JSON.
//
//	go run ./examples/audit [-out DIR] [-date YYYY-MM-DD]
//
// It reads the sample organisation shared with the quickstart (risk
// register, requirement sources and decisions, ISMS records). The report
// goes to DIR (default ./ismskit-out/audit, created if needed):
// audit-report.md, audit-report.html, audit-report.json, and the audit
// records as audit-records.json. The as-of date defaults to 2026-11-28, the
// day the sample describes, so that the output is reproducible. Bad flags: exit status 2; a file that
// cannot be written: exit status 1. A verdict of "not ready" is a result,
// not an error: exit status 0.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/audit"
	"github.com/ismskit/ismskit/examples/internal/sample"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/soa"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("audit", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", filepath.Join("ismskit-out", "audit"), "directory to write the audit report to")
	dateFlag := fs.String("date", "2026-11-28", "as-of date of the report, YYYY-MM-DD")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: audit [-out DIR] [-date YYYY-MM-DD]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	fail := func(code int, format string, a ...any) int {
		fmt.Fprintf(stderr, "audit: "+format+"\n", a...)
		return code
	}
	if fs.NArg() > 0 {
		return fail(2, "unexpected argument %q", fs.Arg(0))
	}
	asOf, err := ismskit.ParseDate(*dateFlag)
	if err != nil {
		return fail(2, "-date: want YYYY-MM-DD, got %q", *dateFlag)
	}
	if strings.TrimSpace(*out) == "" {
		return fail(2, "-out: empty directory name")
	}
	c, err := newCycle(asOf, stdout)
	if err != nil {
		return fail(1, "%v", err)
	}
	if err := c.report(*out); err != nil {
		return fail(1, "%v", err)
	}
	return 0
}

// cycle is the state the example builds up.
type cycle struct {
	w       io.Writer
	asOf    ismskit.Date
	org     string
	reg     risk.Register
	cat     *iso27002.Catalog
	doc     soa.SoA
	soaErr  error
	basis   audit.Basis
	records *audit.Records
	eval    *audit.Evaluation
}

func date(s string) ismskit.Date { return ismskit.MustParseDate(s) }

func newCycle(asOf ismskit.Date, w io.Writer) (*cycle, error) {
	c := &cycle{w: w, asOf: asOf}
	steps := []func() error{c.buildSoA, c.plan, c.fillChecklist, c.correct, c.readiness}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// buildSoA generates the sample company's SoA from its risk register and
// its other requirement sources and decisions, as the quickstart does.
func (c *cycle) buildSoA() error {
	org, err := sample.LoadOrganisation()
	if err != nil {
		return err
	}
	c.org = org.Name
	if c.reg, err = risk.DecodeRegister(sample.RegisterJSON()); err != nil {
		return fmt.Errorf("the sample register: %w", err)
	}
	src, err := soa.DecodeSources(sample.SourcesJSON())
	if err != nil {
		return fmt.Errorf("the sample sources: %w", err)
	}
	if c.cat, err = iso27002.Catalog2022().Extend("ISO/IEC 27002:2022 and Nimbus Ledger controls", org.Controls); err != nil {
		return err
	}
	c.doc, err = soa.Generate(soa.Input{Catalog: c.cat, Register: c.reg, Sources: src,
		Header: soa.Header{Organization: org.Name, Scope: "ISMS-SCOPE", Version: "2026.2", Date: c.asOf, PreparedBy: "Information Security Manager"}})
	if err != nil {
		return fmt.Errorf("the SoA: %w", err)
	}
	c.soaErr = c.doc.Validate(soa.ValidateOptions{Catalog: c.cat, Register: &c.reg})
	fmt.Fprintf(c.w, "%s: Statement of Applicability of %d controls, %d applicable; valid: %t\n",
		org.Name, len(c.doc.Entries), c.doc.Summary().Total.Included, c.soaErr == nil)
	return nil
}

// plan spreads the clauses and the applicable controls over six internal
// audits, twice a year; controls treating inherently high or critical
// risks are audited every year.
func (c *cycle) plan() error {
	highRisk, err := audit.HighRiskControls(c.reg, "medium", risk.Inherent)
	if err != nil {
		return err
	}
	c.basis = audit.BasisOf(c.doc, c.cat, highRisk)
	start := date("2026-01-12")
	slots, err := audit.EvenSlots(start, 6, 3)
	if err != nil {
		return err
	}
	p, err := audit.Plan(audit.PlanOptions{
		Basis:      c.basis,
		CycleStart: start,
		Slots:      slots,
		Auditors: []audit.Auditor{
			{Name: "Priya Shah", Responsible: audit.Scope{Clauses: []iso27001.ClauseID{iso27001.MustParseClauseID("6.1")}}},
			{Name: "Tom Becker", Responsible: audit.Scope{Controls: []iso27002.ControlID{iso27002.MustParse("8.8"), iso27002.MustParse("8.9")}}},
			{Name: "Lena Novak", External: true},
		},
		AuditorsPerAudit: 2,
	})
	if err != nil {
		return err
	}
	c.records = &audit.Records{Organization: c.org, Programme: p}
	cov, err := p.Coverage(c.basis)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.w, "\nAudit programme %s to %s: %d requirement items, %d applicable controls (%d high-risk)\n",
		p.CycleStart, p.CycleEnd, len(cov.Items), len(cov.Controls), len(highRisk))
	for _, a := range p.Audits {
		names := make([]string, len(a.Auditors))
		for i, au := range a.Auditors {
			names[i] = au.Name
		}
		fmt.Fprintf(c.w, "  %s %s..%s clauses %v, %d controls, auditors %s\n", a.ID, a.Start, a.End, a.Scope.Clauses, len(a.Scope.Controls), strings.Join(names, ", "))
	}
	fmt.Fprintf(c.w, "Coverage check: %v\n", errString(p.CheckCoverage(c.basis)))
	return nil
}

// fillChecklist records the results of the first audit.
func (c *cycle) fillChecklist() error {
	a := c.records.Programme.Audits[0]
	cl, err := audit.NewChecklist(a, c.basis)
	if err != nil {
		return err
	}
	lead := a.Auditors[0].Name
	c.records.Evidence = []audit.Evidence{
		audit.NewEvidence("EV-1", "ISMS scope statement v2", "dms://isms/ISMS-01-scope-v2.pdf", a.Start, []byte("ISMS-01 scope statement, version 2")),
		audit.NewEvidence("EV-2", "Access review export, Q4", "grc://access-reviews/2025-Q4.csv", a.Start, []byte("user,system,reviewer,result\n")),
		audit.NewEvidence("EV-3", "Interview with the head of engineering", "", a.End, nil),
	}
	fill := func(subject string, r audit.Result, statement string, evidence ...string) {
		if ln := cl.Line(subject); ln != nil {
			ln.Result, ln.Statement, ln.Auditor, ln.Evidence = r, statement, lead, evidence
		}
	}
	for _, ln := range cl.Lines {
		if ln.Item.IsValid() && ln.Item.Clause().Top() == iso27001.MustParseClauseID("4") {
			fill(ln.Item.String(), audit.Conforming, "", "EV-1")
		}
	}
	fill("4.3.p2", audit.Minor, "The scope statement was not re-approved after the move to a fully remote organisation.", "EV-1")
	fill("5.1.a", audit.Conforming, "", "EV-3")
	fill("5.15", audit.Major, "Leavers kept access to the billing console for up to 40 days; no access review since 2025-06.", "EV-2")
	fill("5.1", audit.Opportunity, "Policies could link to the controls that implement them.")
	fill("5.7", audit.Observation, "Threat intelligence is collected but its use is not recorded.", "EV-3")
	c.records.Findings = cl.Findings(a.ID+"-F", a.End)
	fmt.Fprintf(c.w, "\nChecklist %s: %d findings recorded\n", cl, len(c.records.Findings))
	return nil
}

// correct runs the corrective action lifecycle for the nonconformities.
func (c *cycle) correct() error {
	fmt.Fprintln(c.w, "\nCorrective actions (10.2):")
	for _, f := range c.records.Findings {
		if !f.Result.IsNonconformity() {
			continue
		}
		ca, err := audit.Raise("CA-"+f.ID, f, f.Date, f.Auditor)
		if err != nil {
			return err
		}
		// Jumping straight to a plan skips the correction and root cause.
		if _, err := ca.Advance(audit.Step{To: audit.Planned, Date: f.Date, Text: "x", Owner: "x", Due: f.Date}); err != nil {
			fmt.Fprintf(c.w, "  %s: refused: %v\n", ca.ID, err)
		}
		steps := []audit.Step{
			{To: audit.Corrected, Date: f.Date.AddDate(0, 0, 3), By: "ISMS Manager", Text: "Immediate fix applied"},
			{To: audit.Analysed, Date: f.Date.AddDate(0, 0, 10), By: "ISMS Manager", Text: "No trigger in the process caught the change"},
			{To: audit.Planned, Date: f.Date.AddDate(0, 0, 14), By: "ISMS Manager", Text: "Add the missing trigger to the process", Owner: "Head of Operations", Due: f.Date.AddDate(0, 2, 0)},
		}
		if f.Result == audit.Minor {
			steps = append(steps,
				audit.Step{To: audit.Implemented, Date: f.Date.AddDate(0, 1, 0), By: "Head of Operations"},
				audit.Step{To: audit.Effective, Date: f.Date.AddDate(0, 6, 0), By: "Lena Novak", Text: "Two later changes triggered the review"})
		}
		for _, s := range steps {
			if ca, err = ca.Advance(s); err != nil {
				return err
			}
		}
		fmt.Fprintf(c.w, "  %s for %s (%s): %s, owner %s, due %s\n", ca.ID, f.ID, f.Result, ca.State, ca.Owner, ca.Due)
		c.records.Actions = append(c.records.Actions, ca)
	}
	for _, a := range audit.OverdueActions(c.records.Actions, c.asOf) {
		fmt.Fprintf(c.w, "  overdue as of %s: %s (due %s)\n", c.asOf, a.ID, a.Due)
	}
	return c.records.Validate(c.basis)
}

// readiness evaluates the company's documents for certification: the
// register, the SoA, the ISMS records (whose gap analysis finds missing
// mandatory documents) and the audit records, in one call.
func (c *cycle) readiness() error {
	isms, err := iso27001.DecodeRecords(sample.RecordsJSON())
	if err != nil {
		return fmt.Errorf("the sample ISMS records: %w", err)
	}
	c.eval, err = audit.Evaluate(audit.Documents{Catalog: c.cat, Register: c.reg, SoA: c.doc, ISMS: isms, Audit: *c.records}, c.asOf)
	if err != nil {
		return err
	}
	rd := c.eval.Readiness
	fmt.Fprintf(c.w, "\nReadiness as of %s: overall %.1f%% of %d items and controls\n", rd.AsOf, rd.Overall.Score, rd.Overall.Subjects)
	for _, s := range append(rd.Clauses, rd.Themes...) {
		fmt.Fprintf(c.w, "  %-40s %5.1f%%  (%d of %d audited)\n", s.ID+" "+s.Title, s.Score, s.Audited, s.Subjects)
	}
	if rd.Ready {
		fmt.Fprintln(c.w, "Verdict: ready for certification")
		return nil
	}
	fmt.Fprintln(c.w, "Verdict: not ready for certification")
	for _, r := range rd.Reasons {
		fmt.Fprintf(c.w, "  - %s\n", r.Detail)
	}
	return nil
}

// report writes the audit report and the records.
func (c *cycle) report(dir string) error {
	rep := &c.eval.Report
	html, err := rep.HTML()
	if err != nil {
		return err
	}
	js, err := audit.EncodeReport(*rep)
	if err != nil {
		return err
	}
	recs, err := audit.EncodeRecords(*c.records)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("cannot create the output directory: %w", err)
	}
	files := []struct {
		name string
		data []byte
	}{{"audit-report.md", rep.Markdown()}, {"audit-report.html", html}, {"audit-report.json", js}, {"audit-records.json", recs}}
	var names []string
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dir, f.name), f.data, 0o644); err != nil {
			return err
		}
		names = append(names, f.name)
	}
	fmt.Fprintf(c.w, "\nWritten to %s: %s\n", dir, strings.Join(names, ", "))
	return nil
}

func errString(err error) string {
	if err == nil {
		return "every requirement item and applicable control is audited, high-risk controls every year"
	}
	return err.Error()
}
