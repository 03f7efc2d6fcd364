// Package xlsx writes a risk report (package risk/report) as an Excel
// workbook, for those who filter and sort the register or print it. It
// is a separate package so that only its importers compile the
// spreadsheet library (github.com/xuri/excelize/v2).
//
// The workbook holds the content of report.Document.Content in three
// sheets, each with a title block (title; organisation, version, as-of
// day and classification marking), in one font, printed on A4 landscape
// fitted to the page's width with the heading row repeated on every page
// and a page header and footer ("Page n of N"):
//
//   - "Risks": the register ranked by residual risk (ISO/IEC 27001:2022
//     clause 6.1.2), one row per risk, in words: the inherent, current
//     and residual levels by their labels on their levels' colours (the
//     text black or white, whichever contrasts more), the limit, the
//     treatment option, the plan's approval and the acceptance
//     (6.1.3 f); positions, residual likelihood and impact and the counts
//     of plan lines as numbers. The headings are frozen and filtered.
//   - "Treatment plan": every line of the plan (6.1.3 e), by due date:
//     the due date as a date, red when overdue, the days overdue as a
//     number, the risk, the action, the controls, the owner and the
//     status; planned controls that no action implements say so.
//   - "Summary": the risks per level and stage, and the report's
//     figures, as numbers.
//
// The same document gives the same bytes. Everything here is safe for
// concurrent use.
package xlsx
