package scoring

import (
	"testing"

	"github.com/ismskit/ismskit/internal/apitest"
)

// TestAPIZero calls every exported function with zero arguments and every
// exported method on zero values and nil pointers: none panics.
func TestAPIZero(t *testing.T) {
	apitest.ZeroCalls(t, ".", map[string]any{
		"Builtin": Builtin, "DecodeResult": DecodeResult, "JSONSchema": JSONSchema, "NewRegistry": NewRegistry, "OWASPLevel": OWASPLevel,
	}, Aggregation(0), Band{}, CVSS{}, DREAD{}, OWASP{}, OWASPImpact(0), Part{}, Registry{}, Result{})
}

// TestAPIJSON: every exported type marshals, its zero value included, with
// lowerCamelCase keys, and decodes back equal.
func TestAPIJSON(t *testing.T) {
	res, err := CVSS{}.Score("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")
	if err != nil {
		t.Fatal(err)
	}
	v3, err := CVSS{}.Score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")
	if err != nil {
		t.Fatal(err)
	}
	apitest.JSON(t, ".",
		Aggregation(0), AggregateMean,
		Band{}, Band{From: 1, Label: "low"},
		CVSS{}, DREAD{}, OWASP{}, OWASPImpact(0), OWASPBusinessImpact,
		Part{}, v3.Parts[0],
		Registry{},
		Result{}, res, v3,
	)
}

// TestNilUnmarshalText: valid text into a nil pointer is an error, not a
// panic.
func TestNilUnmarshalText(t *testing.T) {
	apitest.NilUnmarshalText(t, (*Aggregation)(nil), "mean")
	apitest.NilUnmarshalText(t, (*OWASPImpact)(nil), "technical")
}
