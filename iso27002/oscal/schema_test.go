package oscal_test

import (
	"bytes"
	"path/filepath"
	"testing"
	"time"

	"github.com/ismskit/ismskit/internal/oscalschema"

	"github.com/ismskit/ismskit/internal/goldenfile"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// nist holds NIST's OSCAL 1.2.1 schemas (internal/oscalschema).
var nist oscalschema.Validator

func oscalSchema(t testing.TB, model string) *jsonschema.Schema {
	t.Helper()
	s, err := nist.Schema(model)
	require.NoError(t, err)
	return s
}

// validate checks an OSCAL document against NIST's schema of its model
// ("catalog", "mapping", "profile").
func validate(t testing.TB, model string, data []byte) {
	t.Helper()
	require.NoError(t, nist.Validate(model, data))
}

// validateJSON is validate for a document the test reads as well: it
// returns the document as decodeJSON decodes it, decoding it once for
// both (oscalschema.Validator.ValidateValue).
func validateJSON(t testing.TB, model string, data []byte) any {
	t.Helper()
	v := decodeJSON(t, data)
	require.NoError(t, nist.ValidateValue(model, data, v))
	return v
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	goldenfile.Check(t, filepath.Join("testdata", name), got)
}

func TestSchemaRejectsBadDocuments(t *testing.T) {
	// The validator itself must be able to fail: a catalog without
	// metadata and with a control id that is not a token.
	bad := []byte(`{"catalog":{"uuid":"not-a-uuid","controls":[{"id":"5.1","title":"x"}]}}`)
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(bad))
	require.NoError(t, err)
	assert.Error(t, oscalSchema(t, "catalog").Validate(v))
}

// when dates the exports of the tests.
var when = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
