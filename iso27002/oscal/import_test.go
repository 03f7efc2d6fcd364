package oscal_test

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/internal/race"

	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/iso27002/oscal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	require.NoError(t, err)
	return data
}

func TestRoundTripBuiltIns(t *testing.T) {
	acme, err := iso27002.Catalog2022().Extend("ACME controls", []iso27002.Control{
		{ID: iso27002.MustParse("acme:ORG-1"), Title: "Security champions", Theme: iso27002.People, Summary: "One champion per team."},
		{ID: iso27002.MustParse("a:5.1"), Title: "Clashing token", Group: "acme"},
		{ID: iso27002.MustParse("9acme:x/y"), Title: "Odd characters", Attributes: iso27002.Attributes(iso27002.Detective)},
	}, iso27002.Group{ID: "acme", Title: "ACME's own", Summary: "Controls ACME added."})
	require.NoError(t, err)
	overlay, err := iso27002.Catalog2013().WithOverlay(iso27002.Overlay{Controls: map[iso27002.ControlID]iso27002.LicensedText{
		iso27002.MustParse("A.5.1.1"): {Control: "  Licensed statement.\n", Guidance: "Licensed\nguidance.", Other: "More.", Purpose: "Why."},
	}})
	require.NoError(t, err)
	for _, cat := range []*iso27002.Catalog{iso27002.Catalog2022(), iso27002.Catalog2013(), acme, overlay} {
		t.Run(cat.Name(), func(t *testing.T) {
			out, err := oscal.ExportCatalog(cat, oscal.Options{LastModified: when})
			require.NoError(t, err)
			validate(t, "catalog", out)
			back, err := oscal.ImportCatalog(out, oscal.ImportOptions{})
			require.NoError(t, err)
			assert.Equal(t, cat.Name(), back.ISO27002().Name())
			assert.Equal(t, cat.Edition(), back.ISO27002().Edition())
			assert.Equal(t, slices.Collect(cat.Controls()), slices.Collect(back.ISO27002().Controls()))
			assert.Equal(t, slices.Collect(cat.Groups()), slices.Collect(back.ISO27002().Groups()))
			again, err := oscal.ExportCatalog(back.ISO27002(), oscal.Options{LastModified: when})
			require.NoError(t, err)
			assert.Equal(t, string(out), string(again), "export, import, export must be byte-identical")
			enc, err := oscal.EncodeCatalog(back)
			require.NoError(t, err)
			assert.Equal(t, string(out), string(enc), "an imported export is written back as it was")
		})
	}
}

func TestImportNISTShapedCatalog(t *testing.T) {
	data := readFixture(t, "nist-800-53r5-excerpt.json")
	validate(t, "catalog", data)
	cat, err := oscal.ImportCatalog(data, oscal.ImportOptions{Namespace: "nist-800-53r5"})
	require.NoError(t, err)
	assert.Equal(t, "Excerpt in the shape of NIST SP 800-53 Rev 5 (test fixture)", cat.ISO27002().Name())
	var ids []string
	for id := range cat.ISO27002().IDs() {
		ids = append(ids, id.String())
	}
	assert.Equal(t, []string{"nist-800-53r5:ac-1", "nist-800-53r5:ac-2", "nist-800-53r5:ac-2.1", "nist-800-53r5:ac-2.10", "nist-800-53r5:sc-7"}, ids)
	ac1, ok := cat.ISO27002().Lookup(iso27002.MustParse("nist-800-53r5:ac-1"))
	require.True(t, ok)
	assert.Equal(t, "Policy and Procedures", ac1.Title)
	assert.Equal(t, "ac", ac1.Group)
	assert.Equal(t, "a. Develop and keep an access control policy.\nb. Review it regularly.", ac1.Text.Control)
	assert.Equal(t, "Policy guidance in the test's words.", ac1.Text.Guidance)
	enh, ok := cat.ISO27002().Lookup(iso27002.MustParse("nist-800-53r5:ac-2.1"))
	require.True(t, ok)
	assert.Equal(t, "ac", enh.Group, "an enhancement sits in its control's group")
	assert.Equal(t, []iso27002.Group{{ID: "ac", Title: "Access Control"}, {ID: "sc", Title: "System and Communications Protection"}}, slices.Collect(cat.ISO27002().Groups()))
	assert.Equal(t, 2, cat.ISO27002().Count(iso27002.InGroup("ac"), iso27002.Matching("account")), "ac-2.10 is withdrawn")
	assert.Equal(t, 3, cat.ISO27002().Count(iso27002.InGroup("ac"), iso27002.Matching("account"), iso27002.IncludeWithdrawn()))

	def, err := oscal.ImportCatalog(data, oscal.ImportOptions{})
	require.NoError(t, err)
	assert.True(t, def.ISO27002().Has(iso27002.MustParse("oscal:sc-7")), "the default namespace is oscal")
}

