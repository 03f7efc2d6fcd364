package xlsx_test

import (
	"fmt"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/soa"
	"github.com/ismskit/ismskit/soa/xlsx"
)

func ExampleEncode() {
	s, _ := soa.Generate(soa.Input{Header: soa.Header{Organization: "Example Ltd", Version: "1.0", Date: ismskit.NewDate(2026, 11, 28)}})
	b, err := xlsx.Encode(s)
	if err != nil {
		panic(err)
	}
	back, err := xlsx.Decode(b)
	if err != nil {
		panic(err)
	}
	fmt.Println(len(back.Entries), back.Entries[0].Control, back.Entries[0].Applicability, back.Header.Organization)
	// Output:
	// 93 5.1 Undecided Example Ltd
}

// A workbook to hand over: the SoA with its scope statement and
// classification marking; the words people read come back as the SoA.
func ExampleEncodeDocument() {
	s, _ := soa.Generate(soa.Input{Header: soa.Header{Organization: "Example Ltd", Version: "1.0", Date: ismskit.NewDate(2026, 11, 28)}})
	d := soa.Document{SoA: s, ScopeStatement: "The invoicing platform and its operation.",
		Letterhead: ismskit.Letterhead{Classification: "Confidential"}}
	b, err := xlsx.EncodeDocument(d)
	if err != nil {
		panic(err)
	}
	back, err := xlsx.DecodeDocument(b)
	if err != nil {
		panic(err)
	}
	fmt.Println(back.ScopeStatement)
	fmt.Println(back.Letterhead.Classification, len(back.SoA.Entries))
	// Output:
	// The invoicing platform and its operation.
	// Confidential 93
}
