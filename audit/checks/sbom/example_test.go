package sbom_test

import (
	"fmt"
	"os"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/audit/checks"
	"github.com/ismskit/ismskit/audit/checks/sbom"
)

// Add the SBOM checks to the built-in ones and run them on an evidence
// folder that holds an SBOM and the Trivy report of the same image.
func Example() {
	reg, err := checks.Builtin().With(sbom.Checks()...)
	if err != nil {
		fmt.Println(err)
		return
	}
	results, err := reg.Run(os.DirFS("testdata"), ismskit.MustParseDate("2026-11-28"))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range results {
		fmt.Println(r.Summary(), r.Controls)
	}
	fmt.Println(results[2].Notes[0])
	// Output:
	// trivy-fixable: 5 of 6 failed [8.8]
	// sbom-inventory: 3 of 9 failed [5.9 5.21]
	// sbom-vulnerable-components: 5 of 8 failed [5.21 8.8]
	// the Trivy report finds CVE-2024-37890 in ws@8.17.0, which the SBOM does not list
}

// Decode an SBOM and check the inventory of its components.
func ExampleDecodeBOM() {
	bom, err := sbom.DecodeBOM([]byte(`{"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
		"components": [{"type": "library", "name": "left-pad", "version": "1.3.0"}]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	r := sbom.Inventory{}.Evaluate(bom, ismskit.MustParseDate("2026-11-28"))
	fmt.Println(r.Failures)
	_, err = sbom.DecodeBOM([]byte(`{"bomFormat": "CycloneDX", "specVersion": "2.0"}`))
	fmt.Println(err)
	// Output:
	// [{left-pad@1.3.0 no supplier}]
	// specVersion: specification version "2.0" is not one the CycloneDX library reads (1.0 to 1.7)
}
