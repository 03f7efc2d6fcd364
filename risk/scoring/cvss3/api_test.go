package cvss3_test

import (
	"testing"

	"github.com/ismskit/ismskit/internal/apitest"
	"github.com/ismskit/ismskit/risk/scoring/cvss3"
)

// TestAPI: every exported function and method takes zero arguments and
// nil receivers without a panic, and every type marshals and decodes back.
func TestAPI(t *testing.T) {
	apitest.ZeroCalls(t, ".", map[string]any{
		"Parse": cvss3.Parse, "SeverityOf": cvss3.SeverityOf,
		// MustParse panics on a bad vector by design: it is for literals.
		"MustParse": func() { defer func() { _ = recover() }(); cvss3.MustParse("") },
	}, cvss3.Metric(0), cvss3.Scores{}, cvss3.Severity(0), cvss3.Vector{})
	v := cvss3.MustParse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/CR:H")
	apitest.JSON(t, ".", cvss3.Metric(0), cvss3.Scores{}, v.Scores(), cvss3.Severity(0), cvss3.SeverityOf(9.8), cvss3.Vector{}, v)
}
