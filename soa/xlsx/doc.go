// Package xlsx writes a Statement of Applicability (package soa) as an
// Excel workbook laid out the way auditors expect, and reads it back
// without loss. It is a separate package so that only its importers
// compile the spreadsheet library (github.com/xuri/excelize/v2).
//
// The workbook has three sheets:
//
//   - "SoA": one row per control under the headings of soa.TableHeader
//     (control, title, theme, applicable, inclusion reasons, exclusion
//     justification, status, owner, evidence, then implementation, target
//     date, responsibility, provider, notes and extensions), with the
//     header row and the control column frozen, a filter on every
//     column, set column widths and wrapped text;
//   - "Summary": the counts per theme and status of soa.Summary;
//   - "Document": the SoA's header (organisation, scope, version, date,
//     approval, catalog) as field and value rows, with the document's
//     extensions.
//
// Every cell is text, in the formats of soa.SoA.Rows, so Decode gives back
// the SoA that Encode was given; a value that begins with "=" is text, not
// a formula. The workbook's creation and modification times are the
// SoA's date (or 2000-01-01 when it has none), never the clock, so the
// same SoA always gives the same bytes.
//
// A workbook is a zip archive, which a hostile sender can make small on
// the wire and huge once unzipped. Decode and Read bound both by a byte
// limit (DefaultMaxBytes, 8 MiB, or what ismskit.MaxBytes sets) and
// check the zip's directory before inflating anything, so such a
// workbook costs little memory and time before its ismskit.ErrTooLarge
// error.
//
// The package does no I/O beyond the reader and writer it is given (it
// writes no temporary files) and keeps no state; its functions are safe
// for concurrent use, and none panics on nil or zero arguments.
package xlsx
