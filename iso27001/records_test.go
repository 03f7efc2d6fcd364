package iso27001

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// paths returns "path: sentinel-kind" strings for every *ismskit.Error in err.
func fieldErrors(t *testing.T, err error) map[string]error {
	t.Helper()
	out := map[string]error{}
	var walk func(error)
	walk = func(e error) {
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				walk(x)
			}
			return
		}
		var fe *ismskit.Error
		require.True(t, errors.As(e, &fe), "not an *ismskit.Error: %v", e)
		out[fe.Path] = fe.Err
	}
	walk(err)
	return out
}

func TestDecodeSample(t *testing.T) {
	r, err := DecodeRecords(readSample(t))
	require.NoError(t, err)
	require.NoError(t, r.Validate())
	assert.Equal(t, Edition2022, r.Edition)
	assert.Equal(t, []Amendment{Amd1of2024}, r.Amendments)
	assert.Len(t, r.Documents, 11)
	assert.Equal(t, ismskit.MustParseDate("2025-03-01"), r.Documents[1].Approved)
	assert.JSONEq(t, `{"accountId": 4711, "tier": "gold"}`, string(r.Extensions["acme.crm"]))

	// Round trip: encoding and decoding again gives the same value.
	b, err := json.Marshal(r)
	require.NoError(t, err)
	r2, err := DecodeRecords(b)
	require.NoError(t, err)
	b2, err := json.Marshal(r2)
	require.NoError(t, err)
	assert.Equal(t, string(b), string(b2))
	assert.JSONEq(t, string(r.Extensions["acme.crm"]), string(r2.Extensions["acme.crm"]))
	r2.Extensions, r.Extensions = nil, nil
	assert.True(t, reflect.DeepEqual(r, r2), "round trip changed the records")
}

func TestDecodeStrict(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want map[string]error
	}{
		{"unknown field", `{"edition":"2022","objectives":[{"id":"O","description":"d","metric":"m","target":"t","likelyhood":3}]}`,
			map[string]error{"objectives[0].likelyhood": ismskit.ErrUnknownField}},
		{"case mismatch", `{"Edition":"2022"}`, map[string]error{"Edition": ismskit.ErrUnknownField}},
		{"unknown edition", `{"edition":"2019"}`, map[string]error{"edition": ismskit.ErrUnknownValue}},
		{"edition as number", `{"edition":2022}`, map[string]error{"edition": ismskit.ErrType}},
		{"unknown enum", `{"edition":"2022","issues":[{"id":"I","origin":"Internal","description":"d"}]}`,
			map[string]error{"issues[0].origin": ismskit.ErrUnknownValue}},
		{"bad date", `{"edition":"2022","documents":[{"id":"D","title":"t","approved":"2025-02-30"}]}`,
			map[string]error{"documents[0].approved": ismskit.ErrInvalidDate}},
		{"bad item id", `{"edition":"2022","documents":[{"id":"D","title":"t","evidences":["6.1.3.d","6.1.3 d)"]}]}`,
			map[string]error{"documents[0].evidences[1]": ismskit.ErrInvalidID}},
		{"bad clause id", `{"edition":"2022","documents":[{"id":"D","title":"t","clauses":["A.5.1"]}]}`,
			map[string]error{"documents[0].clauses[0]": ismskit.ErrInvalidID}},
		{"wrong type", `{"edition":"2022","roles":{"name":"x"}}`, map[string]error{"roles": ismskit.ErrType}},
		{"duplicate key", `{"edition":"2022","edition":"2013"}`, map[string]error{"edition": ismskit.ErrDuplicateField}},
		{"several at once", `{"edition":"2022","scope":{"statment":"x"},"climate":{"relevant":"yes","rationale":"r"}}`,
			map[string]error{"scope.statment": ismskit.ErrUnknownField, "climate.relevant": ismskit.ErrType}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := DecodeRecords([]byte(tt.in))
			require.Error(t, err)
			assert.Zero(t, r)
			got := fieldErrors(t, err)
			require.Len(t, got, len(tt.want), "%v", err)
			for path, kind := range tt.want {
				require.Contains(t, got, path, "%v", err)
				assert.ErrorIs(t, got[path], kind, path)
			}
			assert.True(t, errors.Is(err, func() error {
				for _, k := range tt.want {
					return k
				}
				return nil
			}()))
		})
	}
	for _, in := range []string{`{"edition":"2022"} {}`, `{"edition":"2022"`, ``, `[]`} {
		_, err := DecodeRecords([]byte(in))
		assert.Error(t, err, in)
	}
	_, err := DecodeRecords([]byte(`{"edition":"2022"} x`))
	assert.True(t, errors.Is(err, ismskit.ErrTrailingData) || errors.Is(err, ismskit.ErrSyntax))
	_, err = DecodeRecords([]byte(`{"edition":"2022"} {}`))
	assert.ErrorIs(t, err, ismskit.ErrTrailingData)
	_, err = DecodeRecords([]byte(`{"edition":`))
	assert.ErrorIs(t, err, ismskit.ErrSyntax)
}

