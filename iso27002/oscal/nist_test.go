package oscal_test

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/iso27002/oscal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The tests of this file use NIST's own SP 800-53 rev 5 content
// (testdata/nist, see its README.md).

const (
	nistCatalog = "nist/NIST_SP-800-53_rev5_catalog.json"
	nistPrivacy = "nist/NIST_SP-800-53_rev5.1.1_PRIVACY-baseline-resolved-profile_catalog-min.json"
)

// nistDoc is one catalog of testdata/nist as the tests read it: its bytes
// and the Catalog ImportCatalog makes of them (namespace "nist"), then
// EncodeCatalog's export of that Catalog and the export imported again.
// Each is made once, when a test first needs it, for every test of the
// package: NIST's catalog is 3 MB, and each import or export of it a
// good part of a second of CPU under the race detector. A Catalog is
// immutable (and the tests only read the bytes), so no test can change
// what another one reads.
type nistDoc struct {
	name                   string
	importOnce, exportOnce sync.Once
	raw                    []byte
	cat                    *oscal.Catalog
	importErr              error
	out                    []byte         // EncodeCatalog(cat)
	back                   *oscal.Catalog // out, imported
	exportErr              error
}

var nistDocs sync.Map // file name in testdata -> *nistDoc

func nistFile(name string) *nistDoc {
	d, _ := nistDocs.LoadOrStore(name, &nistDoc{name: name})
	return d.(*nistDoc)
}

// importNIST returns NIST's SP 800-53 rev 5 catalog, imported.
func importNIST(t testing.TB) *oscal.Catalog {
	t.Helper()
	_, cat := readNIST(t, nistCatalog)
	return cat
}

// readNIST returns the bytes of testdata/name and the Catalog
// ImportCatalog makes of them.
func readNIST(t testing.TB, name string) ([]byte, *oscal.Catalog) {
	t.Helper()
	d := nistFile(name)
	d.importOnce.Do(func() {
		if d.raw, d.importErr = os.ReadFile("testdata/" + name); d.importErr == nil {
			d.cat, d.importErr = oscal.ImportCatalog(d.raw, oscal.ImportOptions{Namespace: "nist"})
		}
	})
	require.NoError(t, d.importErr, name)
	return d.raw, d.cat
}

// exportNIST returns EncodeCatalog's export of testdata/name as
// readNIST imports it, and the export imported again.
func exportNIST(t testing.TB, name string) ([]byte, *oscal.Catalog) {
	t.Helper()
	_, cat := readNIST(t, name)
	d := nistFile(name)
	d.exportOnce.Do(func() {
		if d.out, d.exportErr = oscal.EncodeCatalog(cat); d.exportErr == nil {
			d.back, d.exportErr = oscal.ImportCatalog(d.out, oscal.ImportOptions{Namespace: "nist"})
		}
	})
	require.NoError(t, d.exportErr, name)
	return d.out, d.back
}

func TestNISTCatalog(t *testing.T) {
	data, nist := readNIST(t, nistCatalog)
	validate(t, "catalog", data)
	cat := nist.ISO27002()
	assert.Equal(t, "5.0.1", nist.Version())
	assert.Equal(t, "1.0.0", nist.OSCALVersion())
	assert.Equal(t, "2021-06-08T17:57:33Z", nist.LastModified().UTC().Format("2006-01-02T15:04:05Z"))
	assert.Equal(t, 1189, cat.Len())
	assert.Equal(t, 1189-182, cat.Count(), "182 controls are withdrawn")
	assert.Equal(t, 182, cat.Count(iso27002.IncludeWithdrawn(), iso27002.FilterFunc(func(c iso27002.Control) bool { return c.Withdrawn })))

	// Withdrawn controls say where they went: to a control, or to an item
	// of another control's statement (ac-2.10 into ac-2_smt.k).
	for id, want := range map[string][]string{
		"nist:ac-2.10": {"nist:ac-2"},
		"nist:ac-3.6":  {"nist:mp-4", "nist:sc-28"},
		"nist:ac-13":   {"nist:ac-2", "nist:au-6"},
	} {
		ctl, ok := cat.Lookup(iso27002.MustParse(id))
		require.True(t, ok, id)
		assert.True(t, ctl.Withdrawn, id)
		var got []string
		for _, m := range ctl.MovedTo {
			got = append(got, m.String())
		}
		assert.Equal(t, want, got, id)
	}
	for ctl := range cat.Search("account") {
		assert.False(t, ctl.Withdrawn, "search leaves withdrawn controls out: %s", ctl.ID)
	}

	// Enhancements nest in their base control; labels and sort ids are
	// kept.
	info, ok := nist.Info(iso27002.MustParse("nist:ac-2.1"))
	require.True(t, ok)
	assert.Equal(t, oscal.ControlInfo{ID: iso27002.MustParse("nist:ac-2.1"), OSCALID: "ac-2.1", Class: "SP800-53-enhancement",
		Label: "AC-2(1)", SortID: "ac-02.01", Parent: iso27002.MustParse("nist:ac-2"), Group: "ac"}, info)
	id, ok := nist.IDOf("sc-7.24")
	assert.True(t, ok)
	assert.Equal(t, "nist:sc-7.24", id.String())

	// Parameters: every one is kept, and every insertion in the text
	// resolves (1,196 placeholders).
	params, inserts := 0, 0
	for ctl := range cat.Controls() {
		params += len(nist.Params(ctl.ID))
		assert.NotContains(t, ctl.Text.Control, "{{", "%s: every insertion is resolved", ctl.ID)
		st, err := nist.Statement(ctl.ID, nil)
		require.NoError(t, err)
		assert.Equal(t, ctl.Text.Control, st)
	}
	inserts = strings.Count(string(data), "{{ insert: param,")
	assert.Equal(t, 1258, params)
	assert.Positive(t, inserts)
	p, ok := nist.Param("ac-2_prm_1")
	require.True(t, ok)
	assert.Equal(t, oscal.Param{ID: "ac-2_prm_1", Label: "organization-defined prerequisites and criteria"}, p)
	p, ok = nist.Param("ac-4.4_prm_3")
	require.True(t, ok)
	assert.Equal(t, "ac-4.4_prm_2", p.DependsOn)
	sel, ok := nist.Param("ac-1_prm_2")
	require.True(t, ok)
	assert.Equal(t, "one-or-more", sel.HowMany)
	assert.Equal(t, []string{"Organization-level", "Mission/business process-level", "System-level"}, sel.Choice)
}

