package risk

import (
	"fmt"

	"github.com/ismskit/ismskit"
)

// parseEnum returns the member of values spelt s, or an error wrapping
// ErrUnknownValue that lists the accepted spellings.
func parseEnum[T ~string](kind, s string, values []T) (T, error) {
	for _, v := range values {
		if string(v) == s {
			return v, nil
		}
	}
	return "", fmt.Errorf("%w: %q is not a %s (want one of %q)", ismskit.ErrUnknownValue, s, kind, values)
}

func validEnum[T ~string](v T, values []T) bool {
	for _, x := range values {
		if x == v {
			return true
		}
	}
	return false
}

// Property is an information security property that a risk affects and
// an asset needs (ISO/IEC 27001:2022 clause 6.1.2 c 1, where risks are
// those of losing confidentiality, integrity and availability). The zero
// value is invalid.
type Property string

// The three information security properties.
const (
	Confidentiality Property = "confidentiality"
	Integrity       Property = "integrity"
	Availability    Property = "availability"
)

var properties = []Property{Confidentiality, Integrity, Availability}

// Properties returns the three properties in the order C, I, A.
func Properties() []Property { return append([]Property(nil), properties...) }

// ParseProperty parses the lower-case name of a property.
func ParseProperty(s string) (Property, error) { return parseEnum("property", s, properties) }

// IsValid reports whether p is one of the three properties.
func (p Property) IsValid() bool { return validEnum(p, properties) }

// String returns the lower-case name of p.
func (p Property) String() string { return string(p) }

