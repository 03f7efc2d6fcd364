package soa

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/risk"
)

func TestGenerateDerivesReasons(t *testing.T) {
	s, err := Generate(Input{Header: testHeader(), Register: testRegister(), Sources: Sources{Obligations: testSources().Obligations}})
	require.NoError(t, err)
	require.Len(t, s.Entries, 93)
	assert.Equal(t, "ISO/IEC 27002:2022", s.Header.Catalog)
	assert.Equal(t, iso27002.Edition2022, s.Header.Edition)
	assert.Equal(t, asOf, s.Header.Date)

	e, ok := s.Entry(id("8.13"))
	require.True(t, ok)
	assert.Equal(t, Included, e.Applicability)
	assert.Equal(t, []Reason{
		{Kind: RiskTreatment, Risks: []string{"R-1", "R-2"}},
		{Kind: Contractual, Reference: "Customer MSA, clause 7", Note: "Security schedule"},
	}, e.Reasons)
	assert.Equal(t, PartiallyImplemented, e.Status, "implemented for R-1, planned for R-2")

	e, _ = s.Entry(id("8.7"))
	assert.Equal(t, []Reason{{Kind: RiskTreatment, Risks: []string{"R-1"}}}, e.Reasons, "one reason even though the risk and its action both name it")
	assert.Equal(t, Planned, e.Status)
	assert.Equal(t, due, e.TargetDate, "due date of the open action")

	e, _ = s.Entry(id("5.15"))
	assert.Equal(t, Implemented, e.Status)

	e, _ = s.Entry(id("8.16"))
	assert.Equal(t, Undecided, e.Applicability, "a cancelled action selects nothing")

	e, _ = s.Entry(id("6.3"))
	assert.Equal(t, Included, e.Applicability)
	assert.Equal(t, Status(0), e.Status, "an obligation alone sets no status")

	e, _ = s.Entry(id("5.1"))
	assert.Equal(t, Undecided, e.Applicability, "no source decides 5.1: undecided, never excluded")
	assert.Equal(t, "Policies for information security", e.Title)
	assert.Equal(t, "organizational", e.Theme)

	n := 0
	for range s.Undecided() {
		n++
	}
	assert.Equal(t, 93-7, n)
	require.ErrorIs(t, s.Validate(ValidateOptions{}), ErrUndecided)
}

func TestGenerateDecisions(t *testing.T) {
	s := testSoA(t)
	require.NoError(t, s.Validate(ValidateOptions{Register: ptr(testRegister()), RequireEvidence: true}))
	e, _ := s.Entry(id("7.5"))
	assert.Equal(t, Excluded, e.Applicability)
	assert.Equal(t, NotApplicable, e.Status, "an excluded control gets not-applicable")
	e, _ = s.Entry(id("7.1"))
	assert.Equal(t, Inherited, e.Responsibility)
	assert.Equal(t, "Example Cloud", e.Provider)
	assert.Equal(t, Included, e.Applicability)
	e, _ = s.Entry(id("8.7"))
	assert.Equal(t, "IT lead", e.Owner)
	assert.Equal(t, Planned, e.Status, "a decision without a status keeps the derived one")
	e, _ = s.Entry(id("5.1"))
	assert.Equal(t, []Reason{{Kind: BestPractice, Note: "Baseline"}}, e.Reasons)
	assert.Equal(t, 0, count(s.Undecided()))
	assert.Equal(t, 12, count(s.Excluded()))
	assert.Equal(t, 81, count(s.Included()))
}

func TestGenerateExclusionOfRiskControlIsKept(t *testing.T) {
	src := testSources()
	for i := range src.Decisions {
		if src.Decisions[i].Control == id("5.15") {
			src.Decisions[i] = Decision{Control: id("5.15"), Applicability: Excluded, Justification: "We think not"}
		}
	}
	s, err := Generate(Input{Header: testHeader(), Register: testRegister(), Sources: src})
	require.NoError(t, err)
	e, _ := s.Entry(id("5.15"))
	assert.Equal(t, Excluded, e.Applicability)
	assert.True(t, e.TreatsRisk(), "the risk reason is kept so the conflict shows")
	err = s.Validate(ValidateOptions{})
	require.ErrorIs(t, err, ErrExcludedRiskControl)
	assert.Contains(t, err.Error(), "entries[14].applicability (5.15): 5.15 is excluded but treats risks R-2")
}

