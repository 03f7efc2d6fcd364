package main

// Steps 6 and 7: the internal audit and the readiness verdict (package
// audit; clauses 9.2 and 10.2).

import (
	"fmt"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/audit"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27001/certification"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/risk"
)

// The internal audit programme of the sample: four audits in the year
// before certification, by two independent auditors.
var (
	cycleStart = ismskit.MustParseDate("2026-01-12")
	auditSlots = []audit.Slot{
		{ID: "IA-1", Start: ismskit.MustParseDate("2026-03-09"), End: ismskit.MustParseDate("2026-03-11"), Sites: []string{"Utrecht office"}},
		{ID: "IA-2", Start: ismskit.MustParseDate("2026-06-08"), End: ismskit.MustParseDate("2026-06-10"), Sites: []string{"Utrecht office"}},
		{ID: "IA-3", Start: ismskit.MustParseDate("2026-09-07"), End: ismskit.MustParseDate("2026-09-09"), Sites: []string{"Utrecht office", "Production cloud account"}},
		{ID: "IA-4", Start: ismskit.MustParseDate("2026-11-02"), End: ismskit.MustParseDate("2026-11-04"), Sites: []string{"Utrecht office", "Production cloud account"}},
	}
	auditors = []audit.Auditor{
		{Name: "R. Visser", Lead: true},
		{Name: "K. Smit", External: true},
	}
)

// plannedDecision is the day Nimbus Ledger expects the certification
// decision, after stage 1 in February and stage 2 in March 2027.
var plannedDecision = ismskit.MustParseDate("2027-04-15")

// sampleFinding is a result the auditors recorded on one checklist line;
// every other line conforms.
type sampleFinding struct {
	subject   string
	result    audit.Result
	statement string
	evidence  []string
}

var sampleFindings = []sampleFinding{
	{"9.1.p1", audit.Minor, "The security metrics plan is a draft and no monitoring results were retained after June.", []string{"E-MON"}},
	{"5.18", audit.Minor, "The access review of the last quarter of 2025 skipped three SaaS tools.", []string{"E-ACC"}},
	{"8.8", audit.Major, "Six production hosts carried critical vulnerabilities older than 30 days; the patch target was missed since August.", []string{"E-VULN"}},
	{"5.23", audit.Observation, "The cloud exit plan names no owner.", nil},
	{"8.16", audit.Opportunity, "Alerts of the logging platform could page the on-call engineer directly.", nil},
}

var sampleEvidence = []audit.Evidence{
	audit.NewEvidence("E-MON", "Security metrics plan v0.3 and the metrics folder", "isms-wiki/metrics", ismskit.MustParseDate("2026-09-08"), []byte("metrics plan v0.3")),
	audit.NewEvidence("E-ACC", "Access review tickets of 2025", "tickets/ACCESS-REVIEW", ismskit.MustParseDate("2026-03-10"), []byte("access reviews 2025")),
	audit.NewEvidence("E-VULN", "Vulnerability scanner export of 2026-09-07", "scanner/exports/2026-09-07.csv", ismskit.MustParseDate("2026-09-08"), []byte("scanner export 2026-09-07")),
}

