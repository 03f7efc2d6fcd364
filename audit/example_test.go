package audit_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/audit"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/soa"
)

func controls(ss ...string) []iso27002.ControlID {
	out := make([]iso27002.ControlID, len(ss))
	for i, s := range ss {
		out[i] = iso27002.MustParse(s)
	}
	return out
}

var exampleBasis = audit.Basis{
	Applicable: controls("5.1", "5.15", "8.8", "8.13", "8.24"),
	HighRisk:   controls("8.8"),
}

func examplePlan() audit.Programme {
	start := ismskit.MustParseDate("2026-01-12")
	slots, err := audit.EvenSlots(start, 3, 2)
	if err != nil {
		panic(err)
	}
	p, err := audit.Plan(audit.PlanOptions{
		Basis:      exampleBasis,
		CycleStart: start,
		Slots:      slots,
		Auditors: []audit.Auditor{
			{Name: "Ana", Responsible: audit.Scope{Controls: controls("8.8")}},
			{Name: "Ben"},
		},
	})
	if err != nil {
		panic(err)
	}
	return p
}

func ExamplePlan() {
	p := examplePlan()
	for _, a := range p.Audits {
		fmt.Println(a.ID, a.Start, a.Scope.Clauses, a.Scope.Controls, a.Auditors[0].Name)
	}
	fmt.Println("coverage:", p.CheckCoverage(exampleBasis))
	// Output:
	// IA-1 2026-01-12 [4 5 6.1.1 6.1.2] [5.1 5.15 8.8] Ben
	// IA-2 2027-01-12 [6.1.3 6.2 6.3 7 8.1] [8.8 8.13] Ben
	// IA-3 2028-01-12 [8.2 8.3 9 10] [8.8 8.24] Ben
	// coverage: <nil>
}

func ExampleProgramme_CheckCoverage() {
	p := examplePlan()
	p.Audits[2].Scope.Controls = controls("8.8") // drop 8.24
	p.Audits[1].Scope.Clauses = p.Audits[1].Scope.Clauses[1:]
	err := p.CheckCoverage(exampleBasis)
	fmt.Println(errors.Is(err, audit.ErrNotCovered))
	c, _ := p.Coverage(exampleBasis)
	fmt.Println(c.Uncovered())
	// Output:
	// true
	// [6.1.3.p1 6.1.3.a 6.1.3.b 6.1.3.c 6.1.3.d 6.1.3.e 6.1.3.f 6.1.3.p2 8.24]
}

func ExampleNewChecklist() {
	p := examplePlan()
	c, err := audit.NewChecklist(p.Audits[1], exampleBasis)
	if err != nil {
		panic(err)
	}
	ln := c.Line("8.13")
	fmt.Println(ln.Check)
	for _, h := range ln.LookFor {
		fmt.Println("-", h)
	}
	ln.Result, ln.Auditor, ln.Statement = audit.Observation, "Ben", "Restores tested but not recorded."
	fmt.Println(c.Findings("IA-2-", ismskit.MustParseDate("2027-01-12"))[0].ID)
	// Output:
	// Information backup: Keep backup copies of data, software and system images according to a backup policy, and prove regularly that they can be restored.
	// - Where the control is described (policy, procedure or standard) and who owns it
	// - Continuity plans, backup logs and the results of the last restore or exercise
	// IA-2-1
}

