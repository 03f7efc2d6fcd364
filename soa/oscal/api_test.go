package oscal_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/ismskit/ismskit/internal/apitest"
	"github.com/ismskit/ismskit/soa"
	"github.com/ismskit/ismskit/soa/oscal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestJSONRoundTrip marshals every exported type, zero and filled, and
// decodes it back equal; a new exported type fails until it is added.
func TestJSONRoundTrip(t *testing.T) {
	covered := map[string]bool{}
	for _, o := range []oscal.Options{{}, {LastModified: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), Version: "2", CatalogHref: "c.json", ProfileHref: "p.json"}} {
		covered["Options"] = true
		data, err := json.Marshal(o)
		require.NoError(t, err)
		var back oscal.Options
		require.NoError(t, json.Unmarshal(data, &back))
		assert.Equal(t, o, back, string(data))
	}
	assert.Empty(t, apitest.Missing(apitest.Of(t, ".").Types, covered))
}

// TestZeroAndNil calls every exported function with zero arguments: an
// error, never a panic.
func TestZeroAndNil(t *testing.T) {
	calls := map[string]func(){
		"ExportProfile": func() { _, err := oscal.ExportProfile(soa.SoA{}, oscal.Options{}); assert.Error(t, err) },
		"ExportSSP":     func() { _, err := oscal.ExportSSP(soa.SoA{}, oscal.Options{}); assert.Error(t, err) },
	}
	covered := map[string]bool{}
	for name, call := range calls {
		covered[name] = true
		assert.NotPanics(t, call, name)
	}
	api := apitest.Of(t, ".")
	assert.Empty(t, apitest.Missing(append(api.Funcs, api.Methods...), covered))
}
