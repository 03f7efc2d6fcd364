package oscal_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/audit"
	"github.com/ismskit/ismskit/audit/oscal"
	"github.com/ismskit/ismskit/internal/apitest"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestJSONRoundTrip marshals every exported type, zero and filled, and
// decodes it back equal; a new exported type fails until it is added.
func TestJSONRoundTrip(t *testing.T) {
	covered := map[string]bool{}
	for _, o := range []oscal.Options{{}, {LastModified: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), AsOf: ismskit.NewDate(2026, 3, 1),
		Version: "2", PlanHref: "ap.json", SSPHref: "ssp.json", Edition: iso27001.Edition2013}} {
		covered["Options"] = true
		data, err := json.Marshal(o)
		require.NoError(t, err)
		var back oscal.Options
		require.NoError(t, json.Unmarshal(data, &back))
		assert.Equal(t, o, back, string(data))
	}
	for _, in := range []oscal.POAMInput{{}, {Records: &audit.Records{Organization: "X"}}} {
		covered["POAMInput"] = true
		data, err := json.Marshal(in)
		require.NoError(t, err)
		var back oscal.POAMInput
		require.NoError(t, json.Unmarshal(data, &back))
		assert.Equal(t, in, back, string(data))
	}
	assert.Empty(t, apitest.Missing(apitest.Of(t, ".").Types, covered))
}

// TestZeroAndNil calls every exported function with zero arguments: an
// error, never a panic.
func TestZeroAndNil(t *testing.T) {
	calls := map[string]func(){
		"ExportPlan":    func() { _, err := oscal.ExportPlan(audit.Records{}, nil, oscal.Options{}); assert.Error(t, err) },
		"ExportResults": func() { _, err := oscal.ExportResults(audit.Records{}, oscal.Options{}); assert.Error(t, err) },
		"ExportPOAM":    func() { _, err := oscal.ExportPOAM(oscal.POAMInput{}, oscal.Options{}); assert.Error(t, err) },
	}
	covered := map[string]bool{}
	for name, call := range calls {
		covered[name] = true
		assert.NotPanics(t, call, name)
	}
	api := apitest.Of(t, ".")
	assert.Empty(t, apitest.Missing(append(api.Funcs, api.Methods...), covered))
}
