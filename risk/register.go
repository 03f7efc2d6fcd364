package risk

import (
	"encoding/json"
	"io"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/codec"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/risk/fair"
)

// Register is a risk register: the criteria it is assessed with, the
// assets, threats and vulnerabilities it refers to, and the risks that
// link them (ISO/IEC 27001:2022 clause 6.1.2, documented under 8.2 and
// 8.3; the process of ISO/IEC 27005:2022). It is a plain value that the
// caller stores; the package reads it and returns new values.
//
// The zero value is an empty register without criteria; Validate
// reports the missing criteria.
type Register struct {
	// Name of the register or of the organisation it belongs to.
	Name string `json:"name,omitempty"`
	// 6.1.2 a: the criteria the register is assessed with. Required.
	Criteria Criteria `json:"criteria"`
	// 6.1.2 c 1: information and supporting assets.
	Assets []Asset `json:"assets,omitempty"`
	// 6.1.2 c 1: threats that may exploit vulnerabilities.
	Threats []Threat `json:"threats,omitempty"`
	// 6.1.2 c 1: weaknesses of assets or controls.
	Vulnerabilities []Vulnerability `json:"vulnerabilities,omitempty"`
	// 6.1.2 c: the identified risks.
	Risks []Risk `json:"risks,omitempty"`
	// User data, kept untouched.
	Extensions json.RawMessage `json:"extensions,omitempty"`
}

// Asset is an information asset or an asset that supports it, as in an
// inventory of ISO/IEC 27002:2022 control 5.9. The zero value is invalid
// (no ID).
type Asset struct {
	// Identifier, unique among assets. Required.
	ID string `json:"id"`
	// Name. Required.
	Name string `json:"name"`
	// Information or supporting. Required.
	Kind AssetKind `json:"kind,omitempty" jsonschema:"required"`
	// Category used by the acceptance appetites ("customer-data", "saas").
	Category string `json:"category,omitempty"`
	// Accountable owner. Required.
	Owner string `json:"owner"`
	// Business unit the asset belongs to.
	BusinessUnit string `json:"businessUnit,omitempty"`
	// Classification under the organisation's scheme (control 5.12).
	Classification string `json:"classification,omitempty"`
	// The properties that matter for this asset.
	Properties []Property `json:"properties,omitempty"`
	// User data, kept untouched.
	Extensions json.RawMessage `json:"extensions,omitempty"`
}

// Threat is a potential cause of an unwanted incident (ISO/IEC
// 27005:2022 clause 7.2.3). The zero value is invalid (no ID).
type Threat struct {
	// Identifier, unique among threats. Required.
	ID string `json:"id"`
	// Name. Required.
	Name string `json:"name"`
	// Description in the organisation's words.
	Description string `json:"description,omitempty"`
	// Origin of the threat ("deliberate", "accidental", "environmental").
	Source string `json:"source,omitempty"`
	// User data, kept untouched.
	Extensions json.RawMessage `json:"extensions,omitempty"`
}

// Vulnerability is a weakness of an asset or control that a threat can
// exploit (ISO/IEC 27005:2022 clause 7.2.4). The zero value is invalid
// (no ID).
type Vulnerability struct {
	// Identifier, unique among vulnerabilities. Required.
	ID string `json:"id"`
	// Name. Required.
	Name string `json:"name"`
	// Description in the organisation's words.
	Description string `json:"description,omitempty"`
	// Assets that have the weakness; IDs of Register.Assets.
	Assets []string `json:"assets,omitempty"`
	// User data, kept untouched.
	Extensions json.RawMessage `json:"extensions,omitempty"`
}

