// Package iso27002 holds the control catalogs of ISO/IEC 27002: the 2022
// edition, which is also Annex A of ISO/IEC 27001:2022, and the 2013
// edition, Annex A of ISO/IEC 27001:2013, with the correspondence between
// them. Every other ismskit package refers to controls through this
// package's ControlID.
//
// # The 2022 edition
//
// Catalog2022 holds 93 controls in four themes: organizational (clause 5,
// 37 controls), people (clause 6, 8), physical (clause 7, 14) and
// technological (clause 8, 34). Eleven of them are new in 2022
// (Control.New). ISO/IEC 27002:2022 clause 4.2 gives every control values
// of five attribute types, and so does the catalog (Control.Attributes):
//
//   - control type: Preventive, Detective, Corrective;
//   - information security properties: Confidentiality, Integrity,
//     Availability;
//   - cybersecurity concepts: Identify, Protect, Detect, Respond, Recover;
//   - operational capabilities: Governance, Asset_management, ... (15);
//   - security domains: Governance_and_Ecosystem, Protection, Defence,
//     Resilience.
//
// A control can have several values of one type. Attribute values print
// as labels ("Asset management") and encode as the standard spells them
// ("Asset_management"); AttributeSet holds any combination and iterates
// in the standard's order.
//
// # The 2013 edition
//
// Catalog2013 holds 114 controls (A.5.1.1 to A.18.2.3) in 14 clauses
// (A.5 to A.18) and 35 control objectives, available as Groups.
//
// # The correspondence
//
// ISO/IEC 27002:2022 Annex B relates the editions many-to-many: To2022
// tells what a 2013 control became, From2013 where a 2022 control came
// from, and Correspondence lists every pair. Every 2013 control maps to
// at least one 2022 control; the 11 new controls map to none.
//
// # IDs
//
// ControlID is a small comparable value in the style of net/netip. Parse
// accepts "5.1" and "A.5.1" (2022), "A.5.1.1" (2013), and a user's own
// control IDs: as the user's data spells them ("CLOUD-1", "AC-2": a letter
// first, then letters, digits, '-', '_' and '.'; "A." is kept for Annex
// A), or with a namespace ("cloud:CLOUD-1") that keeps several frameworks
// apart. An ID knows its edition, so 2013 and 2022 IDs never compare
// equal; Compare sorts in natural order (5.2 before 5.10).
//
// # Your own catalogs
//
// NewCatalog builds a catalog of any controls (a whole other framework),
// and Catalog.Extend adds an organisation's controls to a built-in
// edition. A catalog's edition is that of its ISO controls, so an
// extended Catalog2022 is still of Edition2022: the documents built from
// it (a Statement of Applicability) say 2022, and the built-in catalog
// of that edition serves wherever the custom controls play no part.
// Catalog.Parse reads an ID as the product's data spells it and resolves
// "CLOUD-1" to the catalog's "cloud:CLOUD-1"; CatalogFor picks the
// catalog that a set of IDs (those of a risk register) needs.
//
// Every catalog offers the same API: Lookup, Controls, Select with
// combinable filters (InTheme, HasAttribute, Matching, AnyOf, Not),
// Search, JSON encoding (EncodeCatalog, DecodeCatalog) and a JSON Schema
// (JSONSchema; OverlaySchema for overlays). A nil *Catalog is an empty
// catalog.
//
// # Copyright
//
// ISO/IEC 27002 is copyrighted. The catalogs hold facts: IDs, titles,
// themes, attribute values, structure and the correspondence. Every
// Control.Summary is ismskit's own words, never the standard's text. An
// organisation that holds a licence attaches its copy of the text with an
// Overlay (Catalog.WithOverlay), which fills Control.Text in a copy of the
// catalog.
//
// Where ISO/IEC 27001:2022 Annex A words a title differently from
// ISO/IEC 27002:2022 (8.1 "User end point devices", 5.22 "Monitor, review
// and change management of supplier services"), Control.Title holds the
// 27002 heading and Control.AnnexATitle the Annex A wording;
// Control.DisplayTitle picks the Annex A form for documents such as a
// Statement of Applicability.
//
// # Concurrency and errors
//
// Catalogs are immutable and every value this package returns is a copy,
// so everything here is safe for concurrent use. Nothing reads the clock,
// the network or global mutable state, and the built-in tables are
// generated Go code (see internal/catalogdata): nothing is parsed or can
// fail at start-up.
//
// Every error wraps a kind for use with errors.Is: the shared kinds of
// package ismskit (ismskit.ErrInvalidID, ismskit.ErrUnknownControl,
// ismskit.ErrDuplicateID, ...) or this package's ErrInvalidControl and
// ErrAmbiguousID. Parse errors quote the input, cut to 40 bytes; decoding
// and catalog errors are *ismskit.Error values carrying the path of the
// problem (`controls["5.99"]`) and the control it is about, joined when
// there are several.
package iso27002
