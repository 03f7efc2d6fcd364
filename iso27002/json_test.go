package iso27002

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/goldenfile"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// golden compares got with testdata/name, or rewrites the file under
// -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	goldenfile.Check(t, filepath.Join("testdata", name), got)
}

func TestCatalogJSONGolden(t *testing.T) {
	for _, cat := range []*Catalog{Catalog2022(), Catalog2013()} {
		got, err := json.MarshalIndent(cat, "", "  ")
		require.NoError(t, err)
		golden(t, "catalog"+cat.Edition().String()+".json", append(got, '\n'))

		// Round trip: the JSON reads back into an equal catalog.
		back, err := DecodeCatalog(got)
		require.NoError(t, err)
		assert.Equal(t, cat.Len(), back.Len())
		assert.Equal(t, cat.Edition(), back.Edition())
		for c := range cat.Controls() {
			b, ok := back.Lookup(c.ID)
			require.True(t, ok)
			assert.Equal(t, c, b)
		}
		again, err := json.MarshalIndent(back, "", "  ")
		require.NoError(t, err)
		assert.Equal(t, string(got), string(again), "byte-identical after a round trip")
	}
}

func TestControlJSONKeys(t *testing.T) {
	c, _ := Catalog2022().Lookup(MustParse("5.7"))
	var m map[string]any
	b, err := json.Marshal(c)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &m))
	for _, k := range []string{"id", "title", "theme", "new", "attributes", "from2013", "summary"} {
		assert.Contains(t, m, k)
	}
	assert.Equal(t, []any{}, m["from2013"])
	assert.Equal(t, true, m["new"])
	attrs := m["attributes"].(map[string]any)
	for _, k := range []string{"controlType", "securityProperties", "cybersecurityConcepts", "operationalCapabilities", "securityDomains"} {
		assert.Contains(t, attrs, k)
	}

	c, _ = Catalog2013().Lookup(MustParse("A.12.4.1"))
	m = nil
	b, err = json.Marshal(c)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &m))
	assert.Equal(t, "A.12", m["clause"])
	assert.Equal(t, "A.12.4", m["objective"])
	assert.Equal(t, []any{"8.15"}, m["to2022"])
	assert.NotContains(t, m, "attributes")

	custom := Control{ID: MustParse("acme:x"), Title: "X", Group: "G", New: true, Attributes: Attributes(Protect), Text: LicensedText{Control: "c"}}
	b, err = json.Marshal(custom)
	require.NoError(t, err)
	var back Control
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, custom, back)
}

func TestControlJSONErrors(t *testing.T) {
	tests := []struct {
		name, in string
		wantIs   error
		wantMsg  string
	}{
		{"unknown key", `{"id":"5.1","title":"x","titel":"y"}`, ismskit.ErrUnknownField, "titel: unknown field"},
		{"bad id", `{"id":"5.99","title":"x"}`, ismskit.ErrUnknownControl, `id: control ID "5.99": no such control`},
		{"wrong theme", `{"id":"5.1","title":"x","theme":"people"}`, ErrInvalidControl, "theme: People controls does not agree with 5.1 (want Organizational controls)"},
		{"wrong new", `{"id":"5.1","title":"x","new":true}`, ErrInvalidControl, "new: true does not agree with 5.1"},
		{"wrong from2013", `{"id":"5.1","title":"x","from2013":["A.5.1.1"]}`, ErrInvalidControl, "from2013: [A.5.1.1] does not agree with 5.1"},
		{"wrong clause", `{"id":"A.5.1.1","title":"x","clause":"A.6"}`, ErrInvalidControl, "clause: A.6 does not agree with A.5.1.1"},
		{"wrong objective", `{"id":"A.5.1.1","title":"x","objective":"A.5.2"}`, ErrInvalidControl, "objective: A.5.2 does not agree"},
		{"wrong to2022", `{"id":"A.5.1.1","title":"x","to2022":["5.2"]}`, ErrInvalidControl, "to2022: [5.2] does not agree"},
		{"2013 keys on 2022", `{"id":"5.1","title":"x","clause":"A.5"}`, ErrInvalidControl, "clause, objective and to2022 belong to 2013 controls"},
		{"from2013 on custom", `{"id":"a:b","title":"x","from2013":[]}`, ErrInvalidControl, "from2013: only 2022 controls have 2013 predecessors"},
		{"attribute in wrong type", `{"id":"5.1","title":"x","attributes":{"securityDomains":["Protect"]}}`, ismskit.ErrUnknownValue, "attributes.securityDomains[0]"},
		{"unknown attribute", `{"id":"5.1","title":"x","attributes":{"controlType":["Proactive"]}}`, ismskit.ErrUnknownValue, "attributes.controlType[0]"},
		{"unknown attribute type", `{"id":"5.1","title":"x","attributes":{"kind":[]}}`, ismskit.ErrUnknownField, "attributes.kind: unknown field"},
		{"bad theme", `{"id":"a:b","title":"x","theme":"logical"}`, ismskit.ErrUnknownValue, `theme: theme "logical": want organizational`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c Control
			err := json.Unmarshal([]byte(tt.in), &c)
			require.Error(t, err)
			assert.ErrorIs(t, err, tt.wantIs)
			assert.ErrorContains(t, err, tt.wantMsg)
			assert.Equal(t, Control{}, c)
		})
	}
}

