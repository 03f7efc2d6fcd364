package nist

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestEveryGeneratedRowParses(t *testing.T) {
	ix := theIndex()
	assert.Empty(t, ix.bad)
	assert.Len(t, ix.sp, len(sp80053Rows))
	assert.Len(t, ix.csf, len(csfRows))
}
