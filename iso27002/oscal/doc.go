// Package oscal reads and writes NIST's Open Security Controls Assessment
// Language (OSCAL, version 1.2.1, JSON) for ismskit's catalogs: the
// controls of ISO/IEC 27002 (Annex A of ISO/IEC 27001), the requirements
// of ISO/IEC 27001 clauses 4 to 10 and the 2013 to 2022 correspondence.
//
// # Export
//
//   - ExportCatalog writes any iso27002.Catalog (the 2022 and 2013
//     editions, an extended or imported catalog) as an OSCAL catalog:
//     themes, clauses and control objectives as groups, controls with
//     token ids ("a.5.1", see ControlToken) and the ISO ID as their
//     "label" property, the ISO/IEC 27002:2022 clause 4.2 attributes as
//     properties in ismskit's Namespace, and ismskit's summaries as parts.
//   - ExportClauses writes clauses 4 to 10 of an iso27001.Standard as a
//     second catalog, with the requirement items (6.1.3.d ...) as parts.
//   - ExportCorrespondence writes the correspondence of ISO/IEC 27002:2022
//     Annex B as an OSCAL mapping collection (the model added in OSCAL
//     1.2.0), with a relationship per pair (RelationshipOf explains the
//     rule).
//   - ExportProfile writes a control selection as an OSCAL profile.
//
// Exports are deterministic: UUIDs are version 5 UUIDs (UUID) derived from
// stable names or, for a document's own UUID, from a SHA-256 of its
// content; nothing reads the clock (Options.LastModified, or the fixed
// DefaultLastModified); the same input gives byte-identical output. The
// tests validate every export against NIST's JSON schema of its model.
//
// # Import
//
// ImportCatalog turns any OSCAL catalog (NIST SP 800-53 rev 5, a
// company's own) into an *iso27002.Catalog with custom control IDs
// "namespace:id" ("nist-800-53r5:ac-2"), which the risk and soa packages
// use like the built-in catalogs; a catalog that ExportCatalog wrote comes
// back exactly as it went out. ImportProfile turns an OSCAL profile into
// a Selection, and Selection.Resolve into the control IDs of a catalog.
//
// Decoding is strict about structure (an unknown key is an error, since
// every OSCAL object forbids additional properties) and lenient where the
// schema is (properties of any name and namespace, parameters, links and
// back matter are accepted). Malformed input gives *ismskit.Error values with
// the JSON path of each problem, joined, wrapping ErrInvalid,
// ErrDuplicateID, ErrTooLarge, ErrUnknownField, ErrType, ErrSyntax or
// ErrTrailingData; size and nesting are limited (ImportOptions); the
// importers are fuzzed and never panic.
//
// The system security plan of a Statement of Applicability is in package
// soa/oscal; assessment results and the plan of action and milestones of
// an audit are in package audit/oscal.
//
// # Copyright
//
// The exports carry IDs, titles, structure, attribute values and
// ismskit's own summaries, never the text of the standards. Licensed text
// that a user attached with an iso27002.Overlay is exported as
// "statement" and "guidance" parts, for the user's own use.
//
// # Concurrency
//
// Every function is pure and safe for concurrent use; Selection values are
// not modified by Resolve.
package oscal
