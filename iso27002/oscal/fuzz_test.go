package oscal_test

import (
	"os"
	"slices"
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/iso27002/oscal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func addSeeds(f *testing.F, files ...string) {
	for _, name := range files {
		data, err := os.ReadFile("testdata/" + name)
		require.NoError(f, err)
		f.Add(data)
	}
	for _, s := range []string{
		``, `{}`, `null`, `{"catalog":null}`, `{"catalog":{}}`, `[[[[[[]]]]]]`, `{"catalog":{"uuid":"x"}} x`,
		`{"catalog":{"uuid":"9e2a5b7c-3f1d-4e8a-9b6c-2d4f6a8e0c13","metadata":{"title":"T","last-modified":"2024-01-01T00:00:00Z","version":"1","oscal-version":"1.2.1"},` +
			`"groups":[{"title":"G","groups":[{"title":"H","controls":[{"id":"x","title":"X","props":[{"name":"control-id","ns":"https://github.com/ismskit/ns/oscal","value":"5.1"},` +
			`{"name":"security-domain","ns":"https://github.com/ismskit/ns/oscal","value":"Defence"}]}]}]}]}}`,
	} {
		f.Add([]byte(s))
	}
}

// FuzzImportCatalog checks that the importer never panics, and that what
// it accepts survives an export and a second import unchanged.
func FuzzImportCatalog(f *testing.F) {
	addSeeds(f, "nist-800-53r5-excerpt.json", "nist-800-53r5-head.json", "profile-low.json")
	small, err := iso27002.NewCatalog("Small", []iso27002.Control{
		{ID: iso27002.MustParse("5.1"), Title: "Policies", Summary: "S"},
		{ID: iso27002.MustParse("x:y"), Title: "Own", Group: "g"},
	}, iso27002.Group{ID: "g", Title: "G"})
	require.NoError(f, err)
	out, err := oscal.ExportCatalog(small, oscal.Options{LastModified: when})
	require.NoError(f, err)
	f.Add(out)
	f.Fuzz(func(t *testing.T, data []byte) {
		cat, err := oscal.ImportCatalog(data, oscal.ImportOptions{Namespace: "fz"}, ismskit.MaxBytes(1<<20))
		if err != nil {
			require.Nil(t, cat)
			require.NotEmpty(t, ismskit.Problems(err))
			return
		}
		// What was imported is written back and reads back the same.
		enc, err := oscal.EncodeCatalog(cat)
		require.NoError(t, err)
		again, err := oscal.ImportCatalog(enc, oscal.ImportOptions{Namespace: "fz"})
		require.NoError(t, err)
		assert.Equal(t, slices.Collect(cat.ISO27002().Controls()), slices.Collect(again.ISO27002().Controls()))
		// The iso27002 model exports and imports back as itself.
		out, err := oscal.ExportCatalog(cat.ISO27002(), oscal.Options{LastModified: when})
		require.NoError(t, err)
		validate(t, "catalog", out)
		back, err := oscal.ImportCatalog(out, oscal.ImportOptions{Namespace: "other"})
		require.NoError(t, err)
		assert.Equal(t, slices.Collect(cat.ISO27002().Controls()), slices.Collect(back.ISO27002().Controls()))
		assert.Equal(t, slices.Collect(cat.ISO27002().Groups()), slices.Collect(back.ISO27002().Groups()))
	})
}

// FuzzImportProfile checks that the profile importer never panics and
// that a selection it accepts resolves against a catalog without
// panicking.
func FuzzImportProfile(f *testing.F) {
	addSeeds(f, "profile-low.json", "profile-2022.json")
	f.Fuzz(func(t *testing.T, data []byte) {
		sel, err := oscal.ImportProfile(data, oscal.ImportOptions{}, ismskit.MaxBytes(1<<20))
		if err != nil {
			require.Nil(t, sel)
			return
		}
		ids, err := sel.Resolve(iso27002.Catalog2022(), oscal.ImportOptions{})
		if err == nil {
			assert.True(t, slices.IsSortedFunc(ids, iso27002.Compare))
		}
	})
}
