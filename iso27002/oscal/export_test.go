package oscal_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/iso27002/oscal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestExportBuiltInsValidate(t *testing.T) {
	for name, cat := range map[string]*iso27002.Catalog{"2022": iso27002.Catalog2022(), "2013": iso27002.Catalog2013()} {
		t.Run(name, func(t *testing.T) {
			out, err := oscal.ExportCatalog(cat, oscal.Options{LastModified: when})
			require.NoError(t, err)
			validate(t, "catalog", out)
			golden(t, "iso27002-"+name+".json", out)
		})
	}
	t.Run("clauses", func(t *testing.T) {
		out, err := oscal.ExportClauses(iso27001.Latest(), oscal.Options{LastModified: when})
		require.NoError(t, err)
		validate(t, "catalog", out)
		golden(t, "iso27001-2022-clauses.json", out)
	})
	t.Run("mapping", func(t *testing.T) {
		out, err := oscal.ExportCorrespondence(oscal.MappingOptions{Options: oscal.Options{LastModified: when}})
		require.NoError(t, err)
		validate(t, "mapping", out)
		golden(t, "iso27002-2013-to-2022.json", out)
	})
}

func TestExportDeterministic(t *testing.T) {
	a, err := oscal.ExportCatalog(iso27002.Catalog2022(), oscal.Options{LastModified: when})
	require.NoError(t, err)
	b, err := oscal.ExportCatalog(iso27002.Catalog2022(), oscal.Options{LastModified: when})
	require.NoError(t, err)
	assert.Equal(t, a, b)

	later := time.Date(2026, 3, 1, 12, 30, 0, 0, time.FixedZone("CET", 3600))
	c, err := oscal.ExportCatalog(iso27002.Catalog2022(), oscal.Options{LastModified: later, Version: "2026.1"})
	require.NoError(t, err)
	validate(t, "catalog", c)
	assert.Contains(t, string(c), `"last-modified": "2026-03-01T11:30:00Z"`)
	assert.Contains(t, string(c), `"version": "2026.1"`)
	assert.NotEqual(t, uuidOf(t, a), uuidOf(t, c), "a new revision gets a new document UUID")

	m1, err := oscal.ExportCorrespondence(oscal.MappingOptions{Options: oscal.Options{LastModified: when}})
	require.NoError(t, err)
	m2, err := oscal.ExportCorrespondence(oscal.MappingOptions{Options: oscal.Options{LastModified: when}, SourceHref: "https://example.org/2013.json", TargetHref: "https://example.org/2022.json"})
	require.NoError(t, err)
	validate(t, "mapping", m2)
	assert.NotEqual(t, uuidOf(t, m1), uuidOf(t, m2))
}

func uuidOf(t *testing.T, doc []byte) string {
	t.Helper()
	var v map[string]map[string]any
	require.NoError(t, json.Unmarshal(doc, &v))
	for _, root := range v {
		return root["uuid"].(string)
	}
	return ""
}