// Risk is one identified information security risk (ISO/IEC 27001:2022
// clause 6.1.2 c) with its analysis (6.1.2 d), its treatment (6.1.3) and
// the owner's approval and acceptance records (6.1.3 f).
//
// The inherent risk is Likelihood and the impact (see InherentImpact).
// The current and residual risks are computed from the control effects
// unless Current or Residual states them (see Assessor.Assess).
//
// A risk may carry a quantitative Open FAIR scenario (Quantitative), for
// package risk/fair to simulate.
//
// The zero value is invalid (no ID, no owner, no likelihood).
type Risk struct {
	// Identifier, unique in the register. Required.
	ID string `json:"id"`
	// Short title. Required.
	Title string `json:"title"`
	// Description of the scenario.
	Description string `json:"description,omitempty"`
	// 6.1.2 c 2: the risk owner. Required.
	Owner string `json:"owner"`
	// Business unit, used by the acceptance appetites.
	BusinessUnit string `json:"businessUnit,omitempty"`
	// Assets at risk; IDs of Register.Assets.
	Assets []string `json:"assets,omitempty"`
	// Threats; IDs of Register.Threats.
	Threats []string `json:"threats,omitempty"`
	// Vulnerabilities; IDs of Register.Vulnerabilities.
	Vulnerabilities []string `json:"vulnerabilities,omitempty"`
	// 6.1.2 c 1: the properties whose loss the risk is about.
	Properties []Property `json:"properties,omitempty"`
	// 6.1.2 d 2: inherent likelihood, a value of the likelihood scale. Required.
	Likelihood int `json:"likelihood"`
	// 6.1.2 d 1: inherent impact, a value of the impact scale. Required
	// unless PropertyImpacts is given; 0 means "derive from
	// PropertyImpacts".
	Impact int `json:"impact,omitempty"`
	// 6.1.2 d 1: impact per property, for those who rate C, I and A
	// apart. Each property must be listed in Properties.
	PropertyImpacts []PropertyImpact `json:"propertyImpacts,omitempty"`
	// 6.1.3 b: controls acting on the risk, implemented or planned, with
	// their effect.
	Controls []AppliedControl `json:"controls,omitempty"`
	// Current risk stated by the assessor; nil means computed from the
	// implemented controls.
	Current *Estimate `json:"current,omitempty"`
	// Residual risk stated by the assessor; nil means computed from the
	// implemented and planned controls.
	Residual *Estimate `json:"residual,omitempty"`
	// 6.1.3 a and e: the treatment option and plan.
	Treatment Treatment `json:"treatment"`
	// 6.1.3 f: approvals of the treatment plan by the risk owner,
	// append-only, oldest first.
	Approvals []Approval `json:"approvals,omitempty"`
	// 6.1.3 f: acceptances of the residual risk by the risk owner,
	// append-only, oldest first; the last one is the one in force.
	Acceptances []Acceptance `json:"acceptances,omitempty"`
	// Result of a scoring method (OWASP, DREAD, CVSS...) kept with the risk.
	Scoring *ScoreRecord `json:"scoring,omitempty"`
	// Quantitative is an optional Open FAIR loss scenario of the risk, in
	// money, for package risk/fair to simulate (fair.Simulate); Validate
	// checks it.
	Quantitative *fair.Scenario `json:"quantitative,omitempty"`
	// User data, kept untouched.
	Extensions json.RawMessage `json:"extensions,omitempty"`
}

// InherentImpact returns the impact used for the inherent risk: the
// highest of Impact and the per-property impacts (0 when none is set).
func (r Risk) InherentImpact() int {
	m := r.Impact
	for _, pi := range r.PropertyImpacts {
		if pi.Impact > m {
			m = pi.Impact
		}
	}
	return m
}

// PropertyImpact is the impact of a risk on one property. The zero value
// is invalid.
type PropertyImpact struct {
	// The property. Required.
	Property Property `json:"property,omitempty" jsonschema:"required"`
	// 6.1.2 d 1: a value of the impact scale. Required.
	Impact int `json:"impact"`
}

// Estimate is a likelihood and impact stated by the assessor for the
// current or residual risk, instead of the one computed from controls.
// The zero value is invalid (both are values of the scales, from 1).
type Estimate struct {
	// A value of the likelihood scale. Required.
	Likelihood int `json:"likelihood"`
	// A value of the impact scale. Required.
	Impact int `json:"impact"`
}

