package pdf_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/audit"
	"github.com/ismskit/ismskit/audit/pdf"
	"github.com/ismskit/ismskit/internal/pdfdoc/pdftext"
)

// The internal audit report for management (9.2.2 g): the report from
// audit.NewReport, with what the reader needs around it (auditees,
// distribution, approval, the classification marking), printed on A4
// landscape pages.
func Example() {
	data, err := os.ReadFile("../testdata/report.json") // a report that audit.EncodeReport wrote
	if err != nil {
		panic(err)
	}
	rep, err := audit.DecodeReport(data)
	if err != nil {
		panic(err)
	}
	b, err := pdf.Encode(audit.ReportDocument{Report: rep, Version: "1.0",
		Auditees:     []string{"CTO", "IT Manager"},
		Distribution: []string{"Management team", "Certification body"},
		ApprovedBy:   "CEO", ApprovedAt: ismskit.MustParseDate("2026-12-01"),
		Letterhead: ismskit.Letterhead{Classification: "Internal"}})
	if err != nil {
		panic(err)
	}
	pages, text := pdftext.Read(b) // the test's reader; write b to a file of your own
	fmt.Println(pages, "pages")
	fmt.Println(strings.Contains(text, "Certification body"), strings.Contains(text, "Internal"))
	// Output:
	// 4 pages
	// true true
}