// internalAudit is step 6: the programme, the checklists, the findings and
// the corrective actions (9.2, 10.2).
func (q *quickstart) internalAudit() error {
	q.step(6, "Internal audit programme, findings and corrective actions (9.2, 10.2)")
	var applicable []iso27002.ControlID
	for e := range q.soa.Included() {
		applicable = append(applicable, e.Control)
	}
	highRisk, err := audit.HighRiskControls(q.register, "medium", risk.Residual)
	if err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	q.basis = audit.Basis{Catalog: q.catalog, Applicable: applicable, HighRisk: highRisk}
	prog, err := audit.Plan(audit.PlanOptions{Basis: q.basis, CycleStart: cycleStart, Slots: auditSlots, Auditors: auditors})
	if err != nil {
		return fmt.Errorf("audit programme: %w", err)
	}
	if err := prog.CheckCoverage(q.basis); err != nil {
		return fmt.Errorf("audit programme: %w", err)
	}
	q.printf("  Programme %s to %s:\n  %d internal audits cover %d requirement items and %d applicable controls;\n",
		prog.CycleStart, prog.CycleEnd, len(prog.Audits), countItems(), len(applicable))
	times := prog.HighRiskAudits
	if times == 0 {
		times = audit.DefaultHighRiskAudits
	}
	q.printf("  the %d controls treating risks still high after treatment are audited %d times.\n", len(highRisk), min(times, len(prog.Audits)))

	// The auditors work through the checklists; the sample findings go on
	// the last audit that has their line, the other lines conform.
	lists := make([]*audit.Checklist, len(prog.Audits))
	rows := []string{"Audit\tDates\tAuditor\tItems\tControls\tNotable findings\n"}
	for i, a := range prog.Audits {
		if lists[i], err = audit.NewChecklist(a, q.basis); err != nil {
			return fmt.Errorf("checklist %s: %w", a.ID, err)
		}
		for j := range lists[i].Lines {
			ln := &lists[i].Lines[j]
			ln.Result, ln.Auditor = audit.Conforming, a.Auditors[0].Name
		}
	}
	for _, f := range sampleFindings {
		placed := false
		for i := len(lists) - 1; i >= 0 && !placed; i-- {
			if ln := lists[i].Line(f.subject); ln != nil {
				ln.Result, ln.Statement, ln.Evidence = f.result, f.statement, f.evidence
				placed = true
			}
		}
		if !placed {
			return fmt.Errorf("audit: no checklist line for %s", f.subject)
		}
	}
	recs := &audit.Records{Organization: q.org.Name, Programme: prog, Evidence: sampleEvidence}
	for i, a := range prog.Audits {
		fs := lists[i].Findings(a.ID+"-", a.End)
		recs.Findings = append(recs.Findings, fs...)
		items, controls, notable := 0, 0, 0
		for _, ln := range lists[i].Lines {
			if ln.Control.IsValid() {
				controls++
			} else {
				items++
			}
		}
		for _, f := range fs {
			if f.Result != audit.Conforming {
				notable++
			}
		}
		rows = append(rows, fmt.Sprintf("%s\t%s..%s\t%s\t%d\t%d\t%d\n", a.ID, a.Start, a.End, a.Auditors[0].Name, items, controls, notable))
	}
	q.tab(rows...)

	q.printf("  Findings other than conforming:\n")
	rows = []string{"Finding\tResult\tSubject\tStatement\n"}
	byID := map[string]audit.Finding{}
	for _, f := range recs.Findings {
		byID[f.Subject()] = f
		if f.Result != audit.Conforming {
			rows = append(rows, fmt.Sprintf("%s\t%s\t%s\t%s\n", f.ID, f.Result, f.Subject(), f.Statement))
		}
	}
	q.tab(rows...)

	// Corrective actions (10.2) for the nonconformities.
	actions, err := correctiveActions(byID)
	if err != nil {
		return fmt.Errorf("corrective actions: %w", err)
	}
	recs.Actions = actions
	if err := recs.Validate(q.basis); err != nil {
		return fmt.Errorf("audit records: %w", err)
	}
	q.audits = recs
	q.printf("  Corrective actions:\n")
	rows = []string{"Action\tFinding\tState\tOwner\tDue\tAction\n"}
	for _, a := range actions {
		rows = append(rows, fmt.Sprintf("%s\t%s\t%s\t%s\t%s\t%s\n", a.ID, a.Finding, a.StateAt(q.asOf), a.Owner, a.Due, a.Action))
	}
	q.tab(rows...)

	data, err := audit.EncodeRecords(*recs)
	if err != nil {
		return fmt.Errorf("audit records: %w", err)
	}
	if err := q.write("audit-records.json", data); err != nil {
		return err
	}
	return q.writeJSON("audit-checklists.json", lists)
}

// countItems counts the requirement items (notes excluded) of the edition.
func countItems() int {
	n := 0
	std := iso27001.Latest()
	for c := range std.Clauses() {
		for it := range std.ClauseItems(c.ID) {
			if !it.Note {
				n++
			}
		}
	}
	return n
}

