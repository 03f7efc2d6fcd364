// Package soa builds, checks, versions and exports the Statement of
// Applicability (SoA) that ISO/IEC 27001:2022 clause 6.1.3 d requires: the
// document that lists every control of Annex A (or of the catalog in
// use), says which are necessary and why, justifies each one left out,
// and says whether each is implemented.
//
// # The model
//
// An SoA has a Header (organisation, scope reference, version, date,
// preparer, approval, catalog edition) and one Entry per control of an
// iso27002 catalog, in natural order: never fewer, never twice. An entry
// is Included with its Reasons (risk treatment with the risk IDs, legal,
// regulatory or contractual with the reference, business requirement,
// best practice), Excluded with its Justification, or Undecided when no
// source has settled it: an undecided control is never read as an
// exclusion. An entry also records the implementation Status (not
// started, planned, partially implemented, implemented, not applicable),
// a description, an owner, a target date and evidence references, and
// whether the control is the organisation's own, inherited from a
// provider or shared with one (which is not an exclusion).
//
// # Generate and Validate
//
// Generate derives the SoA from the catalog, the risk register of package
// risk with its treatment plan (6.1.3 b: the controls each risk is treated
// with, as risk.Risk.TreatingControls names them) and the Sources: the
// other requirements (Obligation: legal, regulatory, contractual,
// business), the explicit Decisions, at most one per control
// (Sources.Decide adds or replaces one; Decision says how it merges with
// what the register and obligations derive), and a Policy for what they
// leave open ("include every other control as best practice, not
// started"), so that one call gives a complete SoA. See Generate for the
// rules.
//
// SoA.Validate enforces the rules of 6.1.3 d and reports every problem at
// once, each an *ismskit.Error whose Path names the entry and field
// ("entries[12].justification"), whose Item names its control ("5.13"),
// and which wraps a kind for errors.Is: one of this package
// (ErrNoReason, ErrNoJustification, ErrExcludedRiskControl, ...) or one
// shared by every package (ismskit.ErrMissing, ismskit.ErrUnknownControl).
//
// # Versions, approval and transition
//
// Diff compares two versions and gives a ChangeLog, as a value and as
// Markdown. Approve freezes an approved copy in a Snapshot with a digest;
// Snapshot.Differs tells whether the current draft has moved away from
// it. Transition turns an SoA on the 2013 catalog into a 2022 draft
// through the correspondence of the editions, carrying statuses, reasons
// and justifications over and reporting the controls whose predecessors
// disagree.
//
// # Documents and exports
//
// EncodeSoA and DecodeSoA (WriteSoA and ReadSoA with an io.Writer and
// io.Reader) carry an SoA as JSON with lowerCamelCase keys and lower-case
// enum codes; EncodeSources and DecodeSources do the same for the
// Sources. Decoding is strict, also through json.Unmarshal of a larger
// document: an unknown key or enum value, a wrong type or trailing data
// is an error naming its path, and the input is bounded by the limits of
// ismskit.DecodeOption. JSONSchema and SourcesSchema return the schemas.
// Every type of the package marshals with encoding/json, its zero value
// included.
//
// EncodeCSV and DecodeCSV carry the entries as RFC 4180 CSV without loss;
// a cell that a spreadsheet would run as a formula is written with a
// leading apostrophe, which DecodeCSV removes (see EncodeCSV).
//
// # The document people hand over
//
// Document is the SoA with what its reader needs beyond it: the scope
// statement, the version history (from Diff), the as-of day that flags
// overdue target dates, and the Letterhead (classification marking, logo,
// colour) of every ismskit document. Its Markdown and HTML show the
// title block, the scope and approval, the summary, the controls grouped
// by theme with reasons in words and status colour-coded, the version
// history and an approval block; the HTML is one self-contained page for
// A4 landscape with page numbers and a running header where the browser
// supports them. Markdown and HTML of an SoA render Document{SoA: s}.
// Every text is escaped, so that "<script>" or a Markdown link in a title
// stays text. The workbook lives in package soa/xlsx and the PDF in
// soa/pdf, so that only their importers compile the spreadsheet and PDF
// libraries.
//
// # Words for people and templates
//
// Every enumeration has String, its label for people ("Partially
// implemented"), MarshalText and UnmarshalText, its code in the documents
// ("partially-implemented"), a ParseX function for the code, and
// IsValid. Reason.String words a reason ("Legal: GDPR Art. 32"). Reports
// written with text/template or html/template need no function map:
// {{range .Included}}, {{with .EntryFor "8.13"}}, {{.Summary.Total.Implemented}}.
//
// # Purity and concurrency
//
// The package does no I/O beyond the readers and writers it is given,
// reads no clock (dates are passed in) and keeps no global mutable state:
// the same input gives the same output, byte for byte. No function or
// method panics on nil or zero arguments. Every exported function and
// method is safe for concurrent use; none modifies its arguments (only
// Sources.Decide and the Unmarshal methods set their receivers), and
// results share no memory with them.
package soa
