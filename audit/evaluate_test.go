package audit

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/soa"
)

// completeISMS are ISMS records whose one approved document evidences
// every item that asks for documented information: the gap analysis finds
// no missing document.
func completeISMS() iso27001.Records {
	doc := iso27001.Document{ID: "ISMS-1", Title: "ISMS manual", Approved: d("2026-01-05"), ApprovedBy: "CEO", ReviewDue: d("2028-01-05")}
	for it := range iso27001.Latest().DocumentedInformation() {
		doc.Evidences = append(doc.Evidences, it.ID)
	}
	return iso27001.Records{Edition: iso27001.Edition2022, Amendments: []iso27001.Amendment{iso27001.Amd1of2024},
		Organization: "Example Ltd", Documents: []iso27001.Document{doc}}
}

// evalRegister has R-1, inherently critical and treated by 8.8 and, in its
// plan, 8.13; and R-2, low, treated by 5.1.
func evalRegister() risk.Register {
	return risk.Register{Name: "Example risks", Criteria: risk.Standard5x5(), Risks: []risk.Risk{
		{ID: "R-1", Title: "Ransomware", Owner: "CTO", Likelihood: 4, Impact: 5,
			Controls: []risk.AppliedControl{{Control: iso27002.MustParse("8.8"), Status: risk.Implemented}},
			Treatment: risk.Treatment{Option: risk.Modify, Plan: []risk.Action{{ID: "A1", Title: "Backups", Owner: "CTO",
				Status: risk.ActionPlanned, Due: d("2027-06-30"), Controls: ids("8.13")}}}},
		{ID: "R-2", Title: "Lost badge", Owner: "COO", Likelihood: 1, Impact: 2,
			Controls:  []risk.AppliedControl{{Control: iso27002.MustParse("5.1"), Status: risk.Implemented}},
			Treatment: risk.Treatment{Option: risk.Modify}},
	}}
}

// testDocuments are the documents of testRecords: the SoA includes the
// ten controls of testBasis.
func testDocuments(t testing.TB) Documents {
	return Documents{Register: evalRegister(), SoA: testSoA(t, "5.1", "5.7", "5.15", "5.23", "6.3", "7.1", "8.8", "8.13", "8.16", "8.24"),
		ISMS: completeISMS(), Audit: testRecords(t)}
}

func TestEvaluate(t *testing.T) {
	docs := testDocuments(t)
	ev, err := Evaluate(docs, asOf)
	require.NoError(t, err)

	// What a caller would do by hand across five packages.
	high, err := HighRiskControls(docs.Register, "medium", risk.Inherent)
	require.NoError(t, err)
	assert.Equal(t, ids("8.8", "8.13"), high, "8.13 is in R-1's plan")
	b := BasisOf(docs.SoA, nil, high)
	gap, err := iso27001.Analyze(docs.ISMS, asOf)
	require.NoError(t, err)
	in := ReadinessInput{Gap: gap, SoA: &docs.SoA, Register: &docs.Register}
	rd, err := Assess(docs.Audit, b, in, asOf)
	require.NoError(t, err)
	rep, err := NewReport(docs.Audit, b, in, asOf)
	require.NoError(t, err)
	as, err := risk.AssessRegister(docs.Register)
	require.NoError(t, err)

	assert.Equal(t, *rd, ev.Readiness)
	assert.Equal(t, *rep, ev.Report)
	assert.Equal(t, ev.Readiness, ev.Report.Readiness)
	assert.Equal(t, b, ev.Basis)
	assert.Equal(t, gap, ev.Gap)
	assert.Equal(t, as, ev.Assessments)
	assert.Equal(t, docs.SoA, ev.SoA)
	assert.Equal(t, asOf, ev.AsOf)
	assert.Empty(t, gap.MissingDocuments, "the ISMS records are complete")
	assert.False(t, ev.Readiness.Ready)
	assert.Equal(t, OpenMajor, ev.Readiness.Reasons[0].Kind)

	// The evaluation shares no memory with the documents.
	ev.SoA.Entries[0].Justification = "changed"
	ev.Readiness.Reasons[0].Detail = "changed"
	assert.NotEqual(t, "changed", docs.SoA.Entries[0].Justification)
	assert.NotEqual(t, "changed", ev.Report.Readiness.Reasons[0].Detail)
}

