package main

// Step 8: OSCAL exports and the NIST CSF coverage (packages
// iso27002/oscal, soa/oscal, audit/oscal, iso27002/nist).

import (
	"fmt"
	"strings"

	"github.com/ismskit/ismskit/audit"
	auditoscal "github.com/ismskit/ismskit/audit/oscal"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/iso27002/nist"
	"github.com/ismskit/ismskit/iso27002/oscal"
	"github.com/ismskit/ismskit/soa"
	soaoscal "github.com/ismskit/ismskit/soa/oscal"
)

// exportOSCAL is step 8: OSCAL documents for GRC tools (the catalog, the
// 2013 catalog, the clauses, the correspondence, the profile of the
// applicable controls, the SoA as a system security plan, the audit
// programme as an assessment plan, the audit results and the plan of
// action and milestones), and the NIST CSF 2.0 coverage of the
// implemented controls. The files refer only to each other.
func (q *quickstart) exportOSCAL() error {
	q.step(8, "OSCAL exports (NIST OSCAL "+oscal.OSCALVersion+") and NIST CSF 2.0 coverage")
	// Every document carries the date of what it is made from: the
	// catalogs, the profile and the SSP the SoA's date; the audit
	// documents the programme's and the audits' own dates.
	opts := oscal.Options{LastModified: q.soa.Header.Date.Time()}
	cat, err := oscal.ExportCatalog(q.catalog, opts)
	if err != nil {
		return fmt.Errorf("OSCAL catalog: %w", err)
	}
	cat2013, err := oscal.ExportCatalog(iso27002.Catalog2013(), opts)
	if err != nil {
		return fmt.Errorf("OSCAL 2013 catalog: %w", err)
	}
	clauses, err := oscal.ExportClauses(iso27001.Latest(), opts)
	if err != nil {
		return fmt.Errorf("OSCAL clauses: %w", err)
	}
	// The correspondence maps the 2013 catalog to the 2022 controls of
	// catalog.json, the files written here.
	mapping, err := oscal.ExportCorrespondence(oscal.MappingOptions{Options: opts, SourceHref: "iso27002-2013.json", TargetHref: "catalog.json"})
	if err != nil {
		return fmt.Errorf("OSCAL mapping: %w", err)
	}
	profile, err := oscal.ExportProfile("Nimbus Ledger: applicable controls of the SoA "+q.soa.Header.Version, "catalog.json", q.basis.Applicable, opts)
	if err != nil {
		return fmt.Errorf("OSCAL profile: %w", err)
	}
	ssp, err := soaoscal.ExportSSP(q.soa, soaoscal.Options{CatalogHref: "catalog.json", ProfileHref: "profile-applicable.json"})
	if err != nil {
		return fmt.Errorf("OSCAL system security plan: %w", err)
	}
	checklists := make([]audit.Checklist, 0, len(q.audits.Programme.Audits))
	for _, a := range q.audits.Programme.Audits {
		cl, err := audit.NewChecklist(a, q.basis)
		if err != nil {
			return fmt.Errorf("checklist %s: %w", a.ID, err)
		}
		checklists = append(checklists, *cl)
	}
	plan, err := auditoscal.ExportPlan(*q.audits, checklists, auditoscal.Options{})
	if err != nil {
		return fmt.Errorf("OSCAL assessment plan: %w", err)
	}
	results, err := auditoscal.ExportResults(*q.audits, auditoscal.Options{})
	if err != nil {
		return fmt.Errorf("OSCAL assessment results: %w", err)
	}
	poam, err := auditoscal.ExportPOAM(auditoscal.POAMInput{Records: q.audits, Register: &q.register},
		auditoscal.Options{AsOf: q.asOf, SSPHref: "ssp.json"})
	if err != nil {
		return fmt.Errorf("OSCAL plan of action and milestones: %w", err)
	}
	files := []struct {
		name, what string
		data       []byte
	}{
		{"oscal/catalog.json", fmt.Sprintf("catalog: %d controls (Annex A and the company's own)", q.catalog.Len()), cat},
		{"oscal/iso27002-2013.json", "catalog of ISO/IEC 27002:2013, the source of the mapping", cat2013},
		{"oscal/iso27001-clauses.json", "catalog of the requirements of clauses 4 to 10", clauses},
		{"oscal/correspondence-2013-2022.json", "mapping collection: ISO/IEC 27002 2013 to 2022", mapping},
		{"oscal/profile-applicable.json", fmt.Sprintf("profile: the %d applicable controls", len(q.basis.Applicable)), profile},
		{"oscal/ssp.json", fmt.Sprintf("system security plan: the SoA's %d decided controls", len(q.soa.Entries)), ssp},
		{"oscal/assessment-plan.json", fmt.Sprintf("assessment plan: the programme's %d audits and their checklists", len(q.audits.Programme.Audits)), plan},
		{"oscal/assessment-results.json", fmt.Sprintf("assessment results: %d findings of the internal audits", len(q.audits.Findings)), results},
		{"oscal/poam.json", "plan of action and milestones: open corrective and treatment actions", poam},
	}
	for _, f := range files {
		q.printf("  %-36s %s\n", f.name, f.what)
		if err := q.write(f.name, f.data); err != nil {
			return err
		}
	}

	var implemented []iso27002.ControlID
	for e := range q.soa.Included() {
		if e.Status == soa.Implemented && e.Control.Edition() == iso27002.Edition2022 {
			implemented = append(implemented, e.Control)
		}
	}
	cov := nist.CSFCoverage(implemented)
	var parts []string
	for _, f := range cov {
		parts = append(parts, fmt.Sprintf("%s %d/%d", f.Function, f.Covered, f.Mapped))
	}
	q.printf("  CSF 2.0 subcategories covered by the %d implemented Annex A controls: %s\n", len(implemented), strings.Join(parts, "  "))
	return q.writeJSON("nist-csf-coverage.json", cov)
}
