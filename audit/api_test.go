package audit

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/apitest"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/soa"
)

// exportedFuncs lists every exported function of the package; TestAPI
// fails when the source has one that is not here.
var exportedFuncs = map[string]any{
	"Assess": Assess, "BasisOf": BasisOf, "ChecklistSchema": ChecklistSchema, "DecodeRecords": DecodeRecords,
	"DecodeReport": DecodeReport, "Digest": Digest, "EncodeRecords": EncodeRecords, "EncodeReport": EncodeReport,
	"Evaluate": Evaluate, "EvenSlots": EvenSlots, "HighRiskControls": HighRiskControls,
	"IneffectiveActions": IneffectiveActions, "JSONSchema": JSONSchema, "Kinds": Kinds, "NewChecklist": NewChecklist,
	"NewEvidence": NewEvidence, "NewReport": NewReport, "OpenMajors": OpenMajors, "OverdueActions": OverdueActions,
	"ParseKind": ParseKind, "ParseReasonKind": ParseReasonKind, "ParseResult": ParseResult, "ParseState": ParseState,
	"Plan": Plan, "Raise": Raise, "ReadRecords": ReadRecords, "ReadReport": ReadReport, "ReasonKinds": ReasonKinds,
	"ReportSchema": ReportSchema, "ResultFill": ResultFill, "Results": Results, "States": States, "WriteRecords": WriteRecords,
	"WriteReport": WriteReport,
}

// exportedTypes has a value of every exported type of the package.
var exportedTypes = []any{
	ActionLine{}, Audit{}, AuditLine{}, Auditor{}, Basis{}, Checklist{}, ControlCoverage{}, CorrectiveAction{},
	Coverage{}, Documents{}, Evaluation{}, Evidence{}, Finding{}, FindingGroup{}, FindingLine{}, ItemCoverage{},
	Kind(0), Line{}, PlanOptions{}, Programme{}, Readiness{}, ReadinessInput{}, Reason{}, ReasonKind(0), Records{},
	ReadinessDocument{}, Report{}, ReportDocument{}, ReportScope{}, Result(0), ResultCount{}, Scope{}, Score{}, Slot{}, State(0), Step{}, Summary{},
	Transition{}, TransitionError{},
}

// TestAPIZero calls every exported function with zero arguments, and every
// exported method on a zero value and on a nil pointer: none panics. A new
// exported function or type fails this test until it is listed above.
func TestAPIZero(t *testing.T) {
	apitest.ZeroCalls(t, ".", exportedFuncs, exportedTypes...)
}

// TestAPIJSON marshals every exported type with encoding/json, its zero
// value and a value from the package's own results, with lowerCamelCase
// keys, and decodes it back to an equal value.
func TestAPIJSON(t *testing.T) {
	r := testRecords(t)
	r.Extensions = map[string]json.RawMessage{"ticket": json.RawMessage(`{"system":"jira","key":"ISMS-12"}`)}
	b := testBasis()
	cov, err := r.Programme.Coverage(b)
	require.NoError(t, err)
	cl, err := NewChecklist(r.Programme.Audits[0], b)
	require.NoError(t, err)
	cl.Lines[0].Result, cl.Lines[0].Statement, cl.Lines[0].Evidence, cl.Lines[0].Auditor = Minor, "Late.", []string{"E-1"}, "Ben"
	rep := testReport(t)
	docs := testDocuments(t)
	ev, err := Evaluate(docs, asOf)
	require.NoError(t, err)
	gap, err := iso27001.Analyze(docs.ISMS, asOf)
	require.NoError(t, err)
	s := docs.SoA
	samples := map[string][]any{
		"ActionLine":       {rep.Actions[1]},
		"Audit":            {r.Programme.Audits[0]},
		"AuditLine":        {rep.Scope.Audits[0]},
		"Auditor":          {testAuditors[0], Auditor{Name: "Lena", Lead: true, External: true}},
		"Basis":            {b, Basis{Standard: iso27001.Latest(), Applicable: []iso27002.ControlID{}}, Basis{Standard: iso27001.MustNew(iso27001.Edition2013)}},
		"Checklist":        {*cl},
		"ControlCoverage":  {cov.Controls[6]},
		"CorrectiveAction": {r.Actions[0], r.Actions[1]},
		"Coverage":         {*cov},
		"Documents":        {docs},
		"Evaluation":       {*ev},
		"Evidence":         {r.Evidence[0], r.Evidence[2]},
		"Finding":          {r.Findings[0], r.Findings[2]},
		"FindingGroup":     {rep.Findings[0]},
		"FindingLine":      {rep.Findings[0].Findings[0]},
		"ItemCoverage":     {cov.Items[0]},
		"Kind":             {Internal, Recertification},
		"Line":             {cl.Lines[0], cl.Lines[len(cl.Lines)-1]},
		"PlanOptions":      {PlanOptions{Basis: b, CycleStart: d("2026-02-02"), Slots: slots(t, d("2026-02-02"), 3, 3), Auditors: testAuditors, AuditorsPerAudit: 2, HighRiskAudits: 2}},
		"Programme":        {r.Programme},
		"Readiness":        {rep.Readiness},
		"ReadinessInput":   {ReadinessInput{Gap: gap, SoA: &s, Register: &docs.Register}},
		"Reason":           {rep.Readiness.Reasons[0]},
		"ReasonKind":       {OpenMajor, ClauseNotAudited},
		"Records":          {r},
		"Report":           {*rep},
		"ReportDocument": {ReportDocument{Report: *rep, Version: "1.0", Objectives: "o", Criteria: "c", Method: "m",
			Auditees: []string{"CTO"}, Distribution: []string{"Board"}, PreparedBy: "Ben", ApprovedBy: "CEO", ApprovedAt: asOf,
			Letterhead: ismskit.Letterhead{Classification: "Confidential", Colour: "#123456"}}},
		"ReadinessDocument": {ReadinessDocument{Readiness: rep.Readiness, Organization: "Example Ltd", Version: "1", Gap: gap,
			Letterhead: ismskit.Letterhead{Logo: []byte("\x89PNG\r\n\x1a\n")}}},
		"ReportScope":     {rep.Scope},
		"Result":          {Major, NotAudited},
		"ResultCount":     {rep.Summary.ByResult[0]},
		"Scope":           {r.Programme.Audits[0].Scope, testAuditors[0].Responsible},
		"Score":           {rep.Readiness.Overall},
		"Slot":            {Slot{ID: "IA-1", Title: "First", Start: d("2026-02-02"), End: d("2026-02-04"), Sites: []string{"Lyon"}, Processes: []string{"Payroll"}}},
		"State":           {Raised, Ineffective},
		"Step":            {Step{To: Planned, Date: d("2026-03-01"), By: "Dee", Text: "Plan", Owner: "Dee", Due: d("2026-06-30")}},
		"Summary":         {rep.Summary},
		"Transition":      {r.Actions[0].History[1]},
		"TransitionError": {TransitionError{From: Raised, To: Planned}},
	}
	var plain []any
	for _, v := range exportedTypes {
		name := reflect.TypeOf(v).Name()
		_, ok := samples[name]
		assert.True(t, ok, "exported type %s has no sample", name)
		for _, x := range append([]any{v}, samples[name]...) {
			if !hasCatalog(x) {
				plain = append(plain, x)
				continue
			}
			// A catalog decodes to an equal catalog, not to the same
			// internal state: compare what it encodes to.
			want, err := json.Marshal(x)
			require.NoError(t, err)
			back := reflect.New(reflect.TypeOf(x))
			require.NoError(t, json.Unmarshal(want, back.Interface()))
			got, err := json.Marshal(back.Elem().Interface())
			require.NoError(t, err)
			assert.JSONEq(t, string(want), string(got))
		}
	}
	apitest.JSON(t, ".", plain...)
	assert.True(t, hasCatalog(*ev), "an evaluation carries the catalog of its basis")
	assert.Equal(t, iso27002.Catalog2022().Len(), ev.Basis.Catalog.Len())
}

