package iso27001_test

import (
	"fmt"
	"os"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/iso27001"
)

// The package's model in one run: the requirements of clauses 4 to 10,
// the documented information they ask for, the ISMS records that evidence
// them, and the gap analysis of the records as of a date.
func Example() {
	std := iso27001.Latest()
	n := 0
	for range std.DocumentedInformation() {
		n++
	}
	fmt.Println(std.Name()+":", std.Len(), "clauses,", n, "items of documented information")

	data, err := os.ReadFile("testdata/records/sample.json") // what an ISMS keeps, as JSON
	if err != nil {
		panic(err)
	}
	records, err := iso27001.DecodeRecords(data) // strict: an unknown key is an error with its path
	if err != nil {
		panic(err)
	}
	gap, err := iso27001.Analyze(records, ismskit.MustParseDate("2026-11-28"))
	if err != nil {
		panic(err)
	}
	fmt.Printf("%s: %.1f%% of the requirement items evidenced\n", records.Organization, gap.Readiness)
	// Output:
	// ISO/IEC 27001:2022/Amd 1:2024: 41 clauses, 16 items of documented information
	// Northwind Analytics Ltd (fictional sample): 41.0% of the requirement items evidenced
}
