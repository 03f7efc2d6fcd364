package oscal_test

import (
	"encoding/json"
	"fmt"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/audit"
	"github.com/ismskit/ismskit/audit/oscal"
	"github.com/ismskit/ismskit/iso27002"
)

func ExampleExportResults() {
	r := &audit.Records{
		Organization: "Example Ledger Ltd",
		Programme: audit.Programme{CycleStart: ismskit.MustParseDate("2026-01-12"), CycleEnd: ismskit.MustParseDate("2029-01-11"),
			Audits: []audit.Audit{{ID: "IA-1", Kind: audit.Internal, Start: ismskit.MustParseDate("2026-03-09"), End: ismskit.MustParseDate("2026-03-11"),
				Scope:    audit.Scope{Controls: []iso27002.ControlID{iso27002.MustParse("8.8")}},
				Auditors: []audit.Auditor{{Name: "R. Visser", Lead: true}}}}},
		Findings: []audit.Finding{{ID: "F-1", Audit: "IA-1", Control: iso27002.MustParse("8.8"), Result: audit.Major,
			Date: ismskit.MustParseDate("2026-03-10"), Auditor: "R. Visser", Statement: "Patches overdue on six hosts."}},
	}
	out, err := oscal.ExportResults(*r, oscal.Options{})
	if err != nil {
		panic(err)
	}
	var doc struct {
		AR struct {
			Results []struct {
				Findings []struct {
					Target struct {
						TargetID string `json:"target-id"`
						Status   struct{ State string }
					}
				}
				Risks []struct{ Status string }
			}
		} `json:"assessment-results"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		panic(err)
	}
	res := doc.AR.Results[0]
	fmt.Println(res.Findings[0].Target.TargetID, res.Findings[0].Target.Status.State, res.Risks[0].Status)
	// Output:
	// a.8.8_obj not-satisfied open
}

func ExampleExportPOAM() {
	r := &audit.Records{
		Organization: "Example Ledger Ltd",
		Findings: []audit.Finding{{ID: "F-1", Audit: "IA-1", Control: iso27002.MustParse("8.8"), Result: audit.Major,
			Date: ismskit.MustParseDate("2026-03-10"), Auditor: "R. Visser", Statement: "Patches overdue on six hosts."}},
	}
	out, err := oscal.ExportPOAM(oscal.POAMInput{Records: r}, oscal.Options{SSPHref: "ssp.json"})
	if err != nil {
		panic(err)
	}
	var doc struct {
		POAM struct {
			Items []struct{ Title string } `json:"poam-items"`
		} `json:"plan-of-action-and-milestones"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		panic(err)
	}
	fmt.Println(doc.POAM.Items[0].Title)
	// Output:
	// Nonconformity F-1 awaits corrective action
}

// Example writes an audit programme, its checklist and its findings as an
// assessment plan and the assessment results that import it.
func Example() {
	start, end := ismskit.MustParseDate("2026-03-09"), ismskit.MustParseDate("2026-03-11")
	ia1 := audit.Audit{ID: "IA-1", Kind: audit.Internal, Start: start, End: end,
		Scope: audit.Scope{Controls: []iso27002.ControlID{iso27002.MustParse("8.8")}}, Auditors: []audit.Auditor{{Name: "R. Visser", Lead: true}}}
	r := audit.Records{Organization: "Example Ledger Ltd",
		Programme: audit.Programme{CycleStart: ismskit.MustParseDate("2026-01-12"), CycleEnd: ismskit.MustParseDate("2029-01-11"), Audits: []audit.Audit{ia1}},
		Findings:  []audit.Finding{{ID: "F-1", Audit: "IA-1", Control: iso27002.MustParse("8.8"), Result: audit.Major, Date: end, Auditor: "R. Visser"}}}
	checklist, _ := audit.NewChecklist(ia1, audit.Basis{})
	opts := oscal.Options{PlanHref: "assessment-plan.json", SSPHref: "ssp.json"}
	plan, err := oscal.ExportPlan(r, []audit.Checklist{*checklist}, opts) // save as assessment-plan.json
	if err != nil {
		panic(err)
	}
	results, err := oscal.ExportResults(r, opts) // its import-ap is assessment-plan.json
	if err != nil {
		panic(err)
	}
	fmt.Println(len(plan) > 0, len(results) > 0)
	// Output:
	// true true
}

func ExampleExportPlan() {
	ia1 := audit.Audit{ID: "IA-1", Kind: audit.Internal, Start: ismskit.MustParseDate("2026-03-09"), End: ismskit.MustParseDate("2026-03-11"),
		Scope: audit.Scope{Controls: []iso27002.ControlID{iso27002.MustParse("8.8")}}, Auditors: []audit.Auditor{{Name: "R. Visser"}}}
	r := audit.Records{Organization: "Example Ledger Ltd", Programme: audit.Programme{CycleStart: ismskit.MustParseDate("2026-01-12"),
		CycleEnd: ismskit.MustParseDate("2029-01-11"), Audits: []audit.Audit{ia1}}}
	checklist, _ := audit.NewChecklist(ia1, audit.Basis{})
	out, err := oscal.ExportPlan(r, []audit.Checklist{*checklist}, oscal.Options{})
	if err != nil {
		panic(err)
	}
	var doc struct {
		AP struct {
			Metadata struct {
				LastModified string `json:"last-modified"`
			}
			LocalDefinitions struct {
				Objectives []struct {
					ControlID string `json:"control-id"`
					Parts     []struct{ ID string }
				} `json:"objectives-and-methods"`
			} `json:"local-definitions"`
		} `json:"assessment-plan"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		panic(err)
	}
	o := doc.AP.LocalDefinitions.Objectives[0]
	fmt.Println(doc.AP.Metadata.LastModified, o.ControlID, o.Parts[0].ID)
	// Output:
	// 2026-01-12T00:00:00Z a.8.8 a.8.8_obj
}