// hasCatalog reports whether v holds a catalog: an Evaluation, or a Basis
// or Documents with one.
func hasCatalog(v any) bool {
	switch x := v.(type) {
	case Evaluation:
		return x.Basis.Catalog != nil
	case Basis:
		return x.Catalog != nil
	case Documents:
		return x.Catalog != nil
	case PlanOptions:
		return x.Basis.Catalog != nil
	}
	return false
}

// TestNilTargets shows that decoding into a nil pointer is an error, not
// a panic.
func TestNilTargets(t *testing.T) {
	var r *Records
	assert.Error(t, r.UnmarshalJSON([]byte(`{}`)))
	var k *Kind
	assert.Error(t, k.UnmarshalText([]byte("internal")))
	var s *soa.SoA
	in := ReadinessInput{SoA: s}
	p, _, n := in.soaProblem(Basis{})
	assert.Nil(t, p)
	assert.Zero(t, n)
}

func TestBasisJSON(t *testing.T) {
	b := Basis{Standard: iso27001.MustNew(iso27001.Edition2013), Catalog: iso27002.Catalog2013(), Applicable: ids("A.5.1.1")}
	data, err := json.Marshal(b)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"standard":{"edition":"2013"}`)
	var back Basis
	require.NoError(t, json.Unmarshal(data, &back))
	assert.Equal(t, b.Standard, back.Standard)
	assert.Equal(t, iso27002.Catalog2013().Len(), back.Catalog.Len())
	_, err = back.resolve()
	require.NoError(t, err)

	err = json.Unmarshal([]byte(`{"standard": {"edition": "2013", "amendments": ["amd1-2024"]}}`), &back)
	assert.ErrorIs(t, err, iso27001.ErrAmendmentNotApplicable)
	assert.Equal(t, []string{"standard"}, errPaths(err))
	err = json.Unmarshal([]byte(`{"aplicable": []}`), &back)
	assert.Equal(t, []string{"aplicable"}, errPaths(err))

	// A Standard or Catalog made with new, not a constructor, is reported,
	// not used.
	zero := Basis{Standard: new(iso27001.Standard), Catalog: new(iso27002.Catalog)}
	_, err = zero.resolve()
	assert.ErrorIs(t, err, ismskit.ErrMissing)
	assert.Equal(t, []string{"standard", "catalog"}, errPaths(err))
	assert.NotPanics(t, func() {
		_, err = json.Marshal(zero)
		assert.Error(t, Records{}.Validate(zero))
		_, err = NewChecklist(Audit{}, zero)
		assert.Error(t, err)
	})
}