// AppliedControl is a control acting on a risk (ISO/IEC 27001:2022
// clause 6.1.3 b and c) and its effect, in percent, on the likelihood
// and on the impact. See Assessor.Assess for how effects combine. The
// zero value is invalid (no control).
type AppliedControl struct {
	// 6.1.3 b: the control, from any iso27002 catalog or a custom one
	// ("acme:backup-drill"). Required.
	Control iso27002.ControlID `json:"control"`
	// Implemented (counts for current and residual risk) or planned
	// (counts for residual risk only). Required.
	Status ControlStatus `json:"status,omitempty" jsonschema:"required"`
	// Reduction of the likelihood, 0 to 100 percent.
	LikelihoodEffect int `json:"likelihoodEffect,omitempty"`
	// Reduction of the impact, 0 to 100 percent.
	ImpactEffect int `json:"impactEffect,omitempty"`
}

// Treatment is the treatment decided for a risk: the option (ISO/IEC
// 27001:2022 clause 6.1.3 a, options of ISO/IEC 27005:2022 clause 8.2)
// and the plan (6.1.3 e). The zero value has no option, which Validate
// reports.
type Treatment struct {
	// 6.1.3 a: the option chosen. Required.
	Option TreatmentOption `json:"option,omitempty" jsonschema:"required"`
	// Why this option was chosen.
	Rationale string `json:"rationale,omitempty"`
	// Party the risk is shared with (insurer, supplier). Required when
	// Option is share.
	SharedWith string `json:"sharedWith,omitempty"`
	// 6.1.3 e: the actions of the treatment plan.
	Plan []Action `json:"plan,omitempty"`
}

// Action is one action of a risk treatment plan (ISO/IEC 27001:2022
// clause 6.1.3 e, contents as in ISO/IEC 27005:2022 clause 8.6). The zero
// value is invalid (no ID).
type Action struct {
	// Identifier, unique within the risk's plan. Required.
	ID string `json:"id"`
	// What is to be done. Required.
	Title string `json:"title"`
	// Who is responsible. Required.
	Owner string `json:"owner"`
	// Due date; the zero time means none set.
	Due ismskit.Date `json:"due,omitzero"`
	// Controls the action implements; each must be among the risk's
	// controls.
	Controls []iso27002.ControlID `json:"controls,omitempty"`
	// Progress. Required.
	Status ActionStatus `json:"status,omitempty" jsonschema:"required"`
}

// IsOpen reports whether the action is still to be done: neither done
// nor cancelled.
func (a Action) IsOpen() bool { return a.Status != ActionDone && a.Status != ActionCancelled }

// IsOverdue reports whether, as of the day asOf, the action is open and
// its due date has passed; an action without a due date is never
// overdue. It is the one rule for overdue plan actions: risk/report, the
// management review (audit/review) and the quickstart use it.
func (a Action) IsOverdue(asOf ismskit.Date) bool {
	return a.IsOpen() && !a.Due.IsZero() && a.Due.Before(asOf)
}

// Approval records the risk owner's approval of the treatment plan
// (ISO/IEC 27001:2022 clause 6.1.3 f). Approvals are append-only. The
// zero value is invalid (no approver, no time).
type Approval struct {
	// 6.1.3 f: who approved; normally the risk owner. Required.
	By string `json:"by"`
	// When, as given by the caller. Required.
	At ismskit.Date `json:"at"`
	// Free comment.
	Comment string `json:"comment,omitempty"`
}

