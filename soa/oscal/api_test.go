package oscal_test

import (
	"testing"
	"time"

	"github.com/ismskit/ismskit/internal/apitest"
	"github.com/ismskit/ismskit/soa"
	"github.com/ismskit/ismskit/soa/oscal"
	"github.com/stretchr/testify/assert"
)

// TestJSONRoundTrip marshals every exported type, zero and filled, and
// decodes it back equal; a new exported type fails until it is added.
func TestJSONRoundTrip(t *testing.T) {
	apitest.RoundTrip(t, &oscal.Options{}, &oscal.Options{LastModified: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), Version: "2", CatalogHref: "c.json", ProfileHref: "p.json"})
	assert.Empty(t, apitest.Missing(apitest.Of(t, ".").Types, map[string]bool{"Options": true}))
}

// TestZeroAndNil calls every exported function with zero arguments: an
// error, never a panic.
func TestZeroAndNil(t *testing.T) {
	calls := map[string]func(){
		"ExportProfile": func() { _, err := oscal.ExportProfile(soa.SoA{}, oscal.Options{}); assert.Error(t, err) },
		"ExportSSP":     func() { _, err := oscal.ExportSSP(soa.SoA{}, oscal.Options{}); assert.Error(t, err) },
	}
	apitest.Calls(t, ".", calls)
}
