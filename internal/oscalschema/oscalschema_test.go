package oscalschema

import (
	"testing"

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
}
