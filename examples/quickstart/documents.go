package main

// The documents people read and hand over: the Statement of
// Applicability, the audit report, the gap analysis and the readiness
// verdict, in the look every ismskit document shares (HTML, PDF,
// Markdown; the SoA also as a workbook).

import (
	"fmt"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/audit"
	auditpdf "github.com/ismskit/ismskit/audit/pdf"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/soa"
	soapdf "github.com/ismskit/ismskit/soa/pdf"
	soaxlsx "github.com/ismskit/ismskit/soa/xlsx"
)

// letterhead is Nimbus Ledger's: its documents are confidential, in the
// default colour and without a logo.
var letterhead = ismskit.Letterhead{Classification: "Confidential"}

// previousSoA is the sample's SoA as it stood in version 2026.1, before
// the second half of 2026: the cloud-services and monitoring controls
// were only planned, the CDN's DDoS protection was not yet a control of
// its own, and the CTO owned secure authentication.
func previousSoA(s soa.SoA) soa.SoA {
	old := s.Clone()
	old.Header.Version, old.Header.Date = "2026.1", ismskit.MustParseDate("2026-05-29")
	entries := old.Entries[:0]
	for _, e := range old.Entries {
		switch e.Control.String() {
		case "nimbus:cdn-ddos":
			continue
		case "5.23", "8.16":
			e.Status = soa.Planned
		case "8.5":
			e.Owner = "CTO"
		}
		entries = append(entries, e)
	}
	old.Entries = entries
	return old
}

// documents writes the documents for people; it prints nothing, the
// artefact list names them.
func (q *quickstart) documents() error {
	d := soa.Document{SoA: q.soa, ScopeStatement: q.records.Scope.Statement,
		History: []soa.ChangeLog{soa.Diff(previousSoA(q.soa), q.soa)}, Letterhead: letterhead}
	html, err := d.HTML()
	if err != nil {
		return fmt.Errorf("SoA: %w", err)
	}
	xlsx, err := soaxlsx.EncodeDocument(d)
	if err != nil {
		return fmt.Errorf("SoA: %w", err)
	}
	pdf, err := soapdf.Encode(d)
	if err != nil {
		return fmt.Errorf("SoA: %w", err)
	}

	rep := audit.ReportDocument{Report: *q.report, Version: "1.0",
		Auditees:     []string{"Information Security Manager", "CTO", "Head of Engineering", "IT Manager", "Head of People", "DPO"},
		Distribution: []string{"Management team (CEO, CTO, CFO, COO)", "Information Security Manager", "Owners of the controls with findings", "Certification body, with the stage 1 documents"},
		Letterhead:   letterhead}
	repHTML, err := rep.HTML()
	if err != nil {
		return fmt.Errorf("audit report: %w", err)
	}
	repPDF, err := auditpdf.Encode(rep)
	if err != nil {
		return fmt.Errorf("audit report: %w", err)
	}

	gap := iso27001.GapDocument{Report: *q.gap, Organization: q.org.Name, Version: "1.0", Letterhead: letterhead}
	gapHTML, err := gap.HTML()
	if err != nil {
		return fmt.Errorf("gap analysis: %w", err)
	}
	ready := audit.ReadinessDocument{Readiness: *q.decision, Organization: q.org.Name, Version: "1.0", Gap: q.gap, Letterhead: letterhead}
	readyHTML, err := ready.HTML()
	if err != nil {
		return fmt.Errorf("readiness: %w", err)
	}

	for _, f := range []struct {
		name string
		data []byte
	}{
		{"statement-of-applicability.xlsx", xlsx}, {"statement-of-applicability.html", html},
		{"statement-of-applicability.pdf", pdf}, {"statement-of-applicability.md", d.Markdown()},
		{"audit-report.html", repHTML}, {"audit-report.pdf", repPDF}, {"audit-report.md", rep.Markdown()},
		{"gap-analysis.html", gapHTML}, {"gap-analysis.md", gap.Markdown()},
		{"readiness.html", readyHTML}, {"readiness.md", ready.Markdown()},
	} {
		if err := q.write(f.name, f.data); err != nil {
			return err
		}
	}
	return nil
}
