package iso27001_test

import (
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/apitest"
	"github.com/ismskit/ismskit/iso27001"
)

// TestZeroAndNilNeverPanic calls every exported function and method with
// zero arguments, on zero values and nil receivers.
func TestZeroAndNilNeverPanic(t *testing.T) {
	var (
		std  *iso27001.Standard
		zs   iso27001.Standard
		rec  iso27001.Records
		nrec *iso27001.Records
		cid  iso27001.ClauseID
		iid  iso27001.ItemID
		it   iso27001.Item
		nit  *iso27001.Item
		ed   iso27001.Edition
		amd  iso27001.Amendment
		dk   iso27001.DocKind
		ch   iso27001.Change
		or   iso27001.Origin
		ok   iso27001.OutputKind
		st   iso27001.ItemStatus
		sc   iso27001.Scope
		day  ismskit.Date
	)
	seq := func(s func(func(iso27001.Item) bool)) {
		for range s {
		}
	}
	clauses := func(s func(func(iso27001.Clause) bool)) {
		for range s {
		}
	}
	calls := map[string]func(){
		"Amendment.Amends":        func() { _ = amd.Amends() },
		"Amendment.IsValid":       func() { _ = amd.IsValid() },
		"Amendment.JSONSchema":    func() { _ = amd.JSONSchema() },
		"Amendment.MarshalText":   func() { _, _ = amd.MarshalText() },
		"Amendment.String":        func() { _ = amd.String() },
		"Amendment.UnmarshalText": func() { _ = amd.UnmarshalText(nil); _ = (*iso27001.Amendment)(nil).UnmarshalText(nil) },
		"Analyze":                 func() { _, _ = iso27001.Analyze(rec, day) },
		"Change.IsValid":          func() { _ = ch.IsValid() },
		"Change.JSONSchema":       func() { _ = ch.JSONSchema() },
		"Change.MarshalText":      func() { _, _ = ch.MarshalText() },
		"Change.String":           func() { _ = ch.String() },
		"Change.UnmarshalText":    func() { _ = ch.UnmarshalText(nil); _ = (*iso27001.Change)(nil).UnmarshalText(nil) },
		"ClauseID.AppendTo":       func() { _ = cid.AppendTo(nil) },
		"ClauseID.Compare":        func() { _ = cid.Compare(cid) },
		"ClauseID.Contains":       func() { _ = cid.Contains(cid) },
		"ClauseID.Depth":          func() { _ = cid.Depth() },
		"ClauseID.IsValid":        func() { _ = cid.IsValid() },
		"ClauseID.JSONSchema":     func() { _ = cid.JSONSchema() },
		"ClauseID.MarshalText":    func() { _, _ = cid.MarshalText() },
		"ClauseID.Parent":         func() { _ = cid.Parent() },
		"ClauseID.String":         func() { _ = cid.String() },
		"ClauseID.Top":            func() { _ = cid.Top() },
		"ClauseID.UnmarshalText":  func() { _ = cid.UnmarshalText(nil); _ = (*iso27001.ClauseID)(nil).UnmarshalText(nil) },
		"ClausesSchema":           func() { _ = iso27001.ClausesSchema() },
		"DecodeRecords":           func() { _, _ = iso27001.DecodeRecords(nil) },
		"DocKind.IsValid":         func() { _ = dk.IsValid() },
		"DocKind.JSONSchema":      func() { _ = dk.JSONSchema() },
		"DocKind.MarshalText":     func() { _, _ = dk.MarshalText() },
		"DocKind.String":          func() { _ = dk.String() },
		"DocKind.UnmarshalText":   func() { _ = dk.UnmarshalText(nil); _ = (*iso27001.DocKind)(nil).UnmarshalText(nil) },
		"Edition.IsValid":         func() { _ = ed.IsValid() },
		"Edition.JSONSchema":      func() { _ = ed.JSONSchema() },
		"Edition.MarshalText":     func() { _, _ = ed.MarshalText() },
		"Edition.String":          func() { _ = ed.String() },
		"Edition.UnmarshalText":   func() { _ = ed.UnmarshalText(nil); _ = (*iso27001.Edition)(nil).UnmarshalText(nil) },
		"EncodeRecords":           func() { _, _ = iso27001.EncodeRecords(rec) },
		"GapSchema":               func() { _ = iso27001.GapSchema() },
		"Item.EvidencedBy":        func() { _ = it.EvidencedBy() },
		"Item.MarshalJSON":        func() { _, _ = it.MarshalJSON() },
		"Item.UnmarshalJSON":      func() { _ = it.UnmarshalJSON(nil); _ = nit.UnmarshalJSON([]byte("{}")) },
		"ItemID.AppendTo":         func() { _ = iid.AppendTo(nil) },
		"ItemID.Clause":           func() { _ = iid.Clause() },
		"ItemID.Compare":          func() { _ = iid.Compare(iid) },
		"ItemID.IsNote":           func() { _ = iid.IsNote() },
		"ItemID.IsValid":          func() { _ = iid.IsValid() },
		"ItemID.JSONSchema":       func() { _ = iid.JSONSchema() },
		"ItemID.MarshalText":      func() { _, _ = iid.MarshalText() },
		"ItemID.Parent":           func() { _ = iid.Parent() },
		"ItemID.String":           func() { _ = iid.String() },
		"ItemID.UnmarshalText":    func() { _ = iid.UnmarshalText(nil); _ = (*iso27001.ItemID)(nil).UnmarshalText(nil) },
		"ItemStatus.IsValid":      func() { _ = st.IsValid() },
		"ItemStatus.JSONSchema":   func() { _ = st.JSONSchema() },
		"ItemStatus.MarshalText":  func() { _, _ = st.MarshalText() },
		"ItemStatus.String":       func() { _ = st.String() },
		"ItemStatus.UnmarshalText": func() {
			_ = st.UnmarshalText(nil)
			_ = (*iso27001.ItemStatus)(nil).UnmarshalText(nil)
		},
		"JSONSchema":        func() { _ = iso27001.JSONSchema() },
		"Latest":            func() { _ = iso27001.Latest() },
		"MustNew":           func() { defer func() { _ = recover() }(); iso27001.MustNew(0) },
		"MustParseClauseID": func() { defer func() { _ = recover() }(); iso27001.MustParseClauseID("") },
		"MustParseItemID":   func() { defer func() { _ = recover() }(); iso27001.MustParseItemID("") },
		"New":               func() { _, _ = iso27001.New(0) },
		"Origin.IsValid":    func() { _ = or.IsValid() },
		"Origin.JSONSchema": func() { _ = or.JSONSchema() },
		"Origin.MarshalText": func() {
			_, _ = or.MarshalText()
		},
		"Origin.String":            func() { _ = or.String() },
		"Origin.UnmarshalText":     func() { _ = or.UnmarshalText(nil); _ = (*iso27001.Origin)(nil).UnmarshalText(nil) },
		"OutputKind.IsValid":       func() { _ = ok.IsValid() },
		"OutputKind.JSONSchema":    func() { _ = ok.JSONSchema() },
		"OutputKind.MarshalText":   func() { _, _ = ok.MarshalText() },
		"OutputKind.String":        func() { _ = ok.String() },
		"OutputKind.UnmarshalText": func() { _ = ok.UnmarshalText(nil); _ = (*iso27001.OutputKind)(nil).UnmarshalText(nil) },
		"ParseAmendment":           func() { _, _ = iso27001.ParseAmendment("") },
		"ParseChange":              func() { _, _ = iso27001.ParseChange("") },
		"ParseClauseID":            func() { _, _ = iso27001.ParseClauseID("") },
		"ParseDocKind":             func() { _, _ = iso27001.ParseDocKind("") },
		"ParseEdition":             func() { _, _ = iso27001.ParseEdition("") },
		"ParseItemID":              func() { _, _ = iso27001.ParseItemID("") },
		"ParseItemStatus":          func() { _, _ = iso27001.ParseItemStatus("") },
		"ParseOrigin":              func() { _, _ = iso27001.ParseOrigin("") },
		"ParseOutputKind":          func() { _, _ = iso27001.ParseOutputKind("") },
		"ReadRecords":              func() { _, _ = iso27001.ReadRecords(nil) },
		"Records.Standard":         func() { _, _ = rec.Standard() },
		"Records.UnmarshalJSON":    func() { _ = rec.UnmarshalJSON(nil); _ = nrec.UnmarshalJSON([]byte("{}")) },
		"Records.Validate":         func() { _ = rec.Validate() },
		"Scope.IsZero":             func() { _ = sc.IsZero() },
		"Standard.Amendments":      func() { _ = std.Amendments(); _ = zs.Amendments() },
		"Standard.CheckClause":     func() { _ = std.CheckClause(cid); _ = zs.CheckClause(iso27001.MustParseClauseID("4")) },
		"Standard.CheckItem":       func() { _ = std.CheckItem(iid); _ = zs.CheckItem(iso27001.MustParseItemID("4.1.a")) },
		"Standard.Children":        func() { clauses(std.Children(cid)); clauses(zs.Children(cid)) },
		"Standard.Clause":          func() { _, _ = std.Clause(cid); _, _ = zs.Clause(cid) },
		"Standard.ClauseItems":     func() { seq(std.ClauseItems(cid)); seq(zs.ClauseItems(cid)) },
		"Standard.Clauses":         func() { clauses(std.Clauses()); clauses(zs.Clauses()) },
		"Standard.DocumentedInformation": func() {
			seq(std.DocumentedInformation())
			seq(zs.DocumentedInformation())
		},
		"Standard.Edition":       func() { _ = std.Edition(); _ = zs.Edition() },
		"Standard.Has":           func() { _ = std.Has(amd); _ = zs.Has(iso27001.Amd1of2024) },
		"Standard.Item":          func() { _, _ = std.Item(iid); _, _ = zs.Item(iid) },
		"Standard.Items":         func() { seq(std.Items()); seq(zs.Items()) },
		"Standard.Len":           func() { _ = std.Len(); _ = zs.Len() },
		"Standard.MarshalText":   func() { _, _ = std.MarshalText(); _, _ = zs.MarshalText() },
		"Standard.Name":          func() { _ = std.Name(); _ = zs.Name() },
		"Standard.Tree":          func() { _ = std.Tree(); _ = zs.Tree() },
		"Standard.UnmarshalText": func() { _ = std.UnmarshalText(nil); _ = zs.UnmarshalText(nil) },
		"To2022":                 func() { _, _, _ = iso27001.To2022(rec) },
		"WriteRecords":           func() { _ = iso27001.WriteRecords(nil, rec) },
	}
	funcs, _ := apitest.Exported(t, ".")
	apitest.Covered(t, "function", funcs, calls)
	apitest.NoPanic(t, calls)
}

