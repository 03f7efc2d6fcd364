package schematest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const schema = `{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
"properties":{"id":{"type":"string"}},"required":["id"],"additionalProperties":false}`

func TestValidate(t *testing.T) {
	s, err := Compile("x.json", []byte(schema))
	require.NoError(t, err)
	assert.NoError(t, Validate(s, []byte(`{"id":"a"}`)))
	assert.Error(t, Validate(s, []byte(`{"id":1}`)))
	assert.Error(t, Validate(s, []byte(`{"id":"a","x":1}`)))
	assert.Error(t, Validate(s, []byte(`{`)))
	_, err = Compile("bad.json", []byte(`{`))
	assert.Error(t, err)
	_, err = Compile("bad.json", []byte(`{"type":12}`))
	assert.Error(t, err)
	Require(t, "x.json", []byte(schema), []byte(`{"id":"a"}`))
}