// correctiveActions raises and advances the corrective actions of the
// sample's nonconformities, keyed by subject: the access review is closed
// and effective, the others are planned.
func correctiveActions(bySubject map[string]audit.Finding) ([]audit.CorrectiveAction, error) {
	d := ismskit.MustParseDate
	type plan struct {
		id, subject string
		raised      ismskit.Date
		steps       []audit.Step
	}
	plans := []plan{
		{"CA-1", "5.18", d("2026-03-11"), []audit.Step{
			{To: audit.Corrected, Date: d("2026-03-16"), By: "IT Manager", Text: "Reviewed the three tools; removed 4 stale accounts."},
			{To: audit.Analysed, Date: d("2026-03-23"), By: "IT Manager", Text: "The review list was kept by hand and missed tools added in 2025."},
			{To: audit.Planned, Date: d("2026-03-24"), By: "IT Manager", Text: "Generate the review list from the SSO catalogue every quarter.", Owner: "IT Manager", Due: d("2026-05-31")},
			{To: audit.Implemented, Date: d("2026-05-20"), By: "IT Manager"},
			{To: audit.Effective, Date: d("2026-07-15"), By: "R. Visser", Text: "The second-quarter review covered every tool of the SSO catalogue."},
		}},
		{"CA-2", "8.8", d("2026-09-09"), []audit.Step{
			{To: audit.Corrected, Date: d("2026-09-11"), By: "Head of Engineering", Text: "Patched the six hosts."},
			{To: audit.Analysed, Date: d("2026-09-18"), By: "Head of Engineering", Text: "Base images were rebuilt monthly only; the patch rota had no deputy during holidays."},
			{To: audit.Planned, Date: d("2026-09-21"), By: "Head of Engineering", Text: "Rebuild base images weekly and alert on critical findings older than 7 days.", Owner: "Head of Engineering", Due: d("2026-11-30")},
			{To: audit.Implemented, Date: d("2026-11-20"), By: "Head of Engineering"},
		}},
		{"CA-3", "9.1.p1", d("2026-09-09"), []audit.Step{
			{To: audit.Corrected, Date: d("2026-09-20"), By: "Information Security Manager", Text: "Collected the missing monthly metrics from the source systems."},
			{To: audit.Analysed, Date: d("2026-09-25"), By: "Information Security Manager", Text: "No owner or schedule for the metrics after the plan stalled in draft."},
			{To: audit.Planned, Date: d("2026-09-28"), By: "Information Security Manager", Text: "Approve the metrics plan and report monthly to the steering meeting.", Owner: "Information Security Manager", Due: d("2026-12-15")},
		}},
	}
	var out []audit.CorrectiveAction
	for _, p := range plans {
		f, ok := bySubject[p.subject]
		if !ok {
			return nil, fmt.Errorf("%s: no finding on %s", p.id, p.subject)
		}
		ca, err := audit.Raise(p.id, f, p.raised, "R. Visser")
		if err != nil {
			return nil, err
		}
		for _, s := range p.steps {
			if ca, err = ca.Advance(s); err != nil {
				return nil, fmt.Errorf("%s: %w", p.id, err)
			}
		}
		out = append(out, ca)
	}
	return out, nil
}

// readiness is step 7: the certification-readiness verdict.
func (q *quickstart) readiness() error {
	q.step(7, "Certification readiness")
	in := audit.ReadinessInput{Gap: q.gap, SoA: &q.soa, Register: &q.register}
	rd, err := audit.Assess(*q.audits, q.basis, in, q.asOf)
	if err != nil {
		return fmt.Errorf("readiness: %w", err)
	}
	q.decision = rd
	rep, err := audit.NewReport(*q.audits, q.basis, in, q.asOf)
	if err != nil {
		return fmt.Errorf("audit report: %w", err)
	}
	q.report = rep
	var parts []string
	for _, s := range rd.Clauses {
		parts = append(parts, fmt.Sprintf("%s %.1f%%", s.ID, s.Score))
	}
	q.printf("  Clauses:  %s\n", strings.Join(parts, "  "))
	parts = parts[:0]
	for _, s := range rd.Themes {
		parts = append(parts, fmt.Sprintf("%s %.1f%%", s.ID, s.Score))
	}
	q.printf("  Controls: %s\n", strings.Join(parts, "  "))
	q.printf("  Overall:  %.1f%% of %d requirement items and controls, %d audited\n", rd.Overall.Score, rd.Overall.Subjects, rd.Overall.Audited)

	if rd.Ready {
		q.printf("\n  Verdict: READY for the certification audit\n")
	} else {
		q.printf("\n  Verdict: NOT READY for the certification audit; %d to resolve first:\n", len(rd.Reasons))
		for _, r := range rd.Reasons {
			q.printf("    - %s\n", r.Detail)
		}
	}
	q.printf("  The score rates the audit results of the items and controls; the %.1f%% of step 1 counts the\n"+
		"  items that current, approved documents and records evidence (readiness.html explains both).\n", q.gap.Readiness)
	// The certification body's cycle, if the decision falls on the
	// planned day: the latest dates ISO/IEC 27006 allows.
	cert := certification.Certificate{Decision: plannedDecision}
	events, err := certification.Schedule(cert)
	if err != nil {
		return fmt.Errorf("certification cycle: %w", err)
	}
	var due []string
	var until ismskit.Date
	for _, e := range events {
		switch {
		case e.Kind == certification.Expiry:
			until = e.Due
		case !e.Due.IsZero() && e.Kind != certification.Decision:
			kind, _ := e.Kind.MarshalText()
			due = append(due, fmt.Sprintf("%s %s", kind, e.Due))
		}
	}
	q.printf("\n  Certified on %s (planned), the latest dates are %s; valid until %s\n", plannedDecision, strings.Join(due, ", "), until)
	if err := q.writeJSON("certification-cycle.json", events); err != nil {
		return err
	}

	js, err := audit.EncodeReport(*rep)
	if err != nil {
		return fmt.Errorf("audit report: %w", err)
	}
	for _, f := range []struct {
		name string
		data []byte
	}{{"audit-report.json", js}} {
		if err := q.write(f.name, f.data); err != nil {
			return err
		}
	}
	return q.writeJSON("readiness.json", rd)
}
