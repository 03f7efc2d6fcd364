package iso27002

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/invopop/jsonschema"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit/internal/schematest"
)

// A control catalog as Catalog.MarshalJSON writes it and
// DecodeCatalog reads it. The type mirrors catalogJSON with the controls in
// their wire form; TestSchemaTypesMirrorWireTypes keeps the two in step.
type CatalogDocument struct {
	// Name of the catalog, such as "ISO/IEC 27002:2022". Required.
	Name string `json:"name"`
	// Edition of every control of the catalog; custom for user controls
	// or a mix of editions. Required.
	Edition Edition `json:"edition"`
	// Groups are the themes, clauses, control objectives or families the
	// controls sit in; left out for the built-in catalogs, whose grouping
	// follows from the IDs.
	Groups []Group `json:"groups,omitempty"`
	// Controls of the catalog, in natural order of their IDs, each ID
	// once. Required.
	Controls []ControlDocument `json:"controls"`
}

// One control of a catalog as Control.MarshalJSON writes
// it. The type mirrors controlJSON; the keys that follow from the ID (clause,
// objective, from2013, to2022, and theme and new of a 2022 control) are
// optional on input and checked against the ID.
type ControlDocument struct {
	// ID of the control. Required.
	ID ControlID `json:"id"`
	// Title is the control's heading as the standard words it. Required.
	Title string `json:"title"`
	// AnnexATitle is the heading as ISO/IEC 27001:2022 Annex A words it,
	// present only where it differs from title.
	AnnexATitle string `json:"annexATitle,omitempty"`
	// Theme is the 2022 theme (clause 5 to 8); a custom control may set
	// it. Absent for 2013 controls.
	Theme Theme `json:"theme,omitzero"`
	// Clause is the Annex A clause of a 2013 control ("A.9").
	Clause string `json:"clause,omitempty"`
	// Objective is the control objective of a 2013 control ("A.9.4").
	Objective string `json:"objective,omitempty"`
	// Group names the group of a custom control in its own framework;
	// an ID of the catalog's groups.
	Group string `json:"group,omitempty"`
	// New marks a 2022 control without a 2013 predecessor. New in 2022.
	New *bool `json:"new,omitempty"`
	// Attributes are the values of the five ISO/IEC 27002:2022 attribute
	// types; present for 2022 controls. New in 2022.
	Attributes *AttributeSet `json:"attributes,omitempty"`
	// Summary says what the control is for, in ismskit's own words, never
	// the standard's text.
	Summary string `json:"summary,omitempty"`
	// From2013 lists the 2013 controls a 2022 control came from; empty
	// for a new control.
	From2013 []ControlID `json:"from2013,omitzero"`
	// To2022 lists the 2022 controls a 2013 control went into.
	To2022 []ControlID `json:"to2022,omitzero"`
	// Text is licensed text a user attached with an overlay; absent in
	// the built-in catalogs.
	Text *LicensedText `json:"text,omitempty"`
	// Withdrawn marks a control its catalog has withdrawn; it is kept so
	// that references to it can be explained.
	Withdrawn bool `json:"withdrawn,omitempty"`
	// MovedTo lists the controls of the catalog a withdrawn control was
	// moved to or incorporated into.
	MovedTo []ControlID `json:"movedTo,omitempty"`
}

// newReflector returns the reflector of the package's schemas.
func newReflector(t *testing.T) *jsonschema.Reflector {
	t.Helper()
	r, err := schematest.NewReflector("iso27002")
	require.NoError(t, err)
	r.Namer = func(t reflect.Type) string {
		switch t {
		case reflect.TypeFor[CatalogDocument]():
			return "Catalog"
		case reflect.TypeFor[ControlDocument]():
			return "Control"
		}
		return ""
	}
	return r
}

func TestSchemasUpToDate(t *testing.T) {
	r := newReflector(t)
	schematest.CheckGenerated(t, "schema/catalog.schema.json",
		schematest.Reflect(r, &CatalogDocument{}, "iso27002", "catalog.schema.json", "ismskit control catalog",
			"A control catalog (ISO/IEC 27002:2022, 2013 or a user's own) as iso27002.Catalog.MarshalJSON writes it."),
		JSONSchema)

	r = newReflector(t)
	s := schematest.Reflect(r, &Overlay{}, "iso27002", "overlay.schema.json", "ismskit licensed-text overlay",
		"Licensed text of the standard that a licensee attaches to a catalog's controls, as iso27002.DecodeOverlay reads it.")
	// The keys of controls are control IDs.
	controls, ok := s.Definitions["Overlay"].Properties.Get("controls")
	require.True(t, ok)
	controls.PropertyNames = schematest.Mapper(reflect.TypeFor[ControlID]())
	controls.PropertyNames.Description = ""
	schematest.CheckGenerated(t, "schema/overlay.schema.json", s, OverlaySchema)
}

// TestSchemaTypesMirrorWireTypes checks that the documented types the
// schema is generated from have the fields, types and JSON keys of the
// wire types the package encodes.
func TestSchemaTypesMirrorWireTypes(t *testing.T) {
	type field struct {
		name, tag string
		typ       reflect.Type
	}
	fields := func(rt reflect.Type) []field {
		var out []field
		for f := range rt.Fields() {
			typ := f.Type
			switch typ {
			case reflect.TypeFor[[]Control](), reflect.TypeFor[[]controlJSON](), reflect.TypeFor[[]ControlDocument]():
				typ = nil // the control's wire form is compared on its own
			}
			out = append(out, field{f.Name, string(f.Tag), typ})
		}
		return out
	}
	assert.Equal(t, fields(reflect.TypeFor[catalogJSON]()), fields(reflect.TypeFor[CatalogDocument]()))
	assert.Equal(t, fields(reflect.TypeFor[controlJSON]()), fields(reflect.TypeFor[ControlDocument]()))
}

// TestGoldenDocumentsValidate checks the committed golden catalogs, a
// custom catalog and an overlay against the committed schemas, and shows
// that the schemas reject wrong documents.
func TestGoldenDocumentsValidate(t *testing.T) {
	schematest.RequireFiles(t, "catalog.schema.json", JSONSchema(), "testdata/catalog2022.json", "testdata/catalog2013.json")
	custom, err := NewCatalog("custom", []Control{{ID: MustParse("acme:1"), Title: "x", Group: "G", New: true,
		Attributes: Attributes(Protect), Text: LicensedText{Control: "c"}}}, Group{ID: "G", Title: "g"})
	require.NoError(t, err)
	b, err := json.Marshal(custom)
	require.NoError(t, err)
	schematest.Require(t, "catalog.schema.json", JSONSchema(), b)
	schematest.Reject(t, "catalog.schema.json", JSONSchema(),
		[]byte(`{"name":"x","edition":"2022","controls":[{"id":"5.1","title":"x","theme":"logical"}]}`),
		[]byte(`{"name":"x","edition":"2022","controls":[{"id":"5.1","title":"x","attributes":{"controlType":["Protect"]}}]}`),
		[]byte(`{"name":"x","edition":"2022","controls":[{"id":"5.01","title":"x"}]}`),
		[]byte(`{"name":"x","edition":"2022"}`))

	schematest.Require(t, "overlay.schema.json", OverlaySchema(), []byte(overlayDoc))
	schematest.Reject(t, "overlay.schema.json", OverlaySchema(),
		[]byte(`{"controls":{"5.1":{"controls":"misspelt key"}}}`),
		[]byte(`{"controls":{"not an id":{"control":"x"}}}`),
		[]byte(`{"source":"no controls"}`))
}