func ExampleCorrectiveAction_Advance() {
	nc := audit.Finding{ID: "F-3", Result: audit.Major, Date: ismskit.MustParseDate("2027-01-12"), Statement: "Patches late."}
	ca, _ := audit.Raise("CA-1", nc, ismskit.MustParseDate("2027-01-12"), "Ben")

	// Skipping the correction and root cause analysis is refused.
	_, err := ca.Advance(audit.Step{To: audit.Planned, Date: ismskit.MustParseDate("2027-01-13"),
		Text: "Escalate missed patch windows", Owner: "Eve", Due: ismskit.MustParseDate("2027-02-28")})
	var te *audit.TransitionError
	fmt.Println(errors.As(err, &te), te.From, "->", te.To)

	for _, s := range []audit.Step{
		{To: audit.Corrected, Date: ismskit.MustParseDate("2027-01-13"), Text: "Patches installed"},
		{To: audit.Analysed, Date: ismskit.MustParseDate("2027-01-20"), Text: "Missed windows were not escalated"},
		{To: audit.Planned, Date: ismskit.MustParseDate("2027-01-21"), Text: "Escalate missed patch windows", Owner: "Eve", Due: ismskit.MustParseDate("2027-02-28")},
	} {
		if ca, err = ca.Advance(s); err != nil {
			panic(err)
		}
	}
	fmt.Println(ca.State, ca.Owner, ca.Due)
	fmt.Println(len(audit.OverdueActions([]audit.CorrectiveAction{ca}, ismskit.NewDate(2027, 3, 1))))
	// Output:
	// true Raised -> Planned
	// Planned Eve 2027-02-28
	// 1
}

func ExampleEvidence_Verify() {
	e := audit.NewEvidence("E-1", "Backup log", "s3://logs/2027-01.txt", ismskit.MustParseDate("2027-01-12"), []byte("log v1"))
	fmt.Println(e.SHA256)
	fmt.Println(e.Verify([]byte("log v1")))
	fmt.Println(errors.Is(e.Verify([]byte("log v2")), audit.ErrEvidenceChanged))
	// Output:
	// 269499b7a4d6648e4ff57d0fc45055c404cae794346990fd1cf14bad34dfdcc1
	// <nil>
	// true
}

func ExampleRecords_Validate() {
	p := examplePlan()
	r := &audit.Records{Programme: p, Findings: []audit.Finding{
		{ID: "F-1", Audit: "IA-1", Control: iso27002.MustParse("5.37"), Result: audit.Conforming,
			Date: ismskit.MustParseDate("2026-01-12"), Auditor: "Ben"},
		{ID: "F-2", Audit: "IA-1", Control: iso27002.MustParse("5.1"), Result: audit.Minor,
			Date: ismskit.MustParseDate("2026-02-01"), Auditor: "Zoe"},
	}}
	err := r.Validate(exampleBasis)
	fmt.Println(err)
	fmt.Println(errors.Is(err, audit.ErrNotInSoA))
	// Output:
	// findings[0].control (F-1): not an applicable control of the SoA: 5.37
	// findings[1].statement (F-2): missing value: a minor nonconformity needs a statement
	// findings[1].date (F-2): dates out of order: 2026-02-01 is after audit IA-1 ends on 2026-01-13
	// findings[1].auditor (F-2): unknown reference: "Zoe" is not an auditor of audit IA-1
	// true
}

func ExampleAssess() {
	p := examplePlan()
	r := &audit.Records{Programme: p, Findings: []audit.Finding{
		{ID: "F-1", Audit: "IA-1", Control: iso27002.MustParse("8.8"), Result: audit.Major,
			Date: ismskit.MustParseDate("2026-01-12"), Auditor: "Ben", Statement: "Patches late."},
	}}
	rd, err := audit.Assess(*r, exampleBasis, audit.ReadinessInput{Gap: &iso27001.GapReport{}}, ismskit.NewDate(2026, 6, 1))
	if err != nil {
		panic(err)
	}
	fmt.Println(rd.Ready, rd.Overall.Score)
	for _, reason := range rd.Reasons {
		fmt.Printf("%s: %s\n", reason.Kind, reason.Subject)
	}
	// Output:
	// false 0
	// Open major nonconformity: F-1
	// Clause not audited: 4
	// Clause not audited: 5
	// Clause not audited: 6
	// Clause not audited: 7
	// Clause not audited: 8
	// Clause not audited: 9
	// Clause not audited: 10
}

