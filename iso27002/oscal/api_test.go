package oscal_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/apitest"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/iso27002/oscal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestJSONRoundTrip marshals every exported type with encoding/json, its
// zero value and a filled one, and decodes it back to an equal value. A
// new exported type fails the test until it is added here.
func TestJSONRoundTrip(t *testing.T) {
	iso, err := oscal.ExportCatalog(iso27002.Catalog2022(), oscal.Options{})
	require.NoError(t, err)
	imported, err := oscal.ImportCatalog(iso, oscal.ImportOptions{})
	require.NoError(t, err)
	values := map[string][]any{
		"Catalog":    {&oscal.Catalog{}, imported},
		"Constraint": {&oscal.Constraint{}, &oscal.Constraint{Description: "at most 90 days", Tests: []string{". <= 90"}}},
		"ControlInfo": {&oscal.ControlInfo{}, &oscal.ControlInfo{ID: iso27002.MustParse("n:ac-2.1"), OSCALID: "ac-2.1", Class: "c", Label: "AC-2(1)",
			SortID: "ac-02.01", Parent: iso27002.MustParse("n:ac-2"), Group: "ac"}},
		"Import":         {&oscal.Import{}, &oscal.Import{Href: "c.json", All: true, Exclude: []oscal.Selector{{IDs: []string{"a"}}}}},
		"ImportOptions":  {&oscal.ImportOptions{}, &oscal.ImportOptions{Namespace: "nist"}},
		"MappingOptions": {&oscal.MappingOptions{}, &oscal.MappingOptions{Options: oscal.Options{LastModified: when, Version: "2"}, SourceHref: "a.json", TargetHref: "b.json"}},
		"Options":        {&oscal.Options{}, &oscal.Options{LastModified: when, Version: "2026.1"}},
		"Param": {&oscal.Param{}, &oscal.Param{ID: "p", Class: "c", Label: "l", Usage: "u", Values: []string{"v"}, HowMany: "one", Choice: []string{"a", "b"},
			Constraints: []oscal.Constraint{{Description: "d"}}, Guidelines: []string{"g"}, DependsOn: "q", Aggregates: []string{"r"}, Remarks: "x"}},
		"ParamValues":  {&oscal.ParamValues{}, &oscal.ParamValues{"p": {"a", "b"}}},
		"Relationship": {new(oscal.Relationship), ptr(oscal.SupersetOf)},
		"Selection": {&oscal.Selection{}, &oscal.Selection{Title: "T", Imports: []oscal.Import{{Href: "c.json", Include: []oscal.Selector{{IDs: []string{"a"}, Patterns: []string{"b*"}, WithChildControls: true}}}},
			Flat: true, Params: []oscal.Param{{ID: "p", Values: []string{"v"}}}, Version: "1", LastModified: "2026-01-01T00:00:00Z"}},
		"Selector": {&oscal.Selector{}, &oscal.Selector{IDs: []string{"a"}}},
	}
	covered := map[string]bool{}
	for name, vs := range values {
		covered[name] = true
		apitest.RoundTrip(t, vs...)
	}
	assert.Empty(t, apitest.Missing(apitest.Of(t, ".").Types, covered), "exported types without a round trip")
}

func ptr[T any](v T) *T { return &v }

