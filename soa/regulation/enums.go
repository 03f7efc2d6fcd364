package regulation

import "github.com/ismskit/ismskit/internal/enum"

// The enumerations of the package (Regulation, Kind, Designation,
// Provenance, Action, Status) share one method set: String in words for
// people, MarshalText and UnmarshalText with the lower-case code of JSON
// ("" for the zero value, which means unset), ParseX and IsValid. Errors
// wrap ismskit.ErrUnknownValue.

// Kind is the kind of a requirement in its regulation's structure. The
// zero value is unset.
type Kind uint8

// The kinds of requirement.
const (
	// Article is an article of an EU act (the GDPR's articles).
	Article Kind = iota + 1
	// Standard is a standard of the HIPAA Security Rule or Breach
	// Notification Rule.
	Standard
	// ImplementationSpecification is a HIPAA implementation
	// specification, Required or Addressable.
	ImplementationSpecification
	// Section is a section of 45 CFR Part 164 listed as a whole.
	Section
	// Provision is a paragraph that is neither a standard nor a
	// specification (45 CFR 164.412(b), NIS2 Art. 23(5)).
	Provision
	// Measure is a cybersecurity risk-management measure (NIS2
	// Art. 21(2)).
	Measure
	// Reporting is a reporting obligation (NIS2 Art. 23, DORA Art. 19).
	Reporting
	// Definition defines a term the other requirements use (NIS2
	// Art. 23(3), significant incident).
	Definition
	// TimeLimit sets when a report is due (Delegated Regulation (EU)
	// 2025/301 Art. 5).
	TimeLimit
)

var kinds = &enum.Set[Kind]{Type: "Kind", What: "requirement kind",
	Codes:  []string{"", "article", "standard", "implementation-specification", "section", "provision", "measure", "reporting", "definition", "time-limit"},
	Labels: []string{"", "Article", "Standard", "Implementation specification", "Section", "Provision", "Measure", "Reporting obligation", "Definition", "Time limit"}}

// Kinds returns the kinds in order.
func Kinds() []Kind { return kinds.All() }

// ParseKind parses a kind's code ("implementation-specification").
func ParseKind(s string) (Kind, error) { return kinds.Parse(s) }

// IsValid reports whether k is one of the constants.
func (k Kind) IsValid() bool { return kinds.Valid(k) }

// String returns the kind in words ("Implementation specification").
func (k Kind) String() string { return kinds.Label(k) }

// MarshalText returns the code; "" for the zero value.
func (k Kind) MarshalText() ([]byte, error) { return kinds.Marshal(k) }

// UnmarshalText reads the code; empty text is the zero value.
func (k *Kind) UnmarshalText(text []byte) error { return kinds.Unmarshal(k, text) }

// Designation is how the HIPAA Security Rule designates an
// implementation specification (45 CFR 164.306(d)): Required, or
// Addressable, which the entity implements where reasonable and
// appropriate, or documents why not and does something equivalent. Every
// standard, and every provision of the Breach Notification Rule, is
// Required. The zero value means none: requirements of the other
// regulations have no designation.
type Designation uint8

// The designations of HIPAA.
const (
	Required Designation = iota + 1
	Addressable
)

var designations = &enum.Set[Designation]{Type: "Designation", What: "designation",
	Codes:  []string{"", "required", "addressable"},
	Labels: []string{"", "Required", "Addressable"}}

// ParseDesignation parses "required" or "addressable".
func ParseDesignation(s string) (Designation, error) { return designations.Parse(s) }

// IsValid reports whether d is Required or Addressable.
func (d Designation) IsValid() bool { return designations.Valid(d) }

// String returns "Required" or "Addressable", "" for the zero value.
func (d Designation) String() string { return designations.Label(d) }

// MarshalText returns the code; "" for the zero value.
func (d Designation) MarshalText() ([]byte, error) { return designations.Marshal(d) }

// UnmarshalText reads the code; empty text is the zero value.
func (d *Designation) UnmarshalText(text []byte) error { return designations.Unmarshal(d, text) }

// Provenance says where a pair of a requirement and an Annex A control
// comes from, so that every pair can be traced. The zero value is unset.
type Provenance uint8