func TestExportErrors(t *testing.T) {
	_, err := oscal.ExportCatalog(nil, oscal.Options{LastModified: when})
	assert.ErrorIs(t, err, ismskit.ErrNotEncodable)
	_, err = oscal.ExportClauses(nil, oscal.Options{LastModified: when})
	assert.ErrorIs(t, err, ismskit.ErrNotEncodable)

	bad, err := iso27002.NewCatalog("Two\nlines", []iso27002.Control{
		{ID: iso27002.MustParse("x:1"), Title: "multi\nline"},
		{ID: iso27002.MustParse("x:2"), Title: "ok", Group: " g", AnnexATitle: "t "},
	}, iso27002.Group{ID: "g", Title: "a\nb"}, iso27002.Group{ID: " g", Title: "G"})
	require.NoError(t, err)
	_, err = oscal.ExportCatalog(bad, oscal.Options{LastModified: when})
	assert.ErrorIs(t, err, ismskit.ErrNotEncodable)
	assert.Equal(t, []string{"metadata.title"}, paths(err))

	named, err := iso27002.NewCatalog("N", nil)
	require.NoError(t, err)
	_, err = oscal.ExportCatalog(named, oscal.Options{Version: " 1"})
	assert.Equal(t, []string{"options.lastModified", "options.version"}, paths(err))
	assert.ErrorIs(t, err, ismskit.ErrMissing, "no date is invented")
	_, err = oscal.ExportCatalog(named, oscal.Options{LastModified: time.Date(1800, 1, 1, 0, 0, 0, 0, time.UTC)})
	assert.ErrorIs(t, err, ismskit.ErrOutOfRange)

	bad2, err := iso27002.NewCatalog("N", []iso27002.Control{
		{ID: iso27002.MustParse("x:1"), Title: "multi\nline"},
		{ID: iso27002.MustParse("x:2"), Title: "ok", Group: " g", AnnexATitle: "t "},
	}, iso27002.Group{ID: "g", Title: "a\nb"})
	require.NoError(t, err)
	_, err = oscal.ExportCatalog(bad2, oscal.Options{LastModified: when})
	assert.ErrorIs(t, err, ismskit.ErrNotEncodable)
	assert.Equal(t, []string{"groups[0].title", "controls[0].title", "controls[1].group", "controls[1].annexATitle"}, paths(err))

	_, err = oscal.ExportProfile("P", "", []iso27002.ControlID{iso27002.MustParse("5.1")}, oscal.Options{LastModified: when})
	assert.ErrorIs(t, err, ismskit.ErrMissing)
	_, err = oscal.ExportProfile("P", "c.json", nil, oscal.Options{LastModified: when})
	assert.ErrorIs(t, err, ismskit.ErrNotEncodable)
	_, err = oscal.ExportProfile("P", "c.json", []iso27002.ControlID{{}}, oscal.Options{LastModified: when})
	assert.Equal(t, []string{"ids[0]"}, paths(err))
}

func TestExportClauses2013(t *testing.T) {
	out, err := oscal.ExportClauses(iso27001.MustNew(iso27001.Edition2013), oscal.Options{LastModified: when})
	require.NoError(t, err)
	validate(t, "catalog", out)
	cat, err := oscal.ImportCatalog(out, oscal.ImportOptions{Namespace: "iso27001-2013"})
	require.NoError(t, err)
	ctl, ok := cat.ISO27002().Lookup(iso27002.MustParse("iso27001-2013:c.6.1.3"))
	require.True(t, ok)
	assert.Equal(t, "c.6", ctl.Group)
	assert.NotEmpty(t, ctl.Summary)
}

func TestExportGroupCycle(t *testing.T) {
	cyc, err := iso27002.NewCatalog("Cycle", []iso27002.Control{{ID: iso27002.MustParse("x:1"), Title: "One", Group: "a"}},
		iso27002.Group{ID: "a", Title: "A", Parent: "b"}, iso27002.Group{ID: "b", Title: "B", Parent: "a"}, iso27002.Group{ID: "c", Title: "C"})
	if err != nil {
		t.Skip("iso27002.NewCatalog now rejects cycles of group parents")
	}
	_, err = oscal.ExportCatalog(cyc, oscal.Options{LastModified: when})
	assert.ErrorIs(t, err, ismskit.ErrNotEncodable)
	assert.Equal(t, []string{"groups[0].parent", "groups[1].parent"}, paths(err))
}

// TestExportRemark checks that only a catalog with ISO's controls carries
// the remark about ISO's copyright.
func TestExportRemark(t *testing.T) {
	own, err := iso27002.NewCatalog("ACME", []iso27002.Control{{ID: iso27002.MustParse("acme:1"), Title: "One"}})
	require.NoError(t, err)
	out, err := oscal.ExportCatalog(own, oscal.Options{LastModified: when})
	require.NoError(t, err)
	assert.NotContains(t, string(out), "ISO")
	nist := importNIST(t)
	out, err = oscal.ExportCatalog(nist.ISO27002(), oscal.Options{LastModified: when})
	require.NoError(t, err)
	validate(t, "catalog", out)
	assert.NotContains(t, string(out), "copyrighted by ISO")
	out, err = oscal.ExportCatalog(iso27002.Catalog2022(), oscal.Options{})
	require.NoError(t, err)
	assert.Contains(t, string(out), "copyrighted by ISO")
	assert.Contains(t, string(out), `"last-modified": "2022-02-01T00:00:00Z"`, "the edition's own date")
}
