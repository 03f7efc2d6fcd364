package apitest

import (
	"errors"
	"strings"
	"testing"
)

// color is an enumeration with the method set Enum checks; broken
// breaks it on purpose.
type color uint8

var colorCodes = []string{"", "red", "dark-blue"}
var colorLabels = []string{"", "Red", "Dark blue"}

func (c color) IsValid() bool  { return c > 0 && int(c) < len(colorCodes) }
func (c color) String() string { return colorLabels[c] }
func (c color) MarshalText() ([]byte, error) {
	if int(c) >= len(colorCodes) {
		return nil, errors.New("bad")
	}
	return []byte(colorCodes[c]), nil
}
func (c *color) UnmarshalText(b []byte) error {
	if c == nil {
		return errors.New("nil")
	}
	for v, code := range colorCodes {
		if code == string(b) {
			*c = color(v)
			return nil
		}
	}
	return errors.New("unknown")
}

func parseColor(s string) (color, error) {
	for v := range colorCodes {
		if v > 0 && (s == colorCodes[v] || strings.EqualFold(s, colorLabels[v])) {
			return color(v), nil
		}
	}
	return 0, errors.New("unknown")
}

func TestEnum(t *testing.T) {
	Enum(t, []color{1, 2}, parseColor, "")
}
