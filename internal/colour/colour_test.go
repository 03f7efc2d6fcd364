package colour

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestParse(t *testing.T) {
	for _, tt := range []struct {
		in  string
		rgb uint32
		ok  bool
	}{
		{"#000000", 0, true},
		{"#FFffFF", 0xffffff, true},
		{"#1f77B4", 0x1f77b4, true},
		{"", 0, false},
		{"1f77b4", 0, false},
		{"#1f77b", 0, false},
		{"#1f77b4a", 0, false},
		{"#1g77b4", 0, false},
	} {
		rgb, ok := Parse(tt.in)
		assert.Equal(t, tt.ok, ok, tt.in)
		assert.Equal(t, tt.rgb, rgb, tt.in)
		assert.Equal(t, tt.ok, Valid(tt.in), tt.in)
	}
}
