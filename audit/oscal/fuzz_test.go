package oscal_test

import (
	"testing"
	"time"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/audit"
	"github.com/ismskit/ismskit/audit/oscal"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/risk"
)

// FuzzExport builds records and a register from arbitrary strings and
// enum values: the exports never panic, and whatever they accept is valid
// under NIST's schemas.
func FuzzExport(f *testing.F) {
	f.Add("Example Ltd", "IA-1", "F-1", "8.8", "R. Visser", "statement", "E-1", "IT", uint8(1), uint8(4), int64(1770000000))
	f.Add("", "", "", "9.1.p1", "", "", "", "", uint8(6), uint8(7), int64(0))
	f.Add("Org\n", " A", "F 1", "acme:x", "two\nlines", "", "E-1", " IT", uint8(9), uint8(0), int64(-99999999999))
	f.Fuzz(func(t *testing.T, org, auditID, findingID, subject, auditor, statement, evidence, owner string, result, state uint8, date int64) {
		day := ismskit.DateOf(time.Unix(date, 0).UTC())
		fd := audit.Finding{ID: findingID, Audit: auditID, Result: audit.Result(result % 8), Date: day, Auditor: auditor, Statement: statement, Evidence: []string{evidence}}
		if id, err := iso27002.Parse(subject); err == nil {
			fd.Control = id
		} else if it, err := iso27001.ParseItemID(subject); err == nil {
			fd.Item = it
		}
		r := &audit.Records{
			Organization: org,
			Programme: audit.Programme{Audits: []audit.Audit{{ID: auditID, Kind: audit.Kind(result % 7), Start: day, End: day,
				Scope: audit.Scope{Controls: []iso27002.ControlID{fd.Control}, Sites: []string{owner}}, Auditors: []audit.Auditor{{Name: auditor}}}}},
			Evidence: []audit.Evidence{{ID: evidence, What: statement, Where: owner, When: day}},
			Findings: []audit.Finding{fd},
			Actions: []audit.CorrectiveAction{{ID: findingID, Finding: findingID, State: audit.State(state % 9), Owner: owner, Due: day, Action: statement,
				History: []audit.Transition{{To: audit.State(state % 9), Date: day, By: owner, Note: statement}}}},
		}
		if out, err := oscal.ExportResults(*r, oscal.Options{}); err == nil {
			validate(t, "assessment-results", out)
		}
		reg := &risk.Register{Name: org, Risks: []risk.Risk{{ID: findingID, Title: statement, Owner: owner, Treatment: risk.Treatment{
			Option: risk.Modify, Plan: []risk.Action{{ID: evidence, Title: auditor, Owner: owner, Due: ismskit.DateOf(time.Unix(date, 0)), Status: risk.ActionPlanned,
				Controls: []iso27002.ControlID{fd.Control}}}}}}}
		if out, err := oscal.ExportPOAM(oscal.POAMInput{Records: r, Register: reg}, oscal.Options{AsOf: ismskit.DateOf(time.Unix(date, 0))}); err == nil {
			validate(t, "poam", out)
		}
	})
}
