package cvss_test

import (
	"testing"

	"github.com/ismskit/ismskit/internal/apitest"
	"github.com/ismskit/ismskit/risk/scoring/cvss"
)

// TestAPI: every exported function and method takes zero arguments and
// nil receivers without a panic, and every type marshals and decodes back.
func TestAPI(t *testing.T) {
	apitest.ZeroCalls(t, ".", map[string]any{
		"ParseSeverity": cvss.ParseSeverity, "SeverityOf": cvss.SeverityOf, "SeverityOfTenths": cvss.SeverityOfTenths,
	}, cvss.Severity(0))
	apitest.JSON(t, ".", cvss.Severity(0), cvss.SeverityOf(9.8), cvss.SeverityOf(0))
}

// TestEnumConvention: ParseSeverity takes a code or a label, documents
// only the code.
func TestEnumConvention(t *testing.T) {
	apitest.Enum(t, []cvss.Severity{cvss.SeverityNone, cvss.SeverityLow, cvss.SeverityMedium, cvss.SeverityHigh, cvss.SeverityCritical}, cvss.ParseSeverity, "none")
}