func TestEvaluateCases(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*Documents)
		kinds  []ReasonKind // the reasons after the open major nonconformity and the unaudited clauses
		high   []iso27002.ControlID
	}{
		{"as given", func(*Documents) {}, nil, ids("8.8", "8.13")},
		{"no ISMS records", func(d *Documents) { d.ISMS = iso27001.Records{} }, []ReasonKind{NoGapAnalysis}, ids("8.8", "8.13")},
		{"no register", func(d *Documents) { d.Register = risk.Register{} }, nil, nil},
		{"a stricter level", func(d *Documents) { d.HighRiskAbove = "high" }, nil, ids("8.8", "8.13")},
		{"a looser level", func(d *Documents) { d.HighRiskAbove = "critical" }, nil, nil},
		{"invalid SoA", func(d *Documents) { d.SoA.Header.Version = "" }, []ReasonKind{InvalidSoA}, ids("8.8", "8.13")},
		{"a high-risk control the SoA excludes", func(d *Documents) {
			d.Register.Risks[0].Controls[0].Control = iso27002.MustParse("5.2")
		}, []ReasonKind{InvalidSoA}, ids("8.13")},
		{"generated SoA", func(d *Documents) {
			var src soa.Sources
			for _, e := range d.SoA.Entries {
				src.Decisions = append(src.Decisions, soa.Decision{Control: e.Control, Applicability: e.Applicability,
					Justification: e.Justification, Status: e.Status, Reasons: e.Reasons})
			}
			d.Sources = src
			d.SoA = soa.SoA{Header: soa.Header{Organization: "Example Ltd", Version: "2"}}
		}, nil, ids("8.8", "8.13")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs := testDocuments(t)
			tt.mutate(&docs)
			ev, err := Evaluate(docs, asOf)
			require.NoError(t, err)
			var kinds []ReasonKind
			for _, r := range ev.Readiness.Reasons {
				if r.Kind != OpenMajor && r.Kind != ClauseNotAudited {
					kinds = append(kinds, r.Kind)
				}
			}
			assert.Equal(t, tt.kinds, kinds)
			assert.Equal(t, tt.high, ev.Basis.HighRisk)
			assert.Len(t, ev.SoA.Entries, 93)
			if docs.Register.Risks == nil {
				assert.Empty(t, ev.Assessments)
			} else {
				assert.Len(t, ev.Assessments, 2)
			}
		})
	}
}

func TestEvaluateGeneratedSoA(t *testing.T) {
	docs := testDocuments(t)
	docs.Sources = soa.Sources{
		Obligations: []soa.Obligation{{ID: "BP", Kind: soa.BestPractice, Controls: testBasis().Applicable}},
		Decisions:   []soa.Decision{{Control: iso27002.MustParse("7.4"), Applicability: soa.Excluded, Justification: "No premises."}}}
	docs.SoA = soa.SoA{Header: soa.Header{Organization: "Example Ltd", Version: "2"}}
	ev, err := Evaluate(docs, asOf)
	require.NoError(t, err)
	want, err := soa.Generate(soa.Input{Register: docs.Register, Sources: docs.Sources,
		Header: soa.Header{Organization: "Example Ltd", Version: "2", Date: asOf}})
	require.NoError(t, err)
	assert.Equal(t, want, ev.SoA, "generated from the register and the sources, dated asOf")
	assert.Equal(t, testBasis().Applicable, ev.Basis.Applicable)
	assert.Equal(t, InvalidSoA, ev.Readiness.Reasons[1].Kind, "most controls are undecided")
}

