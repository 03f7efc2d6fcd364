package iso27001_test

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/apitest"
	"github.com/ismskit/ismskit/iso27001"
)

// exportedFuncs lists every exported function of the package; TestAPIZero
// fails when the source has one that is not here.
var exportedFuncs = map[string]any{
	"Analyze": iso27001.Analyze, "ClausesSchema": iso27001.ClausesSchema, "DecodeRecords": iso27001.DecodeRecords,
	"EncodeRecords": iso27001.EncodeRecords, "GapSchema": iso27001.GapSchema, "JSONSchema": iso27001.JSONSchema,
	"Latest": iso27001.Latest,
	// The Must functions panic on bad input by design: they are for
	// literals.
	"MustNew":           func() { defer func() { _ = recover() }(); iso27001.MustNew(0) },
	"MustParseClauseID": func() { defer func() { _ = recover() }(); iso27001.MustParseClauseID("") },
	"MustParseItemID":   func() { defer func() { _ = recover() }(); iso27001.MustParseItemID("") },
	"New":               iso27001.New, "ParseAmendment": iso27001.ParseAmendment, "ParseChange": iso27001.ParseChange,
	"ParseClauseID": iso27001.ParseClauseID, "ParseDocKind": iso27001.ParseDocKind, "ParseEdition": iso27001.ParseEdition,
	"ParseItemID": iso27001.ParseItemID, "ParseItemStatus": iso27001.ParseItemStatus, "ParseOrigin": iso27001.ParseOrigin,
	"ParseOutputKind": iso27001.ParseOutputKind, "ReadRecords": iso27001.ReadRecords, "To2022": iso27001.To2022,
	"WriteRecords": iso27001.WriteRecords,
}

// exportedTypes has a value of every exported type of the package.
var exportedTypes = []any{
	iso27001.Amendment(0), iso27001.Change(0), iso27001.Clause{}, iso27001.ClauseGap{}, iso27001.ClauseID{},
	iso27001.ClimateDetermination{}, iso27001.CompetenceRecord{}, iso27001.DocKind(0), iso27001.Document{},
	iso27001.DocumentGap{}, iso27001.DocumentRequirement{}, iso27001.Edition(0), iso27001.Exclusion{},
	iso27001.GapDocument{}, iso27001.GapReport{}, iso27001.InterestedParty{}, iso27001.Interface{}, iso27001.Issue{}, iso27001.Item{},
	iso27001.ItemGap{}, iso27001.ItemID{}, iso27001.ItemStatus(0), iso27001.ManagementReview{}, iso27001.Objective{},
	iso27001.Origin(0), iso27001.OutputKind(0), iso27001.PartyRequirement{}, iso27001.Records{}, iso27001.ReviewInput{},
	iso27001.ReviewOutput{}, iso27001.Role{}, iso27001.Scope{}, iso27001.Standard{}, iso27001.TreeNode{},
}

// TestAPIZero calls every exported function with zero arguments, and every
// exported method on a zero value and on a nil pointer: none panics. The
// iterators a Standard returns are used too.
func TestAPIZero(t *testing.T) {
	apitest.ZeroCalls(t, ".", exportedFuncs, exportedTypes...)
	var zero iso27001.Standard
	for _, s := range []*iso27001.Standard{nil, &zero} {
		_, _ = slices.Collect(s.Clauses()), slices.Collect(s.Children(iso27001.ClauseID{}))
		_, _ = slices.Collect(s.Items()), slices.Collect(s.ClauseItems(iso27001.MustParseClauseID("4")))
		_ = slices.Collect(s.DocumentedInformation())
		assert.Error(t, s.CheckItem(iso27001.MustParseItemID("4.1.a")))
	}
	_, err := iso27001.Analyze(iso27001.Records{}, ismskit.Date{})
	assert.ErrorIs(t, err, ismskit.ErrMissing, "the zero Records have no edition")
}