// jsonDiff lists, field by field, where two JSON documents differ.
func jsonDiff(a, b any, path string, out *[]string) {
	switch av := a.(type) {
	case map[string]any:
		bv, ok := b.(map[string]any)
		if !ok {
			*out = append(*out, path+": not both objects")
			return
		}
		keys := map[string]bool{}
		for k := range av {
			keys[k] = true
		}
		for k := range bv {
			keys[k] = true
		}
		sorted := make([]string, 0, len(keys))
		for k := range keys {
			sorted = append(sorted, k)
		}
		sort.Strings(sorted)
		for _, k := range sorted {
			x, inA := av[k]
			y, inB := bv[k]
			switch {
			case !inA:
				*out = append(*out, path+"."+k+": added")
			case !inB:
				*out = append(*out, path+"."+k+": lost")
			default:
				jsonDiff(x, y, path+"."+k, out)
			}
		}
	case []any:
		bv, ok := b.([]any)
		if !ok || len(av) != len(bv) {
			*out = append(*out, fmt.Sprintf("%s: %d elements, now %v", path, len(av), len(bv)))
			return
		}
		for i := range av {
			jsonDiff(av[i], bv[i], fmt.Sprintf("%s[%d]", path, i), out)
		}
	default:
		if !reflect.DeepEqual(a, b) {
			*out = append(*out, fmt.Sprintf("%s: %v, now %v", path, a, b))
		}
	}
}

func decodeJSON(t testing.TB, data []byte) any {
	t.Helper()
	var v any
	require.NoError(t, json.Unmarshal(data, &v))
	return v
}

// TestNISTRoundTrip imports NIST's catalog, exports it and compares the
// two documents field by field: the only difference is the OSCAL version
// the export is written in.
func TestNISTRoundTrip(t *testing.T) {
	for _, name := range []string{nistCatalog, nistPrivacy} {
		t.Run(name, func(t *testing.T) {
			orig, cat := readNIST(t, name)
			out, back := exportNIST(t, name)
			outJSON := validateJSON(t, "catalog", out)
			var diffs []string
			jsonDiff(decodeJSON(t, orig), outJSON, "", &diffs)
			require.Len(t, diffs, 1, strings.Join(diffs, "\n"))
			assert.Regexp(t, `^\.catalog\.metadata\.oscal-version: 1\.[01]\.[0-9], now 1\.2\.1$`, diffs[0])
			assert.False(t, strings.Contains(string(out), "Generated by ismskit"), "no ismskit or ISO remark in a catalog that is not ISO's")

			assert.Equal(t, slices.Collect(cat.ISO27002().Controls()), slices.Collect(back.ISO27002().Controls()))
			again, err := oscal.EncodeCatalog(back)
			require.NoError(t, err)
			assert.Equal(t, string(out), string(again), "a second round trip is byte-identical")
		})
	}
	// NIST 5.1.1 keeps assessment objectives and methods; they pass
	// through.
	out, _ := exportNIST(t, nistPrivacy)
	assert.True(t, strings.Contains(string(out), `"name": "assessment-objective"`))
	assert.True(t, strings.Contains(string(out), `"name": "assessment-method"`))
}

