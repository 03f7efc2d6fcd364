package oscal_test

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/iso27002/oscal"
)

// Example shows the package's happy path: NIST SP 800-53 imported with
// its parameters and withdrawn controls, one control's statement with a
// value set, a baseline resolved, and the catalog written back unchanged.
func Example() {
	data, err := os.ReadFile("testdata/nist/NIST_SP-800-53_rev5_catalog.json")
	if err != nil {
		panic(err)
	}
	nist, err := oscal.ImportCatalog(data, oscal.ImportOptions{Namespace: "nist"})
	if err != nil {
		panic(err)
	}
	cat := nist.ISO27002() // for risk registers and Statements of Applicability
	fmt.Println(nist.Version(), cat.Len(), "controls,", cat.Count(), "in force")

	text, _ := nist.Statement(iso27002.MustParse("nist:ac-8"), oscal.ParamValues{"ac-8_prm_1": {"the Nimbus login banner"}})
	fmt.Println(strings.SplitN(text, " before", 2)[0])

	profile, _ := os.ReadFile("testdata/nist/NIST_SP-800-53_rev5_LOW-baseline_profile.json")
	low, _ := oscal.ImportProfile(profile, oscal.ImportOptions{})
	resolved, _ := low.ResolveCatalog(nist, "NIST_SP-800-53_rev5_LOW-baseline_profile.json")
	fmt.Println(resolved.Title(), resolved.ISO27002().Len())

	out, _ := oscal.EncodeCatalog(nist) // ac-2 stays ac-2, 5.0.1 stays 5.0.1
	fmt.Println(len(out) > len(data)/2)
	// Output:
	// 5.0.1 1189 controls, 1007 in force
	// a. Display the Nimbus login banner to users
	// NIST Special Publication 800-53 Revision 5 LOW IMPACT BASELINE 149
	// true
}

func ExampleExportCatalog() {
	when := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	out, err := oscal.ExportCatalog(iso27002.Catalog2022(), oscal.Options{LastModified: when})
	if err != nil {
		panic(err)
	}
	cat, err := oscal.ImportCatalog(out, oscal.ImportOptions{})
	if err != nil {
		panic(err)
	}
	fmt.Println(cat.ISO27002().Name(), cat.ISO27002().Len(), "controls")
	fmt.Println(oscal.ControlToken(iso27002.MustParse("5.1")), oscal.ControlToken(iso27002.MustParse("A.9.4.1")))
	// Output:
	// ISO/IEC 27002:2022 93 controls
	// a.5.1 a.9.4.1
}

func ExampleExportClauses() {
	when := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	out, err := oscal.ExportClauses(iso27001.Latest(), oscal.Options{LastModified: when})
	if err != nil {
		panic(err)
	}
	cat, err := oscal.ImportCatalog(out, oscal.ImportOptions{Namespace: "iso27001"})
	if err != nil {
		panic(err)
	}
	ctl, _ := cat.ISO27002().Lookup(iso27002.MustParse("iso27001:c.6.1.3"))
	fmt.Println(ctl.ID, ctl.Title)
	// Output:
	// iso27001:c.6.1.3 Information security risk treatment
}

