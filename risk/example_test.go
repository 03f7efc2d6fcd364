package risk_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/risk"
)

func exampleRegister() risk.Register {
	return risk.Register{
		Criteria: risk.Standard5x5(),
		Assets:   []risk.Asset{{ID: "crm", Name: "CRM", Kind: risk.SupportingAsset, Owner: "Sales Ops"}},
		Risks: []risk.Risk{
			{
				ID: "R-1", Title: "Phishing leads to CRM takeover", Owner: "CISO", Assets: []string{"crm"},
				Properties: []risk.Property{risk.Confidentiality}, Likelihood: 4, Impact: 4,
				Controls: []risk.AppliedControl{
					{Control: iso27002.MustParse("6.3"), Status: risk.Implemented, LikelihoodEffect: 25},
					{Control: iso27002.MustParse("8.5"), Status: risk.Planned, LikelihoodEffect: 50},
				},
				Treatment: risk.Treatment{Option: risk.Modify},
			},
			{
				ID: "R-2", Title: "CRM vendor outage", Owner: "Head of Sales", Assets: []string{"crm"},
				Properties: []risk.Property{risk.Availability}, Likelihood: 2, Impact: 2,
				Treatment: risk.Treatment{Option: risk.Retain},
			},
		},
	}
}

func ExampleAssessor_Assess() {
	reg := exampleRegister()
	a, err := risk.NewAssessor(reg.Criteria, reg.Assets...)
	if err != nil {
		panic(err)
	}
	as, err := a.Assess(reg.Risks[0])
	if err != nil {
		panic(err)
	}
	for _, s := range []risk.Stage{risk.Inherent, risk.Current, risk.Residual} {
		r := as.Rating(s)
		fmt.Printf("%-8s L%d I%d %s (score %d)\n", s, r.Likelihood, r.Impact, r.Level, r.Score)
	}
	fmt.Println("limit:", as.Limit, "above:", as.AboveCriteria())
	// Output:
	// Inherent L4 I4 high (score 16)
	// Current  L3 I4 high (score 12)
	// Residual L2 I4 medium (score 8)
	// limit: medium above: false
}

func ExampleRegister_Validate() {
	reg := exampleRegister()
	reg.Risks[0].Owner = ""
	reg.Risks[1].Likelihood = 7
	reg.Risks[1].Assets = []string{"erp"}
	err := reg.Validate()
	fmt.Println(err)
	fmt.Println(errors.Is(err, ismskit.ErrOutOfRange))
	// Output:
	// risks[0].owner (R-1): missing value
	// risks[1].assets[0] (R-2): no asset "erp"
	// risks[1].likelihood (R-2): 7 is outside the scale 1..5
	// true
}

func ExampleDecodeRegister() {
	_, err := risk.DecodeRegister([]byte(`{"risks":[{"id":"R-1","likelyhood":3,"treatment":{"option":"transfer"}}]}`))
	var fe *ismskit.Error
	if errors.As(err, &fe) {
		fmt.Println("first problem at", fe.Path)
	}
	fmt.Println(errors.Is(err, ismskit.ErrUnknownField), errors.Is(err, ismskit.ErrUnknownValue))
	// Output:
	// first problem at risks[0].likelyhood
	// true true
}

func ExampleCheck() {
	reg := exampleRegister()
	reg.Risks[1].Residual = &risk.Estimate{Likelihood: 1, Impact: 2}
	findings, err := risk.Check(reg)
	if err != nil {
		panic(err)
	}
	for _, f := range findings {
		fmt.Println(f)
	}
	// Output:
	// warning: risks[1].residual (R-2): residual risk low (L1 I2) is below inherent risk low (L2 I2) with no control and no avoid or share treatment
}

func ExampleRank() {
	as, err := risk.AssessRegister(exampleRegister())
	if err != nil {
		panic(err)
	}
	for _, r := range risk.Rank(as, risk.Inherent) {
		fmt.Println(r.Position, r.RiskID, r.Inherent.Level)
	}
	// Output:
	// 1 R-1 high
	// 2 R-2 low
}

func ExampleAggregate() {
	reg := exampleRegister()
	as, err := risk.AssessRegister(reg)
	if err != nil {
		panic(err)
	}
	for _, g := range risk.Aggregate(reg, as, risk.ByTheme, risk.Residual) {
		fmt.Printf("%q: %v, worst %s\n", g.Key, g.Risks, g.MaxLevel)
	}
	// Output:
	// "": [R-2], worst low
	// "people": [R-1], worst medium
	// "technological": [R-1], worst medium
}

