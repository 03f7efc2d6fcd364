package iso27002_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/iso27002"
)

func ExampleParse() {
	for _, s := range []string{"5.23", "A.8.24", "A.12.3.1", "acme:ORG-1", "5.38"} {
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
	// iso27002: parse control ID "5.38": no such control in the 2022 edition true
}

func ExampleCatalog_Lookup() {
	c, ok := iso27002.Catalog2022().Lookup(iso27002.MustParse("8.24"))
	fmt.Println(ok, c.ID, c.Title, c.Theme)
	for t := range iso27002.AttributeTypes() {
		fmt.Printf("%s: %s\n", t.Title(), strings.Join(c.Attributes.Strings(t), ", "))
	}
	// Output:
	// true 8.24 Use of cryptography technological
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
	// controls[1].id: duplicate ID: acme:1 is also controls[0]
	// controls[1].title: invalid control: empty title
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
	// controls["A.5.1.1"]: unknown control: A.5.1.1 is not in ISO/IEC 27002:2022
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
