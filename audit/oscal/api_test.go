package oscal_test

import (
	"testing"
	"time"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/audit"
	"github.com/ismskit/ismskit/audit/oscal"
	"github.com/ismskit/ismskit/internal/apitest"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/stretchr/testify/assert"
)

// TestJSONRoundTrip marshals every exported type, zero and filled, and
// decodes it back equal; a new exported type fails until it is added.
func TestJSONRoundTrip(t *testing.T) {
	apitest.RoundTrip(t, &oscal.Options{}, &oscal.Options{LastModified: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), AsOf: ismskit.NewDate(2026, 3, 1),
		Version: "2", PlanHref: "ap.json", SSPHref: "ssp.json", Edition: iso27001.Edition2013},
		&oscal.POAMInput{}, &oscal.POAMInput{Records: &audit.Records{Organization: "X"}})
	assert.Empty(t, apitest.Missing(apitest.Of(t, ".").Types, map[string]bool{"Options": true, "POAMInput": true}))
}

// TestZeroAndNil calls every exported function with zero arguments: an
// error, never a panic.
func TestZeroAndNil(t *testing.T) {
	calls := map[string]func(){
		"ExportPlan":    func() { _, err := oscal.ExportPlan(audit.Records{}, nil, oscal.Options{}); assert.Error(t, err) },
		"ExportResults": func() { _, err := oscal.ExportResults(audit.Records{}, oscal.Options{}); assert.Error(t, err) },
		"ExportPOAM":    func() { _, err := oscal.ExportPOAM(oscal.POAMInput{}, oscal.Options{}); assert.Error(t, err) },
	}
	apitest.Calls(t, ".", calls)
}
