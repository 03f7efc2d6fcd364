package oscal_test

import (
	"fmt"

	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/iso27002/oscal"
)

func ExampleExportCatalog() {
	out, err := oscal.ExportCatalog(iso27002.Catalog2022(), oscal.Options{})
	if err != nil {
		panic(err)
	}
	cat, err := oscal.ImportCatalog(out, oscal.ImportOptions{})
	if err != nil {
		panic(err)
	}
	fmt.Println(cat.Name(), cat.Len(), "controls")
	fmt.Println(oscal.ControlToken(iso27002.MustParse("5.1")), oscal.ControlToken(iso27002.MustParse("A.9.4.1")))
	// Output:
	// ISO/IEC 27002:2022 93 controls
	// a.5.1 a.9.4.1
}

func ExampleExportClauses() {
	out, err := oscal.ExportClauses(iso27001.Latest(), oscal.Options{})
	if err != nil {
		panic(err)
	}
	cat, err := oscal.ImportCatalog(out, oscal.ImportOptions{Namespace: "iso27001"})
	if err != nil {
		panic(err)
	}
	ctl, _ := cat.Lookup(iso27002.MustParse("iso27001:c.6.1.3"))
	fmt.Println(ctl.ID, ctl.Title)
	// Output:
	// iso27001:c.6.1.3 Information security risk treatment
}

func ExampleExportCorrespondence() {
	out, err := oscal.ExportCorrespondence(oscal.MappingOptions{})
	if err != nil {
		panic(err)
	}
	fmt.Println(len(out) > 0)
	p := iso27002.Pair{From: iso27002.MustParse("A.5.1.1"), To: iso27002.MustParse("5.1")}
	fmt.Println(p.From, oscal.RelationshipOf(p), p.To)
	// Output:
	// true
	// A.5.1.1 subset-of 5.1
}

func ExampleImportCatalog() {
	doc := []byte(`{"catalog": {
	  "uuid": "9e2a5b7c-3f1d-4e8a-9b6c-2d4f6a8e0c13",
	  "metadata": {"title": "ACME baseline", "last-modified": "2024-01-01T00:00:00Z", "version": "1", "oscal-version": "1.2.1"},
	  "groups": [{"id": "hr", "title": "People", "controls": [
	    {"id": "hr-1", "title": "Background checks"},
	    {"id": "hr-2", "title": "Security training"}
	  ]}]
	}}`)
	cat, err := oscal.ImportCatalog(doc, oscal.ImportOptions{Namespace: "acme"})
	if err != nil {
		panic(err)
	}
	for ctl := range cat.Controls() {
		fmt.Println(ctl.ID, ctl.Group, ctl.Title)
	}

	_, err = oscal.ImportCatalog([]byte(`{"catalog": {"uuid": "x", "titel": "typo"}}`), oscal.ImportOptions{})
	fmt.Println(err)
	// Output:
	// acme:hr-1 hr Background checks
	// acme:hr-2 hr Security training
	// catalog.titel: unknown field
}

func ExampleImportProfile() {
	profile, err := oscal.ExportProfile("Applicable controls", "iso27002-2022.json",
		[]iso27002.ControlID{iso27002.MustParse("8.8"), iso27002.MustParse("5.1")}, oscal.Options{})
	if err != nil {
		panic(err)
	}
	sel, err := oscal.ImportProfile(profile, oscal.ImportOptions{})
	if err != nil {
		panic(err)
	}
	ids, err := sel.Resolve(iso27002.Catalog2022(), oscal.ImportOptions{})
	if err != nil {
		panic(err)
	}
	fmt.Println(sel.Title, ids)
	// Output:
	// Applicable controls [5.1 8.8]
}
