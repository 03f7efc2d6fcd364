package soa

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/apitest"
	"github.com/ismskit/ismskit/iso27002"
)

// TestJSONOfEveryType: every exported type marshals with encoding/json,
// its zero value included, with lowerCamelCase keys, and decodes back
// equal. A new exported type fails this test until it is listed here.
func TestJSONOfEveryType(t *testing.T) {
	s := richSoA(t)
	s.Extensions = json.RawMessage(`{"tool":"x"}`)
	src := testSources()
	src.Policy = Policy{Include: []Reason{{Kind: BestPractice, Note: "Baseline"}}, Status: NotStarted}
	src.Extensions = json.RawMessage(`{"origin":"grc"}`)
	snap, err := Approve(s, "CEO", asOf)
	require.NoError(t, err)
	older := testSoA(t)
	older.Entries[3].Status = Planned
	log := Diff(older, s)
	old, err := Generate(Input{Catalog: iso27002.Catalog2013(), Header: testHeader(), Sources: Sources{Decisions: []Decision{
		{Control: id("A.8.1.1"), Reasons: []Reason{{Kind: BestPractice}}, Status: Implemented},
		{Control: id("A.8.1.2"), Applicability: Excluded, Justification: "j"},
	}}})
	require.NoError(t, err)
	tr, err := Transition(old, nil, asOf)
	require.NoError(t, err)
	reg := testRegister()
	unsetStatus := s.Clone()
	unsetStatus.Entries[0].Status = 0 // the case that made Summary fail

	apitest.JSON(t, ".",
		SoA{}, s,
		Header{}, s.Header,
		Entry{}, s.Entries[0],
		Reason{}, s.Entries[0].Reasons[1],
		Sources{}, src,
		Obligation{}, src.Obligations[0],
		Decision{}, src.Decisions[0],
		Policy{}, src.Policy,
		Input{}, Input{Header: testHeader(), Register: reg, Sources: src},
		ValidateOptions{}, ValidateOptions{Register: &reg, RequireEvidence: true},
		Summary{}, s.Summary(), unsetStatus.Summary(),
		Count{}, s.Summary().Total,
		Snapshot{}, snap,
		ChangeLog{}, log,
		Change{}, log.Changes[0],
		FieldChange{}, log.Changes[0].Fields[0],
		ChangeKind(0), Modified,
		TransitionResult{}, tr,
		Conflict{}, tr.Conflicts[0],
		Applicability(0), Excluded,
		Status(0), PartiallyImplemented,
		ReasonKind(0), BusinessRequirement,
		Responsibility(0), Shared,
		Document{}, Document{SoA: s, ScopeStatement: "scope", History: []ChangeLog{log}, AsOf: asOf,
			Letterhead: ismskit.Letterhead{Classification: "Confidential", Colour: "#112233", Logo: []byte("\x89PNG\r\n\x1a\n")}},
	)
}

// TestZeroArgumentsNeverPanic calls every exported function and method
// with zero arguments (nil readers and writers, zero SoAs, nil receivers).
// A new exported function fails this test until it is listed here.
func TestZeroArgumentsNeverPanic(t *testing.T) {
	apitest.ZeroCalls(t, ".", map[string]any{
		"Approve": Approve, "DecodeCSV": DecodeCSV, "DecodeSoA": DecodeSoA, "DecodeSources": DecodeSources,
		"Diff": Diff, "EncodeCSV": EncodeCSV, "EncodeSoA": EncodeSoA, "EncodeSources": EncodeSources,
		"Generate": Generate, "HTML": HTML, "JSONSchema": JSONSchema, "Markdown": Markdown,
		"ParseApplicability": ParseApplicability, "ParseChangeKind": ParseChangeKind, "ParseReasonKind": ParseReasonKind,
		"ParseResponsibility": ParseResponsibility, "ParseRows": ParseRows, "ParseStatus": ParseStatus,
		"ReadCSV": ReadCSV, "ReadSoA": ReadSoA, "ReadSources": ReadSources, "ReasonKinds": ReasonKinds,
		"SourcesSchema": SourcesSchema, "Statuses": Statuses, "TableHeader": TableHeader, "ThemeTitle": ThemeTitle, "Transition": Transition,
		"WriteCSV": WriteCSV, "WriteSoA": WriteSoA, "WriteSources": WriteSources,
	},
		Applicability(0), ChangeKind(0), ChangeLog{}, Conflict{}, Count{}, Entry{}, Policy{}, Reason{}, ReasonKind(0),
		Responsibility(0), Snapshot{}, SoA{}, Sources{}, Status(0), Summary{},
		Change{}, Decision{}, FieldChange{}, Header{}, Input{}, Obligation{}, TransitionResult{}, ValidateOptions{},
		Document{},
	)
}

// TestZeroArgumentsGiveErrors: what the zero arguments give is an error
// or a documented zero result, never a silent success for bad input.
func TestZeroArgumentsGiveErrors(t *testing.T) {
	_, err := DecodeSoA(nil)
	require.ErrorIs(t, err, ismskit.ErrSyntax)
	_, err = ReadSoA(nil)
	require.ErrorIs(t, err, ismskit.ErrMissing)
	require.ErrorIs(t, WriteSoA(nil, SoA{}), ismskit.ErrMissing)
	require.ErrorIs(t, WriteCSV(nil, SoA{}), ismskit.ErrMissing)
	require.ErrorIs(t, WriteSources(nil, Sources{}), ismskit.ErrMissing)
	_, err = Approve(SoA{}, "", ismskit.Date{})
	require.ErrorIs(t, err, ismskit.ErrMissing)
	require.ErrorIs(t, Snapshot{}.Verify(), ismskit.ErrMissing)
	require.ErrorIs(t, (*SoA)(nil).UnmarshalJSON([]byte(`{}`)), ismskit.ErrMissing)
	require.ErrorIs(t, (*Sources)(nil).UnmarshalJSON([]byte(`{}`)), ismskit.ErrMissing)
	_, err = DecodeCSV(nil)
	require.ErrorIs(t, err, ismskit.ErrSyntax)
	_, err = ParseRows(nil, nil)
	require.ErrorIs(t, err, ismskit.ErrSyntax)
	require.ErrorIs(t, SoA{}.Validate(ValidateOptions{}), ErrEdition)
}

// TestEnumConvention holds soa's enumerations to the convention of every
// package: ParseX takes a code or a label, documents only the code.
func TestEnumConvention(t *testing.T) {
	apitest.Enum(t, []Applicability{Undecided, Included, Excluded}, ParseApplicability, "undecided")
	apitest.Enum(t, Statuses(), ParseStatus, "")
	apitest.Enum(t, ReasonKinds(), ParseReasonKind, "")
	apitest.Enum(t, []Responsibility{Own, Inherited, Shared}, ParseResponsibility, "own")
	apitest.Enum(t, []ChangeKind{Added, Removed, Modified}, ParseChangeKind, "")
}