// TestZeroAndNil calls every exported function with zero arguments and
// every exported method on a nil receiver and on the zero value: none
// panics. A new exported function or method fails the test until it is
// added here.
func TestZeroAndNil(t *testing.T) {
	var nilCat *oscal.Catalog
	var nilSel *oscal.Selection
	calls := map[string]func(){
		"ClauseToken":          func() { oscal.ClauseToken(iso27001.ClauseID{}) },
		"ControlToken":         func() { assert.Empty(t, oscal.ControlToken(iso27002.ControlID{})) },
		"EncodeCatalog":        func() { _, err := oscal.EncodeCatalog(nil); assert.Error(t, err) },
		"ExportCatalog":        func() { _, err := oscal.ExportCatalog(nil, oscal.Options{}); assert.Error(t, err) },
		"ExportClauses":        func() { _, err := oscal.ExportClauses(nil, oscal.Options{}); assert.Error(t, err) },
		"ExportCorrespondence": func() { _, err := oscal.ExportCorrespondence(oscal.MappingOptions{}); assert.NoError(t, err) },
		"ExportProfile":        func() { _, err := oscal.ExportProfile("", "", nil, oscal.Options{}); assert.Error(t, err) },
		"ImportCatalog":        func() { _, err := oscal.ImportCatalog(nil, oscal.ImportOptions{}); assert.Error(t, err) },
		"ImportCatalogContext": func() {
			_, err := oscal.ImportCatalogContext(noContext, nil, oscal.ImportOptions{})
			assert.Error(t, err)
		},
		"ImportProfile": func() { _, err := oscal.ImportProfile(nil, oscal.ImportOptions{}); assert.Error(t, err) },
		"ImportProfileContext": func() {
			_, err := oscal.ImportProfileContext(noContext, nil, oscal.ImportOptions{})
			assert.Error(t, err)
		},
		"ParseControlToken": func() { _, ok := oscal.ParseControlToken(""); assert.False(t, ok) },
		"ParseRelationship": func() { _, err := oscal.ParseRelationship(""); assert.Error(t, err) },
		"ReadCatalog":       func() { _, err := oscal.ReadCatalog(nil, oscal.ImportOptions{}); assert.Error(t, err) },
		"ReadProfile":       func() { _, err := oscal.ReadProfile(nil, oscal.ImportOptions{}); assert.Error(t, err) },
		"RelationshipOf":    func() { assert.Zero(t, oscal.RelationshipOf(iso27002.Pair{})) },
		"WriteCatalog": func() {
			assert.Error(t, oscal.WriteCatalog(nil, nil))
			assert.Error(t, oscal.WriteCatalog(&bytes.Buffer{}, nil))
		},
		"Catalog.IDOf":          func() { nilCat.IDOf(""); (&oscal.Catalog{}).IDOf("") },
		"Catalog.ISO27002":      func() { assert.Zero(t, nilCat.ISO27002().Len()); assert.Zero(t, (&oscal.Catalog{}).ISO27002().Len()) },
		"Catalog.Info":          func() { nilCat.Info(iso27002.ControlID{}); (&oscal.Catalog{}).Info(iso27002.ControlID{}) },
		"Catalog.LastModified":  func() { assert.True(t, nilCat.LastModified().IsZero()); (&oscal.Catalog{}).LastModified() },
		"Catalog.Len":           func() { assert.Zero(t, nilCat.Len()); (&oscal.Catalog{}).Len() },
		"Catalog.MarshalJSON":   func() { b, err := nilCat.MarshalJSON(); assert.NoError(t, err); assert.Equal(t, "null", string(b)) },
		"Catalog.Namespace":     func() { nilCat.Namespace(); (&oscal.Catalog{}).Namespace() },
		"Catalog.OSCALVersion":  func() { nilCat.OSCALVersion(); (&oscal.Catalog{}).OSCALVersion() },
		"Catalog.Param":         func() { nilCat.Param(""); (&oscal.Catalog{}).Param("") },
		"Catalog.Params":        func() { nilCat.Params(iso27002.ControlID{}); (&oscal.Catalog{}).Params(iso27002.ControlID{}) },
		"Catalog.Render":        func() { assert.Equal(t, "[Assignment: x]", nilCat.Render("{{ insert: param, x }}", nil)) },
		"Catalog.Statement":     func() { _, err := nilCat.Statement(iso27002.ControlID{}, nil); assert.Error(t, err) },
		"Catalog.Title":         func() { nilCat.Title(); (&oscal.Catalog{}).Title() },
		"Catalog.UnmarshalJSON": func() { assert.Error(t, (&oscal.Catalog{}).UnmarshalJSON(nil)) },
		"Catalog.Version":       func() { nilCat.Version(); (&oscal.Catalog{}).Version() },
		"Relationship.IsValid":  func() { assert.False(t, oscal.Relationship(0).IsValid()) },
		"Relationship.MarshalText": func() {
			_, err := oscal.Relationship(0).MarshalText()
			assert.NoError(t, err)
		},
		"Relationship.String":        func() { assert.Empty(t, oscal.Relationship(0).String()) },
		"Relationship.UnmarshalText": func() { var r oscal.Relationship; assert.NoError(t, r.UnmarshalText(nil)) },
		"Selection.Resolve": func() {
			ids, err := nilSel.Resolve(nil, oscal.ImportOptions{})
			assert.NoError(t, err)
			assert.Empty(t, ids)
			_, err = (&oscal.Selection{}).Resolve(nil, oscal.ImportOptions{})
			assert.Error(t, err)
			ids, err = (&oscal.Selection{}).Resolve(iso27002.Catalog2022(), oscal.ImportOptions{})
			assert.NoError(t, err)
			assert.Empty(t, ids)
		},
		"Selection.ResolveCatalog": func() {
			_, err := nilSel.ResolveCatalog(nil, "")
			assert.Error(t, err)
			_, err = (&oscal.Selection{}).ResolveCatalog(&oscal.Catalog{}, "")
			assert.Error(t, err)
		},
		"Selection.Values": func() { assert.Nil(t, nilSel.Values()); assert.Nil(t, (&oscal.Selection{}).Values()) },
	}
	apitest.Calls(t, ".", calls)
}

// noContext is a nil context: the importers treat it as
// context.Background.
var noContext context.Context

// TestNilUnmarshalText: valid text into a nil pointer is an error, not a
// panic.
func TestNilUnmarshalText(t *testing.T) {
	apitest.NilUnmarshalText(t, (*oscal.Relationship)(nil), "equal-to", "")
	iso, err := oscal.ExportCatalog(iso27002.Catalog2022(), oscal.Options{})
	require.NoError(t, err)
	assert.ErrorIs(t, (*oscal.Catalog)(nil).UnmarshalJSON(iso), ismskit.ErrMissing, "a valid catalog into a nil *Catalog")
}
