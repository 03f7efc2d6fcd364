package oscalschema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestValidator(t *testing.T) {
	var v Validator
	for _, m := range Models {
		_, err := v.Schema(m)
		require.NoError(t, err, m)
	}
	_, err := v.Schema("nope")
	assert.Error(t, err)
	assert.Error(t, v.Validate("nope", []byte(`{}`)))
	assert.ErrorContains(t, v.Validate("catalog", []byte(`{"catalog":{}}`)), "not a valid OSCAL catalog")
	ok := `{"catalog":{"uuid":"8a0e0c2b-6a4a-5d77-9a0e-5c1f0e0a7b11","metadata":{"title":"t","last-modified":"2026-11-28T00:00:00Z","version":"1","oscal-version":"1.2.1"}}}`
	assert.NoError(t, v.Validate("catalog", []byte(ok)))

	// What Validate remembers: a valid document stays valid, for its model
	// only; a changed or invalid one is validated again.
	assert.NoError(t, v.Validate("catalog", []byte(ok)), "again")
	assert.ErrorContains(t, v.Validate("profile", []byte(ok)), "not a valid OSCAL profile", "valid as a catalog, not as a profile")
	bad := []byte(strings.Replace(ok, `"uuid":"8a0e0c2b`, `"uuid":"za0e0c2b`, 1))
	assert.ErrorContains(t, v.Validate("catalog", bad), "not a valid OSCAL catalog", "one byte changed")
	assert.ErrorContains(t, v.Validate("catalog", bad), "not a valid OSCAL catalog", "still invalid")

	// ValidateValue validates what json.Unmarshal gave, or decodes doc
	// again if that is not what Validate validates (a number in it).
	var w Validator
	var value any
	require.NoError(t, json.Unmarshal(bad, &value))
	assert.ErrorContains(t, w.ValidateValue("catalog", bad, value), "not a valid OSCAL catalog")
	require.NoError(t, json.Unmarshal([]byte(ok), &value))
	assert.NoError(t, w.ValidateValue("catalog", []byte(ok), value))
	withNumber := strings.Replace(ok, `"version":"1"`, `"version":1`, 1)
	require.NoError(t, json.Unmarshal([]byte(withNumber), &value))
	assert.ErrorContains(t, w.ValidateValue("catalog", []byte(withNumber), value), "not a valid OSCAL catalog", "a number for a string")
}

// TestDecode holds decode to jsonschema.UnmarshalJSON, which
// schematest.Validate decodes with: the same value, or the same error.
func TestDecode(t *testing.T) {
	for _, doc := range []string{
		`{"a":["x",true,null,{"b":"c"}],"d":{}}`,
		`{"a":[1,2.50,{"b":1e999}]}`, // numbers stay json.Number: 2.50, 1e999
		`{"n":-0}`,
		` "s" `,
		`{"a":1} {}`,
		`{"a":`,
		`[{"a":"\u00e9\ud800"}]`,
	} {
		want, wantErr := jsonschema.UnmarshalJSON(bytes.NewReader([]byte(doc)))
		got, err := decode([]byte(doc))
		if wantErr != nil {
			assert.Equal(t, wantErr.Error(), fmt.Sprint(err), doc)
			continue
		}
		require.NoError(t, err, doc)
		assert.Equal(t, want, got, doc)
	}
}