func ExampleNewReport() {
	p := examplePlan()
	r := &audit.Records{Organization: "Example Ltd", Programme: p}
	rep, err := audit.NewReport(*r, exampleBasis, audit.ReadinessInput{}, ismskit.NewDate(2026, 6, 1))
	if err != nil {
		panic(err)
	}
	lines := strings.Split(string(rep.Markdown()), "\n")
	fmt.Println(lines[0])
	fmt.Println(lines[2])
	fmt.Println(rep.Summary.Findings, rep.Readiness.Ready)
	// Output:
	// # Audit report
	// **Example Ltd** · ISO/IEC 27001:2022/Amd 1:2024, clauses 9.2 and 10.2 · Version not versioned · 2026-06-01 · Classification: **Internal**
	// 0 false
}

// A report to hand over: the report with its auditees, distribution and
// sign-off; the executive summary says what was found in sentences.
func ExampleReportDocument() {
	p := examplePlan()
	r := &audit.Records{Organization: "Example Ltd", Programme: p}
	rep, err := audit.NewReport(*r, exampleBasis, audit.ReadinessInput{}, ismskit.NewDate(2026, 6, 1))
	if err != nil {
		panic(err)
	}
	d := audit.ReportDocument{Report: *rep, Version: "1.0", Auditees: []string{"CTO", "IT Manager"},
		Distribution: []string{"Management team"}, Letterhead: ismskit.Letterhead{Classification: "Confidential"}}
	for _, p := range d.ExecutiveSummary()[1:] {
		fmt.Println(p)
	}
	fmt.Println(rep.Readiness.Reasons[0].Sentence())
	// Output:
	// The audits recorded 0 checklist results: 0 conforming and no findings.
	// No corrective action was needed.
	// As of 2026-06-01 the ISMS is not yet ready for certification: 8 matters must be resolved first. The readiness score is 0.0% over 161 requirement items and applicable controls.
	// No gap analysis was given, so mandatory documented information is unchecked.
}

func ExampleDecodeRecords() {
	_, err := audit.DecodeRecords([]byte(`{"programme": {"audits": [{"id": "IA-1", "kind": "externl"}]}, "findngs": []}`))
	fmt.Println(errors.Is(err, ismskit.ErrUnknownField), errors.Is(err, ismskit.ErrUnknownValue))
	var fe *ismskit.Error
	errors.As(err, &fe)
	fmt.Println(fe.Path)
	// Output:
	// true true
	// programme.audits[0].kind
}

func ExampleHighRiskControls() {
	reg := risk.Register{Criteria: risk.Standard5x5(), Risks: []risk.Risk{
		{ID: "R1", Title: "Ransomware", Owner: "CTO", Likelihood: 4, Impact: 5, Treatment: risk.Treatment{Option: risk.Modify},
			Controls: []risk.AppliedControl{{Control: iso27002.MustParse("8.13"), Status: risk.Implemented}, {Control: iso27002.MustParse("8.7"), Status: risk.Planned}}},
		{ID: "R2", Title: "Lost laptop", Owner: "CFO", Likelihood: 2, Impact: 2, Treatment: risk.Treatment{Option: risk.Modify},
			Controls: []risk.AppliedControl{{Control: iso27002.MustParse("8.1"), Status: risk.Implemented}}},
	}}
	// Controls treating risks rated above "medium" before any control.
	high, err := audit.HighRiskControls(reg, "medium", risk.Inherent)
	fmt.Println(high, err)
	// Output:
	// [8.7 8.13] <nil>
}

func ExampleBasisOf() {
	s := soa.SoA{Header: soa.Header{Organization: "Example", Version: "1", Edition: iso27002.Edition2022}, Entries: []soa.Entry{
		{Control: iso27002.MustParse("5.1"), Applicability: soa.Included},
		{Control: iso27002.MustParse("7.4"), Applicability: soa.Excluded, Justification: "No premises"},
		{Control: iso27002.MustParse("8.8"), Applicability: soa.Included},
	}}
	b := audit.BasisOf(s, nil, controls("8.8"))
	fmt.Println(b.Applicable, b.HighRisk, b.Catalog.Name())
	// Output:
	// [5.1 8.8] [8.8] ISO/IEC 27002:2022
}

