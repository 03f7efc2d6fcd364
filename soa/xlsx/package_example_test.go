package xlsx_test

import (
	"fmt"
	"os"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/soa"
	"github.com/ismskit/ismskit/soa/xlsx"
)

// The round trip a workbook makes: written for a person, edited in a
// spreadsheet program within its validation lists, and read back as the
// SoA it says, unchanged; what is not a workbook is an error.
func Example() {
	data, err := os.ReadFile("../testdata/soa.golden.json") // an SoA that soa.EncodeSoA wrote
	if err != nil {
		panic(err)
	}
	s, err := soa.DecodeSoA(data)
	if err != nil {
		panic(err)
	}
	b, err := xlsx.EncodeDocument(soa.Document{SoA: s, Letterhead: ismskit.Letterhead{Classification: "Confidential"}})
	if err != nil {
		panic(err)
	}
	back, err := xlsx.DecodeDocument(b) // what a person returned
	if err != nil {
		panic(err)
	}
	changes := soa.Diff(s, back.SoA)
	fmt.Println(len(back.SoA.Entries), "entries,", len(changes.Changes), "changes")

	_, err = xlsx.Decode([]byte("not a workbook"))
	fmt.Println(err)
	// Output:
	// 93 entries, 0 changes
	// not a workbook: zip: not a valid zip file
}
