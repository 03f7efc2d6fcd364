// Package xlsx writes a Statement of Applicability (package soa) as an
// Excel workbook to hand to an auditor or a customer, lets a person edit
// it within lists, and reads it back without loss. It is a separate
// package so that only its importers compile the spreadsheet library
// (github.com/xuri/excelize/v2).
//
// # The workbook
//
// WriteDocument writes a soa.Document (Write and Encode a bare soa.SoA)
// as four sheets in one font, each with a title block (organisation,
// version, date, classification marking), printed on A4 landscape fitted
// to the page's width, with a page header (title, marking) and footer
// (version, date, "Page n of N"):
//
//   - "SoA": the ISMS scope statement, then one row per control grouped
//     in sections per theme. Every cell is in words: "Yes", "No" or
//     "Undecided"; reasons as sentences ("Legal: GDPR Art. 28 and 30
//     (processors, records of processing)", "Risk treatment: R-29");
//     status and responsibility by their labels ("Partially
//     implemented", "Shared"); the target date as a date. The heading
//     row is repeated on every printed page and frozen with the control
//     column, every column has a filter, row heights show the wrapped
//     text. Applicable, Status and Responsibility accept only the values
//     of their lists (data validation), the status is colour-coded, a
//     target date before the document's day (soa.Document.Day) is red
//     while the control is not implemented, and excluded rows are grey;
//     these formats follow a person's edits.
//   - "Summary": the counts per theme and status (soa.Summary) as
//     numbers, and the share of applicable controls implemented.
//   - "Document": the header as labelled fields ("Organisation", "ISMS
//     scope statement", "Version", "Date", "Prepared by", "Approved by",
//     "Approved on", ...), dates as dates, then an approval block with
//     room for signatures.
//   - "History": the version history (soa.Document.History, as
//     soa.ChangeLog.Description words it).
//
// The logo of the letterhead is not embedded (the HTML and PDF documents
// carry it); its colour is that of the title and the headings.
//
// # Words, and the hidden column
//
// What a person sees are words; what the workbook must give back exactly
// is kept in the last column of the SoA sheet, hidden, as a small JSON
// object per row: the entry's position in the SoA and its theme, and the
// fields that words cannot carry exactly (reasons, whose reference may
// hold parentheses that read like a note; evidence and notes, whose
// items may hold line breaks; the entry's extensions). A section row
// holds its theme there.
//
// Decode reads every column's words. Where the words of the reasons,
// evidence or notes are still those the hidden data renders to, the
// hidden data is taken, so an unedited workbook reads back equal to what
// was written (entries in their order, theme sections undone); where a
// person changed them, the words are read: a reason per line, the kind's
// label first ("Risk treatment: R-1, R-2 (note)", "Legal: reference",
// "Best practice (note)"), a list item per line. A row a person adds
// without hidden data is read from its words and takes the theme of its
// section and the place after the row above it. Rows and columns are
// found by their headings, so moving rows keeps their data; a column
// without a heading is ignored, and an unknown heading is an error.
//
// Every value is written as text or as a date, never as a formula: a
// value that begins with "=" stays text when the workbook is opened. The
// workbook's creation and modification times are the SoA's date (or
// 2000-01-01 when it has none), never the clock, so the same document
// always gives the same bytes.
//
// # Hostile workbooks
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