// Evaluate gives the readiness verdict from the documents in one call:
// here the SoA is generated from the register and the other sources.
func ExampleEvaluate() {
	reg := risk.Register{Name: "Example risks", Criteria: risk.Standard5x5(), Risks: []risk.Risk{{
		ID: "R-1", Title: "Ransomware", Owner: "CTO", Likelihood: 4, Impact: 5, Treatment: risk.Treatment{Option: risk.Modify},
		Controls: []risk.AppliedControl{{Control: iso27002.MustParse("8.8"), Status: risk.Implemented}},
	}}}
	records := audit.Records{Organization: "Example Ltd", Programme: examplePlan(), Findings: []audit.Finding{
		{ID: "F-1", Audit: "IA-1", Control: iso27002.MustParse("8.8"), Result: audit.Major,
			Date: ismskit.MustParseDate("2026-01-12"), Auditor: "Ben", Statement: "Patches late."},
	}}
	ev, err := audit.Evaluate(audit.Documents{
		Register: reg,
		Sources: soa.Sources{Obligations: []soa.Obligation{{ID: "good-practice", Kind: soa.BestPractice,
			Controls: controls("5.1", "5.15", "8.13", "8.24")}}},
		SoA:   soa.SoA{Header: soa.Header{Organization: "Example Ltd", Version: "1"}}, // no entries: generated
		ISMS:  iso27001.Records{Edition: iso27001.Edition2022, Organization: "Example Ltd"},
		Audit: records,
	}, ismskit.NewDate(2026, 6, 1))
	if err != nil {
		panic(err)
	}
	fmt.Println("ready:", ev.Readiness.Ready, "applicable:", ev.Basis.Applicable, "high-risk:", ev.Basis.HighRisk)
	n := map[audit.ReasonKind]int{}
	for _, r := range ev.Readiness.Reasons {
		n[r.Kind]++
	}
	for _, k := range audit.ReasonKinds() {
		fmt.Printf("%s: %d\n", k, n[k])
	}
	// Output:
	// ready: false applicable: [5.1 5.15 8.8 8.13 8.24] high-risk: [8.8]
	// Open major nonconformity: 1
	// Missing documented information: 16
	// No gap analysis: 0
	// Invalid Statement of Applicability: 1
	// Clause not audited: 7
}

// The audit cycle in a few lines: plan the programme, fill a checklist,
// and assess readiness.
func Example() {
	b := audit.Basis{Applicable: controls("5.1", "8.8"), HighRisk: controls("8.8")}
	start := ismskit.MustParseDate("2026-01-12")
	slots, _ := audit.EvenSlots(start, 3, 2)
	p, _ := audit.Plan(audit.PlanOptions{Basis: b, CycleStart: start, Slots: slots, Auditors: []audit.Auditor{{Name: "Ana"}}})
	cl, _ := audit.NewChecklist(p.Audits[0], b)
	ln := cl.Line("8.8")
	ln.Result, ln.Auditor, ln.Statement = audit.Major, "Ana", "Critical patches outstanding for 90 days."
	r := audit.Records{Programme: p, Findings: cl.Findings("IA-1-", start)}
	rd, _ := audit.Assess(r, b, audit.ReadinessInput{}, ismskit.NewDate(2026, 6, 1))
	fmt.Printf("%d audits; %s; ready: %t\n", len(p.Audits), cl, rd.Ready)
	fmt.Printf("%s: %s\n", rd.Reasons[0].Kind, rd.Reasons[0].Subject)
	// Output:
	// 3 audits; IA-1: 55 lines, 54 open; ready: false
	// Open major nonconformity: IA-1-1
}
