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
// with), the other requirement sources (Obligation: legal, regulatory,
// contractual, business) and explicit Decisions; see Generate for the
// rules. SoA.Validate enforces the rules of 6.1.3 d and reports every
// problem at once, each a *ismskit.Error with a path such as
// "entries[12].justification" that wraps a sentinel (ErrNoReason,
// ErrNoJustification, ErrExcludedRiskControl, ...) for errors.Is.
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
// Encode and Decode carry an SoA as JSON with lowerCamelCase keys and
// lower-case enum strings; decoding is strict (an unknown key or enum
// value, a wrong type or trailing data is an error naming its path), and
// JSONSchema returns the schema (SourcesSchema that of the Sources
// document). EncodeCSV and DecodeCSV carry the
// entries as RFC 4180 CSV without loss; Markdown and HTML render the
// document for people (the HTML is one self-contained, printable page).
// The spreadsheet export lives in package soa/xlsx, so that only its
// importers compile the spreadsheet library.
//
// # Purity and concurrency
//
// The package does no I/O, reads no clock (dates are passed in) and keeps
// no global mutable state: the same input gives the same output, byte for
// byte. Every exported function and method is safe for concurrent use;
// none modifies its arguments, and results share no memory with them.
package soa
