package risk

import (
	"encoding"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
)

// enumCase checks one enumeration through its exported API only.
type enumCase struct {
	name   string
	values []string                  // codes, from the Xs function
	labels []string                  // String of each value
	parse  func(string) (any, error) // ParseX
	conv   func(string) enumValue    // T(s)
	newPtr func() encoding.TextUnmarshaler
}

type enumValue interface {
	encoding.TextMarshaler
	String() string
	IsValid() bool
}

func enumCaseOf[T interface {
	~string
	enumValue
}, P interface {
	*T
	encoding.TextUnmarshaler
}](name string, list func() []T, parse func(string) (T, error), labels ...string) enumCase {
	return enumCase{
		name: name, values: codes(list()), labels: labels,
		parse:  func(s string) (any, error) { return parse(s) },
		conv:   func(s string) enumValue { return T(s) },
		newPtr: func() encoding.TextUnmarshaler { return P(new(T)) },
	}
}

var enumCases = []enumCase{
	enumCaseOf[Property]("Property", Properties, ParseProperty, "Confidentiality", "Integrity", "Availability"),
	enumCaseOf[AssetKind]("AssetKind", AssetKinds, ParseAssetKind, "Information asset", "Supporting asset"),
	enumCaseOf[TreatmentOption]("TreatmentOption", TreatmentOptions, ParseTreatmentOption, "Modify", "Retain", "Avoid", "Share"),
	enumCaseOf[ControlStatus]("ControlStatus", ControlStatuses, ParseControlStatus, "Implemented", "Planned"),
	enumCaseOf[ActionStatus]("ActionStatus", ActionStatuses, ParseActionStatus, "Planned", "In progress", "Done", "Cancelled"),
	enumCaseOf[Stage]("Stage", Stages, ParseStage, "Inherent", "Current", "Residual"),
	enumCaseOf[Severity]("Severity", Severities, ParseSeverity, "Error", "Warning"),
	enumCaseOf[AcceptanceStatus]("AcceptanceStatus", AcceptanceStatuses, ParseAcceptanceStatus, "None", "Valid", "Stale", "Expired", "Too old", "Not by the owner"),
	enumCaseOf[Dimension]("Dimension", Dimensions, ParseDimension, "Asset", "Owner", "Theme", "Control"),
	enumCaseOf[ChangeKind]("ChangeKind", ChangeKinds, ParseChangeKind, "Added", "Removed", "Modified"),
}

func TestEnums(t *testing.T) {
	for _, tc := range enumCases {
		t.Run(tc.name, func(t *testing.T) {
			require.Len(t, tc.labels, len(tc.values))
			for i, code := range tc.values {
				v := tc.conv(code)
				assert.True(t, v.IsValid(), code)
				assert.Equal(t, tc.labels[i], v.String(), "String is the label")
				b, err := v.MarshalText()
				require.NoError(t, err)
				assert.Equal(t, code, string(b), "MarshalText is the code")
				got, err := tc.parse(code)
				require.NoError(t, err)
				assert.Equal(t, v, got)
				p := tc.newPtr()
				require.NoError(t, p.UnmarshalText(b))
				assert.Equal(t, v, deref(p))
				// the code is lower case, words joined by hyphens
				assert.Regexp(t, `^[a-z]+(-[a-z]+)*$`, code)
			}

			// the zero value means "not set": "" both ways, never an error
			zero := tc.conv("")
			assert.False(t, zero.IsValid())
			assert.Equal(t, "", zero.String())
			b, err := zero.MarshalText()
			require.NoError(t, err)
			assert.Empty(t, b)
			p := tc.newPtr()
			require.NoError(t, p.UnmarshalText([]byte(tc.values[0])))
			require.NoError(t, p.UnmarshalText(nil), "empty text resets to the zero value")
			assert.Equal(t, zero, deref(p))

			// anything else is an ErrUnknownValue; ParseX refuses "" too
			for _, bad := range []string{"", "X", tc.labels[0] + "!", " " + tc.values[0]} {
				_, err := tc.parse(bad)
				require.ErrorIs(t, err, ismskit.ErrUnknownValue, "%q", bad)
			}
			require.ErrorIs(t, tc.newPtr().UnmarshalText([]byte("Bogus")), ismskit.ErrUnknownValue)
			_, err = tc.conv("bogus").MarshalText()
			require.ErrorIs(t, err, ismskit.ErrUnknownValue)
			assert.Equal(t, tc.name+`("bogus")`, tc.conv("bogus").String())
		})
	}
}

func deref(p encoding.TextUnmarshaler) any {
	switch p := p.(type) {
	case *Property:
		return *p
	case *AssetKind:
		return *p
	case *TreatmentOption:
		return *p
	case *ControlStatus:
		return *p
	case *ActionStatus:
		return *p
	case *Stage:
		return *p
	case *Severity:
		return *p
	case *AcceptanceStatus:
		return *p
	case *Dimension:
		return *p
	case *ChangeKind:
		return *p
	}
	panic("unknown enum")
}

func TestEnumsInJSON(t *testing.T) {
	type doc struct {
		S Stage            `json:"s"`
		A AcceptanceStatus `json:"a"`
		O TreatmentOption  `json:"o"`
	}
	b, err := json.Marshal(doc{})
	require.NoError(t, err)
	assert.JSONEq(t, `{"s":"","a":"","o":""}`, string(b))
	b, err = json.Marshal(doc{Residual, AcceptanceNotByOwner, Share})
	require.NoError(t, err)
	assert.JSONEq(t, `{"s":"residual","a":"not-by-owner","o":"share"}`, string(b))
	var back doc
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, doc{Residual, AcceptanceNotByOwner, Share}, back)

	var nilStage *Stage
	require.ErrorIs(t, nilStage.UnmarshalText([]byte("current")), ismskit.ErrMissing, "a nil receiver is an error, not a panic")
	assert.Equal(t, []Property{Confidentiality, Integrity, Availability}, Properties())
	ps := Properties()
	ps[0] = "x"
	assert.Equal(t, Confidentiality, Properties()[0], "each call returns a fresh slice")
}
