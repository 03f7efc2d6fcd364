package main

// Step 9: monitoring, the management review and continual improvement
// (packages audit/checks, audit/checks/sbom, audit/monitor and
// audit/review; clauses 9.1, 9.3 and 10.1).

import (
	"fmt"
	"strings"

	"github.com/ismskit/ismskit/audit/checks"
	"github.com/ismskit/ismskit/audit/checks/sbom"
	"github.com/ismskit/ismskit/audit/monitor"
	"github.com/ismskit/ismskit/audit/review"
	"github.com/ismskit/ismskit/examples/internal/sample"
	"github.com/ismskit/ismskit/iso27001"
)

// managementReview is step 9: the control checks on the sample's evidence
// folder, the metrics and objectives they measure, the improvement
// register they feed, and the management review that closes the cycle,
// recorded back into the ISMS records.
func (q *quickstart) managementReview() error {
	q.step(9, "Monitoring, management review and improvement (9.1, 9.3, 10.1)")

	// The built-in checks and the SBOM checks, on the exports in the
	// evidence folder; each result records the SHA-256 of its inputs.
	reg, err := checks.Builtin().With(sbom.Checks()...)
	if err != nil {
		return err
	}
	results, err := reg.Run(sample.EvidenceFiles(), q.asOf)
	if err != nil {
		return fmt.Errorf("checks: %w", err)
	}
	rows := []string{"Check\tControls\tFailed\tOf\n"}
	for _, r := range results {
		ids := make([]string, len(r.Controls))
		for i, c := range r.Controls {
			ids[i] = c.String()
		}
		rows = append(rows, fmt.Sprintf("%s\t%s\t%d\t%d\n", r.Check, strings.Join(ids, " "), r.Failed, r.Total))
	}
	q.tab(rows...)

	// The metrics (9.1), measured from the checks, and the objectives
	// (6.2) they serve.
	mon, err := monitor.DecodeRecords(sample.MonitoringJSON())
	if err != nil {
		return fmt.Errorf("sample monitoring records: %w", err)
	}
	mon = mon.Add(monitor.FromChecks(mon.Metrics, results)...)
	evals, err := mon.Evaluate(q.asOf)
	if err != nil {
		return fmt.Errorf("metrics: %w", err)
	}
	count := map[monitor.Status]int{}
	for _, e := range evals {
		count[e.Status]++
	}
	q.printf("  Metrics: %d met, %d in warning, %d missed.\n", count[monitor.Met], count[monitor.Warning], count[monitor.Missed])
	for _, o := range monitor.EvaluateObjectives(q.records.Objectives, evals, q.asOf) {
		q.printf("  Objective %s: %s (%s)\n", o.Objective, strings.ToLower(o.Status.String()), o.Reason)
	}

	// The improvement register (10.1), fed by the audit's opportunities,
	// the missed metrics and the failing checks.
	imp, err := review.DecodeRegister(sample.ImprovementsJSON())
	if err != nil {
		return fmt.Errorf("sample improvement register: %w", err)
	}
	imp = imp.Feed(review.FeedInput{Audit: q.audits, Metrics: evals, Checks: results, Owner: "Information Security Manager"}, q.asOf)

	// The management review pack (9.3.2), the meeting's decisions (9.3.3)
	// and the review recorded in the ISMS records.
	base, err := iso27001.DecodeRecords(sample.BaselineRecordsJSON())
	if err != nil {
		return fmt.Errorf("sample baseline: %w", err)
	}
	meeting, err := sample.LoadReview()
	if err != nil {
		return err
	}
	pack, err := review.Prepare(review.Inputs{Records: q.records, Baseline: &base, Register: &q.register, Audit: q.audits,
		Monitoring: &mon, Checks: results, Feedback: meeting.Feedback, Improvements: &imp}, q.asOf)
	if err != nil {
		return fmt.Errorf("management review: %w", err)
	}
	q.printf("  Management review pack, period %s to %s:\n", pack.Since, pack.AsOf)
	rows = []string{"Input\tSummary\n"}
	for _, in := range pack.Inputs {
		rows = append(rows, fmt.Sprintf("%s\t%s\n", in.Item, firstSentence(in.Summary)))
	}
	q.tab(rows...)
	pack, err = pack.Conclude(meeting.Meeting)
	if err != nil {
		return fmt.Errorf("management review decisions: %w", err)
	}
	records, err := pack.Record(q.records)
	if err != nil {
		return fmt.Errorf("management review record: %w", err)
	}
	imp = imp.Feed(review.FeedInput{Review: pack}, q.asOf)
	q.printf("  Review %s took %d decisions (the pack proposed %d).\n", pack.Meeting.ID, len(pack.Meeting.Decisions), len(pack.Proposals))
	gap, err := iso27001.Analyze(records, q.asOf)
	if err != nil {
		return fmt.Errorf("gap analysis after the review: %w", err)
	}
	for _, c := range gap.Clauses {
		if c.Clause.String() == "9.3" {
			q.printf("  Clause 9.3 after the review: %d/%d items evidenced; all clauses %d/%d (%.1f%%).\n",
				c.Evidenced, c.Total, gap.Evidenced, gap.Total, gap.Readiness)
		}
	}
	open := len(imp.Open())
	q.printf("  Improvement register: %d items, %d open.\n", len(imp.Items), open)

	md := pack.Markdown()
	html, err := pack.HTML()
	if err != nil {
		return err
	}
	packJSON, err := review.EncodePack(pack)
	if err != nil {
		return err
	}
	impJSON, err := review.EncodeRegister(imp)
	if err != nil {
		return err
	}
	monJSON, err := monitor.EncodeRecords(mon)
	if err != nil {
		return err
	}
	for _, f := range []struct {
		name string
		data []byte
	}{
		{"management-review.md", md}, {"management-review.html", html}, {"management-review.json", packJSON},
		{"improvement-register.json", impJSON}, {"monitoring-records.json", monJSON},
	} {
		if err := q.write(f.name, f.data); err != nil {
			return err
		}
	}
	if err := q.writeJSON("check-results.json", results); err != nil {
		return err
	}
	if err := q.writeJSON("check-evidence.json", checks.Evidence(results)); err != nil {
		return err
	}
	return q.writeJSON("isms-records-after-review.json", records)
}

// firstSentence shortens a summary to its first sentence.
func firstSentence(s string) string {
	if i := strings.Index(s, ". "); i >= 0 {
		return s[:i+1]
	}
	return s
}
