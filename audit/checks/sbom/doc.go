// Package sbom checks a CycloneDX software bill of materials (SBOM), read
// with github.com/CycloneDX/cyclonedx-go, as evidence for ISO/IEC
// 27001:2022 clause 9.1 (monitoring of controls) and these Annex A
// controls of ISO/IEC 27002:2022:
//
//   - Inventory (sbom-inventory; 5.9 inventory of information and other
//     associated assets, 5.21 the ICT supply chain): every component has
//     a version and names its supplier;
//   - Vulnerable (sbom-vulnerable-components; 5.21, 8.8 management of
//     technical vulnerabilities): the components, matched by package URL
//     or by name and version against the Trivy report of the same
//     artifact (package audit/checks), carry no known vulnerability of
//     the severities counted; packages the report finds that the SBOM
//     does not list are noted.
//
// Both are checks.Check values that a checks.Registry runs beside the
// built-in checks of package audit/checks:
//
//	reg, err := checks.Builtin().With(sbom.Checks()...)
//
// The package is apart from audit/checks so that only its importers
// compile the CycloneDX library. DecodeBOM reads the JSON form
// (specification 1.2 to 1.7) within ismskit's decoding limits; its
// problems are *ismskit.Error values like the other decoders'. Every
// function is pure and safe for concurrent use.
package sbom
