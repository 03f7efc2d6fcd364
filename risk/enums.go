package risk

import (
	"slices"
	"strconv"
	"strings"

	"github.com/ismskit/ismskit"
)

// Every enumeration of the package is a typed string whose value is its
// lower-case code, the form JSON, CSV and the schemas carry
// ("in-progress"). The zero value "" means "not set": it marshals to ""
// and unmarshals from "", never with an error, and IsValid reports it as
// not valid. Each enumeration has the same methods: String (the label for
// people, "In progress"), MarshalText and UnmarshalText (the code),
// IsValid, a ParseX function and an Xs function listing the values. The
// code of a value v is string(v).

// enum describes one enumeration: its Go name, its name in messages, its
// values (codes) and their labels for people, in the same order.
type enum[T ~string] struct {
	goName, name string
	values       []T
	labels       []string
}

func (e *enum[T]) index(v T) int { return slices.Index(e.values, v) }

func (e *enum[T]) valid(v T) bool { return e.index(v) >= 0 }

func (e *enum[T]) list() []T { return slices.Clone(e.values) }

// label returns the label of v, "" for the zero value, and GoName("x")
// for any other value.
func (e *enum[T]) label(v T) string {
	if i := e.index(v); i >= 0 {
		return e.labels[i]
	}
	if v == "" {
		return ""
	}
	return e.goName + "(" + strconv.Quote(clip(string(v))) + ")"
}

// parse returns the value whose code is s; anything else, "" included,
// is an error wrapping ismskit.ErrUnknownValue that lists the codes.
func (e *enum[T]) parse(s string) (T, error) {
	if i := e.index(T(s)); i >= 0 {
		return e.values[i], nil
	}
	return "", e.unknown(s)
}

// parseCodeOrLabel is parse that also takes a label in any case, for the
// ParseX functions (JSON stays with the codes).
func (e *enum[T]) parseCodeOrLabel(s string) (T, error) {
	if s != "" && !e.valid(T(s)) {
		for i, l := range e.labels {
			if strings.EqualFold(s, l) {
				return e.values[i], nil
			}
		}
	}
	return e.parse(s)
}

func (e *enum[T]) unknown(s string) error {
	want := make([]string, len(e.values))
	for i, v := range e.values {
		want[i] = strconv.Quote(string(v))
	}
	return errf(ismskit.ErrUnknownValue, "%q is not a %s (want %s)", clip(s), e.name, strings.Join(want, ", "))
}

// marshal returns the code of v; "" for the zero value.
func (e *enum[T]) marshal(v T) ([]byte, error) {
	if v != "" && !e.valid(v) {
		return nil, e.unknown(string(v))
	}
	return []byte(v), nil
}