// TestAPIJSON encodes the zero value of every exported type, and typical
// values of each, with encoding/json, with lowerCamelCase keys, and
// decodes the value types back to equal values.
func TestAPIJSON(t *testing.T) {
	std := iso27001.Latest()
	c613, _ := std.Clause(iso27001.MustParseClauseID("6.1.3"))
	c102, _ := std.Clause(iso27001.MustParseClauseID("10.2"))
	i613d, _ := std.Item(iso27001.MustParseItemID("6.1.3.d"))
	climate, _ := std.Item(iso27001.MustParseItemID("4.1.p2"))
	owner, _ := std.Item(iso27001.MustParseItemID("6.2.j"))
	d := ismskit.MustParseDate("2026-01-31")
	yes := true
	full := iso27001.Records{Edition: iso27001.Edition2022, Amendments: []iso27001.Amendment{iso27001.Amd1of2024}, Organization: "o",
		Scope:   iso27001.Scope{Statement: "s", Interfaces: []iso27001.Interface{{With: "w"}}, Exclusions: []iso27001.Exclusion{{Subject: "s", Reason: "r"}}},
		Issues:  []iso27001.Issue{{ID: "I", Origin: iso27001.External, Description: "d", Climate: true}},
		Climate: &iso27001.ClimateDetermination{Relevant: true, Rationale: "r", Date: d},
		InterestedParties: []iso27001.InterestedParty{{ID: "P", Name: "n", Origin: iso27001.Internal,
			Requirements: []iso27001.PartyRequirement{{Description: "d", Addressed: &yes}}}},
		Roles:             []iso27001.Role{{Name: "CISO", Conformance: true}},
		Objectives:        []iso27001.Objective{{ID: "O", Description: "d", Metric: "m", Target: "t", Due: d}},
		Competence:        []iso27001.CompetenceRecord{{Person: "p", Competence: "c", Actions: []string{"a"}}},
		Documents:         []iso27001.Document{{ID: "D", Title: "t", Kind: iso27001.Maintained, Approved: d, Evidences: []iso27001.ItemID{i613d.ID}, Clauses: []iso27001.ClauseID{c613.ID}}},
		ManagementReviews: []iso27001.ManagementReview{{ID: "M", Date: d, Inputs: []iso27001.ReviewInput{{Item: iso27001.MustParseItemID("9.3.2.a")}}, Outputs: []iso27001.ReviewOutput{{Kind: iso27001.ISMSChange, Decision: "x"}}}},
	}
	rep, err := iso27001.Analyze(full, d)
	if err != nil {
		t.Fatal(err)
	}
	var itemGap iso27001.ItemGap
	for _, c := range rep.Clauses {
		for _, g := range c.Items {
			if len(g.Evidence) > 0 {
				itemGap = g
			}
		}
	}
	values := []any{
		iso27001.Amd1of2024, iso27001.ChangeRenumbered, c613, c102, rep.Clauses[3], c613.ID, *full.Climate, full.Competence[0],
		iso27001.Retained, full.Documents[0], rep.MissingDocuments[0], iso27001.DocumentRequirement{Item: i613d.ID, Kind: iso27001.Maintained},
		iso27001.Edition2013, full.Scope.Exclusions[0], *rep, full.InterestedParties[0], full.Scope.Interfaces[0], full.Issues[0],
		i613d, climate, owner, itemGap, i613d.ID, iso27001.Expired, full.ManagementReviews[0], full.Objectives[0], iso27001.External,
		iso27001.Improvement, full.InterestedParties[0].Requirements[0], full, full.ManagementReviews[0].Inputs[0],
		full.ManagementReviews[0].Outputs[0], full.Roles[0], full.Scope, std.Tree()[20],
		iso27001.GapDocument{Report: *rep, Organization: "o", Version: "1", Letterhead: ismskit.Letterhead{Classification: "Confidential"}},
	}
	apitest.JSON(t, ".", append(slices.Clone(exportedTypes), append(values, *std, *iso27001.MustNew(iso27001.Edition2013))...)...)
	for _, s := range []*iso27001.Standard{std, iso27001.MustNew(iso27001.Edition2022), iso27001.MustNew(iso27001.Edition2013), {}} {
		text, _ := s.MarshalText()
		var back iso27001.Standard
		if err := back.UnmarshalText(text); err != nil || back.Name() != s.Name() {
			t.Errorf("Standard %q: back %q, %v", text, back.Name(), err)
		}
	}
}

// TestEnums checks the one method set of every enumeration: String the
// label, MarshalText the code, ParseX reads both, IsValid.
func TestEnums(t *testing.T) {
	apitest.Enum(t, []iso27001.Edition{iso27001.Edition2013, iso27001.Edition2022}, iso27001.ParseEdition, "")
	apitest.Enum(t, []iso27001.Amendment{iso27001.Amd1of2024}, iso27001.ParseAmendment, "")
	apitest.Enum(t, []iso27001.DocKind{iso27001.NotDocumented, iso27001.Maintained, iso27001.Retained}, iso27001.ParseDocKind, "none")
	apitest.Enum(t, []iso27001.Change{iso27001.ChangeNone, iso27001.ChangeNew, iso27001.ChangeChanged, iso27001.ChangeRenumbered}, iso27001.ParseChange, "none")
	apitest.Enum(t, []iso27001.Origin{iso27001.Internal, iso27001.External}, iso27001.ParseOrigin, "")
	apitest.Enum(t, []iso27001.OutputKind{iso27001.Improvement, iso27001.ISMSChange}, iso27001.ParseOutputKind, "")
	apitest.Enum(t, []iso27001.ItemStatus{iso27001.Evidenced, iso27001.Missing, iso27001.Expired, iso27001.Unapproved}, iso27001.ParseItemStatus, "")
}
