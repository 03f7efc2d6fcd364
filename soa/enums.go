package soa

import (
	"slices"
	"strconv"
	"strings"

	"github.com/ismskit/ismskit"
)

// Every enumeration of the package has the same methods: String, the
// label for people ("Partially implemented"); MarshalText and
// UnmarshalText, the lower-case code of the JSON, CSV and spreadsheet
// forms ("partially-implemented"); IsValid; and a ParseX function for the
// code. An enum describes one enumeration for them.
type enum struct {
	typ    string   // the Go type name, for String of an undefined value
	kind   string   // what a value is, in messages ("status")
	codes  []string // the text form of each value; "" where none is defined
	labels []string // the label of each value
	// unset: the zero value means "not set": it has no code or label,
	// marshals to "" and "" unmarshals to it.
	unset bool
}

// defined reports whether v is a defined value (the unset zero value is
// not).
func (e *enum) defined(v uint8) bool { return int(v) < len(e.codes) && e.codes[v] != "" }

// label returns the label of v, "" for the unset zero value, and
// "Type(v)" for an undefined one.
func (e *enum) label(v uint8) string {
	switch {
	case e.defined(v):
		return e.labels[v]
	case v == 0 && e.unset:
		return ""
	}
	return e.typ + "(" + strconv.Itoa(int(v)) + ")"
}

// code returns the code of v, or what label returns for a value without
// one. Messages use it: the code is what a user writes in a document.
func (e *enum) code(v uint8) string {
	if e.defined(v) {
		return e.codes[v]
	}
	return e.label(v)
}

// marshal returns the code of v, "" for the unset zero value, or an
// error wrapping ismskit.ErrUnknownValue for an undefined value.
func (e *enum) marshal(v uint8) ([]byte, error) {
	switch {
	case e.defined(v):
		return []byte(e.codes[v]), nil
	case v == 0 && e.unset:
		return []byte{}, nil
	}
	return nil, errf(ismskit.ErrUnknownValue, "%d is not a valid %s", v, e.kind)
}

// parse returns the value whose code is s, or an error wrapping
// ismskit.ErrUnknownValue that lists the codes.
func (e *enum) parse(s string) (uint8, error) {
	for i, c := range e.codes {
		if c != "" && c == s {
			return uint8(i), nil
		}
	}
	var want []string
	for _, c := range e.codes {
		if c != "" {
			want = append(want, strconv.Quote(c))
		}
	}
	return 0, errf(ismskit.ErrUnknownValue, "%q is not a %s (want %s)", clip(s), e.kind, joinOr(want))
}

// parseCodeOrLabel is parse that also takes a label in any case, for the
// ParseX functions (JSON stays with the codes).
func (e *enum) parseCodeOrLabel(s string) (uint8, error) {
	if s != "" && !slices.Contains(e.codes, s) {
		for i, l := range e.labels {
			if e.defined(uint8(i)) && strings.EqualFold(s, l) {
				return uint8(i), nil
			}
		}
	}
	return e.parse(s)
}

// unmarshal is parse that also reads "" as the unset zero value.
func (e *enum) unmarshal(b []byte) (uint8, error) {
	if len(b) == 0 && e.unset {
		return 0, nil
	}
	return e.parse(string(b))
}