// The provenances of a mapping pair.
const (
	// Published: an authority published the pair as it is. No authority
	// publishes a mapping from these four regulations to Annex A, so no
	// built-in pair is Published; the published pairs the derived ones
	// are joined from are named in Mapping.Via (see Regulation.Sources).
	Published Provenance = iota + 1
	// Derived: ismskit joined published pairs. HIPAA: the Security Rule
	// to SP 800-53 Rev. 5 (NIST SP 800-66r2) joined with SP 800-53 to
	// ISO/IEC 27001:2022 (NIST OLIR); Via lists the SP 800-53 controls.
	// NIS2 Art. 21(2): ENISA's pairs of the annex to Implementing
	// Regulation (EU) 2024/2690 grouped by the point each annex section
	// cites; Via lists the annex points.
	Derived
	// Editorial: ismskit's own judgement, with its Rationale (the GDPR,
	// NIS2 Art. 21(2)(f) and 23, DORA, and the HIPAA requirements the
	// derivation does not reach).
	Editorial
)

var provenances = &enum.Set[Provenance]{Type: "Provenance", What: "provenance",
	Codes:  []string{"", "published", "derived", "editorial"},
	Labels: []string{"", "Published", "Derived", "Editorial"}}

// ParseProvenance parses "published", "derived" or "editorial".
func ParseProvenance(s string) (Provenance, error) { return provenances.Parse(s) }

// IsValid reports whether p is one of the constants.
func (p Provenance) IsValid() bool { return provenances.Valid(p) }

// String returns "Published", "Derived" or "Editorial", "" for the zero
// value.
func (p Provenance) String() string { return provenances.Label(p) }

// MarshalText returns the code; "" for the zero value.
func (p Provenance) MarshalText() ([]byte, error) { return provenances.Marshal(p) }

// UnmarshalText reads the code; empty text is the zero value.
func (p *Provenance) UnmarshalText(text []byte) error { return provenances.Unmarshal(p, text) }

// Action is what a Change does to a requirement's controls. The zero
// value is unset.
type Action uint8

// The actions of a change.
const (
	// Add adds a control the built-in mapping does not give the
	// requirement.
	Add Action = iota + 1
	// Drop leaves out a control the built-in mapping gives it.
	Drop
)

var actions = &enum.Set[Action]{Type: "Action", What: "action",
	Codes:  []string{"", "add", "drop"},
	Labels: []string{"", "Add", "Drop"}}

// ParseAction parses "add" or "drop".
func ParseAction(s string) (Action, error) { return actions.Parse(s) }

// IsValid reports whether a is Add or Drop.
func (a Action) IsValid() bool { return actions.Valid(a) }

// String returns "Add" or "Drop", "" for the zero value.
func (a Action) String() string { return actions.Label(a) }

// MarshalText returns the code; "" for the zero value.
func (a Action) MarshalText() ([]byte, error) { return actions.Marshal(a) }

// UnmarshalText reads the code; empty text is the zero value.
func (a *Action) UnmarshalText(text []byte) error { return actions.Unmarshal(a, text) }

// Status is how far a Statement of Applicability covers one requirement
// (see CoverageOf for the rules). The zero value is unset.
type Status uint8

// The coverage statuses, from best to worst, then the requirements that
// take no part.
const (
	// Covered: every mapped control the SoA includes is implemented, with
	// no open nonconformity, and none is missing or undecided.
	Covered Status = iota + 1
	// Partial: some mapped controls are implemented or in progress
	// (planned, partially implemented, not started, or implemented with
	// an open nonconformity), but not all.
	Partial
	// NotCovered: no mapped control is implemented or in progress.
	NotCovered
	// Unmapped: the requirement has no Annex A control to judge it by
	// (a definition, a duty of the authority, an article without a
	// security side, or a HIPAA standard whose only pairs are weak and
	// left out).
	Unmapped
	// NotApplicable: the tailoring says the requirement does not apply.
	NotApplicable
)

var statuses = &enum.Set[Status]{Type: "Status", What: "coverage status",
	Codes:  []string{"", "covered", "partial", "not-covered", "unmapped", "not-applicable"},
	Labels: []string{"", "Covered", "Partly covered", "Not covered", "Unmapped", "Not applicable"}}

// Statuses returns the statuses in order.
func Statuses() []Status { return statuses.All() }

// ParseStatus parses a status code ("not-covered").
func ParseStatus(s string) (Status, error) { return statuses.Parse(s) }

// IsValid reports whether s is one of the constants.
func (s Status) IsValid() bool { return statuses.Valid(s) }

// String returns the status in words ("Partly covered").
func (s Status) String() string { return statuses.Label(s) }

// MarshalText returns the code; "" for the zero value.
func (s Status) MarshalText() ([]byte, error) { return statuses.Marshal(s) }

// UnmarshalText reads the code; empty text is the zero value.
func (s *Status) UnmarshalText(text []byte) error { return statuses.Unmarshal(s, text) }
