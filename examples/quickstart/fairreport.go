package main

// Step 3's document: the FAIR analysis as one HTML page for management
// and the risk owners (package risk/fair/report).

import (
	"fmt"

	"github.com/ismskit/ismskit/risk/fair"
	"github.com/ismskit/ismskit/risk/fair/report"
)

// fairReport writes fair-report.html: the portfolio of the top risks,
// the treatments compared with their ROSI, and each scenario's FAIR tree,
// figures and charts, against the board's risk tolerance.
func (q *quickstart) fairReport(a fair.Analysis, rep *fair.Report) error {
	d := report.Document{Analysis: a, Report: rep, Organisation: q.org.Name, Version: "1.0", Date: q.asOf,
		Currency: "EUR", Letterhead: letterhead}
	html, err := d.HTML()
	if err != nil {
		return fmt.Errorf("FAIR report: %w", err)
	}
	return q.write("fair-report.html", html)
}