func TestValidate(t *testing.T) {
	yes := true
	tests := []struct {
		name string
		r    Records
		want map[string]error
	}{
		{"empty organisation", Records{Edition: Edition2022}, nil},
		{"empty 2013", Records{Edition: Edition2013}, nil},
		{"no edition", Records{}, map[string]error{"edition": ismskit.ErrMissing}},
		{"amendment to 2013", Records{Edition: Edition2013, Amendments: []Amendment{Amd1of2024}},
			map[string]error{"amendments": ErrAmendmentNotApplicable}},
		{"objective without measurable target", Records{Edition: Edition2022, Objectives: []Objective{
			{ID: "O1", Description: "Fewer incidents", Metric: "incidents per quarter", Target: "< 3"},
			{ID: "O2", Description: "Be secure"},
			{ID: "O1", Description: "again", Metric: "m", Target: "t"},
		}}, map[string]error{"objectives[1].metric": ErrNotMeasurable, "objectives[1].target": ErrNotMeasurable, "objectives[2].id": ismskit.ErrDuplicateID}},
		{"review before approval", Records{Edition: Edition2022, Documents: []Document{
			{ID: "D1", Title: "Policy", Approved: ismskit.MustParseDate("2025-05-01"), ReviewDue: ismskit.MustParseDate("2025-04-30")},
			{ID: "D2", Title: "Same day", Approved: ismskit.MustParseDate("2025-05-01"), ReviewDue: ismskit.MustParseDate("2025-05-01")},
			{ID: "D3", Title: "Draft", ReviewDue: ismskit.MustParseDate("2020-01-01")},
		}}, map[string]error{"documents[0].reviewDue": ismskit.ErrDateOrder}},
		{"items and clauses not in the edition", Records{Edition: Edition2013, Documents: []Document{
			{ID: "D1", Title: "t", Evidences: []ItemID{MustParseItemID("6.2.l"), MustParseItemID("6.2.j"), MustParseItemID("4.1.p2")},
				Clauses: []ClauseID{MustParseClauseID("6.3"), MustParseClauseID("6.2"), MustParseClauseID("9.2.1")}},
		}}, map[string]error{"documents[0].evidences[0]": ErrUnknownItem, "documents[0].evidences[2]": ErrUnknownItem,
			"documents[0].clauses[0]": ErrUnknownClause, "documents[0].clauses[2]": ErrUnknownClause}},
		{"amendment item without the amendment", Records{Edition: Edition2022, Documents: []Document{
			{ID: "D1", Title: "t", Evidences: []ItemID{MustParseItemID("4.1.p2")}}}},
			map[string]error{"documents[0].evidences[0]": ErrUnknownItem}},
		{"amendment item with the amendment", Records{Edition: Edition2022, Amendments: []Amendment{Amd1of2024}, Documents: []Document{
			{ID: "D1", Title: "t", Evidences: []ItemID{MustParseItemID("4.1.p2")}}}}, nil},
		{"required fields", Records{Edition: Edition2022,
			Scope:             Scope{Boundaries: []string{"HQ"}, Interfaces: []Interface{{}}, Exclusions: []Exclusion{{Subject: "x"}}},
			Issues:            []Issue{{}},
			Climate:           &ClimateDetermination{Relevant: true},
			InterestedParties: []InterestedParty{{ID: "P", Requirements: []PartyRequirement{{Addressed: &yes}}}},
			Roles:             []Role{{}},
			Competence:        []CompetenceRecord{{}},
			Documents:         []Document{{}},
			ManagementReviews: []ManagementReview{{ID: "M", Outputs: []ReviewOutput{{}}}},
		}, map[string]error{
			"scope.statement": ismskit.ErrMissing, "scope.interfaces[0].with": ismskit.ErrMissing, "scope.exclusions[0].reason": ismskit.ErrMissing,
			"issues[0].id": ismskit.ErrMissing, "issues[0].origin": ismskit.ErrMissing, "issues[0].description": ismskit.ErrMissing,
			"climate.rationale": ismskit.ErrMissing, "interestedParties[0].name": ismskit.ErrMissing,
			"interestedParties[0].requirements[0].description": ismskit.ErrMissing, "roles[0].name": ismskit.ErrMissing,
			"competence[0].person": ismskit.ErrMissing, "competence[0].competence": ismskit.ErrMissing,
			"documents[0].id": ismskit.ErrMissing, "documents[0].title": ismskit.ErrMissing,
			"managementReviews[0].date": ismskit.ErrMissing, "managementReviews[0].outputs[0].kind": ismskit.ErrMissing,
			"managementReviews[0].outputs[0].decision": ismskit.ErrMissing,
		}},
		{"dangling document references", Records{Edition: Edition2022,
			Scope:             Scope{Statement: "s", DocumentID: "NOPE"},
			Competence:        []CompetenceRecord{{Person: "p", Competence: "c", DocumentID: "NOPE2"}},
			ManagementReviews: []ManagementReview{{ID: "M", Date: ismskit.MustParseDate("2025-01-01"), DocumentID: "NOPE3"}},
		}, map[string]error{"scope.documentId": ismskit.ErrUnknownReference, "competence[0].documentId": ismskit.ErrUnknownReference,
			"managementReviews[0].documentId": ismskit.ErrUnknownReference}},
		{"review inputs", Records{Edition: Edition2022, ManagementReviews: []ManagementReview{{ID: "M", Date: ismskit.MustParseDate("2025-01-01"),
			Inputs: []ReviewInput{{Item: MustParseItemID("9.3.2.c")}, {Item: MustParseItemID("9.3.2.d.2")}, {Item: MustParseItemID("6.1.3.d")}, {Item: MustParseItemID("9.3.f")}}}}},
			map[string]error{"managementReviews[0].inputs[2].item": ErrNotReviewInput, "managementReviews[0].inputs[3].item": ErrUnknownItem}},
		{"review inputs 2013", Records{Edition: Edition2013, ManagementReviews: []ManagementReview{{ID: "M", Date: ismskit.MustParseDate("2025-01-01"),
			Inputs: []ReviewInput{{Item: MustParseItemID("9.3.f")}, {Item: MustParseItemID("9.3.2.a")}, {Item: MustParseItemID("9.3.p1")}}}}},
			map[string]error{"managementReviews[0].inputs[1].item": ErrUnknownItem, "managementReviews[0].inputs[2].item": ErrNotReviewInput}},
		{"duplicate IDs", Records{Edition: Edition2022,
			Issues:            []Issue{{ID: "I", Origin: Internal, Description: "d"}, {ID: "I", Origin: External, Description: "e"}},
			InterestedParties: []InterestedParty{{ID: "P", Name: "a"}, {ID: "P", Name: "b"}},
			Documents:         []Document{{ID: "D", Title: "a"}, {ID: "D", Title: "b"}},
			ManagementReviews: []ManagementReview{{ID: "M", Date: ismskit.MustParseDate("2025-01-01")}, {ID: "M", Date: ismskit.MustParseDate("2025-01-01")}},
		}, map[string]error{"issues[1].id": ismskit.ErrDuplicateID, "interestedParties[1].id": ismskit.ErrDuplicateID,
			"documents[1].id": ismskit.ErrDuplicateID, "managementReviews[1].id": ismskit.ErrDuplicateID}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.r.Validate()
			if tt.want == nil {
				require.NoError(t, err)
				return
			}
			require.Error(t, err)
			got := fieldErrors(t, err)
			for path, kind := range tt.want {
				require.Contains(t, got, path, "%v", err)
				assert.ErrorIs(t, got[path], kind, path)
			}
			assert.Len(t, got, len(tt.want), "%v", err)
		})
	}
}