// Acceptance records the risk owner's acceptance of the residual risk
// (ISO/IEC 27001:2022 clause 6.1.3 f), with the residual rating and the
// criteria at that time so that it can be seen to go stale. Acceptances
// are append-only. The zero value is invalid.
type Acceptance struct {
	// 6.1.3 f: who accepted; must be the risk owner for the acceptance
	// to be valid. Required.
	By string `json:"by"`
	// When, as given by the caller. Required.
	At ismskit.Date `json:"at"`
	// 6.1.2 b: the criteria the residual risk was rated with. Required.
	Criteria CriteriaRef `json:"criteria"`
	// Residual likelihood accepted. Required.
	Likelihood int `json:"likelihood"`
	// Residual impact accepted. Required.
	Impact int `json:"impact"`
	// Residual level accepted, an ID of Criteria.RiskLevels. Required.
	Level string `json:"level"`
	// End of validity (exclusive); the zero time means no expiry.
	Expires ismskit.Date `json:"expires,omitzero"`
	// Free comment.
	Comment string `json:"comment,omitempty"`
}

// ScoreRecord is the result of a scoring method kept with a risk, with
// the method and version that produced it so that results stay
// comparable. The zero value records nothing.
type ScoreRecord struct {
	// Method name ("matrix", "owasp", "dread", "cvss"). Required.
	Method string `json:"method"`
	// Method version. Required.
	Version string `json:"version"`
	// The input vector, in the method's notation.
	Vector string `json:"vector"`
	// The score.
	Score float64 `json:"score"`
	// The severity the method gives, if any.
	Severity string `json:"severity,omitempty"`
}

// DecodeRegister decodes a register from JSON strictly: an unknown key,
// an unknown enum value, a wrong type or trailing data is reported as an
// *ismskit.Error with its path (ismskit.ErrUnknownField,
// ismskit.ErrUnknownValue, ismskit.ErrType, ismskit.ErrTrailingData,
// ismskit.ErrSyntax), every one of them up to the problem limit, joined.
// opts set the decoder's limits (ismskit.MaxBytes, ismskit.MaxDepth).
// It does not validate the content; call Register.Validate for that.
func DecodeRegister(data []byte, opts ...ismskit.DecodeOption) (Register, error) {
	r, err := codec.Decode[registerJSON](data, opts)
	return Register(r), err
}

// ReadRegister reads a register from r, never past the byte limit, and
// decodes it as DecodeRegister does.
func ReadRegister(r io.Reader, opts ...ismskit.DecodeOption) (Register, error) {
	return codec.Read(r, opts, DecodeRegister)
}

// registerJSON is Register without its methods, for decoding.
type registerJSON Register

// UnmarshalJSON decodes a register strictly, as DecodeRegister does with
// the default limits, so that a register inside a larger document that
// encoding/json decodes is as strict as one decoded on its own.
func (reg *Register) UnmarshalJSON(data []byte) error {
	return codec.Unmarshal(data, (*registerJSON)(reg))
}

// DecodeCriteria decodes a criteria set from JSON strictly, like
// DecodeRegister.
func DecodeCriteria(data []byte, opts ...ismskit.DecodeOption) (Criteria, error) {
	c, err := codec.Decode[criteriaJSON](data, opts)
	return Criteria(c), err
}

// ReadCriteria reads a criteria set from r, never past the byte limit,
// and decodes it as DecodeCriteria does.
func ReadCriteria(r io.Reader, opts ...ismskit.DecodeOption) (Criteria, error) {
	return codec.Read(r, opts, DecodeCriteria)
}

// criteriaJSON is Criteria without its methods, for decoding.
type criteriaJSON Criteria

// UnmarshalJSON decodes criteria strictly, as DecodeCriteria does with
// the default limits.
func (c *Criteria) UnmarshalJSON(data []byte) error { return codec.Unmarshal(data, (*criteriaJSON)(c)) }

// EncodeCriteria returns the JSON form of c, indented by two spaces and
// ending in a newline; DecodeCriteria reads it back.
func EncodeCriteria(c Criteria) ([]byte, error) { return codec.Encode(criteriaJSON(c)) }

// WriteCriteria writes the JSON form of c to w, as EncodeCriteria
// returns it.
func WriteCriteria(w io.Writer, c Criteria) error { return codec.Write(w, criteriaJSON(c)) }
