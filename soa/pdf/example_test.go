package pdf_test

import (
	"fmt"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/pdfdoc/pdftext"
	"github.com/ismskit/ismskit/soa"
	"github.com/ismskit/ismskit/soa/pdf"
)

func ExampleEncode() {
	s, _ := soa.Generate(soa.Input{Header: soa.Header{Organization: "Example Ltd", Version: "1.0", Date: ismskit.NewDate(2026, 11, 28)}})
	b, err := pdf.Encode(soa.Document{SoA: s, Letterhead: ismskit.Letterhead{Classification: "Confidential"}})
	if err != nil {
		panic(err)
	}
	pages, _ := pdftext.Read(b)
	fmt.Println(string(b[:5]), pages > 1)
	// Output:
	// %PDF- true
}
