package oscal_test

import (
	"encoding/base64"
	"encoding/json"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"

	"github.com/ismskit/ismskit/internal/oscalschema"

	"github.com/ismskit/ismskit/internal/goldenfile"
	"github.com/ismskit/ismskit/iso27002"
	catoscal "github.com/ismskit/ismskit/iso27002/oscal"
	"github.com/ismskit/ismskit/soa"
	"github.com/ismskit/ismskit/soa/oscal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// nist holds NIST's OSCAL 1.2.1 schemas (internal/oscalschema).
var nist oscalschema.Validator

func validate(t testing.TB, model string, doc []byte) {
	t.Helper()
	require.NoError(t, nist.Validate(model, doc))
}

var (
	day  = ismskit.NewDate(2026, 11, 28)
	due  = ismskit.NewDate(2027, 3, 31)
	mid  = iso27002.MustParse
	risk = soa.Reason{Kind: soa.RiskTreatment, Risks: []string{"R-1", "R-2"}, Note: "Chosen in the\ntreatment plan of 2026"}
)

// testSoA is a small SoA with one entry of every kind the SSP maps.
func testSoA() soa.SoA {
	return soa.SoA{
		Header: soa.Header{Organization: "Example Ledger Ltd", Scope: "ISMS-SCOPE-1", Version: "2026.1", Date: day,
			PreparedBy: "ISMS manager", ApprovedBy: "CEO", ApprovedAt: day.AddDate(0, 0, 1), Catalog: "ISO/IEC 27002:2022", Edition: iso27002.Edition2022},
		Entries: []soa.Entry{
			{Control: mid("5.1"), Title: "Policies for information security", Theme: "organizational", Applicability: soa.Included,
				Reasons: []soa.Reason{{Kind: soa.BestPractice}}, Status: soa.Implemented, Implementation: "Policy set v3, approved by the board.",
				Owner: "CISO", Evidence: []string{"DOC-12", "https://wiki.example/policies"}},
			{Control: mid("5.23"), Title: "Information security for use of cloud services", Theme: "organizational", Applicability: soa.Included,
				Reasons: []soa.Reason{{Kind: soa.Contractual, Reference: "Customer MSA, clause 7"}}, Status: soa.PartiallyImplemented,
				Responsibility: soa.Shared, Provider: "Cloudy Inc.", Owner: "CTO", TargetDate: due, Notes: []string{"Exit plan pending"}},
			{Control: mid("7.1"), Title: "Physical security perimeters", Theme: "physical", Applicability: soa.Included,
				Reasons: []soa.Reason{risk}, Status: soa.Implemented, Responsibility: soa.Inherited, Provider: "Cloudy Inc."},
			{Control: mid("7.5"), Title: "Protecting against physical and environmental threats", Theme: "physical", Applicability: soa.Excluded,
				Justification: "No premises of our own: the company works remotely\nand its data centres are the provider's.", Status: soa.NotApplicable},
			{Control: mid("8.7"), Title: "Protection against malware", Theme: "technological", Applicability: soa.Included,
				Reasons: []soa.Reason{risk, {Kind: soa.Legal, Reference: "GDPR Art. 32"}}, Status: soa.NotStarted, TargetDate: due,
				Extensions: json.RawMessage(`{"jira":"SEC-7"}`)},
		},
		Extensions: json.RawMessage(`{"tool":"example"}`),
	}
}

func TestExportSSP(t *testing.T) {
	out, err := oscal.ExportSSP(testSoA(), oscal.Options{})
	require.NoError(t, err)
	validate(t, "ssp", out)
	goldenfile.Check(t, filepath.Join("testdata", "ssp.json"), out)

	again, err := oscal.ExportSSP(testSoA(), oscal.Options{})
	require.NoError(t, err)
	assert.Equal(t, out, again, "byte-identical for the same input")

	var doc struct {
		SSP struct {
			UUID     string `json:"uuid"`
			Metadata struct {
				LastModified string `json:"last-modified"`
				Version      string `json:"version"`
			} `json:"metadata"`
			ImportProfile struct{ Href string } `json:"import-profile"`
			SI            struct {
				Components []struct {
					UUID, Type, Title string
				} `json:"components"`
			} `json:"system-implementation"`
			CI struct {
				Reqs []requirement `json:"implemented-requirements"`
			} `json:"control-implementation"`
			BackMatter struct {
				Resources []struct {
					Base64 struct{ Value string } `json:"base64"`
				} `json:"resources"`
			} `json:"back-matter"`
		} `json:"system-security-plan"`
	}
	require.NoError(t, json.Unmarshal(out, &doc))
	ssp := doc.SSP
	assert.Equal(t, "2026-11-28T00:00:00Z", ssp.Metadata.LastModified, "the SoA's date")
	assert.Equal(t, "2026.1", ssp.Metadata.Version)
	assert.Equal(t, "profile.json", ssp.ImportProfile.Href)
	require.Len(t, ssp.SI.Components, 2, "this system and one provider, once")
	assert.Equal(t, "this-system", ssp.SI.Components[0].Type)
	assert.Equal(t, "Cloudy Inc.", ssp.SI.Components[1].Title)

	require.Len(t, ssp.CI.Reqs, 5)
	byID := map[string]requirement{}
	for _, r := range ssp.CI.Reqs {
		byID[r.ControlID] = r
	}
	// Implementation statuses.
	for tok, want := range map[string]string{"a.5.1": "implemented", "a.5.23": "partial", "a.7.1": "implemented", "a.7.5": "not-applicable", "a.8.7": "planned"} {
		assert.Equal(t, want, byID[tok].ByComponents[0].ImplementationStatus.State, tok)
	}
	assert.Equal(t, []string{"not-started"}, byID["a.8.7"].props("status"), "the exact status is kept")
	// Exclusion justification.
	assert.Equal(t, testSoA().Entries[3].Justification, byID["a.7.5"].Remarks)
	assert.Equal(t, []string{"excluded"}, byID["a.7.5"].props("applicability"))
	// Reasons, with their groups and notes.
	r87 := byID["a.8.7"]
	assert.Equal(t, []string{"risk-treatment", "legal"}, r87.props("reason"))
	assert.Equal(t, []string{"R-1", "R-2"}, r87.props("reason-risk"))
	assert.Equal(t, []string{"GDPR Art. 32"}, r87.props("reason-reference"))
	assert.Equal(t, []string{"2027-03-31T00:00:00Z"}, r87.props("target-date"))
	for _, p := range r87.Props {
		switch p.Name {
		case "reason-risk":
			assert.Equal(t, "reason-1", p.Group)
		case "reason-reference":
			assert.Equal(t, "reason-2", p.Group)
		}
	}
	assert.Contains(t, string(out), `"remarks": "Chosen in the\ntreatment plan of 2026"`)
	// Responsibility.
	assert.Len(t, byID["a.5.1"].ByComponents, 1)
	inh := byID["a.7.1"].ByComponents
	require.Len(t, inh, 2)
	assert.Len(t, inh[0].Inherited, 1)
	assert.Equal(t, ssp.SI.Components[1].UUID, inh[1].ComponentUUID)
	sh := byID["a.5.23"].ByComponents
	require.Len(t, sh, 2)
	assert.Len(t, sh[0].Satisfied, 1)
	assert.Equal(t, []string{"shared"}, byID["a.5.23"].props("responsibility"))
	assert.Equal(t, []string{"Exit plan pending"}, byID["a.5.23"].remarks("note"))
	assert.Equal(t, []string{"DOC-12", "https://wiki.example/policies"}, byID["a.5.1"].props("evidence"))
	// Extensions, untouched.
	require.Len(t, ssp.BackMatter.Resources, 2)
	ext, err := base64.StdEncoding.DecodeString(ssp.BackMatter.Resources[1].Base64.Value)
	require.NoError(t, err)
	assert.JSONEq(t, `{"jira":"SEC-7"}`, string(ext))

	// A requirement keeps its UUID from version to version; the document
	// gets a new one.
	next := testSoA()
	next.Header.Version = "2026.2"
	out2, err := oscal.ExportSSP(next, oscal.Options{LastModified: day.AddDate(0, 1, 0).Time(), ProfileHref: "p.json"})
	require.NoError(t, err)
	validate(t, "ssp", out2)
	var doc2 struct {
		SSP struct {
			UUID string `json:"uuid"`
			CI   struct {
				Reqs []requirement `json:"implemented-requirements"`
			} `json:"control-implementation"`
		} `json:"system-security-plan"`
	}
	require.NoError(t, json.Unmarshal(out2, &doc2))
	assert.NotEqual(t, ssp.UUID, doc2.SSP.UUID)
	assert.Equal(t, ssp.CI.Reqs[0].UUID, doc2.SSP.CI.Reqs[0].UUID)
	assert.Contains(t, string(out2), `"last-modified": "2026-12-28T00:00:00Z"`)
	assert.Contains(t, string(out2), `"href": "p.json"`)
}

type requirement struct {
	UUID      string `json:"uuid"`
	ControlID string `json:"control-id"`
	Props     []struct {
		Name, Value, Group, Remarks string
	} `json:"props"`
	ByComponents []struct {
		ComponentUUID        string `json:"component-uuid"`
		ImplementationStatus struct {
			State string `json:"state"`
		} `json:"implementation-status"`
		Inherited []struct{ Description string } `json:"inherited"`
		Satisfied []struct{ Description string } `json:"satisfied"`
	} `json:"by-components"`
	Remarks string `json:"remarks"`
}

func (r requirement) props(name string) []string {
	var out []string
	for _, p := range r.Props {
		if p.Name == name {
			out = append(out, p.Value)
		}
	}
	return out
}

func (r requirement) remarks(name string) []string {
	var out []string
	for _, p := range r.Props {
		if p.Name == name {
			out = append(out, p.Remarks)
		}
	}
	return out
}

func TestExportProfile(t *testing.T) {
	out, err := oscal.ExportProfile(testSoA(), oscal.Options{CatalogHref: "iso27002-2022.json"})
	require.NoError(t, err)
	validate(t, "profile", out)
	goldenfile.Check(t, filepath.Join("testdata", "profile.json"), out)
	sel, err := catoscal.ImportProfile(out, catoscal.ImportOptions{})
	require.NoError(t, err)
	ids, err := sel.Resolve(iso27002.Catalog2022(), catoscal.ImportOptions{})
	require.NoError(t, err)
	assert.Equal(t, []iso27002.ControlID{mid("5.1"), mid("5.23"), mid("7.1"), mid("8.7")}, ids, "the included controls, not the excluded 7.5")
	assert.Equal(t, "Applicable controls of Example Ledger Ltd, Statement of Applicability 2026.1", sel.Title)

	_, err = oscal.ExportProfile(soa.SoA{Header: soa.Header{Organization: "X", Date: ismskit.MustParseDate("2026-03-01")}}, oscal.Options{})
	assert.ErrorIs(t, err, ismskit.ErrNotEncodable, "nothing included, no profile")
	_, err = oscal.ExportProfile(soa.SoA{Header: soa.Header{Organization: "X"}}, oscal.Options{})
	assert.ErrorIs(t, err, ismskit.ErrMissing, "an SoA without a date gives a profile without one: no default date")
	assert.Equal(t, []string{"header.date"}, paths(err))
}

func TestExportSSPErrors(t *testing.T) {
	bad := testSoA()
	bad.Header.Organization = " Example"
	bad.Header.Date = ismskit.NewDate(1800, 1, 1)
	bad.Entries[0].Owner = "two\nlines"
	bad.Entries[0].Reasons = append(bad.Entries[0].Reasons, soa.Reason{Kind: soa.Legal, Reference: "GDPR "}, soa.Reason{})
	bad.Entries[1].Applicability = soa.Undecided
	bad.Entries[2].Status = 0
	bad.Entries[2].Provider = ""
	bad.Entries[3].Justification = " "
	bad.Entries[4].Evidence = []string{""}
	bad.Entries[4].Notes = []string{""}
	bad.Entries = append(bad.Entries, soa.Entry{Applicability: soa.Included, Status: soa.Implemented})

	_, err := oscal.ExportSSP(bad, oscal.Options{})
	require.Error(t, err)
	assert.ErrorIs(t, err, ismskit.ErrNotEncodable)
	assert.Equal(t, []string{
		"header.organization",
		"header.date",
		"entries[0].reasons[1].reference",
		"entries[0].reasons[2].kind",
		"entries[0].owner",
		"entries[1].applicability",
		"entries[2].status",
		"entries[2].provider",
		"entries[3].justification",
		"entries[4].evidence[0]",
		"entries[4].notes[0]",
		"entries[5].control",
	}, paths(err))

	_, err = oscal.ExportSSP(soa.SoA{Header: soa.Header{Organization: "X", Version: "1", Date: ismskit.MustParseDate("2026-03-01")}}, oscal.Options{})
	assert.Equal(t, []string{"entries"}, paths(err))
	_, err = oscal.ExportSSP(soa.SoA{Header: soa.Header{Organization: "X", Version: "1"}}, oscal.Options{})
	assert.Equal(t, []string{"header.date", "entries"}, paths(err), "no default date")
	assert.ErrorIs(t, err, ismskit.ErrMissing)
	_, err = oscal.ExportSSP(testSoA(), oscal.Options{Version: "1\n2"})
	assert.Equal(t, []string{"options.version"}, paths(err))
	_, err = oscal.ExportSSP(testSoA(), oscal.Options{LastModified: time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC)})
	assert.Equal(t, []string{"options.lastModified"}, paths(err))
}

// paths returns the path of every *ismskit.Error in err, in order.
func paths(err error) []string {
	return fielderr.Paths(err)
}

func TestConcurrentExports(t *testing.T) {
	s := testSoA()
	want, err := oscal.ExportSSP(s, oscal.Options{})
	require.NoError(t, err)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			got, err := oscal.ExportSSP(s, oscal.Options{})
			assert.NoError(t, err)
			assert.Equal(t, want, got)
		})
	}
	wg.Wait()
	assert.Equal(t, testSoA(), s, "the SoA is not modified")
}
