// Package report renders a risk register as the risk report people read:
// the results of the information security risk assessment (ISO/IEC
// 27001:2022 clause 6.1.2, kept as documented information under 8.2) and
// the risk treatment plan (6.1.3 e, under 8.3), in HTML and Markdown here
// and as a workbook in package risk/report/xlsx.
//
// A Document holds the register (with its criteria), the day the report
// holds on, and the organisation, version and letterhead of the title
// block. Document.Content works it out once: every risk assessed and
// ranked by residual rating, each rating with the word and colour of its
// level, the owner's approval of the plan and acceptance of the residual
// risk as of the day, and the treatment plan with every action, its due
// date and its overdue mark, plus a line for each planned control that
// no action implements yet, so that no gap of the plan is hidden. HTML
// and Markdown render that content in the look the Statement of
// Applicability and the audit report share (one stylesheet; the title
// block with organisation, version, date and classification marking),
// HTML with the heat map of the three stages inline as SVG.
//
// Nothing here reads the clock: the caller gives the day (Document.AsOf).
// Everything is pure: the same document gives the same bytes, and every
// function and method is safe for concurrent use.
package report
