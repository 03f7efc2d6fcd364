package iso27002_test

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/internal/apitest"
	"github.com/ismskit/ismskit/iso27002"
)

// exportedFuncs lists every exported function of the package; TestAPIZero
// fails when the source has one that is not here.
var exportedFuncs = map[string]any{
	"AnyOf": iso27002.AnyOf, "AttributeTypes": iso27002.AttributeTypes, "Attributes": iso27002.Attributes,
	"BuiltIn": iso27002.BuiltIn, "Catalog2013": iso27002.Catalog2013, "Catalog2022": iso27002.Catalog2022,
	"CatalogFor": iso27002.CatalogFor, "Compare": iso27002.Compare, "Correspondence": iso27002.Correspondence,
	"DecodeCatalog": iso27002.DecodeCatalog, "DecodeOverlay": iso27002.DecodeOverlay, "EncodeCatalog": iso27002.EncodeCatalog,
	"FilterFunc": iso27002.FilterFunc, "From2013": iso27002.From2013, "HasAnyAttribute": iso27002.HasAnyAttribute,
	"HasAttribute": iso27002.HasAttribute, "InGroup": iso27002.InGroup, "IncludeWithdrawn": iso27002.IncludeWithdrawn, "InTheme": iso27002.InTheme, "IsNew": iso27002.IsNew,
	"JSONSchema": iso27002.JSONSchema, "LoadOverlay": iso27002.LoadOverlay, "Matching": iso27002.Matching,
	// MustParse panics on a bad ID by design: it is for literals.
	"MustParse":  func() { defer func() { _ = recover() }(); iso27002.MustParse("") },
	"NewCatalog": iso27002.NewCatalog, "Not": iso27002.Not, "OverlaySchema": iso27002.OverlaySchema, "Parse": iso27002.Parse,
	"ParseAttribute": iso27002.ParseAttribute, "ParseAttributeType": iso27002.ParseAttributeType,
	"ParseEdition": iso27002.ParseEdition, "ParseTheme": iso27002.ParseTheme, "ReadCatalog": iso27002.ReadCatalog,
	"ReadOverlay": iso27002.ReadOverlay, "Themes": iso27002.Themes, "To2022": iso27002.To2022,
	"WriteCatalog": iso27002.WriteCatalog,
}

// exportedTypes has a value of every exported type of the package.
var exportedTypes = []any{
	iso27002.Attribute(0), iso27002.AttributeSet(0), iso27002.AttributeType(0), iso27002.Catalog{}, iso27002.Control{},
	iso27002.ControlID{}, iso27002.Edition(0), iso27002.Filter{}, iso27002.Group{}, iso27002.LicensedText{},
	iso27002.Overlay{}, iso27002.Pair{}, iso27002.Theme(0),
}

// TestAPIZero calls every exported function with zero arguments, and every
// exported method on a zero value and on a nil pointer: none panics. The
// filters they return are used too.
func TestAPIZero(t *testing.T) {
	apitest.ZeroCalls(t, ".", exportedFuncs, exportedTypes...)
	var zero iso27002.Catalog
	for _, cat := range []*iso27002.Catalog{nil, &zero} {
		for _, f := range []iso27002.Filter{{}, iso27002.FilterFunc(nil), iso27002.AnyOf(), iso27002.Not(iso27002.Filter{}),
			iso27002.InTheme(), iso27002.HasAttribute(), iso27002.Matching(""), iso27002.InGroup("")} {
			_ = slices.Collect(cat.Select(f))
			_ = slices.Collect(iso27002.Catalog2022().Select(f))
		}
		_, _ = slices.Collect(cat.Controls()), slices.Collect(cat.IDs())
		_, _ = slices.Collect(cat.Groups()), slices.Collect(cat.Search(""))
	}
	var as iso27002.AttributeSet
	var at iso27002.AttributeType
	_, _, _ = slices.Collect(as.All()), slices.Collect(as.Of(0)), slices.Collect(at.Values())
}

// TestAPIJSON encodes the zero value of every exported type, and typical
// values of each, with encoding/json, with lowerCamelCase keys, and
// decodes the value types back to equal values.
func TestAPIJSON(t *testing.T) {
	c51, _ := iso27002.Catalog2022().Lookup(iso27002.MustParse("5.1"))
	c2013, _ := iso27002.Catalog2013().Lookup(iso27002.MustParse("A.9.4.3"))
	own := iso27002.Control{ID: iso27002.MustParse("CLOUD-1"), Title: "Tenant isolation", Group: "CLOUD", Theme: iso27002.Technological,
		Attributes: iso27002.Attributes(iso27002.Detective), Text: iso27002.LicensedText{Control: "c"}}
	ext, err := iso27002.Catalog2022().Extend("ours", []iso27002.Control{own}, iso27002.Group{ID: "CLOUD", Title: "Cloud"})
	if err != nil {
		t.Fatal(err)
	}
	values := []any{
		iso27002.AssetManagement, c51.Attributes, iso27002.SecurityDomain,
		c51, c2013, own, iso27002.MustParse("5.1"), iso27002.MustParse("acme:X"), iso27002.Edition2013,
		iso27002.Group{ID: "A.9.4", Title: "t", Parent: "A.9", Summary: "s"},
		iso27002.LicensedText{Control: "a", Purpose: "b", Guidance: "c", Other: "d"},
		iso27002.Overlay{Source: "s", Controls: map[iso27002.ControlID]iso27002.LicensedText{}},
		iso27002.Pair{From: iso27002.MustParse("A.5.1.1"), To: iso27002.MustParse("5.1")}, iso27002.People,
	}
	apitest.JSON(t, ".", append(slices.Clone(exportedTypes), append(values, *ext)...)...)
	// What EncodeCatalog writes, DecodeCatalog reads back as the same
	// catalog, a nil one and the built-in ones included.
	for _, c := range []*iso27002.Catalog{nil, {}, ext, iso27002.Catalog2013()} {
		b, err := iso27002.EncodeCatalog(c)
		require.NoError(t, err)
		back, err := iso27002.DecodeCatalog(b)
		require.NoError(t, err, "%s", b)
		again, _ := iso27002.EncodeCatalog(back)
		assert.Equal(t, string(b), string(again))
		assert.Equal(t, c.Edition(), back.Edition())
	}
}

// TestEnums checks the one method set of every enumeration: String the
// label, MarshalText the code, ParseX reads both, IsValid.
func TestEnums(t *testing.T) {
	apitest.Enum(t, []iso27002.Edition{iso27002.Edition2013, iso27002.Edition2022}, iso27002.ParseEdition, "custom")
	apitest.Enum(t, slices.Collect(iso27002.Themes()), iso27002.ParseTheme, "")
	apitest.Enum(t, slices.Collect(iso27002.AttributeTypes()), iso27002.ParseAttributeType, "")
	var attrs []iso27002.Attribute
	for at := range iso27002.AttributeTypes() {
		attrs = append(attrs, slices.Collect(at.Values())...)
	}
	apitest.Enum(t, attrs, iso27002.ParseAttribute, "")
}
