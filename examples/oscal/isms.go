package main

// The sample organisation's ISMS documents that the SSP, the assessment
// results and the POA&M are made of: its Statement of Applicability, its
// risk register, and the records of its first internal audit.

import (
	"fmt"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/audit"
	"github.com/ismskit/ismskit/examples/internal/sample"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/soa"
)

// isms holds the sample organisation's documents.
type isms struct {
	catalog  *iso27002.Catalog // Annex A and the company's own controls
	register risk.Register
	soa      soa.SoA
	records  *audit.Records
	// checklists are the checklists of the programme's audits.
	checklists []audit.Checklist
}

// loadISMS builds the documents as the quickstart does: the SoA generated
// from the register and the requirement sources, a programme of four
// internal audits, and the findings and corrective actions of the first.
func loadISMS() (*isms, error) {
	org, err := sample.LoadOrganisation()
	if err != nil {
		return nil, err
	}
	m := &isms{}
	if m.register, err = risk.DecodeRegister(sample.RegisterJSON()); err != nil {
		return nil, fmt.Errorf("sample register: %w", err)
	}
	src, err := soa.DecodeSources(sample.SourcesJSON())
	if err != nil {
		return nil, fmt.Errorf("sample sources: %w", err)
	}
	if m.catalog, err = iso27002.Catalog2022().Extend("ISO/IEC 27002:2022 and Nimbus Ledger controls", org.Controls); err != nil {
		return nil, fmt.Errorf("sample controls: %w", err)
	}
	m.soa, err = soa.Generate(soa.Input{Catalog: m.catalog, Register: m.register, Sources: src,
		Header: soa.Header{Organization: org.Name, Scope: "ISMS-SCOPE", Version: "2026.2", Date: org.AsOf, PreparedBy: "Information Security Manager"}})
	if err != nil {
		return nil, fmt.Errorf("SoA: %w", err)
	}

	highRisk, err := audit.HighRiskControls(m.register, "medium", risk.Residual)
	if err != nil {
		return nil, err
	}
	basis := audit.BasisOf(m.soa, m.catalog, highRisk)
	start := ismskit.MustParseDate("2026-01-12")
	slots, err := audit.EvenSlots(start, 4, 3)
	if err != nil {
		return nil, err
	}
	prog, err := audit.Plan(audit.PlanOptions{Basis: basis, CycleStart: start, Slots: slots,
		Auditors: []audit.Auditor{{Name: "R. Visser", Lead: true}, {Name: "K. Smit", External: true}}})
	if err != nil {
		return nil, fmt.Errorf("audit programme: %w", err)
	}
	m.records = &audit.Records{Organization: org.Name, Programme: prog}
	first := prog.Audits[0]
	for _, a := range prog.Audits {
		cl, err := audit.NewChecklist(a, basis)
		if err != nil {
			return nil, err
		}
		m.checklists = append(m.checklists, *cl)
	}
	cl := &m.checklists[0]
	m.records.Evidence = []audit.Evidence{
		audit.NewEvidence("E-SCOPE", "ISMS scope statement v2", "dms://isms/ISMS-01-scope-v2.pdf", first.Start, []byte("ISMS-01 scope statement, version 2")),
		audit.NewEvidence("E-ACC", "Access review export, Q4 2025", "grc://access-reviews/2025-Q4.csv", first.Start, []byte("user,system,reviewer,result\n")),
	}
	lead := first.Auditors[0].Name
	for i := range cl.Lines {
		ln := &cl.Lines[i]
		ln.Auditor = lead
		switch ln.Subject() {
		case "4.3.p2":
			ln.Result, ln.Statement, ln.Evidence = audit.Minor, "The scope statement was not re-approved after the move to remote work.", []string{"E-SCOPE"}
		case "5.15":
			ln.Result, ln.Statement, ln.Evidence = audit.Major, "Leavers kept access to the billing console for up to 40 days.", []string{"E-ACC"}
		case "5.1":
			ln.Result, ln.Statement = audit.Opportunity, "Policies could link to the controls that implement them."
		default:
			if ln.Item.IsValid() && ln.Item.Clause().Top() == iso27001.MustParseClauseID("4") {
				ln.Result, ln.Evidence = audit.Conforming, []string{"E-SCOPE"}
			}
		}
	}
	m.records.Findings = cl.Findings(first.ID+"-F", first.End)
	for _, f := range m.records.Findings {
		if !f.Result.IsNonconformity() {
			continue
		}
		ca, err := audit.Raise("CA-"+f.ID, f, f.Date, f.Auditor)
		if err != nil {
			return nil, err
		}
		steps := []audit.Step{
			{To: audit.Corrected, Date: f.Date.AddDate(0, 0, 3), By: "ISMS Manager", Text: "Immediate fix applied"},
			{To: audit.Analysed, Date: f.Date.AddDate(0, 0, 10), By: "ISMS Manager", Text: "No trigger in the process caught the change"},
			{To: audit.Planned, Date: f.Date.AddDate(0, 0, 14), By: "ISMS Manager", Text: "Add the missing trigger to the process", Owner: "Head of Operations", Due: f.Date.AddDate(0, 2, 0)},
		}
		if f.Result == audit.Minor {
			steps = append(steps,
				audit.Step{To: audit.Implemented, Date: f.Date.AddDate(0, 1, 0), By: "Head of Operations"},
				audit.Step{To: audit.Effective, Date: f.Date.AddDate(0, 6, 0), By: "K. Smit", Text: "Two later changes triggered the review"})
		}
		for _, s := range steps {
			if ca, err = ca.Advance(s); err != nil {
				return nil, err
			}
		}
		m.records.Actions = append(m.records.Actions, ca)
	}
	if err := m.records.Validate(basis); err != nil {
		return nil, fmt.Errorf("audit records: %w", err)
	}
	return m, nil
}