// unmarshal sets *p to the value of the code b; empty text gives the
// zero value.
func (e *enum[T]) unmarshal(p *T, b []byte) error {
	if p == nil {
		return errf(ismskit.ErrMissing, "UnmarshalText into a nil *%s", e.goName)
	}
	if len(b) == 0 {
		*p = ""
		return nil
	}
	v, err := e.parse(string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// clip shortens text quoted in a message, so that a hostile input cannot
// make the message large.
func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}

// Property is an information security property that a risk affects and
// an asset needs (ISO/IEC 27001:2022 clause 6.1.2 c 1, where risks are
// those of losing confidentiality, integrity and availability). The zero
// value is not set.
type Property string

// The three information security properties.
const (
	Confidentiality Property = "confidentiality"
	Integrity       Property = "integrity"
	Availability    Property = "availability"
)

var propertyEnum = enum[Property]{"Property", "property",
	[]Property{Confidentiality, Integrity, Availability},
	[]string{"Confidentiality", "Integrity", "Availability"}}

// Properties returns the three properties in the order C, I, A.
func Properties() []Property { return propertyEnum.list() }

// ParseProperty parses the code of a property ("confidentiality"),
// or its label in any case.
func ParseProperty(s string) (Property, error) { return propertyEnum.parseCodeOrLabel(s) }

// IsValid reports whether p is one of the three properties.
func (p Property) IsValid() bool { return propertyEnum.valid(p) }

// String returns the label of p ("Confidentiality").
func (p Property) String() string { return propertyEnum.label(p) }

// MarshalText returns the code of p; the zero value gives "", and any
// other invalid p an error wrapping ismskit.ErrUnknownValue.
func (p Property) MarshalText() ([]byte, error) { return propertyEnum.marshal(p) }

// UnmarshalText sets p from its code; empty text gives the zero value.
func (p *Property) UnmarshalText(b []byte) error { return propertyEnum.unmarshal(p, b) }

// AssetKind says whether an asset is information or an associated asset
// that supports it (people, software, hardware, sites, services), as
// ISO/IEC 27005:2022 distinguishes primary and supporting assets. The
// zero value is not set.
type AssetKind string

// The kinds of asset.
const (
	InformationAsset AssetKind = "information"
	SupportingAsset  AssetKind = "supporting"
)

var assetKindEnum = enum[AssetKind]{"AssetKind", "asset kind",
	[]AssetKind{InformationAsset, SupportingAsset},
	[]string{"Information asset", "Supporting asset"}}

// AssetKinds returns the kinds of asset: information, then supporting.
func AssetKinds() []AssetKind { return assetKindEnum.list() }

// ParseAssetKind parses the code of an asset kind ("information"),
// or its label in any case.
func ParseAssetKind(s string) (AssetKind, error) { return assetKindEnum.parseCodeOrLabel(s) }

// IsValid reports whether k is a defined kind.
func (k AssetKind) IsValid() bool { return assetKindEnum.valid(k) }

// String returns the label of k ("Information asset").
func (k AssetKind) String() string { return assetKindEnum.label(k) }

// MarshalText returns the code of k; the zero value gives "", and any
// other invalid k an error wrapping ismskit.ErrUnknownValue.
func (k AssetKind) MarshalText() ([]byte, error) { return assetKindEnum.marshal(k) }

// UnmarshalText sets k from its code; empty text gives the zero value.
func (k *AssetKind) UnmarshalText(b []byte) error { return assetKindEnum.unmarshal(k, b) }

// TreatmentOption is a risk treatment option of ISO/IEC 27005:2022
// clause 8.2, chosen for every risk under ISO/IEC 27001:2022 clause
// 6.1.3 a. The zero value means no option has been chosen yet, which
// validation reports.
type TreatmentOption string

// The four treatment options of ISO/IEC 27005:2022.
const (
	// Modify: change the likelihood or consequence with controls.
	Modify TreatmentOption = "modify"
	// Retain: keep the risk as it is, by an informed decision.
	Retain TreatmentOption = "retain"
	// Avoid: stop the activity or remove the source that gives rise to
	// the risk.
	Avoid TreatmentOption = "avoid"
	// Share: share the risk with another party (an insurer, a supplier).
	Share TreatmentOption = "share"
)

var treatmentOptionEnum = enum[TreatmentOption]{"TreatmentOption", "treatment option",
	[]TreatmentOption{Modify, Retain, Avoid, Share},
	[]string{"Modify", "Retain", "Avoid", "Share"}}

// TreatmentOptions returns the four options: modify, retain, avoid,
// share.
func TreatmentOptions() []TreatmentOption { return treatmentOptionEnum.list() }

// ParseTreatmentOption parses the code of an option ("modify"),
// or its label in any case.
func ParseTreatmentOption(s string) (TreatmentOption, error) {
	return treatmentOptionEnum.parseCodeOrLabel(s)
}

// IsValid reports whether o is one of the four options.
func (o TreatmentOption) IsValid() bool { return treatmentOptionEnum.valid(o) }

// String returns the label of o ("Modify").
func (o TreatmentOption) String() string { return treatmentOptionEnum.label(o) }

// MarshalText returns the code of o; the zero value gives "", and any
// other invalid o an error wrapping ismskit.ErrUnknownValue.
func (o TreatmentOption) MarshalText() ([]byte, error) { return treatmentOptionEnum.marshal(o) }

// UnmarshalText sets o from its code; empty text gives the zero value.
func (o *TreatmentOption) UnmarshalText(b []byte) error { return treatmentOptionEnum.unmarshal(o, b) }

// ControlStatus says whether a control that acts on a risk is already
// in place (it counts for the current risk) or planned by the treatment
// (it counts only for the residual risk). The zero value is not set,
// which validation reports.
type ControlStatus string

// The states of a control on a risk.
const (
	Implemented ControlStatus = "implemented"
	Planned     ControlStatus = "planned"
)

var controlStatusEnum = enum[ControlStatus]{"ControlStatus", "control status",
	[]ControlStatus{Implemented, Planned},
	[]string{"Implemented", "Planned"}}

// ControlStatuses returns the states of a control: implemented, then
// planned.
func ControlStatuses() []ControlStatus { return controlStatusEnum.list() }

// ParseControlStatus parses the code of a control status ("planned"),
// or its label in any case.
func ParseControlStatus(s string) (ControlStatus, error) {
	return controlStatusEnum.parseCodeOrLabel(s)
}

// IsValid reports whether s is a defined status.
func (s ControlStatus) IsValid() bool { return controlStatusEnum.valid(s) }

// String returns the label of s ("Planned").
func (s ControlStatus) String() string { return controlStatusEnum.label(s) }

// MarshalText returns the code of s; the zero value gives "", and any
// other invalid s an error wrapping ismskit.ErrUnknownValue.
func (s ControlStatus) MarshalText() ([]byte, error) { return controlStatusEnum.marshal(s) }

// UnmarshalText sets s from its code; empty text gives the zero value.
func (s *ControlStatus) UnmarshalText(b []byte) error { return controlStatusEnum.unmarshal(s, b) }

// ActionStatus is the progress of one action of a risk treatment plan
// (ISO/IEC 27001:2022 clause 6.1.3 e). The zero value is not set, which
// validation reports.
type ActionStatus string

// The states of a treatment action.
const (
	ActionPlanned    ActionStatus = "planned"
	ActionInProgress ActionStatus = "in-progress"
	ActionDone       ActionStatus = "done"
	ActionCancelled  ActionStatus = "cancelled"
)

var actionStatusEnum = enum[ActionStatus]{"ActionStatus", "action status",
	[]ActionStatus{ActionPlanned, ActionInProgress, ActionDone, ActionCancelled},
	[]string{"Planned", "In progress", "Done", "Cancelled"}}

// ActionStatuses returns the states of an action in the order of
// progress: planned, in progress, done, cancelled.
func ActionStatuses() []ActionStatus { return actionStatusEnum.list() }

// ParseActionStatus parses the code of an action status ("in-progress"),
// or its label in any case.
func ParseActionStatus(s string) (ActionStatus, error) { return actionStatusEnum.parseCodeOrLabel(s) }

// IsValid reports whether s is a defined status.
func (s ActionStatus) IsValid() bool { return actionStatusEnum.valid(s) }

// String returns the label of s ("In progress").
func (s ActionStatus) String() string { return actionStatusEnum.label(s) }

// MarshalText returns the code of s; the zero value gives "", and any
// other invalid s an error wrapping ismskit.ErrUnknownValue.
func (s ActionStatus) MarshalText() ([]byte, error) { return actionStatusEnum.marshal(s) }

// UnmarshalText sets s from its code; empty text gives the zero value.
func (s *ActionStatus) UnmarshalText(b []byte) error { return actionStatusEnum.unmarshal(s, b) }

// Stage is the point of an assessment at which a risk is rated. The zero
// value is not a stage: Assessment.Rating gives the zero Rating for it.
type Stage string

// The three stages of ISO/IEC 27005:2022 risk analysis.
const (
	// Inherent: before any control.
	Inherent Stage = "inherent"
	// Current: with the controls already implemented.
	Current Stage = "current"
	// Residual: after the planned treatment, with implemented and planned
	// controls.
	Residual Stage = "residual"
)

var stageEnum = enum[Stage]{"Stage", "stage",
	[]Stage{Inherent, Current, Residual},
	[]string{"Inherent", "Current", "Residual"}}

// Stages returns the three stages in the order of treatment: inherent,
// current, residual.
func Stages() []Stage { return stageEnum.list() }

// ParseStage parses the code of a stage ("residual"),
// or its label in any case.
func ParseStage(s string) (Stage, error) { return stageEnum.parseCodeOrLabel(s) }

// IsValid reports whether s is one of the three stages.
func (s Stage) IsValid() bool { return stageEnum.valid(s) }

// String returns the label of s ("Residual").
func (s Stage) String() string { return stageEnum.label(s) }

// MarshalText returns the code of s; the zero value gives "", and any
// other invalid s an error wrapping ismskit.ErrUnknownValue.
func (s Stage) MarshalText() ([]byte, error) { return stageEnum.marshal(s) }

// UnmarshalText sets s from its code; empty text gives the zero value.
func (s *Stage) UnmarshalText(b []byte) error { return stageEnum.unmarshal(s, b) }

// Severity grades a finding of the consistency checks. The zero value is
// not set.
type Severity string

// The severities of a finding.
const (
	// SeverityError: the assessment contradicts itself and must be fixed.
	SeverityError Severity = "error"
	// SeverityWarning: the assessment is possible but needs a look.
	SeverityWarning Severity = "warning"
)

var severityEnum = enum[Severity]{"Severity", "severity",
	[]Severity{SeverityError, SeverityWarning},
	[]string{"Error", "Warning"}}

// Severities returns the severities, the graver first: error, warning.
func Severities() []Severity { return severityEnum.list() }

// ParseSeverity parses the code of a severity ("warning"),
// or its label in any case.
func ParseSeverity(s string) (Severity, error) { return severityEnum.parseCodeOrLabel(s) }

// IsValid reports whether s is a defined severity.
func (s Severity) IsValid() bool { return severityEnum.valid(s) }

// String returns the label of s ("Warning").
func (s Severity) String() string { return severityEnum.label(s) }

// MarshalText returns the code of s; the zero value gives "", and any
// other invalid s an error wrapping ismskit.ErrUnknownValue.
func (s Severity) MarshalText() ([]byte, error) { return severityEnum.marshal(s) }

// UnmarshalText sets s from its code; empty text gives the zero value.
func (s *Severity) UnmarshalText(b []byte) error { return severityEnum.unmarshal(s, b) }

// AcceptanceStatus is the state of a risk owner's acceptance of a
// residual risk at a given time (ISO/IEC 27001:2022 clause 6.1.3 f), as
// AcceptanceOf finds it. The zero value is not set (not evaluated).
type AcceptanceStatus string

// The states of an acceptance.
const (
	// NoAcceptance: no acceptance recorded at or before the time asked.
	NoAcceptance AcceptanceStatus = "none"
	// AcceptanceValid: the last acceptance is by the owner, matches the
	// residual rating and criteria, has not expired and is not older than
	// the criteria's maximum age.
	AcceptanceValid AcceptanceStatus = "valid"
	// AcceptanceStale: the residual rating (likelihood, impact or level)
	// or the criteria (ID or version) changed since it was accepted.
	AcceptanceStale AcceptanceStatus = "stale"
	// AcceptanceExpired: the time asked is at or after the acceptance's
	// own expiry.
	AcceptanceExpired AcceptanceStatus = "expired"
	// AcceptanceTooOld: the acceptance is older than the maximum age of
	// the acceptance criteria (AcceptanceCriteria.MaxAgeMonths).
	AcceptanceTooOld AcceptanceStatus = "too-old"
	// AcceptanceNotByOwner: the last acceptance was not given by the
	// current risk owner.
	AcceptanceNotByOwner AcceptanceStatus = "not-by-owner"
)

var acceptanceStatusEnum = enum[AcceptanceStatus]{"AcceptanceStatus", "acceptance status",
	[]AcceptanceStatus{NoAcceptance, AcceptanceValid, AcceptanceStale, AcceptanceExpired, AcceptanceTooOld, AcceptanceNotByOwner},
	[]string{"None", "Valid", "Stale", "Expired", "Too old", "Not by the owner"}}

// AcceptanceStatuses returns the states of an acceptance: none, valid,
// stale, expired, too old, not by the owner.
func AcceptanceStatuses() []AcceptanceStatus { return acceptanceStatusEnum.list() }

// ParseAcceptanceStatus parses the code of an acceptance status
// ("not-by-owner"), or its label in any case.
func ParseAcceptanceStatus(s string) (AcceptanceStatus, error) {
	return acceptanceStatusEnum.parseCodeOrLabel(s)
}

// IsValid reports whether s is a defined status.
func (s AcceptanceStatus) IsValid() bool { return acceptanceStatusEnum.valid(s) }

// String returns the label of s ("Not by the owner").
func (s AcceptanceStatus) String() string { return acceptanceStatusEnum.label(s) }

// MarshalText returns the code of s; the zero value gives "", and any
// other invalid s an error wrapping ismskit.ErrUnknownValue.
func (s AcceptanceStatus) MarshalText() ([]byte, error) { return acceptanceStatusEnum.marshal(s) }

// UnmarshalText sets s from its code; empty text gives the zero value.
func (s *AcceptanceStatus) UnmarshalText(b []byte) error {
	return acceptanceStatusEnum.unmarshal(s, b)
}

// Dimension is what Aggregate groups risks by. The zero value is not
// set: Aggregate gives no groups for it.
type Dimension string

// The dimensions of aggregation.
const (
	// ByAsset: one group per asset; a risk counts for each of its assets.
	ByAsset Dimension = "asset"
	// ByOwner: one group per risk owner.
	ByOwner Dimension = "owner"
	// ByTheme: one group per control theme (see ControlTheme); a risk
	// counts once for each theme among its controls.
	ByTheme Dimension = "theme"
	// ByControl: one group per control; a risk counts for each of its
	// controls.
	ByControl Dimension = "control"
)

var dimensionEnum = enum[Dimension]{"Dimension", "dimension",
	[]Dimension{ByAsset, ByOwner, ByTheme, ByControl},
	[]string{"Asset", "Owner", "Theme", "Control"}}

// Dimensions returns the dimensions of aggregation: asset, owner, theme,
// control.
func Dimensions() []Dimension { return dimensionEnum.list() }

// ParseDimension parses the code of a dimension ("owner"),
// or its label in any case.
func ParseDimension(s string) (Dimension, error) { return dimensionEnum.parseCodeOrLabel(s) }

// IsValid reports whether d is a defined dimension.
func (d Dimension) IsValid() bool { return dimensionEnum.valid(d) }

// String returns the label of d ("Owner").
func (d Dimension) String() string { return dimensionEnum.label(d) }

// MarshalText returns the code of d; the zero value gives "", and any
// other invalid d an error wrapping ismskit.ErrUnknownValue.
func (d Dimension) MarshalText() ([]byte, error) { return dimensionEnum.marshal(d) }

// UnmarshalText sets d from its code; empty text gives the zero value.
func (d *Dimension) UnmarshalText(b []byte) error { return dimensionEnum.unmarshal(d, b) }

// ChangeKind says how a risk changed between two versions of a
// register (see Diff). The zero value is not set.
type ChangeKind string

// The kinds of change.
const (
	// Added: the risk is only in the newer version.
	Added ChangeKind = "added"
	// Removed: the risk is only in the older version.
	Removed ChangeKind = "removed"
	// Modified: the risk is in both, with different fields.
	Modified ChangeKind = "modified"
)

var changeKindEnum = enum[ChangeKind]{"ChangeKind", "change kind",
	[]ChangeKind{Added, Removed, Modified},
	[]string{"Added", "Removed", "Modified"}}

// ChangeKinds returns the kinds of change: added, removed, modified.
func ChangeKinds() []ChangeKind { return changeKindEnum.list() }

// ParseChangeKind parses the code of a change kind ("modified"),
// or its label in any case.
func ParseChangeKind(s string) (ChangeKind, error) { return changeKindEnum.parseCodeOrLabel(s) }

// IsValid reports whether k is a defined kind.
func (k ChangeKind) IsValid() bool { return changeKindEnum.valid(k) }

// String returns the label of k ("Modified").
func (k ChangeKind) String() string { return changeKindEnum.label(k) }

// MarshalText returns the code of k; the zero value gives "", and any
// other invalid k an error wrapping ismskit.ErrUnknownValue.
func (k ChangeKind) MarshalText() ([]byte, error) { return changeKindEnum.marshal(k) }

// UnmarshalText sets k from its code; empty text gives the zero value.
func (k *ChangeKind) UnmarshalText(b []byte) error { return changeKindEnum.unmarshal(k, b) }
