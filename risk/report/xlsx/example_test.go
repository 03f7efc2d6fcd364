package xlsx_test

import (
	"bytes"
	"fmt"

	"github.com/xuri/excelize/v2"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/risk/report"
	"github.com/ismskit/ismskit/risk/report/xlsx"
)

func ExampleEncode() {
	reg := risk.Register{Name: "Example Ltd", Criteria: risk.Standard5x5(), Risks: []risk.Risk{
		{ID: "R-1", Title: "Ransomware", Owner: "CTO", Likelihood: 4, Impact: 5, Treatment: risk.Treatment{Option: risk.Modify, Plan: []risk.Action{
			{ID: "A1", Title: "Test restores", Owner: "IT", Due: ismskit.MustParseDate("2026-03-31"), Status: risk.ActionPlanned}}}},
	}}
	b, err := xlsx.Encode(report.Document{Register: reg, AsOf: ismskit.MustParseDate("2026-06-30")})
	if err != nil {
		panic(err)
	}
	f, _ := excelize.OpenReader(bytes.NewReader(b))
	defer f.Close()
	fmt.Println(f.GetSheetList())
	row, _ := f.GetRows(xlsx.SheetPlan)
	fmt.Println(row[4])
	// Output:
	// [Risks Treatment plan Summary]
	// [2026-03-31 91 R-1 Ransomware A1 Test restores  IT Planned]
}
