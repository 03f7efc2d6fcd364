// Package oscal writes a Statement of Applicability (package soa; ISO/IEC
// 27001:2022 clause 6.1.3 d) as NIST OSCAL 1.2.1 JSON: the applicable
// controls as a profile, and the whole SoA as a system security plan
// (SSP) that imports it. Package iso27002/oscal writes the catalog the
// profile imports.
//
// # Profile
//
// ExportProfile selects the SoA's included controls (6.1.3 c and d: the
// necessary controls) from the catalog at Options.CatalogHref, by the
// OSCAL ids of iso27002/oscal's ControlToken ("a.5.1").
//
// # System security plan
//
// ExportSSP treats the ISMS as the system. The organisation is the
// "this-system" component and the party in the "system-owner" role; the
// header's version, date, preparer, approver, approval date, catalog and
// edition are metadata properties; the scope reference (clause 4.3) is the
// authorization boundary. Every decided entry becomes an implemented
// requirement, in the SoA's order, with a UUID derived from the
// organisation and the control so that it stays the same from version to
// version:
//
//   - control-id is the control's ControlToken; the ISO ID is its "label"
//     property and ismskit's "control-id" property;
//   - the implementation status maps to OSCAL's implementation-status of
//     the this-system by-component: implemented to "implemented",
//     partially implemented to "partial", planned and not started to
//     "planned", not applicable to "not-applicable"; the exact status is
//     kept in a "status" property;
//   - an excluded control is an implemented requirement with state
//     "not-applicable", the justification of 6.1.3 d as the requirement's
//     remarks and the implementation status's remarks, and an
//     "applicability" property "excluded". OSCAL's not-applicable state is
//     its way of stating a control that does not apply; the profile holds
//     the included controls only, so a tool that compares the two sees the
//     excluded controls as the ones left out, with their reasons;
//   - each reason for inclusion is a "reason" property (its kind) with its
//     note as remarks, and "reason-reference" and "reason-risk"
//     properties; a property group "reason-1", "reason-2", ... ties the
//     parts of one reason together;
//   - responsibility maps to OSCAL's leveraging constructs: an own control
//     has one by-component, the organisation's; an inherited control adds
//     the provider as a component (type "system") with its own
//     by-component, and the organisation's by-component carries an
//     "inherited" entry naming the provider; a shared control does the
//     same with a "satisfied" entry, for the part the organisation
//     carries out. The "responsibility" and "provider" properties keep the
//     exact values;
//   - the implementation description is the organisation's
//     by-component description; owner, target date, evidence references,
//     title and theme are properties, and each note is a "note" property
//     (its number) with the note as remarks;
//   - the extensions of the SoA and of its entries are kept untouched as
//     base64 back-matter resources (media type application/json).
//
// Properties beyond OSCAL's core "label" carry the ns of Namespace. An
// undecided entry cannot be exported (an SSP states decided controls), nor
// can an included entry without a status or a value OSCAL's datatypes
// cannot hold (a property over several lines or with surrounding spaces):
// ExportSSP reports each of them as a *ismskit.Error with the path of the
// SoA's field, of kind ismskit.ErrNotEncodable.
//
// # Determinism and concurrency
//
// Dates come from the SoA or Options, never from the clock and never from
// a default: the profile and the SSP carry the SoA's date as their
// last-modified, and an SoA without a date is an error (ismskit.ErrMissing
// at "header.date") unless Options.LastModified gives one. UUIDs are
// version 5 UUIDs of stable names, and the document's
// own UUID is derived from its content, so the same SoA and Options give
// byte-identical output. The functions are pure and safe for concurrent
// use; they do not modify their arguments.
package oscal
