// Package pdf writes an internal audit report (ISO/IEC 27001:2022 clause
// 9.2.2 g, the results reported to management; package audit) as a PDF
// document to hand over, with the parts and the look of
// audit.ReportDocument's HTML: A4 landscape, the title block with the
// logo, organisation, version, date and classification marking, a
// running header with the marking and "Page n of N" on every page, the
// executive summary with the key figures and a chart of the findings,
// the objectives, criteria, method and auditees, the scope and auditors,
// the findings with their corrective actions, the readiness scores and
// the verdict's reasons, the distribution and the sign-off.
//
// It is a separate package so that only its importers compile the PDF
// library (codeberg.org/go-pdf/fpdf, pure Go). The same report gives the
// same bytes: the PDF's dates are the report's, and nothing reads the
// clock or the file system. The functions are safe for concurrent use,
// and none panics on nil or zero arguments.
package pdf