func TestGenerateInputErrors(t *testing.T) {
	reg := testRegister()
	reg.Risks[0].Controls = append(reg.Risks[0].Controls, risk.AppliedControl{Control: id("acme:X"), Status: risk.Planned})
	reg.Risks[1].Treatment.Plan = []risk.Action{{ID: "A", Title: "t", Owner: "o", Status: risk.ActionPlanned, Controls: ids("A.5.1.1")}}
	src := Sources{
		Obligations: []Obligation{
			{ID: "O-1", Kind: RiskTreatment, Controls: ids("5.1")},
			{ID: "O-2", Kind: Legal, Reference: "x", Controls: ids("5.2", "acme:Y")},
		},
		Decisions: []Decision{
			{Control: id("5.3"), Applicability: Excluded, Justification: "a"},
			{Control: id("5.3"), Applicability: Included},
			{Control: id("acme:Z")},
		},
	}
	s, err := Generate(Input{Header: testHeader(), Register: reg, Sources: src})
	require.Error(t, err)
	assert.Len(t, s.Entries, 93, "the SoA is complete even with bad input")
	want := []struct {
		path string
		kind error
	}{
		{"register.risks[0].controls[2].control", ismskit.ErrUnknownControl},
		{"register.risks[1].treatment.plan[0].controls[0]", ismskit.ErrUnknownControl},
		{"sources.obligations[0].kind", ismskit.ErrUnknownValue},
		{"sources.obligations[1].controls[1]", ismskit.ErrUnknownControl},
		{"sources.decisions[1].control", ismskit.ErrDuplicateID},
		{"sources.decisions[2].control", ismskit.ErrUnknownControl},
	}
	errs := err.(interface{ Unwrap() []error }).Unwrap()
	require.Len(t, errs, len(want), err.Error())
	for i, w := range want {
		var fe *ismskit.Error
		require.ErrorAs(t, errs[i], &fe)
		assert.Equal(t, w.path, fe.Path)
		assert.ErrorIs(t, errs[i], w.kind)
	}
	e, _ := s.Entry(id("5.3"))
	assert.Equal(t, Excluded, e.Applicability, "the first decision counts")
	e, _ = s.Entry(id("5.2"))
	assert.Equal(t, Included, e.Applicability)
}

func TestGenerateCustomCatalog(t *testing.T) {
	cat, err := iso27002.Catalog2022().Extend("Example controls", []iso27002.Control{
		{ID: id("acme:restore-drill"), Title: "Quarterly restore drill", Group: "resilience"},
	})
	require.NoError(t, err)
	reg := testRegister()
	reg.Risks[1].Controls = append(reg.Risks[1].Controls, risk.AppliedControl{Control: id("acme:restore-drill"), Status: risk.Planned})
	s, err := Generate(Input{Catalog: cat, Header: testHeader(), Register: reg})
	require.NoError(t, err)
	require.Len(t, s.Entries, 94)
	last := s.Entries[93]
	assert.Equal(t, id("acme:restore-drill"), last.Control)
	assert.Equal(t, "resilience", last.Theme)
	assert.Equal(t, []Reason{{Kind: RiskTreatment, Risks: []string{"R-2"}}}, last.Reasons)
	assert.Equal(t, iso27002.Edition2022, s.Header.Edition, "an extended catalog keeps its base edition")

	s13, err := Generate(Input{Catalog: iso27002.Catalog2013(), Header: testHeader()})
	require.NoError(t, err)
	require.Len(t, s13.Entries, 114)
	assert.Equal(t, "A.5 Information security policies", s13.Entries[0].Theme)
}

