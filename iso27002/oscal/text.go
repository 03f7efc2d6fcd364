package oscal

import "encoding"

// text returns the code of an enumeration value ("organizational",
// "Asset_management"), the form the props carry; String gives labels.
func text(v encoding.TextMarshaler) string {
	b, _ := v.MarshalText()
	return string(b)
}
