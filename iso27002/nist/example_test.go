package nist_test

import (
	"fmt"

	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/iso27002/nist"
)

// The package in a few lines: from an Annex A control to NIST SP 800-53
// and the CSF 2.0, and back.
func Example() {
	id := iso27002.MustParse("8.8")
	fmt.Println("800-53:", nist.SP80053ForControl(id))
	fmt.Println("CSF 2.0:", nist.CSFForControl(id))
	sub := nist.MustParseCSF("ID.RA-01")
	fmt.Println(sub, sub.Level(), "is covered by", nist.ISOForCSF(sub))
	// Output:
	// 800-53: [RA-3 RA-5 SI-2 SI-5]
	// CSF 2.0: [ID.RA-01 PR.DS-01 PR.PS]
	// ID.RA-01 Subcategory is covered by [A.8.8]
}

func ExampleSP80053ForControl() {
	fmt.Println(nist.SP80053ForControl(iso27002.MustParse("8.8")))
	fmt.Println(nist.ISOForSP80053(nist.MustParseSP80053("RA-5")))
	// Output:
	// [RA-3 RA-5 SI-2 SI-5]
	// [A.8.8]
}

func ExampleISOForCSF() {
	fmt.Println(nist.ISOForCSF(nist.MustParseCSF("PR.AA-01")))
	fmt.Println(nist.CSFForControl(iso27002.MustParse("5.15")))
	// Output:
	// [A.5.15 A.5.18 A.8.2 A.8.5]
	// [PR.AA PR.AA-01 PR.AA-03 PR.AA-05 PR.DS-01 PR.DS-02 PR.DS-10]
}

func ExampleCSFCoverage() {
	implemented := []iso27002.ControlID{
		iso27002.MustParse("5.15"), iso27002.MustParse("5.18"), iso27002.MustParse("8.8"), iso27002.MustParse("5.24"),
	}
	for _, fc := range nist.CSFCoverage(implemented) {
		fmt.Printf("%s %d/%d %.0f%%\n", fc.Function, fc.Covered, fc.Mapped, fc.Percent)
	}
	// Output:
	// GV 0/26 0%
	// ID 2/19 11%
	// PR 6/22 27%
	// DE 1/11 9%
	// RS 1/13 8%
	// RC 0/6 0%
}

func ExampleParseSP80053() {
	id, err := nist.ParseSP80053("AC-02(01)")
	if err != nil {
		panic(err)
	}
	fmt.Println(id, id.OSCALID(), id.Base(), id.Family())
	// Output:
	// AC-2(1) ac-2.1 AC-2 AC
}

func ExampleParseCSF() {
	id, err := nist.ParseCSF("PR.AA-01")
	if err != nil {
		panic(err)
	}
	fmt.Println(id, id.Level(), id.Category(), id.Function())
	// Output:
	// PR.AA-01 Subcategory PR.AA PR
}
