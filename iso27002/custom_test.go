package iso27002

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
)

// product is Catalog2022 with a product's own controls, as its data
// spells them and with namespaces.
func product(t *testing.T) *Catalog {
	t.Helper()
	cat, err := Catalog2022().Extend("ISO/IEC 27002:2022 and Parcelio controls", []Control{
		{ID: MustParse("CLOUD-1"), Title: "Tenant isolation", Group: "CLOUD"},
		{ID: MustParse("CLOUD-2"), Title: "Customer-managed keys", Group: "CLOUD"},
		{ID: MustParse("hr:ONB-1"), Title: "Onboarding checklist"},
		{ID: MustParse("a:KEY-1"), Title: "Key escrow"},
		{ID: MustParse("b:KEY-1"), Title: "Key rotation"},
		{ID: MustParse("b:CLOUD-1"), Title: "Shadowed by the unnamespaced CLOUD-1"},
	}, Group{ID: "CLOUD", Title: "Cloud controls"})
	require.NoError(t, err)
	return cat
}

func TestCatalogParse(t *testing.T) {
	cat := product(t)
	tests := []struct {
		in      string
		want    string
		wantErr error
		wantMsg string
	}{
		{in: "5.1", want: "5.1"},
		{in: "A.5.1", want: "5.1"},
		{in: "CLOUD-1", want: "CLOUD-1"},
		{in: "b:CLOUD-1", want: "b:CLOUD-1"},
		{in: "ONB-1", want: "hr:ONB-1"},
		{in: "hr:ONB-1", want: "hr:ONB-1"},
		{in: "a:KEY-1", want: "a:KEY-1"},
		{in: "KEY-1", wantErr: ErrAmbiguousID, wantMsg: `"KEY-1" may be any of a:KEY-1, b:KEY-1: give its namespace`},
		{in: "A.5.1.1", wantErr: ismskit.ErrUnknownControl, wantMsg: "A.5.1.1 is not in ISO/IEC 27002:2022 and Parcelio controls"},
		{in: "CLOUD-3", wantErr: ismskit.ErrUnknownControl},
		{in: "hr:ONB-2", wantErr: ismskit.ErrUnknownControl},
		{in: "5.99", wantErr: ismskit.ErrUnknownControl, wantMsg: `control ID "5.99"`},
		{in: "CLOUD 1", wantErr: ismskit.ErrInvalidID},
		{in: "", wantErr: ismskit.ErrInvalidID},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			id, err := cat.Parse(tt.in)
			if tt.wantErr != nil {
				assert.ErrorIs(t, err, tt.wantErr)
				if tt.wantMsg != "" {
					assert.ErrorContains(t, err, tt.wantMsg)
				}
				assert.Equal(t, ControlID{}, id)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, id.String())
			assert.True(t, cat.Has(id))
		})
	}
	// A built-in catalog parses its own IDs and nothing else.
	id, err := Catalog2013().Parse("5.1.1")
	require.NoError(t, err)
	assert.Equal(t, "A.5.1.1", id.String())
	_, err = Catalog2013().Parse("5.1")
	assert.ErrorIs(t, err, ismskit.ErrUnknownControl)
	_, err = (*Catalog)(nil).Parse("5.1")
	assert.ErrorContains(t, err, "5.1 is not in the catalog")
}