func ExampleNeedingAcceptance() {
	reg := exampleRegister()
	reg.Criteria.Acceptance.MaxLevel = "low"
	asOf := ismskit.NewDate(2026, 6, 1)
	gaps, err := risk.NeedingAcceptance(reg, asOf)
	if err != nil {
		panic(err)
	}
	for _, g := range gaps {
		fmt.Println(g.RiskID, g.Owner, g.Residual.Level, "above", g.Limit, "acceptance:", g.Status)
	}

	// the owner accepts; the acceptance holds until the rating changes
	a, _ := risk.NewAssessor(reg.Criteria, reg.Assets...)
	as, _ := a.Assess(reg.Risks[0])
	reg.Risks[0], err = reg.Risks[0].Accept("CISO", asOf, as, asOf.AddDate(1, 0, 0), "until FIDO2 roll-out")
	if err != nil {
		panic(err)
	}
	gaps, _ = risk.NeedingAcceptance(reg, asOf.AddDate(0, 1, 0))
	fmt.Println(len(gaps), "left")
	gaps, _ = risk.NeedingAcceptance(reg, asOf.AddDate(2, 0, 0))
	fmt.Println(gaps[0].RiskID, gaps[0].Status)
	// Output:
	// R-1 CISO medium above low acceptance: None
	// 0 left
	// R-1 Expired
}

func ExampleProductMatrix() {
	m, err := risk.ProductMatrix(3, 3, []string{"low", "medium", "high"}, []int{1, 3, 6})
	if err != nil {
		panic(err)
	}
	for l := len(m.Cells) - 1; l >= 0; l-- {
		fmt.Println(m.Cells[l])
	}
	// Output:
	// [medium high high]
	// [low medium high]
	// [low low medium]
}

func ExampleEncodeCSV() {
	reg := exampleRegister()
	data, err := risk.EncodeCSV(reg.Risks[:1])
	if err != nil {
		panic(err)
	}
	back, err := risk.DecodeCSV(data)
	if err != nil {
		panic(err)
	}
	fmt.Println(back[0].ID, back[0].Controls[1].Control, back[0].Controls[1].Status, back[0].Controls[1].LikelihoodEffect)
	// Output:
	// R-1 8.5 Planned 50
}

func ExampleEncodeRegisterCSV() {
	reg := exampleRegister()
	reg.Risks = reg.Risks[:1]
	data, err := risk.EncodeRegisterCSV(reg)
	if err != nil {
		panic(err)
	}
	records, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		panic(err)
	}
	for i, h := range records[0] {
		if strings.Contains(h, "level") || h == "ID" {
			fmt.Printf("%s: %s\n", h, records[1][i])
		}
	}
	back, err := risk.DecodeCSV(data) // the computed columns are skipped
	fmt.Println(len(back), err)
	// Output:
	// ID: R-1
	// Inherent level: High
	// Current level: High
	// Residual level: Medium
	// 1 <nil>
}

func ExampleNewHeatMap() {
	reg := exampleRegister()
	as, err := risk.AssessRegister(reg)
	if err != nil {
		panic(err)
	}
	h, err := risk.NewHeatMap(reg.Criteria, as)
	if err != nil {
		panic(err)
	}
	// rows: the highest likelihood first; cells: the lowest impact first
	for _, row := range h.Rows[1:3] {
		fmt.Printf("%-8s", row.Label)
		for _, c := range row.Cells {
			fmt.Printf(" %s:%d/%d", c.Level, c.Inherent, c.Residual)
		}
		fmt.Println()
	}
	// Output:
	// Likely   low:0/0 medium:0/0 high:0/0 high:1/0 critical:0/0
	// Possible low:0/0 medium:0/0 medium:0/0 high:0/0 high:0/0
}

