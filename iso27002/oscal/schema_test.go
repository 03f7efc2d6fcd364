package oscal_test

import (
	"bytes"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/ismskit/ismskit/internal/goldenfile"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// NIST's OSCAL 1.2.1 JSON schemas, copied into testdata/schema with
// NIST's licence (LICENSE-NIST-OSCAL.md).
var (
	schemaMu    sync.Mutex
	schemaCache = map[string]*jsonschema.Schema{}
)

func oscalSchema(t testing.TB, model string) *jsonschema.Schema {
	t.Helper()
	schemaMu.Lock()
	defer schemaMu.Unlock()
	if s, ok := schemaCache[model]; ok {
		return s
	}
	path := filepath.Join("testdata", "schema", "oscal_"+model+"_schema.json")
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	require.NoError(t, c.AddResource(path, doc))
	s, err := c.Compile(path)
	require.NoError(t, err)
	schemaCache[model] = s
	return s
}

// validate checks an OSCAL document against NIST's schema of its model
// ("catalog", "mapping", "profile").
func validate(t testing.TB, model string, data []byte) {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	require.NoError(t, err)
	err = oscalSchema(t, model).Validate(v)
	require.NoError(t, err, "the document does not validate against NIST's OSCAL %s schema", model)
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
