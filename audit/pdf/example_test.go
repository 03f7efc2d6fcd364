package pdf_test

import (
	"fmt"
	"os"

	"github.com/ismskit/ismskit/audit"
	"github.com/ismskit/ismskit/audit/pdf"
	"github.com/ismskit/ismskit/internal/pdfdoc/pdftext"
)

func ExampleEncode() {
	data, _ := os.ReadFile("../testdata/report.json") // a report that audit.EncodeReport wrote
	rep, err := audit.DecodeReport(data)
	if err != nil {
		panic(err)
	}
	b, err := pdf.Encode(audit.ReportDocument{Report: rep, Version: "1.0", Distribution: []string{"Management team"}})
	if err != nil {
		panic(err)
	}
	pages, _ := pdftext.Read(b)
	fmt.Println(string(b[:5]), pages)
	// Output:
	// %PDF- 4
}