// unmarshalEnum sets *p from text b; a nil p is an error, not a panic.
func unmarshalEnum[T ~uint8](p *T, e *enum, b []byte) error {
	if p == nil {
		return errf(ismskit.ErrMissing, "UnmarshalText into a nil *%s", e.typ)
	}
	v, err := e.unmarshal(b)
	if err != nil {
		return err
	}
	*p = T(v)
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

func joinOr(s []string) string {
	switch len(s) {
	case 0:
		return ""
	case 1:
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
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

var applicabilityEnum = enum{
	typ: "Applicability", kind: "applicability",
	codes:  []string{"undecided", "included", "excluded"},
	labels: []string{"Undecided", "Included", "Excluded"},
}

// ParseApplicability parses the code of an applicability: "undecided",
// "included" or "excluded", or its label in any case.
func ParseApplicability(s string) (Applicability, error) {
	v, err := applicabilityEnum.parseCodeOrLabel(s)
	return Applicability(v), err
}

// IsValid reports whether a is one of the defined values.
func (a Applicability) IsValid() bool { return applicabilityEnum.defined(uint8(a)) }

// String returns the label for people: "Undecided", "Included" or
// "Excluded"; "Applicability(7)" for an undefined value.
func (a Applicability) String() string { return applicabilityEnum.label(uint8(a)) }

// MarshalText returns the code ("included"); an undefined value is an
// error wrapping ismskit.ErrUnknownValue.
func (a Applicability) MarshalText() ([]byte, error) { return applicabilityEnum.marshal(uint8(a)) }

// UnmarshalText sets a from its code, as ParseApplicability reads it.
func (a *Applicability) UnmarshalText(b []byte) error { return unmarshalEnum(a, &applicabilityEnum, b) }

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

var statusEnum = enum{
	typ: "Status", kind: "status", unset: true,
	codes:  []string{"", "not-started", "planned", "partially-implemented", "implemented", "not-applicable"},
	labels: []string{"", "Not started", "Planned", "Partially implemented", "Implemented", "Not applicable"},
}

// Statuses returns the defined statuses in order, NotStarted first.
func Statuses() []Status {
	return []Status{NotStarted, Planned, PartiallyImplemented, Implemented, NotApplicable}
}

// ParseStatus parses the code of a status ("partially-implemented"), or
// its label in any case. The empty string is not a status.
func ParseStatus(s string) (Status, error) {
	v, err := statusEnum.parseCodeOrLabel(s)
	return Status(v), err
}

// IsValid reports whether s is a defined status; the zero Status is not.
func (s Status) IsValid() bool { return statusEnum.defined(uint8(s)) }

// String returns the label for people ("Partially implemented"), "" for
// the zero Status and "Status(9)" for an undefined value.
func (s Status) String() string { return statusEnum.label(uint8(s)) }

func (s Status) code() string { return statusEnum.code(uint8(s)) }

// MarshalText returns the code ("partially-implemented"), and "" for the
// zero Status; an undefined value is an error wrapping
// ismskit.ErrUnknownValue.
func (s Status) MarshalText() ([]byte, error) { return statusEnum.marshal(uint8(s)) }

// UnmarshalText sets s from its code, as ParseStatus reads it; "" gives
// the zero Status.
func (s *Status) UnmarshalText(b []byte) error { return unmarshalEnum(s, &statusEnum, b) }

// ReasonKind is the kind of a reason for including a control. The zero
// value means no kind has been chosen, which Validate reports.
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

var reasonKindEnum = enum{
	typ: "ReasonKind", kind: "reason kind", unset: true,
	codes:  []string{"", "risk-treatment", "legal", "regulatory", "contractual", "business-requirement", "best-practice"},
	labels: []string{"", "Risk treatment", "Legal", "Regulatory", "Contractual", "Business requirement", "Best practice"},
}

// ReasonKinds returns the defined kinds in order.
func ReasonKinds() []ReasonKind {
	return []ReasonKind{RiskTreatment, Legal, Regulatory, Contractual, BusinessRequirement, BestPractice}
}

// ParseReasonKind parses the code of a kind ("risk-treatment"), or its
// label in any case. The empty string is not a kind.
func ParseReasonKind(s string) (ReasonKind, error) {
	v, err := reasonKindEnum.parseCodeOrLabel(s)
	return ReasonKind(v), err
}

// IsValid reports whether k is a defined kind; the zero ReasonKind is
// not.
func (k ReasonKind) IsValid() bool { return reasonKindEnum.defined(uint8(k)) }

// NeedsReference reports whether a reason of kind k must carry a
// reference: Legal, Regulatory and Contractual.
func (k ReasonKind) NeedsReference() bool { return k == Legal || k == Regulatory || k == Contractual }

// String returns the label for people ("Risk treatment"), "" for the
// zero ReasonKind and "ReasonKind(9)" for an undefined value.
func (k ReasonKind) String() string { return reasonKindEnum.label(uint8(k)) }

func (k ReasonKind) code() string { return reasonKindEnum.code(uint8(k)) }

// MarshalText returns the code ("risk-treatment"), and "" for the zero
// ReasonKind; an undefined kind is an error wrapping
// ismskit.ErrUnknownValue.
func (k ReasonKind) MarshalText() ([]byte, error) { return reasonKindEnum.marshal(uint8(k)) }

// UnmarshalText sets k from its code, as ParseReasonKind reads it; ""
// gives the zero ReasonKind.
func (k *ReasonKind) UnmarshalText(b []byte) error { return unmarshalEnum(k, &reasonKindEnum, b) }

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

var responsibilityEnum = enum{
	typ: "Responsibility", kind: "responsibility",
	codes:  []string{"own", "inherited", "shared"},
	labels: []string{"Own", "Inherited", "Shared"},
}

// ParseResponsibility parses the code of a responsibility: "own",
// "inherited" or "shared", or its label in any case.
func ParseResponsibility(s string) (Responsibility, error) {
	v, err := responsibilityEnum.parseCodeOrLabel(s)
	return Responsibility(v), err
}

// IsValid reports whether r is a defined value.
func (r Responsibility) IsValid() bool { return responsibilityEnum.defined(uint8(r)) }

// String returns the label for people: "Own", "Inherited" or "Shared";
// "Responsibility(7)" for an undefined value.
func (r Responsibility) String() string { return responsibilityEnum.label(uint8(r)) }

func (r Responsibility) code() string { return responsibilityEnum.code(uint8(r)) }

// MarshalText returns the code ("inherited"); an undefined value is an
// error wrapping ismskit.ErrUnknownValue.
func (r Responsibility) MarshalText() ([]byte, error) { return responsibilityEnum.marshal(uint8(r)) }

// UnmarshalText sets r from its code, as ParseResponsibility reads it.
func (r *Responsibility) UnmarshalText(b []byte) error {
	return unmarshalEnum(r, &responsibilityEnum, b)
}

// ChangeKind says how an entry changed between two versions of an SoA.
// The zero value means no kind.
type ChangeKind uint8

// The kinds of change.
const (
	Added    ChangeKind = iota + 1 // the control has an entry only in the newer version
	Removed                        // the control has an entry only in the older version
	Modified                       // the control's entry changed
)

var changeKindEnum = enum{
	typ: "ChangeKind", kind: "change kind", unset: true,
	codes:  []string{"", "added", "removed", "modified"},
	labels: []string{"", "Added", "Removed", "Modified"},
}

// ParseChangeKind parses the code of a change kind: "added", "removed"
// or "modified", or its label in any case.
func ParseChangeKind(s string) (ChangeKind, error) {
	v, err := changeKindEnum.parseCodeOrLabel(s)
	return ChangeKind(v), err
}

// IsValid reports whether k is a defined kind; the zero ChangeKind is
// not.
func (k ChangeKind) IsValid() bool { return changeKindEnum.defined(uint8(k)) }

// String returns the label for people: "Added", "Removed" or "Modified";
// "" for the zero ChangeKind.
func (k ChangeKind) String() string { return changeKindEnum.label(uint8(k)) }

// MarshalText returns the code ("modified"), and "" for the zero
// ChangeKind; an undefined kind is an error wrapping
// ismskit.ErrUnknownValue.
func (k ChangeKind) MarshalText() ([]byte, error) { return changeKindEnum.marshal(uint8(k)) }

// UnmarshalText sets k from its code, as ParseChangeKind reads it; ""
// gives the zero ChangeKind.
func (k *ChangeKind) UnmarshalText(b []byte) error { return unmarshalEnum(k, &changeKindEnum, b) }
