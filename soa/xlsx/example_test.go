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