func ExampleHeatMap_SVGWith() {
	reg := exampleRegister()
	as, _ := risk.AssessRegister(reg)
	h, err := risk.NewHeatMap(reg.Criteria, as)
	if err != nil {
		panic(err)
	}
	svg, err := h.SVGWith(risk.SVGOptions{
		Stages:       []risk.Stage{risk.Current},
		Colours:      map[string]string{"high": "#ffd0a8", "critical": "#f7a8a8"},
		Title:        "Risks today",
		Organisation: "Example Ltd",
		AsOf:         ismskit.MustParseDate("2026-11-28"),
		CellSize:     40,
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(string(svg[:4]), strings.Count(string(svg), "<title>L"), "cells")
	fmt.Println(strings.Contains(string(svg), "Example Ltd · as of 2026-11-28"), strings.Contains(string(svg), "Risk level:"))
	_, err = h.SVGWith(risk.SVGOptions{Colours: map[string]string{"severe": "#000000"}})
	fmt.Println(err)
	// Output:
	// <svg 25 cells
	// true true
	// colours.severe: no cell has the risk level "severe"
}

func ExampleAssessor_Method() {
	a, _ := risk.NewAssessor(risk.Standard4x4())
	res, err := a.Method().Score("L:3/I:4")
	if err != nil {
		panic(err)
	}
	fmt.Println(res.Method, res.Version, res.Vector, res.Score, res.Severity)
	// Output:
	// matrix 1/standard-4x4@1 L:3/I:4 12 critical
}

func ExampleCheckHistory() {
	prev := exampleRegister()
	at := ismskit.NewDate(2026, 1, 15)
	prev.Risks[0], _ = prev.Risks[0].Approve(risk.Approval{By: "CISO", At: at})

	next := exampleRegister() // someone rebuilt the register and lost the approval
	err := risk.CheckHistory(prev, next)
	fmt.Println(err)
	fmt.Println(errors.Is(err, risk.ErrHistoryRewritten))
	// Output:
	// risks[0].approvals[0] (R-1): approval by "CISO" at 2026-01-15 changed or removed
	// true
}

func ExampleStandard5x5() {
	c := risk.Standard5x5()
	fmt.Println(c.Ref(), len(c.Likelihood.Levels), "x", len(c.Impact.Levels), "accept up to", c.Acceptance.MaxLevel)
	for _, lv := range c.RiskLevels {
		fmt.Println(lv.ID, lv.Colour)
	}
	// Output:
	// standard-5x5@1 5 x 5 accept up to medium
	// low #2e7d32
	// medium #f9a825
	// high #ef6c00
	// critical #c62828
}

func ExampleCheckControls() {
	reg := exampleRegister()
	reg.Risks[1].Controls = []risk.AppliedControl{
		{Control: iso27002.MustParse("5.23"), Status: risk.Implemented},
		{Control: iso27002.MustParse("acme:vendor-review"), Status: risk.Planned},
	}
	// the built-in 2022 catalog does not hold the organisation's own control
	fmt.Println(risk.CheckControls(reg, iso27002.Catalog2022().Has))
	// Output:
	// risks[1].controls[1].control (R-2): unknown control acme:vendor-review
}

func ExampleRegister_Risk() {
	reg := exampleRegister()
	r, err := reg.Risk("R-2")
	if err != nil {
		panic(err)
	}
	fmt.Println(r.Title, "owned by", r.Owner)
	_, err = reg.Risk("R-9")
	fmt.Println(err, errors.Is(err, ismskit.ErrUnknownReference))
	// Output:
	// CRM vendor outage owned by Head of Sales
	// no risk "R-9" true
}

func ExampleCriteria_Rank() {
	reg := exampleRegister()
	as, err := risk.AssessRegister(reg)
	if err != nil {
		panic(err)
	}
	high, err := reg.Criteria.Rank("high")
	if err != nil {
		panic(err)
	}
	for _, a := range as {
		if a.Inherent.Rank >= high {
			lv, _ := reg.Criteria.Level(a.Inherent.Level)
			fmt.Println(a.RiskID, "is", lv.Label, "or worse before treatment")
		}
	}
	// Output:
	// R-1 is High or worse before treatment
}

func ExampleAssessments_Of() {
	reg := exampleRegister()
	as, err := risk.AssessRegister(reg)
	if err != nil {
		panic(err)
	}
	a, err := as.Of("R-1")
	if err != nil {
		panic(err)
	}
	fmt.Println(a.Residual.Level, "limit", a.Limit)
	// Output:
	// medium limit medium
}

func ExampleRegister_Clone() {
	reg := exampleRegister()
	next := reg.Clone() // a new version: nothing is shared with reg
	next.Risks[0].Controls[1].Status = risk.Implemented
	fmt.Println(reg.Risks[0].Controls[1].Status, "->", next.Risks[0].Controls[1].Status)
	// Output:
	// Planned -> Implemented
}

func ExampleDiff() {
	older := exampleRegister()
	newer := older.Clone()
	newer.Risks[0].Controls[1].Status = risk.Implemented // MFA is enforced now
	newer.Risks = newer.Risks[:1]                        // the CRM vendor risk is closed
	log := risk.Diff(older, newer)
	for _, c := range log.Changes {
		fmt.Println(c)
		for _, f := range c.Fields {
			fmt.Printf("  %s: %q -> %q\n", f.Field, f.Old, f.New)
		}
	}
	// Output:
	// R-1 modified: controls
	//   controls: "6.3=implemented:25:0\n8.5=planned:50:0" -> "6.3=implemented:25:0\n8.5=implemented:50:0"
	// R-2 removed
}

// The happy path: decode a register, validate it, assess and rank its
// risks, and list those still waiting for their owner's acceptance.
func Example() {
	data, err := os.ReadFile("testdata/register.json")
	if err != nil {
		panic(err)
	}
	reg, err := risk.DecodeRegister(data)
	if err != nil {
		panic(err)
	}
	if err := reg.Validate(); err != nil {
		panic(err)
	}
	as, err := risk.AssessRegister(reg)
	if err != nil {
		panic(err)
	}
	for _, r := range risk.Rank(as, risk.Residual)[:3] {
		fmt.Println(r)
	}
	unaccepted, err := risk.NeedingAcceptance(reg, ismskit.NewDate(2026, 11, 28))
	if err != nil {
		panic(err)
	}
	fmt.Println(len(unaccepted), "need their owner's acceptance, first", unaccepted[0])
	// Output:
	// 1. R-06: inherent high (L2 I5), current high (L2 I5), residual high (L2 I5), limit low
	// 1. R-09: inherent high (L2 I5), current high (L2 I5), residual high (L2 I5), limit medium
	// 1. R-13: inherent high (L3 I5), current high (L2 I5), residual high (L2 I5), limit low
	// 8 need their owner's acceptance, first R-06 (owner CTO): residual high (L2 I5) above low, acceptance Stale
}
