package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	riskxlsx "github.com/ismskit/ismskit/risk/report/xlsx"
)

// TestRiskReport reads the risk report and the treatment plan back: every
// one of the 18 planned control applications has its line, the three
// dated actions are overdue on the sample's day, in each format.
func TestRiskReport(t *testing.T) {
	dir, _ := sharedRun(t)
	plan := string(read(t, dir, "treatment-plan.md"))
	assert.Equal(t, 18, strings.Count(plan, "\n| ")-2, "18 lines under the heading and its rule")
	assert.Equal(t, 3, strings.Count(plan, "(overdue by "))
	assert.Contains(t, plan, "As of 2026-11-28: 18 lines, 18 open, 3 overdue, 15 open without a due date.")

	html := string(read(t, dir, "risk-report.html"))
	assert.Contains(t, html, "<svg")
	assert.Contains(t, html, "Current risk", "the heat map shows the three stages")
	assert.Equal(t, 3, strings.Count(html, "days overdue</span>"))
	md := string(read(t, dir, "risk-report.md"))
	assert.Contains(t, md, "## Treatment plan")

	f, err := excelize.OpenReader(bytes.NewReader(read(t, dir, "risk-report.xlsx")))
	require.NoError(t, err)
	defer f.Close()
	rows, err := f.GetRows(riskxlsx.SheetPlan)
	require.NoError(t, err)
	assert.Len(t, rows, 4+18)
	rows, err = f.GetRows(riskxlsx.SheetRisks)
	require.NoError(t, err)
	assert.Len(t, rows, 4+30)
}
