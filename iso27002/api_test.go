package iso27002_test

import (
	"slices"
	"testing"

	"github.com/ismskit/ismskit/internal/apitest"
	"github.com/ismskit/ismskit/iso27002"
)

// TestZeroAndNilNeverPanic calls every exported function and method with
// zero arguments, on zero values and nil receivers.
func TestZeroAndNilNeverPanic(t *testing.T) {
	var (
		cat  *iso27002.Catalog
		zc   iso27002.Catalog
		id   iso27002.ControlID
		a    iso27002.Attribute
		as   iso27002.AttributeSet
		at   iso27002.AttributeType
		th   iso27002.Theme
		ed   iso27002.Edition
		ctl  iso27002.Control
		lt   iso27002.LicensedText
		ov   iso27002.Overlay
		nov  *iso27002.Overlay
		nid  *iso27002.ControlID
		nas  *iso27002.AttributeSet
		nctl *iso27002.Control
	)
	drain := func(seq func(func(iso27002.Control) bool)) {
		for range seq {
		}
	}
	calls := map[string]func(){
		"AnyOf":                   func() { drain(iso27002.Catalog2022().Select(iso27002.AnyOf())) },
		"Attribute.IsValid":       func() { _ = a.IsValid() },
		"Attribute.MarshalText":   func() { _, _ = a.MarshalText() },
		"Attribute.String":        func() { _ = a.String() },
		"Attribute.Type":          func() { _ = a.Type() },
		"Attribute.UnmarshalText": func() { _ = a.UnmarshalText(nil); _ = (*iso27002.Attribute)(nil).UnmarshalText([]byte("x")) },
		"AttributeSet.All": func() {
			for range as.All() {
			}
		},
		"AttributeSet.Has":         func() { _ = as.Has(0) },
		"AttributeSet.Intersect":   func() { _ = as.Intersect(0) },
		"AttributeSet.JSONSchema":  func() { _ = as.JSONSchema() },
		"AttributeSet.Len":         func() { _ = as.Len() },
		"AttributeSet.MarshalJSON": func() { _, _ = as.MarshalJSON() },
		"AttributeSet.Of": func() {
			for range as.Of(0) {
			}
		},
		"AttributeSet.Strings":       func() { _ = as.Strings(0) },
		"AttributeSet.Union":         func() { _ = as.Union(0) },
		"AttributeSet.UnmarshalJSON": func() { _ = as.UnmarshalJSON(nil); _ = nas.UnmarshalJSON([]byte("{}")) },
		"AttributeSet.With":          func() { _ = as.With(0) },
		"AttributeType.IsValid":      func() { _ = at.IsValid() },
		"AttributeType.MarshalText":  func() { _, _ = at.MarshalText() },
		"AttributeType.String":       func() { _ = at.String() },
		"AttributeType.UnmarshalText": func() {
			_ = at.UnmarshalText(nil)
			_ = (*iso27002.AttributeType)(nil).UnmarshalText([]byte("x"))
		},
		"AttributeType.Values": func() {
			for range at.Values() {
			}
		},
		"AttributeTypes": func() {
			for range iso27002.AttributeTypes() {
			}
		},
		"Attributes":       func() { _ = iso27002.Attributes() },
		"BuiltIn":          func() { _, _ = iso27002.BuiltIn(0) },
		"Catalog.Control":  func() { _, _ = cat.Control(id); _, _ = zc.Control(id) },
		"Catalog.Controls": func() { drain(cat.Controls()); drain(zc.Controls()) },
		"Catalog.Count":    func() { _ = cat.Count(); _ = zc.Count(iso27002.Filter{}) },
		"Catalog.Edition":  func() { _ = cat.Edition(); _ = zc.Edition() },
		"Catalog.Extend":   func() { _, _ = cat.Extend("", nil); _, _ = zc.Extend("", nil) },
		"Catalog.Group":    func() { _, _ = cat.Group(""); _, _ = zc.Group("") },
		"Catalog.Groups": func() {
			for range cat.Groups() {
			}
			for range zc.Groups() {
			}
		},
		"Catalog.Has": func() { _ = cat.Has(id); _ = zc.Has(id) },
		"Catalog.IDs": func() {
			for range cat.IDs() {
			}
			for range zc.IDs() {
			}
		},
		"Catalog.Len":         func() { _ = cat.Len(); _ = zc.Len() },
		"Catalog.Lookup":      func() { _, _ = cat.Lookup(id); _, _ = zc.Lookup(id) },
		"Catalog.MarshalJSON": func() { _, _ = cat.MarshalJSON(); _, _ = zc.MarshalJSON() },
		"Catalog.Name":        func() { _ = cat.Name(); _ = zc.Name() },
		"Catalog.Parse":       func() { _, _ = cat.Parse(""); _, _ = zc.Parse("CLOUD-1") },
		"Catalog.Search":      func() { drain(cat.Search("")); drain(zc.Search("")) },
		"Catalog.Select":      func() { drain(cat.Select()); drain(zc.Select(iso27002.Filter{})) },
		"Catalog.UnmarshalJSON": func() {
			_ = cat.UnmarshalJSON(nil)
			var c iso27002.Catalog
			_ = c.UnmarshalJSON(nil)
		},
		"Catalog.WithOverlay":     func() { _, _ = cat.WithOverlay(ov); _, _ = zc.WithOverlay(ov) },
		"Catalog2013":             func() { _ = iso27002.Catalog2013() },
		"Catalog2022":             func() { _ = iso27002.Catalog2022() },
		"CatalogFor":              func() { _, _ = iso27002.CatalogFor(nil); _, _ = iso27002.CatalogFor(nil, nil, &zc) },
		"Compare":                 func() { _ = iso27002.Compare(id, id) },
		"Control.DisplayTitle":    func() { _ = ctl.DisplayTitle() },
		"Control.MarshalJSON":     func() { _, _ = ctl.MarshalJSON() },
		"Control.UnmarshalJSON":   func() { _ = ctl.UnmarshalJSON(nil); _ = nctl.UnmarshalJSON([]byte("{}")) },
		"ControlID.AppendTo":      func() { _ = id.AppendTo(nil) },
		"ControlID.Clause":        func() { _ = id.Clause() },
		"ControlID.Compare":       func() { _ = id.Compare(id) },
		"ControlID.Edition":       func() { _ = id.Edition() },
		"ControlID.IsCustom":      func() { _ = id.IsCustom() },
		"ControlID.IsValid":       func() { _ = id.IsValid() },
		"ControlID.JSONSchema":    func() { _ = id.JSONSchema() },
		"ControlID.Local":         func() { _ = id.Local() },
		"ControlID.MarshalText":   func() { _, _ = id.MarshalText() },
		"ControlID.Namespace":     func() { _ = id.Namespace() },
		"ControlID.Objective":     func() { _ = id.Objective() },
		"ControlID.String":        func() { _ = id.String() },
		"ControlID.Theme":         func() { _ = id.Theme() },
		"ControlID.UnmarshalText": func() { _ = id.UnmarshalText(nil); _ = nid.UnmarshalText([]byte("5.1")) },
		"Correspondence": func() {
			for range iso27002.Correspondence() {
			}
		},
		"DecodeCatalog":         func() { _, _ = iso27002.DecodeCatalog(nil) },
		"DecodeOverlay":         func() { _, _ = iso27002.DecodeOverlay(nil) },
		"Edition.IsValid":       func() { _ = ed.IsValid() },
		"Edition.JSONSchema":    func() { _ = ed.JSONSchema() },
		"Edition.MarshalText":   func() { _, _ = ed.MarshalText() },
		"Edition.String":        func() { _ = ed.String() },
		"Edition.UnmarshalText": func() { _ = ed.UnmarshalText(nil); _ = (*iso27002.Edition)(nil).UnmarshalText([]byte("2022")) },
		"EncodeCatalog":         func() { _, _ = iso27002.EncodeCatalog(nil) },
		"FilterFunc":            func() { drain(iso27002.Catalog2022().Select(iso27002.FilterFunc(nil))) },
		"From2013":              func() { _ = iso27002.From2013(id) },
		"HasAnyAttribute":       func() { drain(iso27002.Catalog2022().Select(iso27002.HasAnyAttribute())) },
		"HasAttribute":          func() { drain(iso27002.Catalog2022().Select(iso27002.HasAttribute())) },
		"InGroup":               func() { drain(iso27002.Catalog2022().Select(iso27002.InGroup(""))) },
		"InTheme":               func() { drain(iso27002.Catalog2022().Select(iso27002.InTheme())) },
		"IsNew":                 func() { drain(iso27002.Catalog2022().Select(iso27002.IsNew())) },
		"JSONSchema":            func() { _ = iso27002.JSONSchema() },
		"LicensedText.IsZero":   func() { _ = lt.IsZero() },
		"LoadOverlay":           func() { _, _ = iso27002.LoadOverlay(nil, "") },
		"Matching":              func() { drain(iso27002.Catalog2022().Select(iso27002.Matching(""))) },
		"MustParse":             func() { defer func() { _ = recover() }(); iso27002.MustParse("") },
		"NewCatalog":            func() { _, _ = iso27002.NewCatalog("", nil) },
		"Not":                   func() { drain(iso27002.Catalog2022().Select(iso27002.Not(iso27002.Filter{}))) },
		"Overlay.UnmarshalJSON": func() { _ = ov.UnmarshalJSON(nil); _ = nov.UnmarshalJSON([]byte("{}")) },
		"OverlaySchema":         func() { _ = iso27002.OverlaySchema() },
		"Parse":                 func() { _, _ = iso27002.Parse("") },
		"ParseAttribute":        func() { _, _ = iso27002.ParseAttribute("") },
		"ParseAttributeType":    func() { _, _ = iso27002.ParseAttributeType("") },
		"ParseEdition":          func() { _, _ = iso27002.ParseEdition("") },
		"ParseTheme":            func() { _, _ = iso27002.ParseTheme("") },
		"ReadCatalog":           func() { _, _ = iso27002.ReadCatalog(nil) },
		"ReadOverlay":           func() { _, _ = iso27002.ReadOverlay(nil) },
		"Theme.IsValid":         func() { _ = th.IsValid() },
		"Theme.JSONSchema":      func() { _ = th.JSONSchema() },
		"Theme.MarshalText":     func() { _, _ = th.MarshalText() },
		"Theme.String":          func() { _ = th.String() },
		"Theme.UnmarshalText":   func() { _ = th.UnmarshalText(nil); _ = (*iso27002.Theme)(nil).UnmarshalText([]byte("people")) },
		"Themes": func() {
			for range iso27002.Themes() {
			}
		},
		"To2022":       func() { _ = iso27002.To2022(id) },
		"WriteCatalog": func() { _ = iso27002.WriteCatalog(nil, nil) },
	}
	funcs, _ := apitest.Exported(t, ".")
	apitest.Covered(t, "function", funcs, calls)
	apitest.NoPanic(t, calls)
}

