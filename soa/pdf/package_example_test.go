package pdf_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/pdfdoc/pdftext"
	"github.com/ismskit/ismskit/soa"
	"github.com/ismskit/ismskit/soa/pdf"
)

// The SoA a certification body reads: soa.Document adds the scope
// statement, the version history and the letterhead to the SoA, and
// Encode prints it on A4 landscape pages.
func Example() {
	data, err := os.ReadFile("../testdata/soa.golden.json") // an SoA that soa.EncodeSoA wrote
	if err != nil {
		panic(err)
	}
	s, err := soa.DecodeSoA(data)
	if err != nil {
		panic(err)
	}
	d := soa.Document{SoA: s, ScopeStatement: "The invoicing platform and its operation.",
		Letterhead: ismskit.Letterhead{Classification: "Confidential"}}
	b, err := pdf.Encode(d)
	if err != nil {
		panic(err)
	}
	pages, text := pdftext.Read(b) // the test's reader; write b to a file of your own
	fmt.Println(pages, "pages")
	fmt.Println(strings.Contains(text, "The invoicing platform and its operation."), strings.Contains(text, "Confidential"))
	// Output:
	// 7 pages
	// true true
}
