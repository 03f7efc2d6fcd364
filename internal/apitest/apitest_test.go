package apitest

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestOf(t *testing.T) {
	api := Of(t, ".")
	assert.Equal(t, []string{"API"}, api.Types)
	assert.Equal(t, []string{"Missing", "Of"}, api.Funcs)
	assert.Empty(t, api.Methods)
	assert.Equal(t, []string{"Of"}, Missing(api.Funcs, map[string]bool{"Missing": true}))
}