func TestCatalogFor(t *testing.T) {
	cat := product(t)
	other, err := NewCatalog("other", []Control{{ID: MustParse("x:1"), Title: "x"}})
	require.NoError(t, err)
	tests := []struct {
		name       string
		ids        []string
		candidates []*Catalog
		want       *Catalog
		wantErr    error
		wantMsg    string
	}{
		{name: "none", want: Catalog2022()},
		{name: "2022", ids: []string{"5.1", "8.8"}, want: Catalog2022()},
		{name: "2013", ids: []string{"A.5.1.1"}, want: Catalog2013()},
		{name: "2022 with candidates", ids: []string{"5.1"}, candidates: []*Catalog{nil, other, cat}, want: cat},
		{name: "custom", ids: []string{"5.1", "CLOUD-1"}, candidates: []*Catalog{other, cat}, want: cat},
		{name: "first that fits", ids: []string{"x:1"}, candidates: []*Catalog{cat, other}, want: other},
		{name: "2013 outside the candidates", ids: []string{"A.5.1.1"}, candidates: []*Catalog{cat}, want: Catalog2013()},
		{name: "custom without a catalog", ids: []string{"5.1", "CLOUD-1", "CLOUD-9"}, candidates: []*Catalog{cat},
			wantErr: ismskit.ErrUnknownControl, wantMsg: "(CLOUD-9): CLOUD-9 is in none of the catalogs given"},
		{name: "both editions", ids: []string{"5.1", "A.5.1.1", "6.1"},
			wantErr: ismskit.ErrInconsistent, wantMsg: "controls of both editions (A.5.1.1 of 2013, 5.1 of 2022)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := CatalogFor(slices.Values(append(ids(tt.ids...), ControlID{})), tt.candidates...)
			if tt.wantErr != nil {
				assert.ErrorIs(t, err, tt.wantErr)
				assert.ErrorContains(t, err, tt.wantMsg)
				assert.Nil(t, got)
				return
			}
			require.NoError(t, err)
			assert.Same(t, tt.want, got)
		})
	}
	got, err := CatalogFor(nil)
	require.NoError(t, err)
	assert.Same(t, Catalog2022(), got)
}

// TestExtendedCatalogKeepsEdition checks the edition of an extended
// catalog through every way it is made and read back.
func TestExtendedCatalogKeepsEdition(t *testing.T) {
	cat := product(t)
	assert.Equal(t, Edition2022, cat.Edition())
	b, err := EncodeCatalog(cat)
	require.NoError(t, err)
	back, err := DecodeCatalog(b)
	require.NoError(t, err)
	assert.Equal(t, Edition2022, back.Edition())
	assert.Contains(t, string(b), `"edition": "2022"`)
	// A catalog written as "custom" by an older version still decodes.
	old, err := DecodeCatalog([]byte(`{"name":"x","edition":"custom","controls":[{"id":"5.1","title":"t"},{"id":"acme:1","title":"u"}]}`))
	require.NoError(t, err)
	assert.Equal(t, Edition2022, old.Edition())
	// Overlays keep it too.
	withText, err := cat.WithOverlay(Overlay{Controls: map[ControlID]LicensedText{MustParse("CLOUD-1"): {Control: "ours"}}})
	require.NoError(t, err)
	assert.Equal(t, Edition2022, withText.Edition())
	c, _ := withText.Lookup(MustParse("CLOUD-1"))
	assert.Equal(t, "ours", c.Text.Control)
	_, ok := withText.Parse("ONB-1")
	assert.NoError(t, ok)
}

// FuzzCatalogParse checks that Catalog.Parse never panics, fails with a
// typed error, and returns only IDs the catalog holds, which parse back
// to themselves.
func FuzzCatalogParse(f *testing.F) {
	for _, s := range []string{"5.1", "A.5.1", "CLOUD-1", "ONB-1", "KEY-1", "b:CLOUD-1", "hr:ONB-2", "A.5.1.1", "", ":", "A.", "a:"} {
		f.Add(s)
	}
	cat, err := Catalog2022().Extend("fuzz", []Control{
		{ID: MustParse("CLOUD-1"), Title: "x"}, {ID: MustParse("hr:ONB-1"), Title: "x"},
		{ID: MustParse("a:KEY-1"), Title: "x"}, {ID: MustParse("b:KEY-1"), Title: "x"}, {ID: MustParse("b:CLOUD-1"), Title: "x"},
	})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, err := cat.Parse(s)
		if err != nil {
			if id.IsValid() || ismskit.Problems(err)[0].Kind() == nil {
				t.Fatalf("Parse(%q) = %v, %v", s, id, err)
			}
			return
		}
		if !cat.Has(id) {
			t.Fatalf("Parse(%q) = %v, which the catalog does not hold", s, id)
		}
		if back, err := cat.Parse(id.String()); err != nil || back != id {
			t.Fatalf("Parse(%q) = %v, but %v parses as %v, %v", s, id, id, back, err)
		}
	})
}
