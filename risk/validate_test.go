package risk

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/iso27002"
)

func TestValidateSample(t *testing.T) {
	require.NoError(t, testRegister().Validate())
	require.NoError(t, loadSample(t).Validate())
}

func TestValidateMessage(t *testing.T) {
	reg := testRegister()
	reg.Risks[1].Likelihood = 7
	err := reg.Validate()
	require.EqualError(t, err, "risks[1].likelihood (R-2): 7 is outside the scale 1..5")
	require.ErrorIs(t, err, ismskit.ErrOutOfRange)
	var fe *ismskit.Error
	require.True(t, errors.As(err, &fe))
	assert.Equal(t, "risks[1].likelihood", fe.Path)
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(r *Register)
		path   string
		kind   error
		item   string // the ID of the element the problem is in
	}{
		{"criteria", func(r *Register) { r.Criteria.ID = "" }, "criteria.id", ismskit.ErrMissing, ""},
		{"asset id", func(r *Register) { r.Assets[1].ID = "" }, "assets[1].id", ismskit.ErrMissing, ""},
		{"asset duplicate", func(r *Register) { r.Assets[1].ID = "db" }, "assets[1].id", ismskit.ErrDuplicateID, "db"},
		{"asset name", func(r *Register) { r.Assets[0].Name = "" }, "assets[0].name", ismskit.ErrMissing, "db"},
		{"asset owner", func(r *Register) { r.Assets[0].Owner = "" }, "assets[0].owner", ismskit.ErrMissing, "db"},
		{"asset kind missing", func(r *Register) { r.Assets[0].Kind = "" }, "assets[0].kind", ismskit.ErrMissing, "db"},
		{"asset kind unknown", func(r *Register) { r.Assets[0].Kind = "primary" }, "assets[0].kind", ismskit.ErrUnknownValue, "db"},
		{"asset property", func(r *Register) { r.Assets[0].Properties = []Property{"privacy"} }, "assets[0].properties[0]", ismskit.ErrUnknownValue, "db"},
		{"asset property twice", func(r *Register) { r.Assets[0].Properties = []Property{Integrity, Integrity} }, "assets[0].properties[1]", ismskit.ErrDuplicateID, "db"},
		{"threat duplicate", func(r *Register) { r.Threats = append(r.Threats, Threat{ID: "t1", Name: "x"}) }, "threats[1].id", ismskit.ErrDuplicateID, "t1"},
		{"threat name", func(r *Register) { r.Threats[0].Name = "" }, "threats[0].name", ismskit.ErrMissing, "t1"},
		{"vulnerability name", func(r *Register) { r.Vulnerabilities[0].Name = "" }, "vulnerabilities[0].name", ismskit.ErrMissing, "v1"},
		{"vulnerability asset", func(r *Register) { r.Vulnerabilities[0].Assets = []string{"nope"} }, "vulnerabilities[0].assets[0]", ismskit.ErrUnknownReference, "v1"},
		{"risk id", func(r *Register) { r.Risks[0].ID = "" }, "risks[0].id", ismskit.ErrMissing, ""},
		{"risk duplicate", func(r *Register) { r.Risks[2].ID = "R-1" }, "risks[2].id", ismskit.ErrDuplicateID, "R-1"},
		{"risk title", func(r *Register) { r.Risks[0].Title = "" }, "risks[0].title", ismskit.ErrMissing, "R-1"},
		{"risk owner", func(r *Register) { r.Risks[0].Owner = "" }, "risks[0].owner", ismskit.ErrMissing, "R-1"},
		{"unknown asset", func(r *Register) { r.Risks[0].Assets = []string{"db", "mainframe"} }, "risks[0].assets[1]", ismskit.ErrUnknownReference, "R-1"},
		{"unknown threat", func(r *Register) { r.Risks[0].Threats = []string{"t9"} }, "risks[0].threats[0]", ismskit.ErrUnknownReference, "R-1"},
		{"unknown vulnerability", func(r *Register) { r.Risks[0].Vulnerabilities = []string{"v9"} }, "risks[0].vulnerabilities[0]", ismskit.ErrUnknownReference, "R-1"},
		{"risk property", func(r *Register) { r.Risks[0].Properties = []Property{"Availability"} }, "risks[0].properties[0]", ismskit.ErrUnknownValue, "R-1"},
		{"likelihood", func(r *Register) { r.Risks[0].Likelihood = 0 }, "risks[0].likelihood", ismskit.ErrOutOfRange, "R-1"},
		{"impact", func(r *Register) { r.Risks[0].Impact = 6 }, "risks[0].impact", ismskit.ErrOutOfRange, "R-1"},
		{"property impact scale", func(r *Register) {
			r.Risks[0].PropertyImpacts = []PropertyImpact{{Property: Availability, Impact: 6}}
		}, "risks[0].propertyImpacts[0].impact", ismskit.ErrOutOfRange, "R-1"},
		{"property impact unlisted", func(r *Register) {
			r.Risks[0].PropertyImpacts = []PropertyImpact{{Property: Confidentiality, Impact: 2}}
		}, "risks[0].propertyImpacts[0].property", ismskit.ErrUnknownReference, "R-1"},
		{"property impact twice", func(r *Register) {
			r.Risks[0].PropertyImpacts = []PropertyImpact{{Property: Availability, Impact: 2}, {Property: Availability, Impact: 3}}
		}, "risks[0].propertyImpacts[1].property", ismskit.ErrDuplicateID, "R-1"},
		{"property impact unknown", func(r *Register) {
			r.Risks[0].PropertyImpacts = []PropertyImpact{{Property: "safety", Impact: 2}}
		}, "risks[0].propertyImpacts[0].property", ismskit.ErrUnknownValue, "R-1"},
		{"control missing", func(r *Register) { r.Risks[0].Controls[0].Control = iso27002.ControlID{} }, "risks[0].controls[0].control", ismskit.ErrMissing, "R-1"},
		{"control twice", func(r *Register) { r.Risks[0].Controls[1].Control = r.Risks[0].Controls[0].Control }, "risks[0].controls[1].control", ismskit.ErrDuplicateID, "R-1"},
		{"control status", func(r *Register) { r.Risks[0].Controls[0].Status = "done" }, "risks[0].controls[0].status", ismskit.ErrUnknownValue, "R-1"},
		{"control effect", func(r *Register) { r.Risks[0].Controls[0].LikelihoodEffect = 101 }, "risks[0].controls[0].likelihoodEffect", ismskit.ErrOutOfRange, "R-1"},
		{"control impact effect", func(r *Register) { r.Risks[0].Controls[0].ImpactEffect = -5 }, "risks[0].controls[0].impactEffect", ismskit.ErrOutOfRange, "R-1"},
		{"current", func(r *Register) { r.Risks[0].Current = &Estimate{Likelihood: 6, Impact: 1} }, "risks[0].current.likelihood", ismskit.ErrOutOfRange, "R-1"},
		{"residual", func(r *Register) { r.Risks[2].Residual = &Estimate{Likelihood: 1, Impact: 0} }, "risks[2].residual.impact", ismskit.ErrOutOfRange, "R-10"},
		{"no treatment", func(r *Register) { r.Risks[1].Treatment.Option = "" }, "risks[1].treatment.option", ismskit.ErrMissing, "R-2"},
		{"unknown treatment", func(r *Register) { r.Risks[1].Treatment.Option = "transfer" }, "risks[1].treatment.option", ismskit.ErrUnknownValue, "R-2"},
		{"share without party", func(r *Register) { r.Risks[2].Treatment.SharedWith = "" }, "risks[2].treatment.sharedWith", ismskit.ErrMissing, "R-10"},
		{"modify without control", func(r *Register) { r.Risks[1].Treatment.Option = Modify }, "risks[1].controls", ismskit.ErrMissing, "R-2"},
		{"action id", func(r *Register) { r.Risks[0].Treatment.Plan[0].ID = "" }, "risks[0].treatment.plan[0].id", ismskit.ErrMissing, "R-1"},
		{"action duplicate", func(r *Register) {
			r.Risks[0].Treatment.Plan = append(r.Risks[0].Treatment.Plan, r.Risks[0].Treatment.Plan[0])
		}, "risks[0].treatment.plan[1].id", ismskit.ErrDuplicateID, "R-1/a1"},
		{"action title", func(r *Register) { r.Risks[0].Treatment.Plan[0].Title = "" }, "risks[0].treatment.plan[0].title", ismskit.ErrMissing, "R-1/a1"},
		{"action owner", func(r *Register) { r.Risks[0].Treatment.Plan[0].Owner = "" }, "risks[0].treatment.plan[0].owner", ismskit.ErrMissing, "R-1/a1"},
		{"action status", func(r *Register) { r.Risks[0].Treatment.Plan[0].Status = "open" }, "risks[0].treatment.plan[0].status", ismskit.ErrUnknownValue, "R-1/a1"},
		{"action control", func(r *Register) {
			r.Risks[0].Treatment.Plan[0].Controls = []iso27002.ControlID{iso27002.MustParse("5.1")}
		}, "risks[0].treatment.plan[0].controls[0]", ismskit.ErrUnknownReference, "R-1/a1"},
		{"approval by", func(r *Register) { r.Risks[0].Approvals = []Approval{{At: day("2026-01-01")}} }, "risks[0].approvals[0].by", ismskit.ErrMissing, "R-1"},
		{"approval at", func(r *Register) { r.Risks[0].Approvals = []Approval{{By: "cto"}} }, "risks[0].approvals[0].at", ismskit.ErrMissing, "R-1"},
		{"approval order", func(r *Register) {
			r.Risks[0].Approvals = []Approval{{By: "cto", At: day("2026-02-01")}, {By: "cto", At: day("2026-01-01")}}
		}, "risks[0].approvals[1].at", ismskit.ErrDateOrder, "R-1"},
		{"acceptance order", func(r *Register) {
			a := Acceptance{By: "cto", At: day("2026-02-01"), Criteria: r.Criteria.Ref(), Likelihood: 1, Impact: 1, Level: "low"}
			b := a
			b.At = day("2026-01-01")
			r.Risks[0].Acceptances = []Acceptance{a, b}
		}, "risks[0].acceptances[1].at", ismskit.ErrDateOrder, "R-1"},
		{"acceptance fields", func(r *Register) { r.Risks[0].Acceptances = []Acceptance{{}} }, "risks[0].acceptances[0].criteria.id", ismskit.ErrMissing, "R-1"},
		{"acceptance level", func(r *Register) {
			r.Risks[0].Acceptances = []Acceptance{{By: "cto", At: day("2026-02-01"), Criteria: r.Criteria.Ref(), Likelihood: 1, Impact: 1, Level: "tiny"}}
		}, "risks[0].acceptances[0].level", ismskit.ErrUnknownReference, "R-1"},
		{"acceptance scale", func(r *Register) {
			r.Risks[0].Acceptances = []Acceptance{{By: "cto", At: day("2026-02-01"), Criteria: r.Criteria.Ref(), Likelihood: 8, Impact: 1, Level: "low"}}
		}, "risks[0].acceptances[0].likelihood", ismskit.ErrOutOfRange, "R-1"},
		{"acceptance expiry", func(r *Register) {
			r.Risks[0].Acceptances = []Acceptance{{By: "cto", At: day("2026-02-01"), Expires: day("2026-01-01"), Criteria: r.Criteria.Ref(), Likelihood: 1, Impact: 1, Level: "low"}}
		}, "risks[0].acceptances[0].expires", ismskit.ErrDateOrder, "R-1"},
		{"scoring", func(r *Register) { r.Risks[0].Scoring = &ScoreRecord{Vector: "L:1/I:1"} }, "risks[0].scoring.method", ismskit.ErrMissing, "R-1"},
		{"cvss vector", func(r *Register) {
			r.Risks[0].Scoring = &ScoreRecord{Method: "cvss", Version: "4.0", Vector: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:Q", Score: 9.3}
		}, "risks[0].scoring.vector.SA", ismskit.ErrUnknownValue, "R-1"},
		{"cvss score", func(r *Register) {
			r.Risks[0].Scoring = &ScoreRecord{Method: "cvss", Version: "4.0", Vector: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", Score: 9.8}
		}, "risks[0].scoring.score", ismskit.ErrInconsistent, "R-1"},
		{"cvss version", func(r *Register) {
			r.Risks[0].Scoring = &ScoreRecord{Method: "cvss", Version: "3.1", Vector: "AV:N/AC:L/Au:N/C:P/I:P/A:P", Score: 7.5}
		}, "risks[0].scoring.version", ismskit.ErrInconsistent, "R-1"},
		{"cvss severity", func(r *Register) {
			r.Risks[0].Scoring = &ScoreRecord{Method: "cvss", Version: "2.0", Vector: "AV:N/AC:L/Au:N/C:P/I:P/A:P", Score: 7.5, Severity: "critical"}
		}, "risks[0].scoring.severity", ismskit.ErrInconsistent, "R-1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reg := testRegister()
			tt.mutate(&reg)
			err := reg.Validate()
			requireFieldErr(t, err, tt.path, tt.kind)
			items := map[string]string{}
			for _, p := range ismskit.Problems(err) {
				items[p.Path] = p.Item
			}
			assert.Equal(t, tt.item, items[tt.path], "the problem names the element")
		})
	}
}