// TestEveryTypeMarshals encodes the zero value of every exported type,
// and a typical value of each, with encoding/json, and decodes the value
// types back.
func TestEveryTypeMarshals(t *testing.T) {
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
	type value struct {
		v         any
		roundTrip bool
	}
	values := map[string][]value{
		"Amendment":            {{iso27001.NoAmendment, true}, {iso27001.Amd1of2024, true}},
		"Change":               {{iso27001.ChangeNone, true}, {iso27001.ChangeRenumbered, true}},
		"Clause":               {{iso27001.Clause{}, true}, {c613, true}, {c102, true}},
		"ClauseGap":            {{iso27001.ClauseGap{}, true}, {rep.Clauses[3], true}},
		"ClauseID":             {{iso27001.ClauseID{}, true}, {c613.ID, true}},
		"ClimateDetermination": {{iso27001.ClimateDetermination{}, true}, {*full.Climate, true}},
		"CompetenceRecord":     {{iso27001.CompetenceRecord{}, true}, {full.Competence[0], true}},
		"DocKind":              {{iso27001.NotDocumented, true}, {iso27001.Retained, true}},
		"Document":             {{iso27001.Document{}, true}, {full.Documents[0], true}},
		"DocumentGap":          {{iso27001.DocumentGap{}, true}, {rep.MissingDocuments[0], true}},
		"DocumentRequirement":  {{iso27001.DocumentRequirement{}, true}, {iso27001.DocumentRequirement{Item: i613d.ID, Kind: iso27001.Maintained}, true}},
		"Edition":              {{iso27001.Edition(0), true}, {iso27001.Edition2013, true}},
		"Exclusion":            {{iso27001.Exclusion{}, true}, {full.Scope.Exclusions[0], true}},
		"GapReport":            {{iso27001.GapReport{}, true}, {*rep, true}},
		"InterestedParty":      {{iso27001.InterestedParty{}, true}, {full.InterestedParties[0], true}},
		"Interface":            {{iso27001.Interface{}, true}, {full.Scope.Interfaces[0], true}},
		"Issue":                {{iso27001.Issue{}, true}, {full.Issues[0], true}},
		"Item":                 {{iso27001.Item{}, true}, {i613d, true}, {climate, true}, {owner, true}},
		"ItemGap":              {{iso27001.ItemGap{}, true}, {itemGap, true}},
		"ItemID":               {{iso27001.ItemID{}, true}, {i613d.ID, true}},
		"ItemStatus":           {{iso27001.ItemStatus(0), true}, {iso27001.Expired, true}},
		"ManagementReview":     {{iso27001.ManagementReview{}, true}, {full.ManagementReviews[0], true}},
		"Objective":            {{iso27001.Objective{}, true}, {full.Objectives[0], true}},
		"Origin":               {{iso27001.Origin(0), true}, {iso27001.External, true}},
		"OutputKind":           {{iso27001.OutputKind(0), true}, {iso27001.Improvement, true}},
		"PartyRequirement":     {{iso27001.PartyRequirement{}, true}, {full.InterestedParties[0].Requirements[0], true}},
		"Records":              {{iso27001.Records{}, true}, {full, true}},
		"ReviewInput":          {{iso27001.ReviewInput{}, true}, {full.ManagementReviews[0].Inputs[0], true}},
		"ReviewOutput":         {{iso27001.ReviewOutput{}, true}, {full.ManagementReviews[0].Outputs[0], true}},
		"Role":                 {{iso27001.Role{}, true}, {full.Roles[0], true}},
		"Scope":                {{iso27001.Scope{}, true}, {full.Scope, true}},
		// A *Standard is not a value type: it encodes as its designation,
		// which UnmarshalText reads back.
		"Standard": {{iso27001.Standard{}, false}, {std, false}, {(*iso27001.Standard)(nil), false}, {iso27001.MustNew(iso27001.Edition2013), false}},
		"TreeNode": {{iso27001.TreeNode{}, true}, {std.Tree()[20], true}},
	}
	_, types := apitest.Exported(t, ".")
	apitest.Covered(t, "type", types, values)
	for name, vs := range values {
		for _, v := range vs {
			apitest.JSON(t, name, v.v, v.roundTrip)
		}
	}
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
