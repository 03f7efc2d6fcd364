package iso27002_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/iso27002"
)

// The package in a few lines: look up a control, list a theme, add an
// organisation's own controls and read IDs as its data spells them.
func Example() {
	cat := iso27002.Catalog2022()
	c, _ := cat.Lookup(iso27002.MustParse("8.24"))
	fmt.Println(c.ID, c.Title, "-", c.Theme)
	fmt.Println(cat.Count(iso27002.InTheme(iso27002.People)), "people controls")

	ours, err := cat.Extend("ISO/IEC 27002:2022 and our cloud controls", []iso27002.Control{
		{ID: iso27002.MustParse("CLOUD-1"), Title: "Tenant isolation", Theme: iso27002.Technological},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	id, err := ours.Parse("CLOUD-1")
	fmt.Println(id, err, ours.Len(), "controls, edition", ours.Edition())
	// Output:
	// 8.24 Use of cryptography - Technological controls
	// 8 people controls
	// CLOUD-1 <nil> 94 controls, edition 2022
}

func ExampleParse() {
	for _, s := range []string{"5.23", "A.8.24", "A.12.3.1", "acme:ORG-1", "CLOUD-1", "5.38", "A.5.x"} {
		id, err := iso27002.Parse(s)
		if err != nil {
			fmt.Println(err, errors.Is(err, ismskit.ErrUnknownControl))
			continue
		}
		fmt.Println(id, id.Edition())
	}
	// Output:
	// 5.23 2022
	// 8.24 2022
	// A.12.3.1 2013
	// acme:ORG-1 custom
	// CLOUD-1 custom
	// control ID "5.38": no such control in the 2022 edition true
	// control ID "A.5.x": want numbers separated by dots, as in 5.1 or A.5.1.1 false
}

func ExampleCatalog_Parse() {
	cat, err := iso27002.Catalog2022().Extend("ISO/IEC 27002:2022 and Parcelio controls", []iso27002.Control{
		{ID: iso27002.MustParse("cloud:CLOUD-1"), Title: "Tenant isolation"},
		{ID: iso27002.MustParse("cloud:KEY-1"), Title: "Customer-managed keys"},
		{ID: iso27002.MustParse("legacy:KEY-1"), Title: "Key escrow"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range []string{"A.5.1", "CLOUD-1", "legacy:KEY-1", "KEY-1", "CLOUD-2"} {
		id, err := cat.Parse(s)
		fmt.Println(s, "->", id, err)
	}
	// Output:
	// A.5.1 -> 5.1 <nil>
	// CLOUD-1 -> cloud:CLOUD-1 <nil>
	// legacy:KEY-1 -> legacy:KEY-1 <nil>
	// KEY-1 -> invalid ControlID "KEY-1" may be any of cloud:KEY-1, legacy:KEY-1: give its namespace
	// CLOUD-2 -> invalid ControlID CLOUD-2 is not in ISO/IEC 27002:2022 and Parcelio controls
}

func ExampleCatalogFor() {
	ours, _ := iso27002.Catalog2022().Extend("ours", []iso27002.Control{{ID: iso27002.MustParse("CLOUD-1"), Title: "Tenant isolation"}})
	for _, ids := range [][]string{{"5.1", "8.8"}, {"A.12.3.1"}, {"5.1", "CLOUD-1"}, {"CLOUD-9"}} {
		var list []iso27002.ControlID
		for _, s := range ids {
			list = append(list, iso27002.MustParse(s))
		}
		cat, err := iso27002.CatalogFor(slices.Values(list), ours)
		fmt.Println(ids, "->", cat.Name(), err)
	}
	// Output:
	// [5.1 8.8] -> ours <nil>
	// [A.12.3.1] -> ISO/IEC 27002:2013 <nil>
	// [5.1 CLOUD-1] -> ours <nil>
	// [CLOUD-9] ->  (CLOUD-9): CLOUD-9 is in none of the catalogs given
}

func ExampleCatalog_Lookup() {
	c, ok := iso27002.Catalog2022().Lookup(iso27002.MustParse("8.24"))
	fmt.Println(ok, c.ID, c.Title, c.Theme)
	for t := range iso27002.AttributeTypes() {
		fmt.Printf("%s: %s\n", t, strings.Join(c.Attributes.Strings(t), ", "))
	}
	// Output:
	// true 8.24 Use of cryptography Technological controls
	// Control type: Preventive
	// Information security properties: Confidentiality, Integrity, Availability
	// Cybersecurity concepts: Protect
	// Operational capabilities: Secure_configuration
	// Security domains: Protection
}

func ExampleCatalog_Select() {
	cat := iso27002.Catalog2022()
	for c := range cat.Select(iso27002.InTheme(iso27002.People), iso27002.HasAttribute(iso27002.Detective)) {
		fmt.Println(c.ID, c.Title)
	}
	fmt.Println(cat.Count(iso27002.IsNew()), "controls are new in 2022")
	// Output:
	// 6.8 Information security event reporting
	// 11 controls are new in 2022
}

func ExampleCatalog_Search() {
	for c := range iso27002.Catalog2022().Search("backup") {
		fmt.Println(c.ID, c.Title)
	}
	// Output:
	// 5.1 Policies for information security
	// 5.37 Documented operating procedures
	// 8.13 Information backup
}

func ExampleTo2022() {
	fmt.Println(iso27002.To2022(iso27002.MustParse("A.18.2.3")))
	fmt.Println(iso27002.From2013(iso27002.MustParse("5.1")))
	fmt.Println(iso27002.From2013(iso27002.MustParse("5.7")) == nil)
	// Output:
	// [5.36 8.8]
	// [A.5.1.1 A.5.1.2]
	// true
}

func ExampleCorrespondence() {
	n := 0
	for p := range iso27002.Correspondence() {
		if p.To == iso27002.MustParse("8.15") {
			fmt.Println(p.From, "->", p.To)
		}
		n++
	}
	fmt.Println(n, "pairs")
	// Output:
	// A.12.4.1 -> 8.15
	// A.12.4.2 -> 8.15
	// A.12.4.3 -> 8.15
	// 115 pairs
}

func ExampleCatalog_Extend() {
	acme, err := iso27002.Catalog2022().Extend("ACME controls", []iso27002.Control{{
		ID:      iso27002.MustParse("acme:ORG-1"),
		Title:   "Security champions in every team",
		Theme:   iso27002.People,
		Summary: "Each product team names a security champion.",
	}})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(acme.Len(), acme.Count(iso27002.InTheme(iso27002.People)))
	// Output:
	// 94 9
}

func ExampleNewCatalog() {
	_, err := iso27002.NewCatalog("broken", []iso27002.Control{
		{ID: iso27002.MustParse("acme:1"), Title: "One"},
		{ID: iso27002.MustParse("acme:1"), Title: ""},
	})
	fmt.Println(err)
	// Output:
	// controls[1].id (acme:1): acme:1 is also controls[0]
	// controls[1].title (acme:1): empty title
}

func ExampleCatalog_WithOverlay() {
	overlay, err := iso27002.DecodeOverlay([]byte(`{"source": "our licensed copy",
		"controls": {"5.1": {"control": "(text from your licensed copy)"}}}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	cat, err := iso27002.Catalog2022().WithOverlay(overlay)
	if err != nil {
		fmt.Println(err)
		return
	}
	c, _ := cat.Lookup(iso27002.MustParse("5.1"))
	fmt.Println(c.Text.Control)

	_, err = iso27002.Catalog2022().WithOverlay(iso27002.Overlay{Controls: map[iso27002.ControlID]iso27002.LicensedText{
		iso27002.MustParse("A.5.1.1"): {Control: "x"},
	}})
	fmt.Println(err)
	// Output:
	// (text from your licensed copy)
	// controls["A.5.1.1"]: A.5.1.1 is not in ISO/IEC 27002:2022
}

func ExampleControl_MarshalJSON() {
	c, _ := iso27002.Catalog2013().Lookup(iso27002.MustParse("A.9.4.3"))
	b, _ := json.Marshal(c)
	var m map[string]any
	_ = json.Unmarshal(b, &m)
	fmt.Println(m["id"], m["clause"], m["objective"], m["to2022"])
	// Output:
	// A.9.4.3 A.9 A.9.4 [5.17]
}
