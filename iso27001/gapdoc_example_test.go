package iso27001_test

import (
	"fmt"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/iso27001"
)

// The gap analysis as a document for people: its Markdown starts with
// the title block every ismskit document carries.
func ExampleGapDocument() {
	gap := iso27001.GapReport{Standard: "ISO/IEC 27001:2022", AsOf: ismskit.NewDate(2026, 11, 28), Evidenced: 143, Total: 156, Readiness: 91.7}
	d := iso27001.GapDocument{Report: gap, Organization: "Example Ltd", Version: "1.0",
		Letterhead: ismskit.Letterhead{Classification: "Confidential"}}
	lines := strings.Split(string(d.Markdown()), "\n")
	fmt.Println(lines[0])
	fmt.Println(lines[2])
	// Output:
	// # Gap analysis
	// **Example Ltd** · The ISMS's documents and records against clauses 4 to 10 of ISO/IEC 27001:2022 · Version 1.0 · 2026-11-28 · Classification: **Confidential**
}