func TestValidateMessage(t *testing.T) {
	r := Records{Edition: Edition2022, Objectives: []Objective{{ID: "O", Description: "d", Metric: "m"}}}
	err := r.Validate()
	assert.EqualError(t, err, "objectives[0].target (O): the objective has no target")
	assert.ErrorIs(t, err, ErrNotMeasurable)
	var fe *ismskit.Error
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "objectives[0].target", fe.Path)
	assert.Equal(t, "O", fe.Item, "the problem names the objective")
}

func TestEnumCodes(t *testing.T) {
	for _, tc := range []struct {
		v    interface{ MarshalText() ([]byte, error) }
		text string
	}{
		{Edition2013, "2013"}, {Edition2022, "2022"}, {Edition(0), ""}, {Amd1of2024, "amd1-2024"}, {NoAmendment, ""},
		{Maintained, "maintained"}, {Retained, "retained"}, {NotDocumented, "none"},
		{ChangeNew, "new"}, {ChangeRenumbered, "renumbered"}, {Internal, "internal"}, {External, "external"}, {Origin(0), ""},
		{Improvement, "improvement"}, {ISMSChange, "change"}, {OutputKind(0), ""}, {Evidenced, "evidenced"}, {Unapproved, "unapproved"},
		{ItemStatus(0), ""},
	} {
		b, err := tc.v.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, tc.text, string(b))
	}
	for _, v := range []interface{ MarshalText() ([]byte, error) }{Edition(2017), Amendment(2), Origin(3), OutputKind(9), ItemStatus(5), DocKind(9), Change(4)} {
		_, err := v.MarshalText()
		assert.ErrorIs(t, err, ismskit.ErrUnknownValue, "%v", v)
	}
	var k OutputKind
	assert.ErrorIs(t, k.UnmarshalText([]byte("Change")), ismskit.ErrUnknownValue, "documents hold codes")
	got, err := ParseOutputKind("Change to the ISMS")
	require.NoError(t, err)
	assert.Equal(t, ISMSChange, got)
	assert.Equal(t, "Edition(7)", Edition(7).String())
	assert.Equal(t, "DocKind(7)", DocKind(7).String())
	assert.Equal(t, "", NoAmendment.String())
	assert.Equal(t, "ISO/IEC 27001:2022/Amd 1:2024", Amd1of2024.String())
}

