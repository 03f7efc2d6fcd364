// Package pdf writes a Statement of Applicability (ISO/IEC 27001:2022
// clause 6.1.3 d; package soa) as a PDF document to hand over, in the
// look of soa.Document's HTML: A4 landscape, the title block with the
// logo, organisation, version, date and classification marking, a
// running header with the marking and "Page n of N" on every page, the
// scope and approval, the summary, the controls grouped by theme with
// their status colour-coded and overdue target dates flagged, the
// version history and the approval block.
//
// It is a separate package so that only its importers compile the PDF
// library (codeberg.org/go-pdf/fpdf, pure Go, with the Go fonts embedded
// and subset, so any Unicode text prints). The same document gives the
// same bytes: the PDF's dates are the SoA's, and nothing reads the clock
// or the file system. The functions are safe for concurrent use, and
// none panics on nil or zero arguments.
package pdf
