package main

// The risk report and the treatment plan as documents people read
// (package risk/report; ISO/IEC 27001:2022 clauses 6.1.2 and 6.1.3 e).

import (
	"bytes"
	"fmt"

	"github.com/ismskit/ismskit/internal/table"
	"github.com/ismskit/ismskit/risk/report"
	riskxlsx "github.com/ismskit/ismskit/risk/report/xlsx"
)

// riskReport writes the risk report (HTML, Markdown, XLSX) and the
// treatment plan with every action, its due date and its overdue mark as
// of the sample's day; it prints nothing, the artefact list names them.
func (q *quickstart) riskReport() error {
	d := report.Document{Register: q.register, Organisation: q.org.Name, Version: "2026.2",
		AsOf: q.asOf, Catalog: q.catalog, Letterhead: letterhead}
	html, err := d.HTML()
	if err != nil {
		return fmt.Errorf("risk report: %w", err)
	}
	md, err := d.Markdown()
	if err != nil {
		return fmt.Errorf("risk report: %w", err)
	}
	xlsx, err := riskxlsx.Encode(d)
	if err != nil {
		return fmt.Errorf("risk report: %w", err)
	}
	c, err := d.Content()
	if err != nil {
		return fmt.Errorf("risk report: %w", err)
	}
	var plan bytes.Buffer
	fmt.Fprintf(&plan, "# %s risk treatment plan\n\n", q.org.Name)
	s := c.Summary
	fmt.Fprintf(&plan, "As of %s: %d lines, %d open, %d overdue, %d open without a due date. Overdue lines give the days since their due date; a planned control that no action implements yet is listed as such.\n\n",
		c.AsOf, s.Actions, s.Open, s.Overdue, s.NoDue)
	t := &table.Table{Header: []string{"Due", "Risk", "Action", "Controls", "Owner", "Status"}}
	for _, a := range c.Plan {
		t.Append(a.DueText(), a.RiskID+" "+a.RiskTitle, a.ActionText(), a.ControlsText(), a.Owner, a.StatusText())
	}
	if err := t.WriteMarkdownText(&plan); err != nil {
		return err
	}
	for _, f := range []struct {
		name string
		data []byte
	}{{"risk-report.html", html}, {"risk-report.md", md}, {"risk-report.xlsx", xlsx}, {"treatment-plan.md", plan.Bytes()}} {
		if err := q.write(f.name, f.data); err != nil {
			return err
		}
	}
	return nil
}
