package schematest

import (
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
)

func TestISOSchemas(t *testing.T) {
	s := Mapper(reflect.TypeFor[iso27002.ControlID]())
	require.NotNil(t, s)
	assert.Equal(t, ControlIDPattern, s.Pattern)
	assert.Equal(t, []any{"organizational", "people", "physical", "technological"}, Mapper(reflect.TypeFor[iso27002.Theme]()).Enum)
	assert.Equal(t, []any{"none", "maintained", "retained"}, Mapper(reflect.TypeFor[iso27001.DocKind]()).Enum)
	assert.Equal(t, []any{"internal", "external"}, Mapper(reflect.TypeFor[iso27001.Origin]()).Enum)
	assert.Equal(t, []any{"amd1-2024"}, Mapper(reflect.TypeFor[iso27001.Amendment]()).Enum)

	set := Mapper(reflect.TypeFor[iso27002.AttributeSet]())
	require.NotNil(t, set)
	var keys []string
	n := 0
	for p := set.Properties.Oldest(); p != nil; p = p.Next() {
		keys = append(keys, p.Key)
		n += len(p.Value.Items.Enum)
	}
	assert.Equal(t, []string{"controlType", "securityProperties", "cybersecurityConcepts", "operationalCapabilities", "securityDomains"}, keys)
	assert.Equal(t, 30, n)
	ct, _ := set.Properties.Get("controlType")
	assert.Equal(t, []any{"Preventive", "Detective", "Corrective"}, ct.Items.Enum)
	assert.Equal(t, "The values of the attribute type Control type.", ct.Description)

	assert.Nil(t, Mapper(reflect.TypeFor[iso27002.Control]()), "a struct is reflected")
}
