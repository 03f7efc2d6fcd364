package risk

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/risk/scoring"
)

func TestValidateSample(t *testing.T) {
	require.NoError(t, testRegister().Validate())
	require.NoError(t, loadSample(t).Validate())
}

func TestValidateMessage(t *testing.T) {
	reg := testRegister()
	reg.Risks[1].Likelihood = 7
	err := reg.Validate()
	require.EqualError(t, err, "risks[1].likelihood: 7 is outside the scale 1..5")
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
	}{
		{"criteria", func(r *Register) { r.Criteria.ID = "" }, "criteria.id", ismskit.ErrMissing},
		{"asset id", func(r *Register) { r.Assets[1].ID = "" }, "assets[1].id", ismskit.ErrMissing},
		{"asset duplicate", func(r *Register) { r.Assets[1].ID = "db" }, "assets[1].id", ismskit.ErrDuplicateID},
		{"asset name", func(r *Register) { r.Assets[0].Name = "" }, "assets[0].name", ismskit.ErrMissing},
		{"asset owner", func(r *Register) { r.Assets[0].Owner = "" }, "assets[0].owner", ismskit.ErrMissing},
		{"asset kind missing", func(r *Register) { r.Assets[0].Kind = "" }, "assets[0].kind", ismskit.ErrMissing},
		{"asset kind unknown", func(r *Register) { r.Assets[0].Kind = "primary" }, "assets[0].kind", ismskit.ErrUnknownValue},
		{"asset property", func(r *Register) { r.Assets[0].Properties = []Property{"privacy"} }, "assets[0].properties[0]", ismskit.ErrUnknownValue},
		{"asset property twice", func(r *Register) { r.Assets[0].Properties = []Property{Integrity, Integrity} }, "assets[0].properties[1]", ismskit.ErrDuplicateID},
		{"threat duplicate", func(r *Register) { r.Threats = append(r.Threats, Threat{ID: "t1", Name: "x"}) }, "threats[1].id", ismskit.ErrDuplicateID},
		{"threat name", func(r *Register) { r.Threats[0].Name = "" }, "threats[0].name", ismskit.ErrMissing},
		{"vulnerability name", func(r *Register) { r.Vulnerabilities[0].Name = "" }, "vulnerabilities[0].name", ismskit.ErrMissing},
		{"vulnerability asset", func(r *Register) { r.Vulnerabilities[0].Assets = []string{"nope"} }, "vulnerabilities[0].assets[0]", ismskit.ErrUnknownReference},
		{"risk id", func(r *Register) { r.Risks[0].ID = "" }, "risks[0].id", ismskit.ErrMissing},
		{"risk duplicate", func(r *Register) { r.Risks[2].ID = "R-1" }, "risks[2].id", ismskit.ErrDuplicateID},
		{"risk title", func(r *Register) { r.Risks[0].Title = "" }, "risks[0].title", ismskit.ErrMissing},
		{"risk owner", func(r *Register) { r.Risks[0].Owner = "" }, "risks[0].owner", ismskit.ErrMissing},
		{"unknown asset", func(r *Register) { r.Risks[0].Assets = []string{"db", "mainframe"} }, "risks[0].assets[1]", ismskit.ErrUnknownReference},
		{"unknown threat", func(r *Register) { r.Risks[0].Threats = []string{"t9"} }, "risks[0].threats[0]", ismskit.ErrUnknownReference},
		{"unknown vulnerability", func(r *Register) { r.Risks[0].Vulnerabilities = []string{"v9"} }, "risks[0].vulnerabilities[0]", ismskit.ErrUnknownReference},
		{"risk property", func(r *Register) { r.Risks[0].Properties = []Property{"Availability"} }, "risks[0].properties[0]", ismskit.ErrUnknownValue},
		{"likelihood", func(r *Register) { r.Risks[0].Likelihood = 0 }, "risks[0].likelihood", ismskit.ErrOutOfRange},
		{"impact", func(r *Register) { r.Risks[0].Impact = 6 }, "risks[0].impact", ismskit.ErrOutOfRange},
		{"property impact scale", func(r *Register) {
			r.Risks[0].PropertyImpacts = []PropertyImpact{{Property: Availability, Impact: 6}}
		}, "risks[0].propertyImpacts[0].impact", ismskit.ErrOutOfRange},
		{"property impact unlisted", func(r *Register) {
			r.Risks[0].PropertyImpacts = []PropertyImpact{{Property: Confidentiality, Impact: 2}}
		}, "risks[0].propertyImpacts[0].property", ismskit.ErrUnknownReference},
		{"property impact twice", func(r *Register) {
			r.Risks[0].PropertyImpacts = []PropertyImpact{{Property: Availability, Impact: 2}, {Property: Availability, Impact: 3}}
		}, "risks[0].propertyImpacts[1].property", ismskit.ErrDuplicateID},
		{"property impact unknown", func(r *Register) {
			r.Risks[0].PropertyImpacts = []PropertyImpact{{Property: "safety", Impact: 2}}
		}, "risks[0].propertyImpacts[0].property", ismskit.ErrUnknownValue},
		{"control missing", func(r *Register) { r.Risks[0].Controls[0].Control = iso27002.ControlID{} }, "risks[0].controls[0].control", ismskit.ErrMissing},
		{"control twice", func(r *Register) { r.Risks[0].Controls[1].Control = r.Risks[0].Controls[0].Control }, "risks[0].controls[1].control", ismskit.ErrDuplicateID},
		{"control status", func(r *Register) { r.Risks[0].Controls[0].Status = "done" }, "risks[0].controls[0].status", ismskit.ErrUnknownValue},
		{"control effect", func(r *Register) { r.Risks[0].Controls[0].LikelihoodEffect = 101 }, "risks[0].controls[0].likelihoodEffect", ismskit.ErrOutOfRange},
		{"control impact effect", func(r *Register) { r.Risks[0].Controls[0].ImpactEffect = -5 }, "risks[0].controls[0].impactEffect", ismskit.ErrOutOfRange},
		{"current", func(r *Register) { r.Risks[0].Current = &Estimate{Likelihood: 6, Impact: 1} }, "risks[0].current.likelihood", ismskit.ErrOutOfRange},
		{"residual", func(r *Register) { r.Risks[2].Residual = &Estimate{Likelihood: 1, Impact: 0} }, "risks[2].residual.impact", ismskit.ErrOutOfRange},
		{"no treatment", func(r *Register) { r.Risks[1].Treatment.Option = "" }, "risks[1].treatment.option", ismskit.ErrMissing},
		{"unknown treatment", func(r *Register) { r.Risks[1].Treatment.Option = "transfer" }, "risks[1].treatment.option", ismskit.ErrUnknownValue},
		{"share without party", func(r *Register) { r.Risks[2].Treatment.SharedWith = "" }, "risks[2].treatment.sharedWith", ismskit.ErrMissing},
		{"modify without control", func(r *Register) { r.Risks[1].Treatment.Option = Modify }, "risks[1].controls", ismskit.ErrMissing},
		{"action id", func(r *Register) { r.Risks[0].Treatment.Plan[0].ID = "" }, "risks[0].treatment.plan[0].id", ismskit.ErrMissing},
		{"action duplicate", func(r *Register) {
			r.Risks[0].Treatment.Plan = append(r.Risks[0].Treatment.Plan, r.Risks[0].Treatment.Plan[0])
		}, "risks[0].treatment.plan[1].id", ismskit.ErrDuplicateID},
		{"action title", func(r *Register) { r.Risks[0].Treatment.Plan[0].Title = "" }, "risks[0].treatment.plan[0].title", ismskit.ErrMissing},
		{"action owner", func(r *Register) { r.Risks[0].Treatment.Plan[0].Owner = "" }, "risks[0].treatment.plan[0].owner", ismskit.ErrMissing},
		{"action status", func(r *Register) { r.Risks[0].Treatment.Plan[0].Status = "open" }, "risks[0].treatment.plan[0].status", ismskit.ErrUnknownValue},
		{"action control", func(r *Register) {
			r.Risks[0].Treatment.Plan[0].Controls = []iso27002.ControlID{iso27002.MustParse("5.1")}
		}, "risks[0].treatment.plan[0].controls[0]", ismskit.ErrUnknownReference},
		{"approval by", func(r *Register) { r.Risks[0].Approvals = []Approval{{At: day("2026-01-01")}} }, "risks[0].approvals[0].by", ismskit.ErrMissing},
		{"approval at", func(r *Register) { r.Risks[0].Approvals = []Approval{{By: "cto"}} }, "risks[0].approvals[0].at", ismskit.ErrMissing},
		{"approval order", func(r *Register) {
			r.Risks[0].Approvals = []Approval{{By: "cto", At: day("2026-02-01")}, {By: "cto", At: day("2026-01-01")}}
		}, "risks[0].approvals[1].at", ismskit.ErrDateOrder},
		{"acceptance order", func(r *Register) {
			a := Acceptance{By: "cto", At: day("2026-02-01"), Criteria: r.Criteria.Ref(), Likelihood: 1, Impact: 1, Level: "low"}
			b := a
			b.At = day("2026-01-01")
			r.Risks[0].Acceptances = []Acceptance{a, b}
		}, "risks[0].acceptances[1].at", ismskit.ErrDateOrder},
		{"acceptance fields", func(r *Register) { r.Risks[0].Acceptances = []Acceptance{{}} }, "risks[0].acceptances[0].criteria.id", ismskit.ErrMissing},
		{"acceptance level", func(r *Register) {
			r.Risks[0].Acceptances = []Acceptance{{By: "cto", At: day("2026-02-01"), Criteria: r.Criteria.Ref(), Likelihood: 1, Impact: 1, Level: "tiny"}}
		}, "risks[0].acceptances[0].level", ismskit.ErrUnknownReference},
		{"acceptance scale", func(r *Register) {
			r.Risks[0].Acceptances = []Acceptance{{By: "cto", At: day("2026-02-01"), Criteria: r.Criteria.Ref(), Likelihood: 8, Impact: 1, Level: "low"}}
		}, "risks[0].acceptances[0].likelihood", ismskit.ErrOutOfRange},
		{"acceptance expiry", func(r *Register) {
			r.Risks[0].Acceptances = []Acceptance{{By: "cto", At: day("2026-02-01"), Expires: day("2026-01-01"), Criteria: r.Criteria.Ref(), Likelihood: 1, Impact: 1, Level: "low"}}
		}, "risks[0].acceptances[0].expires", ismskit.ErrDateOrder},
		{"scoring", func(r *Register) { r.Risks[0].Scoring = &ScoreRecord{Vector: "L:1/I:1"} }, "risks[0].scoring.method", ismskit.ErrMissing},
		{"cvss vector", func(r *Register) {
			r.Risks[0].Scoring = &ScoreRecord{Method: "cvss", Version: "4.0", Vector: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:Q", Score: 9.3}
		}, "risks[0].scoring.vector.SA", scoring.ErrUnknownValue},
		{"cvss score", func(r *Register) {
			r.Risks[0].Scoring = &ScoreRecord{Method: "cvss", Version: "4.0", Vector: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", Score: 9.8}
		}, "risks[0].scoring.score", ismskit.ErrInconsistent},
		{"cvss version", func(r *Register) {
			r.Risks[0].Scoring = &ScoreRecord{Method: "cvss", Version: "3.1", Vector: "AV:N/AC:L/Au:N/C:P/I:P/A:P", Score: 7.5}
		}, "risks[0].scoring.version", ismskit.ErrInconsistent},
		{"cvss severity", func(r *Register) {
			r.Risks[0].Scoring = &ScoreRecord{Method: "cvss", Version: "2.0", Vector: "AV:N/AC:L/Au:N/C:P/I:P/A:P", Score: 7.5, Severity: "critical"}
		}, "risks[0].scoring.severity", ismskit.ErrInconsistent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reg := testRegister()
			tt.mutate(&reg)
			requireFieldErr(t, reg.Validate(), tt.path, tt.kind)
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
