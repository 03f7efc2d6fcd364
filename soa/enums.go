package soa

import (
	"fmt"
	"strconv"

	"github.com/ismskit/ismskit"
)

// enumText returns names[v], or an error wrapping ErrUnknownValue.
func enumText(kind string, v int, names []string) ([]byte, error) {
	if v < 0 || v >= len(names) || names[v] == "" {
		return nil, errf(ismskit.ErrUnknownValue, "%d is not a valid %s", v, kind)
	}
	return []byte(names[v]), nil
}

// enumParse returns the index of s in names, or an error wrapping
// ErrUnknownValue that lists the accepted names.
func enumParse(kind, s string, names []string) (int, error) {
	for i, n := range names {
		if n != "" && n == s {
			return i, nil
		}
	}
	var want []string
	for _, n := range names {
		if n != "" {
			want = append(want, strconv.Quote(n))
		}
	}
	return 0, errf(ismskit.ErrUnknownValue, "%q is not a %s (want %s)", s, kind, joinOr(want))
}

func joinOr(s []string) string {
	switch len(s) {
	case 0:
		return ""
	case 1:
		return s[0]
	}
	out := ""
	for i, x := range s[:len(s)-1] {
		if i > 0 {
			out += ", "
		}
		out += x
	}
	return out + " or " + s[len(s)-1]
}

func enumString(v int, names []string) string {
	if v < 0 || v >= len(names) || names[v] == "" {
		return fmt.Sprintf("invalid(%d)", v)
	}
	return names[v]
}

// Applicability says whether a control is part of the SoA's necessary
// controls (ISO/IEC 27001:2022 clause 6.1.3 c and d). The zero value is
// Undecided: no source has decided, which is never read as an exclusion.
type Applicability uint8

// The applicability of a control.
const (
	// Undecided: no risk, obligation or decision has settled the control
	// yet. Validate reports it.
	Undecided Applicability = iota
	// Included: the control is necessary; the entry gives its reasons.
	Included
	// Excluded: the control is not necessary; the entry justifies it.
	Excluded
)

var applicabilityNames = []string{"undecided", "included", "excluded"}

// ParseApplicability parses "undecided", "included" or "excluded".
func ParseApplicability(s string) (Applicability, error) {
	i, err := enumParse("applicability", s, applicabilityNames)
	return Applicability(i), err
}

// IsValid reports whether a is one of the defined values.
func (a Applicability) IsValid() bool { return int(a) < len(applicabilityNames) }

// String returns the lower-case name ("included").
func (a Applicability) String() string { return enumString(int(a), applicabilityNames) }

// MarshalText implements encoding.TextMarshaler; an undefined value is an
// error wrapping ErrUnknownValue.
func (a Applicability) MarshalText() ([]byte, error) {
	return enumText("applicability", int(a), applicabilityNames)
}

// UnmarshalText implements encoding.TextUnmarshaler with
// ParseApplicability.
func (a *Applicability) UnmarshalText(b []byte) error {
	v, err := ParseApplicability(string(b))
	if err == nil {
		*a = v
	}
	return err
}

// Status is the implementation status of a control in an SoA (ISO/IEC
// 27001:2022 clause 6.1.3 d: "whether the necessary controls are
// implemented or not", in the usual finer steps). The zero value means no
// status has been recorded, which Validate reports for an included
// control.
type Status uint8

// The implementation statuses, from least to most advanced, and
// NotApplicable for excluded controls.
const (
	NotStarted           Status = iota + 1 // decided but no work started
	Planned                                // in a treatment plan, with a target date
	PartiallyImplemented                   // in place for part of the scope or of the control
	Implemented                            // in place and operating
	NotApplicable                          // the control is excluded
)

var statusNames = []string{"", "not-started", "planned", "partially-implemented", "implemented", "not-applicable"}

// Statuses returns the defined statuses in order, NotStarted first.
func Statuses() []Status {
	return []Status{NotStarted, Planned, PartiallyImplemented, Implemented, NotApplicable}
}

// ParseStatus parses a lower-case status name ("partially-implemented").
func ParseStatus(s string) (Status, error) {
	i, err := enumParse("status", s, statusNames)
	return Status(i), err
}

// IsValid reports whether s is a defined status; the zero Status is not.
func (s Status) IsValid() bool { return s >= NotStarted && s <= NotApplicable }

// String returns the lower-case name, "" for the zero Status.
func (s Status) String() string {
	if s == 0 {
		return ""
	}
	return enumString(int(s), statusNames)
}

// Label returns the status in words for people ("Partially implemented").
func (s Status) Label() string {
	switch s {
	case NotStarted:
		return "Not started"
	case Planned:
		return "Planned"
	case PartiallyImplemented:
		return "Partially implemented"
	case Implemented:
		return "Implemented"
	case NotApplicable:
		return "Not applicable"
	case 0:
		return ""
	}
	return s.String()
}

