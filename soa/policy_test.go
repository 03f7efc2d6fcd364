package soa

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
)

var baseline = []Reason{{Kind: BestPractice, Note: "Adopted baseline"}}

func TestGeneratePolicy(t *testing.T) {
	obligations := testSources().Obligations
	exclude := []Decision{
		{Control: id("7.4"), Applicability: Excluded, Justification: "No premises"},
		{Control: id("5.2"), Owner: "CISO"}, // decides nothing: the policy still applies
		{Control: id("5.3"), Reasons: []Reason{{Kind: BusinessRequirement, Note: "Board"}}},
		{Control: id("5.4"), Reasons: []Reason{{Kind: BusinessRequirement, Note: "Board"}}, Status: Implemented},
	}
	type want struct {
		applicability Applicability
		status        Status
		reasons       []Reason
	}
	tests := []struct {
		name      string
		policy    Policy
		undecided int
		noStatus  int
		controls  map[string]want
	}{
		{"zero policy: nothing filled in", Policy{}, 93 - 10, 5, map[string]want{
			"5.1":  {Undecided, 0, nil},
			"5.2":  {Undecided, 0, nil},
			"6.3":  {Included, 0, []Reason{{Kind: BusinessRequirement, Note: "Board decision 2026-04"}}},
			"5.3":  {Included, 0, []Reason{{Kind: BusinessRequirement, Note: "Board"}}},
			"8.13": {Included, PartiallyImplemented, nil},
			"7.4":  {Excluded, NotApplicable, nil},
		}},
		{"best practice, not started", Policy{Include: baseline, Status: NotStarted}, 0, 0, map[string]want{
			"5.1":  {Included, NotStarted, baseline},
			"5.2":  {Included, NotStarted, baseline},
			"6.3":  {Included, NotStarted, []Reason{{Kind: BusinessRequirement, Note: "Board decision 2026-04"}}},
			"5.3":  {Included, NotStarted, []Reason{{Kind: BusinessRequirement, Note: "Board"}}},
			"5.4":  {Included, Implemented, nil},
			"8.13": {Included, PartiallyImplemented, nil},
			"8.7":  {Included, Planned, nil},
			"7.4":  {Excluded, NotApplicable, nil},
		}},
		{"reasons only: included without a status", Policy{Include: baseline}, 0, 93 - 1 - 4, map[string]want{
			"5.1": {Included, 0, baseline},
			"6.3": {Included, 0, nil},
		}},
		{"status only: undecided controls stay undecided", Policy{Status: Planned}, 93 - 10, 0, map[string]want{
			"5.1": {Undecided, 0, nil},
			"6.3": {Included, Planned, nil},
			"7.4": {Excluded, NotApplicable, nil},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Generate(Input{Header: testHeader(), Register: testRegister(),
				Sources: Sources{Obligations: obligations, Decisions: exclude, Policy: tt.policy}})
			require.NoError(t, err)
			sum := s.Summary()
			assert.Equal(t, tt.undecided, sum.Total.Undecided)
			assert.Equal(t, tt.noStatus, sum.Total.NoStatus-sum.Total.Undecided, "included controls without a status")
			for c, w := range tt.controls {
				e, ok := s.Entry(id(c))
				require.True(t, ok)
				assert.Equal(t, w.applicability, e.Applicability, c)
				assert.Equal(t, w.status, e.Status, c)
				if w.reasons != nil {
					assert.Equal(t, w.reasons, e.Reasons, c)
				}
			}
			e, _ := s.Entry(id("5.2"))
			assert.Equal(t, "CISO", e.Owner, "the decision's fields stay")
		})
	}
}

// TestPolicyMakesTheSoAValid shows the generation policy at work: a register, two
// obligations, two exclusions and a policy give a valid SoA in one call.
func TestPolicyMakesTheSoAValid(t *testing.T) {
	reg := testRegister()
	in := Input{Header: testHeader(), Register: reg, Sources: Sources{
		Obligations: testSources().Obligations,
		Decisions: []Decision{
			{Control: id("7.4"), Applicability: Excluded, Justification: "No premises"},
			{Control: id("7.5"), Applicability: Excluded, Justification: "Physical threats are the provider's"},
		},
		Policy: Policy{Include: baseline, Status: NotStarted},
	}}
	s, err := Generate(in)
	require.NoError(t, err)
	require.NoError(t, s.Validate(ValidateOptions{Register: &reg}))
	assert.Equal(t, Count{Entries: 93, Included: 91, Excluded: 2, NotStarted: 88, Planned: 1, PartiallyImplemented: 1, Implemented: 1, NotApplicable: 2},
		s.Summary().Total)
}