// catalogShape is what TestNISTProfiles compares of an OSCAL catalog
// document: every control by id, without its nested controls, and the
// ids in document order; the id, class and title of each top-level
// group; and the UUIDs of the back-matter resources.
type catalogShape struct {
	controls  map[string]any
	order     []string
	groups    []string
	resources []string
}

// shapeOf reads a catalogShape from an OSCAL catalog document, as
// decodeJSON decodes it.
func shapeOf(t testing.TB, doc any) *catalogShape {
	t.Helper()
	s := &catalogShape{controls: map[string]any{}}
	var walk func(n map[string]any)
	walk = func(n map[string]any) {
		for _, c := range asList(n["controls"]) {
			cm := c.(map[string]any)
			flat := map[string]any{}
			for k, v := range cm {
				if k != "controls" {
					flat[k] = v
				}
			}
			id := cm["id"].(string)
			s.controls[id] = flat
			s.order = append(s.order, id)
			walk(cm)
		}
		for _, g := range asList(n["groups"]) {
			walk(g.(map[string]any))
		}
	}
	top, _ := doc.(map[string]any)
	cat, ok := top["catalog"].(map[string]any)
	require.True(t, ok, "a catalog")
	walk(cat)
	for _, g := range asList(cat["groups"]) {
		gm := g.(map[string]any)
		id, _ := gm["id"].(string)
		class, _ := gm["class"].(string)
		title, _ := gm["title"].(string)
		s.groups = append(s.groups, id+" "+class+" "+title)
	}
	bm, _ := cat["back-matter"].(map[string]any)
	for _, r := range asList(bm["resources"]) {
		u, _ := r.(map[string]any)["uuid"].(string)
		s.resources = append(s.resources, u)
	}
	return s
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

// TestNISTProfiles resolves NIST's LOW, MODERATE, HIGH and PRIVACY
// baselines against NIST's catalog and against ismskit's export of it,
// and compares both with NIST's own resolved catalogs: the same controls
// in the same order, each control equal field by field, the same groups
// and the same back-matter resources.
func TestNISTProfiles(t *testing.T) {
	nist := importNIST(t)
	_, viaExport := exportNIST(t, nistCatalog)
	for _, tc := range []struct {
		baseline, resolved string
		n                  int
	}{
		{"LOW", "NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog-min.json", 149},
		{"MODERATE", "NIST_SP-800-53_rev5_MODERATE-baseline-resolved-profile_catalog-min.json", 287},
		{"HIGH", "NIST_SP-800-53_rev5_HIGH-baseline-resolved-profile_catalog-min.json", 370},
		// NIST's 5.0.1 resolution drops six enhancements whose base control
		// is not selected; its 5.1.1 resolution carries them with their
		// base controls, as OSCAL's resolution rules say: 96 + 6.
		{"PRIVACY", "NIST_SP-800-53_rev5.1.1_PRIVACY-baseline-resolved-profile_catalog-min.json", 102},
	} {
		t.Run(tc.baseline, func(t *testing.T) {
			profile := readFixture(t, "nist/NIST_SP-800-53_rev5_"+tc.baseline+"-baseline_profile.json")
			validate(t, "profile", profile)
			sel, err := oscal.ImportProfile(profile, oscal.ImportOptions{})
			require.NoError(t, err)
			want := shapeOf(t, decodeJSON(t, readFixture(t, "nist/"+tc.resolved)))
			require.Len(t, want.order, tc.n)

			var firstIDs []iso27002.ControlID
			// The shapes of the resolutions validated and read, by their
			// bytes: when both catalogs resolve to the same bytes, they
			// are validated and read once.
			shapes := map[string]*catalogShape{}
			for name, cat := range map[string]*oscal.Catalog{"original": nist, "export": viaExport} {
				res, err := sel.ResolveCatalog(cat, "NIST_SP-800-53_rev5_"+tc.baseline+"-baseline_profile.json")
				require.NoError(t, err, name)
				got, err := oscal.EncodeCatalog(res)
				require.NoError(t, err)
				gotShape := shapes[string(got)]
				if gotShape == nil {
					gotShape = shapeOf(t, validateJSON(t, "catalog", got))
					shapes[string(got)] = gotShape
				}
				assert.Equal(t, want.order, gotShape.order, "%s: the controls of NIST's resolution, in its order", name)
				assert.Equal(t, want.groups, gotShape.groups, "%s: the groups of NIST's resolution", name)
				if tc.baseline != "PRIVACY" { // 5.1.1 controls differ in content from 5.0.1's
					for _, id := range want.order {
						var diffs []string
						jsonDiff(want.controls[id], gotShape.controls[id], id, &diffs)
						assert.Empty(t, diffs, "%s: control %s as NIST resolves it", name, id)
					}
					assert.Equal(t, want.resources, gotShape.resources, "%s: the back-matter resources NIST keeps", name)
				}
				assert.Equal(t, "NIST Special Publication 800-53 Revision 5 "+tc.baseline+map[bool]string{true: " IMPACT", false: ""}[tc.baseline != "PRIVACY"]+" BASELINE", res.Title())

				// Resolve, on the iso27002 model, selects the same controls.
				ids, err := sel.Resolve(cat.ISO27002(), oscal.ImportOptions{Namespace: "nist"})
				require.NoError(t, err, name)
				assert.Len(t, ids, tc.n, name)
				assert.ElementsMatch(t, slices.Collect(res.ISO27002().IDs()), ids, name)
				if firstIDs == nil {
					firstIDs = ids
				} else {
					assert.Equal(t, firstIDs, ids, "the export selects the same controls as the original")
				}
			}
		})
	}
}

func TestProfileValuesAndMerge(t *testing.T) {
	nist := importNIST(t)
	profile := `{"profile":{"uuid":"1c9a7e3b-5d2f-4a6b-8e0c-7f3d9b1a5c24",
	 "metadata":{"title":"Nimbus baseline","last-modified":"2026-03-01T00:00:00Z","version":"1","oscal-version":"1.2.1"},
	 "imports":[{"href":"nist.json","include-controls":[{"with-ids":["ac-8","ac-2"],"with-child-controls":"yes"}],
	   "exclude-controls":[{"matching":[{"pattern":"ac-2.1*"}]}]}],
	 "merge":{"flat":{}},
	 "modify":{"set-parameters":[{"param-id":"ac-8_prm_1","values":["the Nimbus login banner"]}]}}}`
	validate(t, "profile", []byte(profile))
	sel, err := oscal.ImportProfile([]byte(profile), oscal.ImportOptions{})
	require.NoError(t, err)
	assert.True(t, sel.Flat)
	assert.Equal(t, oscal.ParamValues{"ac-8_prm_1": {"the Nimbus login banner"}}, sel.Values())
	assert.Equal(t, []oscal.Param{{ID: "ac-8_prm_1", Values: []string{"the Nimbus login banner"}}}, sel.Params)
	res, err := sel.ResolveCatalog(nist, "")
	require.NoError(t, err)
	var ids []string
	for id := range res.ISO27002().IDs() {
		ids = append(ids, id.String())
	}
	assert.Equal(t, []string{"nist:ac-2", "nist:ac-2.2", "nist:ac-2.3", "nist:ac-2.4", "nist:ac-2.5", "nist:ac-2.6", "nist:ac-2.7", "nist:ac-2.8", "nist:ac-2.9", "nist:ac-8"}, ids)
	out, err := oscal.EncodeCatalog(res)
	require.NoError(t, err)
	validate(t, "catalog", out)
	assert.NotContains(t, string(out), `"groups"`, "a flat merge has no groups")
	p, ok := res.Param("ac-8_prm_1")
	require.True(t, ok)
	assert.Equal(t, []string{"the Nimbus login banner"}, p.Values, "set-parameters set the resolved catalog's parameters")
	st, err := res.Statement(iso27002.MustParse("nist:ac-8"), nil)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(st, "a. Display the Nimbus login banner to users"), st)
	st2, err := nist.Statement(iso27002.MustParse("nist:ac-8"), sel.Values())
	require.NoError(t, err)
	assert.Equal(t, st, st2, "the profile's values render the same on the original catalog")

	_, err = (&oscal.Selection{Imports: []oscal.Import{{Href: "x", Include: []oscal.Selector{{IDs: []string{"zz-1"}}}}}}).ResolveCatalog(nist, "")
	assert.ErrorContains(t, err, `"zz-1" is not in`)
}

// TestNIST511Parameters renders a statement of SP 800-53 5.1.1, whose
// parameters aggregate organisation-defined parameters and name their
// 5.0 ids as alternative identifiers.
func TestNIST511Parameters(t *testing.T) {
	_, cat := readNIST(t, nistPrivacy)
	p, ok := cat.Param("ac-1_prm_1")
	require.True(t, ok)
	assert.Equal(t, []string{"ac-01_odp.01", "ac-01_odp.02"}, p.Aggregates)
	id := iso27002.MustParse("nist:ac-1")
	st, err := cat.Statement(id, nil)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(st, "a. Develop, document, and disseminate to [Assignment: organization-defined personnel or roles]:\n"+
		"1. [Selection (one or more): organization-level; mission/business process-level; system-level] access control policy that:"), st)
	st, err = cat.Statement(id, oscal.ParamValues{"ac-01_odp.01": {"all staff"}, "ac-01_odp.02": {"IT"}, "ac-1_prm_2": {"organization-level"}})
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(st, "a. Develop, document, and disseminate to all staff, IT:\n"+
		"1. organization-level access control policy that:"), st)
}