func ExampleExportCorrespondence() {
	when := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	out, err := oscal.ExportCorrespondence(oscal.MappingOptions{Options: oscal.Options{LastModified: when}})
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
	    {"id": "hr-1", "title": "Background checks",
	     "params": [{"id": "hr-1_prm_1", "label": "roles that need a check"}],
	     "parts": [{"name": "statement", "prose": "Check the background of {{ insert: param, hr-1_prm_1 }}."}]},
	    {"id": "hr-2", "title": "Security training", "props": [{"name": "status", "value": "withdrawn"}],
	     "links": [{"href": "#hr-1", "rel": "incorporated-into"}]}
	  ]}]
	}}`)
	cat, err := oscal.ImportCatalog(doc, oscal.ImportOptions{Namespace: "acme"})
	if err != nil {
		panic(err)
	}
	for ctl := range cat.ISO27002().Controls() {
		fmt.Println(ctl.ID, ctl.Group, ctl.Title, ctl.Withdrawn, ctl.MovedTo)
	}
	text, _ := cat.Statement(iso27002.MustParse("acme:hr-1"), oscal.ParamValues{"hr-1_prm_1": {"administrators"}})
	fmt.Println(text)

	_, err = oscal.ImportCatalog([]byte(`{"catalog": {"uuid": "x", "titel": "typo"}}`), oscal.ImportOptions{})
	fmt.Println(err)
	// Output:
	// acme:hr-1 hr Background checks false []
	// acme:hr-2 hr Security training true [acme:hr-1]
	// Check the background of administrators.
	// catalog.titel: unknown field
}

func ExampleImportProfile() {
	when := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	profile, err := oscal.ExportProfile("Applicable controls", "iso27002-2022.json",
		[]iso27002.ControlID{iso27002.MustParse("8.8"), iso27002.MustParse("5.1")}, oscal.Options{LastModified: when})
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

func ExampleEncodeCatalog() {
	data, err := os.ReadFile("testdata/nist/NIST_SP-800-53_rev5_catalog.json")
	if err != nil {
		panic(err)
	}
	nist, err := oscal.ImportCatalog(data, oscal.ImportOptions{Namespace: "nist"})
	if err != nil {
		panic(err)
	}
	out, err := oscal.EncodeCatalog(nist)
	if err != nil {
		panic(err)
	}
	back, err := oscal.ImportCatalog(out, oscal.ImportOptions{Namespace: "nist"})
	if err != nil {
		panic(err)
	}
	info, _ := back.Info(iso27002.MustParse("nist:ac-2.1"))
	fmt.Println(back.Title()[:43], back.Version(), back.OSCALVersion())
	fmt.Println(info.OSCALID, info.Label, info.SortID, info.Parent)
	// Output:
	// NIST Special Publication 800-53 Revision 5: 5.0.1 1.2.1
	// ac-2.1 AC-2(1) ac-02.01 nist:ac-2
}

func ExampleCatalog_Statement() {
	data, err := os.ReadFile("testdata/nist/NIST_SP-800-53_rev5_catalog.json")
	if err != nil {
		panic(err)
	}
	nist, err := oscal.ImportCatalog(data, oscal.ImportOptions{Namespace: "nist"})
	if err != nil {
		panic(err)
	}
	id := iso27002.MustParse("nist:ac-7")
	for _, p := range nist.Params(id) {
		fmt.Printf("%s: %q %v\n", p.ID, p.Label, p.Choice)
	}
	text, _ := nist.Statement(id, oscal.ParamValues{"ac-7_prm_1": {"five"}, "ac-7_prm_2": {"15 minutes"}, "ac-7_prm_4": {"30 minutes"}})
	fmt.Println(text)
	// Output:
	// ac-7_prm_1: "organization-defined number" []
	// ac-7_prm_2: "organization-defined time period" []
	// ac-7_prm_3: "" [lock the account or node for an {{ insert: param, ac-7_prm_4 }}  lock the account or node until released by an administrator delay next logon prompt per {{ insert: param, ac-7_prm_5 }}  notify system administrator take other {{ insert: param, ac-7_prm_6 }} ]
	// ac-7_prm_4: "organization-defined time period" []
	// ac-7_prm_5: "organization-defined delay algorithm" []
	// ac-7_prm_6: "organization-defined action" []
	// a. Enforce a limit of five consecutive invalid logon attempts by a user during a 15 minutes; and
	// b. Automatically [Selection (one or more): lock the account or node for an 30 minutes; lock the account or node until released by an administrator; delay next logon prompt per [Assignment: organization-defined delay algorithm]; notify system administrator; take other [Assignment: organization-defined action]] when the maximum number of unsuccessful attempts is exceeded.
}