// MarshalText implements encoding.TextMarshaler; the zero Status and
// undefined values are an error wrapping ErrUnknownValue (the JSON
// encoding omits the zero Status).
func (s Status) MarshalText() ([]byte, error) { return enumText("status", int(s), statusNames) }

// UnmarshalText implements encoding.TextUnmarshaler with ParseStatus.
func (s *Status) UnmarshalText(b []byte) error {
	v, err := ParseStatus(string(b))
	if err == nil {
		*s = v
	}
	return err
}

// ReasonKind is the kind of a reason for including a control. The zero
// value is invalid.
type ReasonKind uint8

// The kinds of reason for inclusion.
const (
	// RiskTreatment: the control was selected to treat risks (6.1.3 b);
	// the reason lists the risks.
	RiskTreatment ReasonKind = iota + 1
	// Legal: a law requires the control; the reason gives the reference.
	Legal
	// Regulatory: a regulator's rule requires it; with the reference.
	Regulatory
	// Contractual: a contract requires it; with the reference.
	Contractual
	// BusinessRequirement: the organisation decided it needs the control.
	BusinessRequirement
	// BestPractice: the control is adopted as good practice.
	BestPractice
)

var reasonKindNames = []string{"", "risk-treatment", "legal", "regulatory", "contractual", "business-requirement", "best-practice"}

// ReasonKinds returns the defined kinds in order.
func ReasonKinds() []ReasonKind {
	return []ReasonKind{RiskTreatment, Legal, Regulatory, Contractual, BusinessRequirement, BestPractice}
}

// ParseReasonKind parses a lower-case kind name ("risk-treatment").
func ParseReasonKind(s string) (ReasonKind, error) {
	i, err := enumParse("reason kind", s, reasonKindNames)
	return ReasonKind(i), err
}

// IsValid reports whether k is a defined kind.
func (k ReasonKind) IsValid() bool { return k >= RiskTreatment && k <= BestPractice }

// NeedsReference reports whether a reason of kind k must carry a
// reference: Legal, Regulatory and Contractual.
func (k ReasonKind) NeedsReference() bool { return k == Legal || k == Regulatory || k == Contractual }

// String returns the lower-case name.
func (k ReasonKind) String() string { return enumString(int(k), reasonKindNames) }

// Label returns the kind in words for people ("Risk treatment").
func (k ReasonKind) Label() string {
	switch k {
	case RiskTreatment:
		return "Risk treatment"
	case Legal:
		return "Legal"
	case Regulatory:
		return "Regulatory"
	case Contractual:
		return "Contractual"
	case BusinessRequirement:
		return "Business requirement"
	case BestPractice:
		return "Best practice"
	}
	return k.String()
}

// MarshalText implements encoding.TextMarshaler; an undefined kind is an
// error wrapping ErrUnknownValue.
func (k ReasonKind) MarshalText() ([]byte, error) {
	return enumText("reason kind", int(k), reasonKindNames)
}

// UnmarshalText implements encoding.TextUnmarshaler with ParseReasonKind.
func (k *ReasonKind) UnmarshalText(b []byte) error {
	v, err := ParseReasonKind(string(b))
	if err == nil {
		*k = v
	}
	return err
}

// Responsibility says who operates a control: the organisation itself
// (the zero value), a provider alone (inherited, such as a cloud
// provider's physical security), or both (shared). An inherited control
// is still included; it is not an exclusion.
type Responsibility uint8

// The responsibilities for a control.
const (
	Own       Responsibility = iota // the organisation operates the control
	Inherited                       // a provider operates it for the organisation
	Shared                          // the organisation and a provider share it
)

var responsibilityNames = []string{"own", "inherited", "shared"}

// ParseResponsibility parses "own", "inherited" or "shared".
func ParseResponsibility(s string) (Responsibility, error) {
	i, err := enumParse("responsibility", s, responsibilityNames)
	return Responsibility(i), err
}

// IsValid reports whether r is a defined value.
func (r Responsibility) IsValid() bool { return int(r) < len(responsibilityNames) }

// String returns the lower-case name.
func (r Responsibility) String() string { return enumString(int(r), responsibilityNames) }

// MarshalText implements encoding.TextMarshaler; an undefined value is an
// error wrapping ErrUnknownValue.
func (r Responsibility) MarshalText() ([]byte, error) {
	return enumText("responsibility", int(r), responsibilityNames)
}

// UnmarshalText implements encoding.TextUnmarshaler with
// ParseResponsibility.
func (r *Responsibility) UnmarshalText(b []byte) error {
	v, err := ParseResponsibility(string(b))
	if err == nil {
		*r = v
	}
	return err
}
