package oscal_test

import (
	"fmt"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/soa"
	"github.com/ismskit/ismskit/soa/oscal"
)

func ExampleExportSSP() {
	s := soa.SoA{
		Header: soa.Header{Organization: "Example Ledger Ltd", Version: "1.0", Date: ismskit.NewDate(2026, 11, 28)},
		Entries: []soa.Entry{
			{Control: iso27002.MustParse("5.1"), Applicability: soa.Included, Status: soa.Implemented,
				Reasons: []soa.Reason{{Kind: soa.BestPractice}}},
			{Control: iso27002.MustParse("7.5"), Applicability: soa.Excluded, Justification: "No premises of our own."},
		},
	}
	ssp, err := oscal.ExportSSP(s, oscal.Options{ProfileHref: "profile.json"})
	if err != nil {
		panic(err)
	}
	fmt.Println(len(ssp) > 0)

	s.Entries[1].Applicability = soa.Undecided
	_, err = oscal.ExportSSP(s, oscal.Options{})
	fmt.Println(err)
	// Output:
	// true
	// entries[1].applicability: control 7.5 is undecided; an SSP states decided controls only
}

func ExampleExportProfile() {
	s := soa.SoA{
		Header: soa.Header{Organization: "Example Ledger Ltd", Version: "1.0", Date: ismskit.NewDate(2026, 11, 28)},
		Entries: []soa.Entry{
			{Control: iso27002.MustParse("5.1"), Applicability: soa.Included, Status: soa.Implemented},
			{Control: iso27002.MustParse("7.5"), Applicability: soa.Excluded, Justification: "No premises of our own."},
		},
	}
	profile, err := oscal.ExportProfile(s, oscal.Options{CatalogHref: "iso27002-2022.json"})
	if err != nil {
		panic(err)
	}
	fmt.Println(len(profile) > 0)
	// Output:
	// true
}

// Example writes a Statement of Applicability as the profile of its
// applicable controls and the system security plan that imports it, both
// dated by the SoA.
func Example() {
	s := soa.SoA{
		Header: soa.Header{Organization: "Example Ledger Ltd", Version: "1.0", Date: ismskit.NewDate(2026, 11, 28)},
		Entries: []soa.Entry{{Control: iso27002.MustParse("5.1"), Applicability: soa.Included, Status: soa.Implemented,
			Reasons: []soa.Reason{{Kind: soa.BestPractice}}}},
	}
	opts := oscal.Options{CatalogHref: "catalog.json", ProfileHref: "profile.json"}
	profile, err := oscal.ExportProfile(s, opts) // save as profile.json
	if err != nil {
		panic(err)
	}
	ssp, err := oscal.ExportSSP(s, opts)
	if err != nil {
		panic(err)
	}
	fmt.Println(len(profile) > 0, strings.Contains(string(ssp), `"last-modified": "2026-11-28T00:00:00Z"`))
	// Output:
	// true true
}