func TestEvaluateErrors(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*Documents)
		asOf   ismskit.Date
		path   string
		item   string
		kind   error
	}{
		{"no as-of date", func(*Documents) {}, ismskit.Date{}, "asOf", "", ismskit.ErrMissing},
		{"a zero catalog", func(d *Documents) { d.Catalog = new(iso27002.Catalog) }, asOf, "catalog", "", ismskit.ErrMissing},
		{"no audit records", func(d *Documents) { d.Audit = Records{} }, asOf, "audit.programme.cycleStart", "", ismskit.ErrMissing},
		{"invalid audit records", func(d *Documents) { d.Audit.Findings[2].Statement = "" }, asOf, "audit.findings[2].statement", "F-3", ismskit.ErrMissing},
		{"a finding on a control the SoA excludes", func(d *Documents) {
			d.SoA.Entries[slices.IndexFunc(d.SoA.Entries, func(e soa.Entry) bool { return e.Control.String() == "8.8" })].Applicability = soa.Excluded
		}, asOf, "audit.findings[2].control", "F-3", ErrNotInSoA},
		{"a risk that cannot be rated", func(d *Documents) { d.Register.Risks[1].Likelihood = 9 }, asOf, "register.risks[1].likelihood", "R-2", ismskit.ErrOutOfRange},
		{"an unknown level", func(d *Documents) { d.HighRiskAbove = "severe" }, asOf, "highRiskAbove", "", ismskit.ErrUnknownValue},
		{"invalid ISMS records", func(d *Documents) { d.ISMS.Documents = append(d.ISMS.Documents, d.ISMS.Documents[0]) }, asOf, "isms.documents[1].id", "ISMS-1", ismskit.ErrDuplicateID},
		{"an SoA that cannot be generated", func(d *Documents) {
			d.SoA = soa.SoA{Header: soa.Header{Organization: "Example Ltd", Version: "2"}}
			d.Sources = soa.Sources{Decisions: []soa.Decision{{Control: iso27002.MustParse("acme:X-9")}}}
		}, asOf, "sources.decisions[0].control", "acme:X-9", ismskit.ErrUnknownControl},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs := testDocuments(t)
			tt.mutate(&docs)
			ev, err := Evaluate(docs, tt.asOf)
			assert.Nil(t, ev)
			require.ErrorIs(t, err, tt.kind)
			var found bool
			for _, p := range ismskit.Problems(err) {
				if p.Path == tt.path {
					found = true
					assert.Equal(t, tt.item, p.Item)
				}
			}
			assert.True(t, found, "no problem at %s in\n%v", tt.path, err)
		})
	}
}

// TestDocumentsJSON shows that Documents decode strictly, with the path
// of a problem inside one of the documents.
func TestDocumentsJSON(t *testing.T) {
	docs := testDocuments(t)
	docs.Catalog = iso27002.Catalog2022()
	data, err := json.Marshal(docs)
	require.NoError(t, err)
	var back Documents
	require.NoError(t, json.Unmarshal(data, &back))
	assert.Equal(t, docs.Audit, back.Audit)
	assert.Equal(t, docs.SoA, back.SoA)
	assert.Equal(t, docs.Register, back.Register)
	assert.Equal(t, docs.Catalog.Len(), back.Catalog.Len())

	for _, tt := range []struct{ in, path string }{
		{`{"audit": {}, "registr": {}}`, "registr"},
		{`{"audit": {"findngs": []}}`, "audit.findngs"},
		{`{"register": {"risks": [{"id": "R-1", "likelyhood": 3}]}}`, "register.risks[0].likelyhood"},
	} {
		err := json.Unmarshal([]byte(tt.in), &back)
		assert.ErrorIs(t, err, ismskit.ErrUnknownField, tt.in)
		assert.Contains(t, errPaths(err), tt.path, tt.in)
	}
}
