package oscal

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestUUIDv5(t *testing.T) {
	// RFC 9562 name spaces; vectors checked with Python's uuid.uuid5.
	nsDNS := [16]byte{0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}
	assert.Equal(t, "886313e1-3b8a-5372-9b90-0c9aee199e5d", uuidV5(nsDNS, "python.org"))
	assert.Equal(t, UUIDNamespace, uuidV5(nsURL, Namespace), "UUIDNamespace is derived from Namespace")
	assert.Equal(t, uuidV5(uuidNS, "x"), UUID("x"))
}