func TestImportErrors(t *testing.T) {
	const meta = `"metadata":{"title":"T","last-modified":"2024-01-01T00:00:00Z","version":"1","oscal-version":"1.2.1"}`
	const uuid = `"uuid":"9e2a5b7c-3f1d-4e8a-9b6c-2d4f6a8e0c13"`
	tests := []struct {
		name  string
		in    string
		opts  oscal.ImportOptions
		kind  error
		limit ismskit.DecodeOption
		paths []string
	}{
		{"syntax", `{"catalog":`, oscal.ImportOptions{}, ismskit.ErrSyntax, nil, []string{""}}, // a problem in the bytes has an offset, not a path
		{"trailing", `{"catalog":{` + uuid + `,` + meta + `}} {}`, oscal.ImportOptions{}, ismskit.ErrTrailingData, nil, []string{""}},
		{"no catalog", `{}`, oscal.ImportOptions{}, ismskit.ErrMissing, nil, []string{"catalog"}},
		{"unknown field", `{"catalog":{` + uuid + `,` + meta + `,"controls":[{"id":"x","title":"X","tittle":"y"}]}}`, oscal.ImportOptions{}, ismskit.ErrUnknownField, nil, []string{"catalog.controls[0].tittle"}},
		{"wrong type", `{"catalog":{` + uuid + `,` + meta + `,"groups":[{"title":7}]}}`, oscal.ImportOptions{}, ismskit.ErrType, nil, []string{"catalog.groups[0].title"}},
		{"missing metadata and bad uuid", `{"catalog":{"uuid":"x"}}`, oscal.ImportOptions{}, oscal.ErrInvalid, nil, []string{"catalog.uuid", "catalog.metadata"}},
		{"missing title and id", `{"catalog":{` + uuid + `,` + meta + `,"groups":[{"controls":[{"title":"","id":""}]}]}}`, oscal.ImportOptions{}, oscal.ErrInvalid, nil,
			[]string{"catalog.groups[0].title", "catalog.groups[0].controls[0].id", "catalog.groups[0].controls[0].title"}},
		{"not a token", `{"catalog":{` + uuid + `,` + meta + `,"controls":[{"id":"5.1","title":"X"}]}}`, oscal.ImportOptions{}, ismskit.ErrInvalidID, nil, []string{"catalog.controls[0].id"}},
		{"duplicate", `{"catalog":{` + uuid + `,` + meta + `,"groups":[{"id":"g","title":"G","controls":[{"id":"x","title":"X"},{"id":"g","title":"Y","controls":[{"id":"x","title":"Z"}]}]}]}}`, oscal.ImportOptions{},
			ismskit.ErrDuplicateID, nil, []string{"catalog.groups[0].controls[1].id", "catalog.groups[0].controls[1].controls[0].id"}},
		{"bad prop", `{"catalog":{` + uuid + `,` + meta + `,"controls":[{"id":"x","title":"X","props":[{"name":"a b","value":" v"}]}]}}`, oscal.ImportOptions{}, oscal.ErrInvalid, nil,
			[]string{"catalog.controls[0].props[0].name", "catalog.controls[0].props[0].value"}},
		{"our attribute unknown", `{"catalog":{` + uuid + `,` + meta + `,"controls":[{"id":"x","title":"X","props":[{"name":"control-type","ns":"https://github.com/ismskit/ns/oscal","value":"Confidentiality"}]}]}}`, oscal.ImportOptions{}, ismskit.ErrUnknownValue, nil,
			[]string{"catalog.controls[0].props[0].value"}},
		{"duplicate restored id", `{"catalog":{` + uuid + `,` + meta + `,"controls":[` +
			`{"id":"a","title":"X","props":[{"name":"control-id","ns":"https://github.com/ismskit/ns/oscal","value":"5.1"}]},` +
			`{"id":"b","title":"Y","props":[{"name":"control-id","ns":"https://github.com/ismskit/ns/oscal","value":"5.1"}]}]}}`, oscal.ImportOptions{}, ismskit.ErrDuplicateID, nil,
			[]string{"catalog.controls[1].id"}},
		{"too big", `{"catalog":{}}`, oscal.ImportOptions{}, ismskit.ErrTooLarge, ismskit.MaxBytes(5), []string{""}},
		{"too deep", strings.Repeat("[", 20) + strings.Repeat("]", 20), oscal.ImportOptions{}, ismskit.ErrTooDeep, ismskit.MaxDepth(10), []string{"", ""}},
		{"bad namespace", `{"catalog":{` + uuid + `,` + meta + `}}`, oscal.ImportOptions{Namespace: "a b"}, ismskit.ErrInvalidID, nil, []string{"options.namespace"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cat, err := oscal.ImportCatalog([]byte(tt.in), tt.opts, tt.limit)
			require.Error(t, err)
			assert.Nil(t, cat)
			assert.ErrorIs(t, err, tt.kind)
			if tt.paths != nil {
				assert.Equal(t, tt.paths, paths(err), err.Error())
			}
		})
	}
}