// TestEveryTypeMarshals encodes the zero value of every exported type,
// and a typical value of each, with encoding/json, and decodes the value
// types back.
func TestEveryTypeMarshals(t *testing.T) {
	c51, _ := iso27002.Catalog2022().Lookup(iso27002.MustParse("5.1"))
	c2013, _ := iso27002.Catalog2013().Lookup(iso27002.MustParse("A.9.4.3"))
	own := iso27002.Control{ID: iso27002.MustParse("CLOUD-1"), Title: "Tenant isolation", Group: "CLOUD", Theme: iso27002.Technological,
		Attributes: iso27002.Attributes(iso27002.Detective), Text: iso27002.LicensedText{Control: "c"}}
	ext, err := iso27002.Catalog2022().Extend("ours", []iso27002.Control{own}, iso27002.Group{ID: "CLOUD", Title: "Cloud"})
	if err != nil {
		t.Fatal(err)
	}
	type value struct {
		v         any
		roundTrip bool
	}
	values := map[string][]value{
		"Attribute":     {{iso27002.Attribute(0), true}, {iso27002.AssetManagement, true}},
		"AttributeSet":  {{iso27002.AttributeSet(0), true}, {c51.Attributes, true}},
		"AttributeType": {{iso27002.AttributeType(0), true}, {iso27002.SecurityDomain, true}},
		// A *Catalog is not a value type: it encodes, and DecodeCatalog
		// builds a new catalog from what it wrote.
		"Catalog":      {{iso27002.Catalog{}, false}, {ext, false}, {(*iso27002.Catalog)(nil), false}},
		"Control":      {{iso27002.Control{}, true}, {c51, true}, {c2013, true}, {own, true}},
		"ControlID":    {{iso27002.ControlID{}, true}, {iso27002.MustParse("5.1"), true}, {iso27002.MustParse("acme:X"), true}},
		"Edition":      {{iso27002.Edition(0), true}, {iso27002.Edition2013, true}},
		"Filter":       {{iso27002.Filter{}, true}},
		"Group":        {{iso27002.Group{}, true}, {iso27002.Group{ID: "A.9.4", Title: "t", Parent: "A.9", Summary: "s"}, true}},
		"LicensedText": {{iso27002.LicensedText{}, true}, {iso27002.LicensedText{Control: "a", Purpose: "b", Guidance: "c", Other: "d"}, true}},
		"Overlay":      {{iso27002.Overlay{}, true}, {iso27002.Overlay{Source: "s", Controls: map[iso27002.ControlID]iso27002.LicensedText{}}, true}},
		"Pair":         {{iso27002.Pair{}, true}, {iso27002.Pair{From: iso27002.MustParse("A.5.1.1"), To: iso27002.MustParse("5.1")}, true}},
		"Theme":        {{iso27002.Theme(0), true}, {iso27002.People, true}},
	}
	_, types := apitest.Exported(t, ".")
	apitest.Covered(t, "type", types, values)
	for name, vs := range values {
		for _, v := range vs {
			apitest.JSON(t, name, v.v, v.roundTrip)
		}
	}
	// The catalog round trip: what EncodeCatalog writes, DecodeCatalog reads.
	for _, c := range []*iso27002.Catalog{nil, {}, ext, iso27002.Catalog2013()} {
		b, err := iso27002.EncodeCatalog(c)
		if err != nil {
			t.Fatal(err)
		}
		back, err := iso27002.DecodeCatalog(b)
		if err != nil {
			t.Fatalf("%s: %v", b, err)
		}
		again, _ := iso27002.EncodeCatalog(back)
		if string(again) != string(b) {
			t.Errorf("catalog %q does not round-trip", c.Name())
		}
		if back.Edition() != c.Edition() {
			t.Errorf("catalog %q: edition %s, want %s", c.Name(), back.Edition(), c.Edition())
		}
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