func TestGenerateIsPureAndDeterministic(t *testing.T) {
	in := Input{Header: testHeader(), Register: testRegister(), Sources: testSources()}
	before := deepCopyInput(in)
	a, err := Generate(in)
	require.NoError(t, err)
	b, err := Generate(in)
	require.NoError(t, err)
	ja, err := EncodeSoA(a)
	require.NoError(t, err)
	jb, err := EncodeSoA(b)
	require.NoError(t, err)
	assert.Equal(t, string(ja), string(jb))
	assert.True(t, reflect.DeepEqual(before, in), "Generate modified its input")

	// The result shares no memory with the input.
	a.Entries[0].Evidence[0] = "changed"
	for _, d := range in.Sources.Decisions {
		if d.Control == a.Entries[0].Control {
			assert.NotEqual(t, "changed", d.Evidence[0])
		}
	}
}

func deepCopyInput(in Input) Input {
	out := in
	reg := in.Register
	reg.Risks = make([]risk.Risk, len(in.Register.Risks))
	for i, r := range in.Register.Risks {
		r.Controls = append([]risk.AppliedControl(nil), r.Controls...)
		r.Treatment.Plan = append([]risk.Action(nil), r.Treatment.Plan...)
		reg.Risks[i] = r
	}
	out.Register = reg
	out.Sources.Decisions = append([]Decision(nil), in.Sources.Decisions...)
	for i := range out.Sources.Decisions {
		out.Sources.Decisions[i].Evidence = append([]string(nil), in.Sources.Decisions[i].Evidence...)
		out.Sources.Decisions[i].Reasons = cloneReasons(in.Sources.Decisions[i].Reasons)
	}
	out.Sources.Obligations = append([]Obligation(nil), in.Sources.Obligations...)
	return out
}

func TestDecodeSources(t *testing.T) {
	s, err := DecodeSources([]byte(`{"obligations":[{"id":"O","kind":"legal","reference":"X","controls":["5.1"]}],"decisions":[{"control":"5.2","applicability":"excluded","justification":"j"}]}`))
	require.NoError(t, err)
	assert.Equal(t, Legal, s.Obligations[0].Kind)
	assert.Equal(t, Excluded, s.Decisions[0].Applicability)
	_, err = DecodeSources([]byte(`{"decisions":[{"control":"5.2","applicabilty":"excluded"},{"control":"5.99"}]}`))
	require.Error(t, err)
	assert.ErrorIs(t, err, ismskit.ErrUnknownField)
	assert.ErrorIs(t, err, ismskit.ErrUnknownControl)
	assert.Contains(t, err.Error(), "decisions[0].applicabilty")
	assert.Contains(t, err.Error(), "decisions[1].control")
}

func ptr[T any](v T) *T { return &v }

func count[T any](seq func(func(T) bool)) int {
	n := 0
	for range seq {
		n++
	}
	return n
}

func TestCloneIsDeep(t *testing.T) {
	s := richSoA(t)
	s.Extensions = json.RawMessage(`{"a":1}`)
	c := s.Clone()
	require.Equal(t, s, c)
	c.Entries[0].Reasons[2].Risks[0] = "x"
	c.Entries[0].Evidence[0] = "x"
	c.Entries[0].Notes[0] = "x"
	c.Entries[0].Extensions[0] = 'x'
	c.Extensions[0] = 'x'
	assert.Equal(t, "R,1", s.Entries[0].Reasons[2].Risks[0])
	assert.Equal(t, "POL-01, v3", s.Entries[0].Evidence[0])
	assert.Equal(t, "note; with separators", s.Entries[0].Notes[0])
	assert.Equal(t, byte('{'), s.Entries[0].Extensions[0])
	assert.Equal(t, byte('{'), s.Extensions[0])
	e, _ := s.Entry(id("5.1"))
	e.Evidence[0] = "y"
	assert.Equal(t, "POL-01, v3", s.Entries[0].Evidence[0], "Entry returns a copy")
}
