package oscal_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/iso27002/oscal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The tests of this file use NIST's own SP 800-53 rev 5 content
// (testdata/nist, see its README.md).

const nistCatalog = "nist/NIST_SP-800-53_rev5_catalog.json"

func importNIST(t testing.TB) *oscal.Catalog {
	t.Helper()
	cat, err := oscal.ImportCatalog(readFixture(t, nistCatalog), oscal.ImportOptions{Namespace: "nist"})
	require.NoError(t, err)
	return cat
}

func TestNISTCatalog(t *testing.T) {
	validate(t, "catalog", readFixture(t, nistCatalog))
	nist := importNIST(t)
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
	raw := string(readFixture(t, nistCatalog))
	inserts = strings.Count(raw, "{{ insert: param,")
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
	for _, name := range []string{nistCatalog, "nist/NIST_SP-800-53_rev5.1.1_PRIVACY-baseline-resolved-profile_catalog-min.json"} {
		t.Run(name, func(t *testing.T) {
			orig := readFixture(t, name)
			cat, err := oscal.ImportCatalog(orig, oscal.ImportOptions{Namespace: "nist"})
			require.NoError(t, err)
			out, err := oscal.EncodeCatalog(cat)
			require.NoError(t, err)
			validate(t, "catalog", out)
			var diffs []string
			jsonDiff(decodeJSON(t, orig), decodeJSON(t, out), "", &diffs)
			require.Len(t, diffs, 1, strings.Join(diffs, "\n"))
			assert.Regexp(t, `^\.catalog\.metadata\.oscal-version: 1\.[01]\.[0-9], now 1\.2\.1$`, diffs[0])
			assert.False(t, strings.Contains(string(out), "Generated by ismskit"), "no ismskit or ISO remark in a catalog that is not ISO's")

			back, err := oscal.ImportCatalog(out, oscal.ImportOptions{Namespace: "nist"})
			require.NoError(t, err)
			assert.Equal(t, slices.Collect(cat.ISO27002().Controls()), slices.Collect(back.ISO27002().Controls()))
			again, err := oscal.EncodeCatalog(back)
			require.NoError(t, err)
			assert.Equal(t, string(out), string(again), "a second round trip is byte-identical")
		})
	}
	// NIST 5.1.1 keeps assessment objectives and methods; they pass
	// through.
	out, err := oscal.EncodeCatalog(mustImport(t, "nist/NIST_SP-800-53_rev5.1.1_PRIVACY-baseline-resolved-profile_catalog-min.json"))
	require.NoError(t, err)
	assert.True(t, strings.Contains(string(out), `"name": "assessment-objective"`))
	assert.True(t, strings.Contains(string(out), `"name": "assessment-method"`))
}

func mustImport(t testing.TB, name string) *oscal.Catalog {
	t.Helper()
	cat, err := oscal.ImportCatalog(readFixture(t, name), oscal.ImportOptions{Namespace: "nist"})
	require.NoError(t, err)
	return cat
}

// controlsOf returns every control of an OSCAL catalog document by id,
// without its nested controls, and the ids in document order.
func controlsOf(t testing.TB, data []byte) (map[string]any, []string) {
	t.Helper()
	byID := map[string]any{}
	var order []string
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
			byID[id] = flat
			order = append(order, id)
			walk(cm)
		}
		for _, g := range asList(n["groups"]) {
			walk(g.(map[string]any))
		}
	}
	walk(decodeJSON(t, data).(map[string]any)["catalog"].(map[string]any))
	return byID, order
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

// groupsOf returns the ids and titles of the top-level groups of an OSCAL
// catalog document.
func groupsOf(t testing.TB, data []byte) []string {
	t.Helper()
	var doc struct {
		Catalog struct {
			Groups []struct{ ID, Class, Title string } `json:"groups"`
		} `json:"catalog"`
	}
	require.NoError(t, json.Unmarshal(data, &doc))
	var out []string
	for _, g := range doc.Catalog.Groups {
		out = append(out, g.ID+" "+g.Class+" "+g.Title)
	}
	return out
}

func resourcesOf(t testing.TB, data []byte) []string {
	t.Helper()
	var doc struct {
		Catalog struct {
			BackMatter struct {
				Resources []struct{ UUID string } `json:"resources"`
			} `json:"back-matter"`
		} `json:"catalog"`
	}
	require.NoError(t, json.Unmarshal(data, &doc))
	var out []string
	for _, r := range doc.Catalog.BackMatter.Resources {
		out = append(out, r.UUID)
	}
	return out
}

// TestNISTProfiles resolves NIST's LOW, MODERATE, HIGH and PRIVACY
// baselines against NIST's catalog and against ismskit's export of it,
// and compares both with NIST's own resolved catalogs: the same controls
// in the same order, each control equal field by field, the same groups
// and the same back-matter resources.
func TestNISTProfiles(t *testing.T) {
	nist := importNIST(t)
	exported, err := oscal.EncodeCatalog(nist)
	require.NoError(t, err)
	viaExport, err := oscal.ImportCatalog(exported, oscal.ImportOptions{Namespace: "nist"})
	require.NoError(t, err)
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
			want := readFixture(t, "nist/"+tc.resolved)
			wantControls, wantOrder := controlsOf(t, want)
			require.Len(t, wantOrder, tc.n)

			var firstIDs []iso27002.ControlID
			for name, cat := range map[string]*oscal.Catalog{"original": nist, "export": viaExport} {
				res, err := sel.ResolveCatalog(cat, "NIST_SP-800-53_rev5_"+tc.baseline+"-baseline_profile.json")
				require.NoError(t, err, name)
				got, err := oscal.EncodeCatalog(res)
				require.NoError(t, err)
				validate(t, "catalog", got)
				gotControls, gotOrder := controlsOf(t, got)
				assert.Equal(t, wantOrder, gotOrder, "%s: the controls of NIST's resolution, in its order", name)
				assert.Equal(t, groupsOf(t, want), groupsOf(t, got), "%s: the groups of NIST's resolution", name)
				if tc.baseline != "PRIVACY" { // 5.1.1 controls differ in content from 5.0.1's
					for _, id := range wantOrder {
						var diffs []string
						jsonDiff(wantControls[id], gotControls[id], id, &diffs)
						assert.Empty(t, diffs, "%s: control %s as NIST resolves it", name, id)
					}
					assert.Equal(t, resourcesOf(t, want), resourcesOf(t, got), "%s: the back-matter resources NIST keeps", name)
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
	cat := mustImport(t, "nist/NIST_SP-800-53_rev5.1.1_PRIVACY-baseline-resolved-profile_catalog-min.json")
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