func TestGeneratePolicyErrors(t *testing.T) {
	tests := []struct {
		name   string
		policy Policy
		path   string
		kind   error
	}{
		{"risk treatment", Policy{Include: []Reason{{Kind: RiskTreatment, Risks: []string{"R-1"}}}}, "sources.policy.include[0].kind", ismskit.ErrUnknownValue},
		{"no kind", Policy{Include: []Reason{{Note: "x"}}}, "sources.policy.include[0].kind", ismskit.ErrUnknownValue},
		{"undefined kind", Policy{Include: []Reason{{Kind: 42}}}, "sources.policy.include[0].kind", ismskit.ErrUnknownValue},
		{"risks on another kind", Policy{Include: []Reason{{Kind: BestPractice, Risks: []string{"R-1"}}}}, "sources.policy.include[0].risks", ismskit.ErrInconsistent},
		{"not applicable", Policy{Status: NotApplicable}, "sources.policy.status", ismskit.ErrInconsistent},
		{"undefined status", Policy{Status: 42}, "sources.policy.status", ismskit.ErrUnknownValue},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Generate(Input{Header: testHeader(), Sources: Sources{Policy: tt.policy}})
			require.Error(t, err)
			assert.ErrorIs(t, err, tt.kind)
			assert.Equal(t, []string{tt.path}, fielderr.Paths(err))
			assert.Len(t, s.Entries, 93, "the SoA is complete all the same")
			assert.Equal(t, 93, s.Summary().Total.Undecided, "the bad part of the policy is left out")
		})
	}
}

func TestSourcesDecide(t *testing.T) {
	d := func(c, owner string) Decision { return Decision{Control: id(c), Owner: owner} }
	tests := []struct {
		name   string
		before []Decision
		decide Decision
		after  []Decision
	}{
		{"append to none", nil, d("5.1", "a"), []Decision{d("5.1", "a")}},
		{"append", []Decision{d("5.1", "a")}, d("5.2", "b"), []Decision{d("5.1", "a"), d("5.2", "b")}},
		{"replace in place", []Decision{d("5.1", "a"), d("5.2", "b"), d("5.3", "c")}, d("5.2", "x"), []Decision{d("5.1", "a"), d("5.2", "x"), d("5.3", "c")}},
		{"replace and drop the duplicates", []Decision{d("5.2", "b"), d("5.1", "a"), d("5.2", "b2")}, d("5.2", "x"), []Decision{d("5.2", "x"), d("5.1", "a")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := Sources{Decisions: tt.before}
			var before []Decision
			if tt.before != nil {
				before = append(before, tt.before...)
			}
			src.Decide(tt.decide)
			assert.Equal(t, tt.after, src.Decisions)
			assert.Equal(t, before, tt.before, "the old slice is not modified")
			got, ok := src.Decision(tt.decide.Control)
			require.True(t, ok)
			assert.Equal(t, tt.decide, got)
		})
	}

	// The upsert every user wrote: read, change, set.
	src := testSources()
	n := len(src.Decisions)
	dec, ok := src.Decision(id("8.7"))
	require.True(t, ok)
	dec.Status = Implemented
	dec.Evidence = []string{"EDR report"}
	src.Decide(dec)
	assert.Len(t, src.Decisions, n)
	s, err := Generate(Input{Header: testHeader(), Register: testRegister(), Sources: src})
	require.NoError(t, err)
	e, _ := s.Entry(id("8.7"))
	assert.Equal(t, Implemented, e.Status)
	assert.Equal(t, "IT lead", e.Owner)

	// Copies: Decide and Decision share no memory with their arguments.
	reasons := []Reason{{Kind: BestPractice}}
	src.Decide(Decision{Control: id("5.1"), Reasons: reasons})
	reasons[0].Note = "changed"
	got, _ := src.Decision(id("5.1"))
	assert.Empty(t, got.Reasons[0].Note)
	got.Reasons[0].Note = "changed again"
	again, _ := src.Decision(id("5.1"))
	assert.Empty(t, again.Reasons[0].Note)

	_, ok = Sources{}.Decision(id("5.1"))
	assert.False(t, ok)
	var nilSources *Sources
	assert.NotPanics(t, func() { nilSources.Decide(Decision{Control: id("5.1")}) })
}
