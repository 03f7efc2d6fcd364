package cvss4

import (
	"fmt"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// Nomenclature names the metric groups a CVSS v4.0 score was computed
// from (specification section 1.3): "CVSS-B" for the base metrics alone,
// "CVSS-BT" with threat metrics, "CVSS-BE" with environmental metrics,
// "CVSS-BTE" with both. The zero value is NomenclatureB. It encodes as
// its text ("CVSS-BT").
type Nomenclature uint8

// The nomenclatures.
const (
	NomenclatureB   Nomenclature = iota // CVSS-B
	NomenclatureBT                      // CVSS-BT
	NomenclatureBE                      // CVSS-BE
	NomenclatureBTE                     // CVSS-BTE
)

var nomenclatureNames = [...]string{"CVSS-B", "CVSS-BT", "CVSS-BE", "CVSS-BTE"}

// Nomenclature returns the nomenclature of v's score: "T" when Exploit
// Maturity is defined, "E" when any environmental metric is defined.
// Supplemental metrics do not count: they never change the score.
func (v Vector) Nomenclature() Nomenclature {
	n := NomenclatureB
	if v.HasThreat() {
		n |= NomenclatureBT
	}
	if v.HasEnvironmental() {
		n |= NomenclatureBE
	}
	return n
}

// String returns the nomenclature as the specification writes it, such
// as "CVSS-BTE".
func (n Nomenclature) String() string {
	if n.IsValid() {
		return nomenclatureNames[n]
	}
	return fmt.Sprintf("Nomenclature(%d)", uint8(n))
}

// IsValid reports whether n is one of the four nomenclatures.
func (n Nomenclature) IsValid() bool { return int(n) < len(nomenclatureNames) }

// ParseNomenclature returns the nomenclature written s ("CVSS-BT"); any
// other text is an ismskit.ErrUnknownValue error.
func ParseNomenclature(s string) (Nomenclature, error) {
	for i, name := range nomenclatureNames {
		if s == name {
			return Nomenclature(i), nil
		}
	}
	return 0, fielderr.Errorf(ismskit.ErrUnknownValue, "unknown nomenclature %q (want CVSS-B, CVSS-BT, CVSS-BE or CVSS-BTE)", s)
}

// MarshalText implements encoding.TextMarshaler.
func (n Nomenclature) MarshalText() ([]byte, error) {
	if !n.IsValid() {
		return nil, fielderr.Errorf(ismskit.ErrUnknownValue, "%d is not a nomenclature", uint8(n))
	}
	return []byte(nomenclatureNames[n]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler with
// ParseNomenclature.
func (n *Nomenclature) UnmarshalText(text []byte) error {
	if n == nil {
		return fielderr.Errorf(ismskit.ErrMissing, "UnmarshalText into a nil *Nomenclature")
	}
	p, err := ParseNomenclature(string(text))
	if err != nil {
		return err
	}
	*n = p
	return nil
}