// paths lists the paths of every *ismskit.Error in err, in order.
func paths(err error) []string {
	return fielderr.Paths(err)
}

func TestProfile(t *testing.T) {
	cat, err := oscal.ImportCatalog(readFixture(t, "nist-800-53r5-excerpt.json"), oscal.ImportOptions{Namespace: "nist-800-53r5"})
	require.NoError(t, err)
	data := readFixture(t, "profile-low.json")
	validate(t, "profile", data)
	sel, err := oscal.ImportProfile(data, oscal.ImportOptions{})
	require.NoError(t, err)
	assert.Equal(t, "A test baseline", sel.Title)
	require.Len(t, sel.Imports, 1)
	assert.Equal(t, "nist-800-53r5-excerpt.json", sel.Imports[0].Href)
	ids, err := sel.Resolve(cat.ISO27002(), oscal.ImportOptions{Namespace: "nist-800-53r5"})
	require.NoError(t, err)
	assert.Equal(t, []iso27002.ControlID{
		iso27002.MustParse("nist-800-53r5:ac-2"), iso27002.MustParse("nist-800-53r5:ac-2.1"), iso27002.MustParse("nist-800-53r5:sc-7"),
	}, ids)

	_, err = sel.Resolve(iso27002.Catalog2022(), oscal.ImportOptions{})
	assert.ErrorIs(t, err, ismskit.ErrUnknownControl)
	assert.Equal(t, []string{`profile.imports[0]["include-controls"][0]["with-ids"][0]`, `profile.imports[0]["exclude-controls"][0]["with-ids"][0]`}, paths(err))

	t.Run("export and back", func(t *testing.T) {
		want := []iso27002.ControlID{iso27002.MustParse("8.8"), iso27002.MustParse("5.1"), iso27002.MustParse("5.1"), iso27002.MustParse("5.10")}
		out, err := oscal.ExportProfile("Applicable controls", "iso27002-2022.json", want, oscal.Options{LastModified: when})
		require.NoError(t, err)
		validate(t, "profile", out)
		golden(t, "profile-2022.json", out)
		sel, err := oscal.ImportProfile(out, oscal.ImportOptions{})
		require.NoError(t, err)
		got, err := sel.Resolve(iso27002.Catalog2022(), oscal.ImportOptions{})
		require.NoError(t, err)
		assert.Equal(t, []iso27002.ControlID{iso27002.MustParse("5.1"), iso27002.MustParse("5.10"), iso27002.MustParse("8.8")}, got)
	})

	t.Run("include-all", func(t *testing.T) {
		in := `{"profile":{"uuid":"1c9a7e3b-5d2f-4a6b-8e0c-7f3d9b1a5c24","metadata":{"title":"All","last-modified":"2024-01-01T00:00:00Z","version":"1","oscal-version":"1.2.1"},` +
			`"imports":[{"href":"c.json","include-all":{},"exclude-controls":[{"matching":[{"pattern":"a.5.*"}]}]}]}}`
		validate(t, "profile", []byte(in))
		sel, err := oscal.ImportProfile([]byte(in), oscal.ImportOptions{})
		require.NoError(t, err)
		got, err := sel.Resolve(iso27002.Catalog2022(), oscal.ImportOptions{})
		require.NoError(t, err)
		assert.Len(t, got, 93-37)
	})

	t.Run("errors", func(t *testing.T) {
		for in, want := range map[string][]string{
			`{"profile":{"uuid":"x","imports":[]}}`: {"profile.uuid", "profile.metadata", "profile.imports"},
			`{"profile":{"uuid":"1c9a7e3b-5d2f-4a6b-8e0c-7f3d9b1a5c24","metadata":{"title":"A","last-modified":"x","version":"1","oscal-version":"1"},"imports":[{"href":"","include-controls":[{"with-child-controls":"maybe","with-ids":["1x"],"matching":[{"pattern":"["}]}]}]}}`: {
				`profile.metadata["last-modified"]`, "profile.imports[0].href", `profile.imports[0]["include-controls"][0]["with-child-controls"]`,
				`profile.imports[0]["include-controls"][0]["with-ids"][0]`, `profile.imports[0]["include-controls"][0].matching[0].pattern`},
			`{"profile":{"uuid":"1c9a7e3b-5d2f-4a6b-8e0c-7f3d9b1a5c24","metadata":{"title":"A","last-modified":"2024-01-01T00:00:00Z","version":"1","oscal-version":"1"},"imports":[{"href":"h"}]}}`: {"profile.imports[0]"},
			`{"profile":{"imports":[{"hrefs":"h"}]}}`: {"profile.imports[0].hrefs"},
			`{"catalog":{}}`: {"catalog"},
		} {
			_, err := oscal.ImportProfile([]byte(in), oscal.ImportOptions{})
			require.Error(t, err, in)
			assert.Equal(t, want, paths(err), in)
		}
	})
}