func TestValidateReportsEveryProblem(t *testing.T) {
	reg := testRegister()
	reg.Risks[0].Owner = ""
	reg.Risks[1].Likelihood = 9
	reg.Risks[2].Assets = []string{"nope"}
	reg.Assets[0].Name = ""
	err := reg.Validate()
	assert.Len(t, fieldErrors(err), 4)
	requireFieldErr(t, err, "risks[0].owner", ismskit.ErrMissing)
	requireFieldErr(t, err, "risks[1].likelihood", ismskit.ErrOutOfRange)
	requireFieldErr(t, err, "risks[2].assets[0]", ismskit.ErrUnknownReference)
	requireFieldErr(t, err, "assets[0].name", ismskit.ErrMissing)
}

func TestValidateOldCriteriaAcceptance(t *testing.T) {
	// an acceptance under older criteria is not checked against the
	// current scales; it is merely stale
	reg := testRegister()
	reg.Risks[0].Acceptances = []Acceptance{{By: "cto", At: ismskit.NewDate(2025, 1, 1), Criteria: CriteriaRef{ID: "old", Version: "0"}, Likelihood: 9, Impact: 9, Level: "extreme"}}
	require.NoError(t, reg.Validate())
}

func TestCheckControls(t *testing.T) {
	reg := testRegister()
	reg.Risks[2].Controls = []AppliedControl{{Control: iso27002.MustParse("acme:waf"), Status: Implemented}}
	known := func(id iso27002.ControlID) bool { return !id.IsCustom() }
	err := CheckControls(reg, known)
	requireFieldErr(t, err, "risks[2].controls[0].control", ismskit.ErrUnknownControl)
	assert.Len(t, fieldErrors(err), 1)
	require.NoError(t, CheckControls(reg, func(iso27002.ControlID) bool { return true }))
}