// MarshalText implements encoding.TextMarshaler; an invalid p is an error.
func (p Property) MarshalText() ([]byte, error) {
	if !p.IsValid() {
		return nil, fmt.Errorf("%w: %q is not a property", ismskit.ErrUnknownValue, string(p))
	}
	return []byte(p), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (p *Property) UnmarshalText(b []byte) error {
	v, err := ParseProperty(string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// AssetKind says whether an asset is information or an associated asset
// that supports it (people, software, hardware, sites, services), as
// ISO/IEC 27005:2022 distinguishes primary and supporting assets. The
// zero value is invalid.
type AssetKind string

// The kinds of asset.
const (
	InformationAsset AssetKind = "information"
	SupportingAsset  AssetKind = "supporting"
)

var assetKinds = []AssetKind{InformationAsset, SupportingAsset}

// ParseAssetKind parses the lower-case name of an asset kind.
func ParseAssetKind(s string) (AssetKind, error) { return parseEnum("asset kind", s, assetKinds) }

// IsValid reports whether k is a defined kind.
func (k AssetKind) IsValid() bool { return validEnum(k, assetKinds) }

// String returns the lower-case name of k.
func (k AssetKind) String() string { return string(k) }

// MarshalText implements encoding.TextMarshaler; an invalid k is an error.
func (k AssetKind) MarshalText() ([]byte, error) {
	if !k.IsValid() {
		return nil, fmt.Errorf("%w: %q is not an asset kind", ismskit.ErrUnknownValue, string(k))
	}
	return []byte(k), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *AssetKind) UnmarshalText(b []byte) error {
	v, err := ParseAssetKind(string(b))
	if err != nil {
		return err
	}
	*k = v
	return nil
}

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

var treatmentOptions = []TreatmentOption{Modify, Retain, Avoid, Share}

// ParseTreatmentOption parses the lower-case name of an option.
func ParseTreatmentOption(s string) (TreatmentOption, error) {
	return parseEnum("treatment option", s, treatmentOptions)
}

// IsValid reports whether o is one of the four options.
func (o TreatmentOption) IsValid() bool { return validEnum(o, treatmentOptions) }

// String returns the lower-case name of o.
func (o TreatmentOption) String() string { return string(o) }

// MarshalText implements encoding.TextMarshaler; an invalid o is an error.
func (o TreatmentOption) MarshalText() ([]byte, error) {
	if !o.IsValid() {
		return nil, fmt.Errorf("%w: %q is not a treatment option", ismskit.ErrUnknownValue, string(o))
	}
	return []byte(o), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (o *TreatmentOption) UnmarshalText(b []byte) error {
	v, err := ParseTreatmentOption(string(b))
	if err != nil {
		return err
	}
	*o = v
	return nil
}

// ControlStatus says whether a control that acts on a risk is already
// in place (it counts for the current risk) or planned by the treatment
// (it counts only for the residual risk). The zero value is invalid.
type ControlStatus string

// The states of a control on a risk.
const (
	Implemented ControlStatus = "implemented"
	Planned     ControlStatus = "planned"
)

var controlStatuses = []ControlStatus{Implemented, Planned}

// ParseControlStatus parses the lower-case name of a control status.
func ParseControlStatus(s string) (ControlStatus, error) {
	return parseEnum("control status", s, controlStatuses)
}

// IsValid reports whether s is a defined status.
func (s ControlStatus) IsValid() bool { return validEnum(s, controlStatuses) }

// String returns the lower-case name of s.
func (s ControlStatus) String() string { return string(s) }

// MarshalText implements encoding.TextMarshaler; an invalid s is an error.
func (s ControlStatus) MarshalText() ([]byte, error) {
	if !s.IsValid() {
		return nil, fmt.Errorf("%w: %q is not a control status", ismskit.ErrUnknownValue, string(s))
	}
	return []byte(s), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *ControlStatus) UnmarshalText(b []byte) error {
	v, err := ParseControlStatus(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// ActionStatus is the progress of one action of a risk treatment plan
// (ISO/IEC 27001:2022 clause 6.1.3 e). The zero value is invalid.
type ActionStatus string

// The states of a treatment action.
const (
	ActionPlanned    ActionStatus = "planned"
	ActionInProgress ActionStatus = "in-progress"
	ActionDone       ActionStatus = "done"
	ActionCancelled  ActionStatus = "cancelled"
)

var actionStatuses = []ActionStatus{ActionPlanned, ActionInProgress, ActionDone, ActionCancelled}

// ParseActionStatus parses the lower-case name of an action status.
func ParseActionStatus(s string) (ActionStatus, error) {
	return parseEnum("action status", s, actionStatuses)
}

// IsValid reports whether s is a defined status.
func (s ActionStatus) IsValid() bool { return validEnum(s, actionStatuses) }

// String returns the lower-case name of s.
func (s ActionStatus) String() string { return string(s) }

// MarshalText implements encoding.TextMarshaler; an invalid s is an error.
func (s ActionStatus) MarshalText() ([]byte, error) {
	if !s.IsValid() {
		return nil, fmt.Errorf("%w: %q is not an action status", ismskit.ErrUnknownValue, string(s))
	}
	return []byte(s), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *ActionStatus) UnmarshalText(b []byte) error {
	v, err := ParseActionStatus(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Stage is the point of an assessment at which a risk is rated. The zero
// value is Inherent.
type Stage int

// The three stages of ISO/IEC 27005:2022 risk analysis.
const (
	// Inherent: before any control.
	Inherent Stage = iota
	// Current: with the controls already implemented.
	Current
	// Residual: after the planned treatment, with implemented and planned
	// controls.
	Residual
)

// String returns "inherent", "current" or "residual".
func (s Stage) String() string {
	switch s {
	case Inherent:
		return "inherent"
	case Current:
		return "current"
	case Residual:
		return "residual"
	}
	return fmt.Sprintf("Stage(%d)", int(s))
}

// Severity grades a finding of the consistency checks. The zero value is
// SeverityError.
type Severity int

// The severities of a finding.
const (
	// SeverityError: the assessment contradicts itself and must be fixed.
	SeverityError Severity = iota
	// SeverityWarning: the assessment is possible but needs a look.
	SeverityWarning
)

// String returns "error" or "warning".
func (s Severity) String() string {
	if s == SeverityWarning {
		return "warning"
	}
	if s == SeverityError {
		return "error"
	}
	return fmt.Sprintf("Severity(%d)", int(s))
}
