package cvss2_test

import (
	"testing"

	"github.com/ismskit/ismskit/internal/apitest"
	"github.com/ismskit/ismskit/risk/scoring/cvss2"
)

// TestAPI: every exported function and method takes zero arguments and
// nil receivers without a panic, and every type marshals and decodes back.
func TestAPI(t *testing.T) {
	apitest.ZeroCalls(t, ".", map[string]any{
		"Parse": cvss2.Parse, "SeverityOf": cvss2.SeverityOf,
		// MustParse panics on a bad vector by design: it is for literals.
		"MustParse": func() { defer func() { _ = recover() }(); cvss2.MustParse("") },
	}, cvss2.Metric(0), cvss2.Scores{}, cvss2.Vector{})
	v := cvss2.MustParse("AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:H")
	apitest.JSON(t, ".", cvss2.Metric(0), cvss2.Scores{}, v.Scores(), cvss2.Vector{}, v)
}