func FuzzDecodeRecords(f *testing.F) {
	f.Add(readSample(f))
	for _, s := range []string{`{"edition":"2022"}`, `{}`, `{"edition":"2013","documents":[{"id":"D","title":"t","evidences":["9.2.g"]}]}`,
		`{"edition":"2022","objectives":[{"id":"O"}]}`, `{"edition":"2022"} []`, `[1,2`, `{"extensions":{"a":[1,{"b":null}]}}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := DecodeRecords(data)
		if err != nil {
			if !reflect.DeepEqual(r, Records{}) {
				t.Fatal("records with an error")
			}
			for _, e := range flatten(err) {
				var fe *ismskit.Error
				if !errors.As(e, &fe) && !errors.Is(e, ismskit.ErrSyntax) {
					t.Fatalf("error without a path: %v", e)
				}
			}
			return
		}
		// Validation and the gap analysis never panic; valid records survive
		// a round trip.
		verr := r.Validate()
		if verr != nil {
			return
		}
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatalf("marshal decoded records: %v", err)
		}
		r2, err := DecodeRecords(b)
		if err != nil {
			t.Fatalf("decode re-encoded records: %v\n%s", err, b)
		}
		if err := r2.Validate(); err != nil {
			t.Fatalf("re-encoded records invalid: %v", err)
		}
		b2, _ := json.Marshal(r2)
		if string(b) != string(b2) {
			t.Fatalf("round trip differs:\n%s\n%s", b, b2)
		}
	})
}

func flatten(err error) []error {
	return fielderr.Flatten(err)
}