func TestDecodeCatalogErrors(t *testing.T) {
	tests := []struct {
		name, in string
		wantIs   error
		wantMsg  string
	}{
		{"syntax", `{"name":`, ismskit.ErrSyntax, "malformed JSON"},
		{"trailing", `{"name":"x","edition":"custom","controls":[]} []`, ismskit.ErrTrailingData, "trailing"},
		{"unknown key", `{"name":"x","edition":"custom","controls":[],"extra":1}`, ismskit.ErrUnknownField, "extra: unknown field"},
		{"bad edition", `{"name":"x","edition":"2005","controls":[]}`, ismskit.ErrUnknownValue, "edition:"},
		{"wrong type", `{"name":1,"edition":"custom","controls":[]}`, ismskit.ErrType, "name: wrong type"},
		{"control error path", `{"name":"x","edition":"custom","controls":[{"id":"a:1","title":"x"},{"id":"a:2","title":"x","bogus":1}]}`, ismskit.ErrUnknownField, "controls[1].bogus: unknown field"},
		{"duplicate", `{"name":"x","edition":"custom","controls":[{"id":"a:1","title":"x"},{"id":"a:1","title":"y"}]}`, ismskit.ErrDuplicateID, "controls[1].id"},
		{"edition mismatch", `{"name":"x","edition":"2022","controls":[{"id":"A.5.1.1","title":"x"}]}`, ErrInvalidControl, "controls[0].id (A.5.1.1): A.5.1.1 is not a 2022 control"},
		{"edition without its controls", `{"name":"x","edition":"2013","controls":[{"id":"a:1","title":"x"}]}`, ErrInvalidControl, "edition: the catalog holds no control of the edition 2013"},
		{"missing id", `{"name":"x","edition":"custom","controls":[{"title":"x"}]}`, ismskit.ErrMissing, "controls[0].id: a control needs an ID"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cat, err := DecodeCatalog([]byte(tt.in))
			require.Error(t, err)
			assert.Nil(t, cat)
			assert.ErrorIs(t, err, tt.wantIs)
			assert.ErrorContains(t, err, tt.wantMsg)
			var fe *ismskit.Error
			assert.True(t, errors.As(err, &fe))
		})
	}
	var c Catalog
	require.NoError(t, json.Unmarshal([]byte(`{"name":"x","edition":"custom","controls":[{"id":"a:1","title":"x"}]}`), &c))
	assert.Equal(t, 1, c.Len())
	assert.Error(t, json.Unmarshal([]byte(`{"name":"x"`), &c))
}

func TestAttributeSetJSON(t *testing.T) {
	s := Attributes(Preventive, Confidentiality, Protect, AssetManagement, Protection)
	b, err := json.Marshal(s)
	require.NoError(t, err)
	assert.JSONEq(t, `{"controlType":["Preventive"],"securityProperties":["Confidentiality"],"cybersecurityConcepts":["Protect"],"operationalCapabilities":["Asset_management"],"securityDomains":["Protection"]}`, string(b))
	var back AttributeSet
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, s, back)
	require.NoError(t, json.Unmarshal([]byte(`{}`), &back))
	assert.Equal(t, AttributeSet(0), back)
}

func FuzzDecodeCatalog(f *testing.F) {
	seed, err := os.ReadFile(filepath.Join("testdata", "catalog2013.json"))
	if err == nil {
		f.Add(seed[:min(len(seed), 4000)])
	}
	f.Add([]byte(`{"name":"x","edition":"custom","controls":[{"id":"a:1","title":"x","theme":"people"}]}`))
	f.Add([]byte(`{"name":"x","edition":"2022","controls":[{"id":"5.1","title":"x","attributes":{"controlType":["Preventive"]}}]}`))
	f.Add([]byte(`{"name":"x","edition":"2013","controls":[{"id":"A.5.1.1","title":"x","to2022":["5.1"]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		cat, err := DecodeCatalog(data)
		if err != nil {
			return
		}
		// Whatever is accepted encodes and decodes to the same bytes.
		b, err := json.Marshal(cat)
		require.NoError(t, err)
		back, err := DecodeCatalog(b)
		require.NoError(t, err)
		b2, err := json.Marshal(back)
		require.NoError(t, err)
		require.Equal(t, string(b), string(b2))
	})
}
