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
// A control can have several values of one type. Attribute values print as
// the standard spells them; AttributeSet holds any combination and
// iterates in the standard's order.
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
// accepts "5.1" and "A.5.1" (2022), "A.5.1.1" (2013) and "namespace:local"
// for a user's own controls. An ID knows its edition, so 2013 and 2022 IDs
// never compare equal; Compare sorts in natural order (5.2 before 5.10).
//
// # Your own catalogs
//
// NewCatalog builds a catalog of any controls (a whole other framework),
// and Catalog.Extend adds an organisation's controls to a built-in
// edition. Every catalog offers the same API: Lookup, Controls, Select
// with combinable filters (InTheme, HasAttribute, Matching, AnyOf, Not),
// Search, JSON encoding (Catalog.MarshalJSON, DecodeCatalog) and a JSON
// Schema (JSONSchema; OverlaySchema for overlays).
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
// Errors wrap the sentinels ErrInvalidID, ErrUnknownControl, ... for use
// with errors.Is; parse errors are *ParseError values carrying the input,
// and decoding and catalog errors are *ismskit.Error values carrying the path
// of the problem (`controls["5.99"]`), joined when there are several.
package iso27002