func TestImportLarge(t *testing.T) {
	// 20,000 controls in 100 groups: imported in one pass, well within the
	// default limits. Under the race detector, 5,000 (50 a group), four
	// times NIST's catalog and still far within the limits (300 kB of 32
	// MiB): the import is sequential code, in which the race detector has
	// nothing to find, and there the 20,000 cost over a second of CPU.
	perGroup := 200
	if race.Enabled {
		perGroup = 50
	}
	var b strings.Builder
	b.WriteString(`{"catalog":{"uuid":"9e2a5b7c-3f1d-4e8a-9b6c-2d4f6a8e0c13","metadata":{"title":"Big","last-modified":"2024-01-01T00:00:00Z","version":"1","oscal-version":"1.2.1"},"groups":[`)
	for g := range 100 {
		if g > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"id":"g%d","title":"G%d","controls":[`, g, g)
		for c := range perGroup {
			if c > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, `{"id":"c%d-%d","title":"Control %d of %d"}`, g, c, c, g)
		}
		b.WriteString("]}")
	}
	b.WriteString("]}}")
	cat, err := oscal.ImportCatalog([]byte(b.String()), oscal.ImportOptions{Namespace: "big"})
	require.NoError(t, err)
	assert.Equal(t, 100*perGroup, cat.ISO27002().Len())
	assert.Equal(t, perGroup, cat.ISO27002().Count(iso27002.InGroup("g42")))

	_, err = oscal.ImportCatalog([]byte(strings.Repeat("[", 20000)), oscal.ImportOptions{}, ismskit.MaxDepth(-1))
	assert.ErrorIs(t, err, ismskit.ErrTooDeep, "nesting is capped even without a depth limit")
}

// TestImportNISTCatalogHead reads the beginning of NIST's own SP 800-53
// Rev. 5 OSCAL catalog (usnistgov/oscal-content, commit 235815eb,
// nist.gov/SP800-53/rev5/json/NIST_SP-800-53_rev5_catalog.json): its
// metadata, with parties and addresses, and controls AC-1 and AC-2 with
// their parameters, links and nested statement items, exactly as NIST
// structures them. The prose is elided and AC-2 cut short, and back
// matter is left out.
func TestImportNISTCatalogHead(t *testing.T) {
	data := readFixture(t, "nist-800-53r5-head.json")
	validate(t, "catalog", data)
	cat, err := oscal.ImportCatalog(data, oscal.ImportOptions{Namespace: "nist-800-53r5"})
	require.NoError(t, err)
	assert.Equal(t, 2, cat.ISO27002().Len())
	ac1, ok := cat.ISO27002().Lookup(iso27002.MustParse("nist-800-53r5:ac-1"))
	require.True(t, ok)
	assert.Equal(t, "Policy and Procedures", ac1.Title)
	assert.Equal(t, "ac", ac1.Group)
	assert.Equal(t, strings.Join([]string{
		"a. [elided] [Assignment: organization-defined personnel or roles]:",
		"1. [Selection (one or more): Organization-level; Mission/business process-level; System-level] [elided]:",
		"(a) [elided]", "(b) [elided]", "2. [elided]",
		"b. [elided] [Assignment: organization-defined official] [elided]",
		"c. [elided]:",
		"1. [elided] [Assignment: organization-defined frequency] [elided] [Assignment: organization-defined events]",
		"2. [elided] [Assignment: organization-defined frequency] [elided] [Assignment: organization-defined events]",
	}, "\n"), ac1.Text.Control)
	assert.Equal(t, "[guidance elided]", ac1.Text.Guidance)
}

// TestImportWithdrawnRev4 reads a withdrawn control as SP 800-53 rev 4's
// OSCAL writes it: status "Withdrawn", capitalised.
func TestImportWithdrawnRev4(t *testing.T) {
	doc := `{"catalog":{"uuid":"9e2a5b7c-3f1d-4e8a-9b6c-2d4f6a8e0c13","metadata":{"title":"Rev 4","last-modified":"2024-01-01T00:00:00Z","version":"1","oscal-version":"1.1.1"},
	  "controls":[{"id":"ac-6","title":"Least Privilege"},
	    {"id":"ac-3.1","title":"Restricted Access","props":[{"name":"status","value":"Withdrawn"}],"links":[{"href":"#ac-6","rel":"incorporated-into"}]}]}}`
	cat, err := oscal.ImportCatalog([]byte(doc), oscal.ImportOptions{Namespace: "r4"})
	require.NoError(t, err)
	ctl, ok := cat.ISO27002().Lookup(iso27002.MustParse("r4:ac-3.1"))
	require.True(t, ok)
	assert.True(t, ctl.Withdrawn)
	assert.Equal(t, []iso27002.ControlID{iso27002.MustParse("r4:ac-6")}, ctl.MovedTo)
	assert.Equal(t, 1, cat.ISO27002().Count())
}
