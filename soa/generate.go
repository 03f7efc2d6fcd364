package soa

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/codec"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/risk"
)

// Input is what Generate builds an SoA from. Only Header is required; an
// empty register and no sources give an SoA whose entries are all
// undecided.
type Input struct {
	// The catalog whose controls the SoA lists; nil means
	// iso27002.Catalog2022(). Any catalog works, the user's own included.
	Catalog *iso27002.Catalog `json:"catalog,omitempty"`
	// The header of the SoA. Generate fills in Catalog and Edition from
	// the catalog and leaves the rest as given (the date is the caller's).
	Header Header `json:"header"`
	// 6.1.3 b: the risk register with its treatment plan. Every control
	// that treats a risk (risk.Risk.TreatingControls: the risk's applied
	// controls and those of its plan's actions that are not cancelled) is
	// selected to treat that risk.
	Register risk.Register `json:"register"`
	// The other requirement sources, the explicit decisions and the
	// policy for what they leave open.
	Sources Sources `json:"sources"`
}

// Sources are the requirement sources besides the risk register, the
// explicit decisions and the policy for the controls they leave open, as
// one JSON document (DecodeSources reads it). The zero value has none.
type Sources struct {
	// 4.2 c: legal, regulatory and contractual requirements, business
	// requirements and adopted good practice, each mapped to the
	// controls it calls for.
	Obligations []Obligation `json:"obligations,omitempty"`
	// Explicit decisions, at most one per control: Decide adds one or
	// replaces the one a control has.
	Decisions []Decision `json:"decisions,omitempty"`
	// What Generate gives the controls that the register, the
	// obligations and the decisions leave open; the zero Policy gives
	// nothing.
	Policy Policy `json:"policy,omitzero"`
	// User data, kept untouched.
	Extensions json.RawMessage `json:"extensions,omitempty"`
}

// Policy is what Generate gives the controls that the register, the
// obligations and the decisions leave open, so that one call gives a
// complete SoA. The zero Policy gives nothing: a control no source
// decides stays undecided, and an included control that no source gives
// a status keeps none, for Validate to report (ErrUndecided, ErrNoStatus).
//
// A policy never excludes a control: an exclusion needs its own
// justification, so it is always an explicit decision.
//
//	soa.Policy{Include: []soa.Reason{{Kind: soa.BestPractice, Note: "Security baseline"}}, Status: soa.NotStarted}
type Policy struct {
	// The reasons for including every control that no risk, obligation
	// or decision includes or excludes ("best practice"). Their kinds
	// are Legal, Regulatory, Contractual, BusinessRequirement or
	// BestPractice (RiskTreatment names risks, so it comes from the
	// register only). Empty leaves such controls undecided.
	Include []Reason `json:"include,omitempty"`
	// The implementation status of every included control that no risk
	// and no decision gives one: one included by obligations alone, by a
	// decision's reasons without a status, or by Include. Any status but
	// NotApplicable; the zero value gives none.
	Status Status `json:"status,omitzero"`
}

// Obligation is a requirement that calls for controls (an interested
// party's requirement under ISO/IEC 27001:2022 clause 4.2, or a business
// decision): every control it lists gets a reason of its kind. The zero
// value is invalid.
type Obligation struct {
	// Identifier, unique among obligations. Required.
	ID string `json:"id"`
	// Legal, Regulatory, Contractual, BusinessRequirement or
	// BestPractice; RiskTreatment is not allowed here. Required.
	Kind ReasonKind `json:"kind"`
	// The requirement ("GDPR Art. 32"). Required for Legal, Regulatory
	// and Contractual.
	Reference string `json:"reference,omitempty"`
	// Note copied into the reason.
	Note string `json:"note,omitempty"`
	// The controls the requirement calls for. Required.
	Controls []iso27002.ControlID `json:"controls"`
}

// Decision is an explicit decision about one control. Generate merges it
// into what the register and the obligations derive for the control:
//
//   - Applicability Included or Excluded replaces the derived one;
//     Undecided, the zero value, leaves it to the sources;
//   - Reasons are added after the derived ones, each equal reason once;
//   - Notes are added after the derived ones;
//   - every other field that is set (not its zero value) replaces the
//     derived value: Justification, Status, Implementation, Owner,
//     TargetDate, Evidence (the whole list), Responsibility (Inherited
//     or Shared) and Provider.
//
// The zero value is invalid (no control).
type Decision struct {
	// The control. Required.
	Control iso27002.ControlID `json:"control"`
	// Included or Excluded overrides what the sources derive; Undecided
	// (the zero value) leaves it to them.
	Applicability Applicability `json:"applicability,omitzero"`
	// Reasons added after the derived ones.
	Reasons []Reason `json:"reasons,omitempty"`
	// 6.1.3 d: justification for exclusion.
	Justification string `json:"justification,omitempty"`
	// Status; the zero value keeps the derived one.
	Status Status `json:"status,omitzero"`
	// Implementation description.
	Implementation string `json:"implementation,omitempty"`
	// Owner of the control.
	Owner string `json:"owner,omitempty"`
	// Target date; the zero Date keeps the derived one.
	TargetDate ismskit.Date `json:"targetDate,omitzero"`
	// Evidence references; they replace the derived ones.
	Evidence []string `json:"evidence,omitempty"`
	// Who operates the control; Own, the zero value, keeps the derived
	// responsibility.
	Responsibility Responsibility `json:"responsibility,omitzero"`
	// The provider, for inherited and shared controls.
	Provider string `json:"provider,omitempty"`
	// Notes added after the derived ones.
	Notes []string `json:"notes,omitempty"`
}

// Decision returns a copy of the decision that s holds for the control
// id (the first, if there are several), and whether there is one.
func (s Sources) Decision(id iso27002.ControlID) (Decision, bool) {
	for i := range s.Decisions {
		if s.Decisions[i].Control == id {
			return s.Decisions[i].clone(), true
		}
	}
	return Decision{}, false
}

// Decide sets d as the decision for d.Control: it replaces the decision
// that s holds for that control, in its place, and removes any further
// one; or it appends d. Generate rejects two decisions for one control,
// so Decide is the way to add a decision or change one:
//
//	d, _ := src.Decision(id) // the zero Decision if there is none
//	d.Control, d.Status = id, soa.Implemented
//	src.Decide(d)
//
// s keeps a copy of d. Decide on a nil *Sources does nothing.
func (s *Sources) Decide(d Decision) {
	if s == nil {
		return
	}
	d = d.clone()
	at := -1
	out := s.Decisions[:0:0]
	for i := range s.Decisions {
		if s.Decisions[i].Control != d.Control {
			out = append(out, s.Decisions[i])
			continue
		}
		if at < 0 {
			at = len(out)
			out = append(out, d)
		}
	}
	if at < 0 {
		out = append(out, d)
	}
	s.Decisions = out
}

func (d Decision) clone() Decision {
	d.Reasons = cloneReasons(d.Reasons)
	d.Evidence = slices.Clone(d.Evidence)
	d.Notes = slices.Clone(d.Notes)
	return d
}

// DecodeSources decodes a Sources document from JSON strictly: an
// unknown key, an unknown enum value, a wrong type or trailing data is an
// *ismskit.Error naming its path, every one of them up to the problem
// limit, joined. opts set the decoder's limits.
func DecodeSources(data []byte, opts ...ismskit.DecodeOption) (Sources, error) {
	s, err := codec.Decode[sourcesJSON](data, opts)
	return Sources(s), err
}

// ReadSources reads a Sources document from r, never past the byte
// limit, and decodes it as DecodeSources does.
func ReadSources(r io.Reader, opts ...ismskit.DecodeOption) (Sources, error) {
	return codec.Read(r, opts, DecodeSources)
}

// EncodeSources returns the JSON form of s, indented by two spaces and
// ending in a newline; DecodeSources reads it back.
func EncodeSources(s Sources) ([]byte, error) { return codec.Encode(sourcesJSON(s)) }

// WriteSources writes the JSON form of s to w, as EncodeSources returns
// it.
func WriteSources(w io.Writer, s Sources) error { return codec.Write(w, sourcesJSON(s)) }

// sourcesJSON is Sources without its methods, for decoding.
type sourcesJSON Sources

// UnmarshalJSON decodes a Sources document strictly, as DecodeSources
// does with the default limits.
func (s *Sources) UnmarshalJSON(data []byte) error {
	return codec.Unmarshal(data, (*sourcesJSON)(s))
}

// riskUse is how one risk uses one control.
type riskUse struct {
	risk    int // index in Register.Risks
	control iso27002.ControlID
	status  risk.ControlStatus // "" when an action names the control
	due     ismskit.Date       // due date of an open action implementing it
	applied int                // index in Risk.Controls, or -1 for an action
	action  int                // index in Treatment.Plan
	item    int                // index in Action.Controls
}

// path returns where the use is in the Input, for errors.
func (u riskUse) path() string {
	if u.applied >= 0 {
		return fmt.Sprintf("register.risks[%d].controls[%d].control", u.risk, u.applied)
	}
	return fmt.Sprintf("register.risks[%d].treatment.plan[%d].controls[%d]", u.risk, u.action, u.item)
}

// riskUses calls f for every control that a risk of reg is treated
// with, as risk.Risk.ControlUses names them.
func riskUses(reg *risk.Register, f func(u *riskUse)) {
	for i := range reg.Risks {
		for cu := range reg.Risks[i].ControlUses() {
			u := riskUse{risk: i, control: cu.Control, status: cu.Status, due: cu.Due, applied: cu.Applied, action: cu.Action, item: cu.Item}
			f(&u)
		}
	}
}

// draft accumulates what the sources say about one control.
type draft struct {
	risks       []string
	lastRisk    int
	implemented int
	planned     int
	due         ismskit.Date
}

// Generate builds the SoA of in.Catalog from the risk register, the
// obligations, the decisions and the policy (ISO/IEC 27001:2022 clause
// 6.1.3 b to d). For each control of the catalog, in the catalog's order:
//
//  1. a control that risks are treated with gets one RiskTreatment
//     reason listing those risks in register order; its status is
//     Implemented if every risk has it implemented, Planned if every
//     risk only plans it, PartiallyImplemented otherwise; its target date
//     is the latest due date of the open actions implementing it;
//  2. every obligation naming the control adds a reason of its kind, in
//     input order;
//  3. the decision for the control is merged in as Decision describes:
//     its reasons are added, and every field it sets replaces the
//     derived one;
//  4. a control that is still undecided and has no reason gets the
//     reasons of Sources.Policy.Include, if any;
//  5. a control with reasons is Included unless the decision excludes
//     it; a control without reasons stays Undecided, never excluded;
//  6. an included control without a status gets Sources.Policy.Status,
//     an excluded one NotApplicable.
//
// An explicit exclusion of a control that treats a risk is kept as given,
// with its risk reason, so that Validate reports the conflict.
//
// The result lists every control of the catalog once and is identical,
// byte for byte once encoded, for identical inputs. Generate returns an
// error, listing every problem with its path and the ID of its risk,
// obligation or decision as Item, when an input names a control the
// catalog does not hold, gives two decisions for one control (Decide
// replaces a decision instead), or has an obligation or a policy reason
// without a valid kind; the SoA it returns with the error is complete but
// leaves those inputs out. The inputs are not modified and the result
// shares no memory with them.
func Generate(in Input) (SoA, error) {
	cat := in.Catalog
	if cat == nil {
		cat = iso27002.Catalog2022()
	}
	var errs fielderr.List
	n := cat.Len()
	entries := make([]Entry, 0, n)
	pos := make(map[iso27002.ControlID]int, n)
	for ctl := range cat.Select() { // the controls in force, not withdrawn ones
		pos[ctl.ID] = len(entries)
		entries = append(entries, Entry{Control: ctl.ID, Title: ctl.DisplayTitle(), Theme: themeOf(cat, ctl)})
	}
	drafts := make([]draft, n)
	for i := range drafts {
		drafts[i].lastRisk = -1
	}

	reg := &in.Register
	riskUses(reg, func(u *riskUse) {
		i, ok := pos[u.control]
		if !ok {
			errs.AddItem(u.path(), reg.Risks[u.risk].ID, notInForce(cat, u.control, ""))
			return
		}
		d := &drafts[i]
		if d.lastRisk != u.risk {
			d.lastRisk = u.risk
			d.risks = append(d.risks, reg.Risks[u.risk].ID)
		}
		switch u.status {
		case risk.Implemented:
			d.implemented++
		case risk.Planned:
			d.planned++
		}
		if u.due.After(d.due) {
			d.due = u.due
		}
	})
	for i := range entries {
		d := &drafts[i]
		if len(d.risks) == 0 {
			continue
		}
		e := &entries[i]
		e.Reasons = append(e.Reasons, Reason{Kind: RiskTreatment, Risks: d.risks})
		switch {
		case d.planned == 0 && d.implemented > 0:
			e.Status = Implemented
		case d.implemented == 0:
			e.Status = Planned
		default:
			e.Status = PartiallyImplemented
		}
		e.TargetDate = d.due
	}

	for oi, o := range in.Sources.Obligations {
		p := fielderr.Index("sources.obligations", oi)
		kindOK := o.Kind.IsValid() && o.Kind != RiskTreatment
		if !kindOK {
			errs.AddItem(p+".kind", o.ID, errf(ismskit.ErrUnknownValue, "obligation %q: kind %q is not one of %s", o.ID, o.Kind.code(), obligationKinds))
		}
		for ci, id := range o.Controls {
			i, ok := pos[id]
			if !ok {
				errs.AddItem(fielderr.Index(p+".controls", ci), o.ID, notInForce(cat, id, fmt.Sprintf("obligation %q: ", o.ID)))
				continue
			}
			if kindOK {
				entries[i].Reasons = appendReason(entries[i].Reasons, Reason{Kind: o.Kind, Reference: o.Reference, Note: o.Note})
			}
		}
	}

	decided := make(map[int]int, len(in.Sources.Decisions))
	for di := range in.Sources.Decisions {
		dec := &in.Sources.Decisions[di]
		p := fielderr.Index("sources.decisions", di)
		i, ok := pos[dec.Control]
		if !ok {
			errs.AddItem(p+".control", itemOf(dec.Control), notInForce(cat, dec.Control, "decision: "))
			continue
		}
		if prev, dup := decided[i]; dup {
			errs.AddItem(p+".control", itemOf(dec.Control), errf(ismskit.ErrDuplicateID, "second decision for %s (the first is sources.decisions[%d]; Sources.Decide replaces a decision)", dec.Control, prev))
			continue
		}
		decided[i] = di
		applyDecision(&entries[i], dec)
	}

	pol := policyOf(&errs, &in.Sources.Policy)
	for i := range entries {
		e := &entries[i]
		if e.Applicability == Undecided && len(e.Reasons) == 0 {
			e.Reasons = cloneReasons(pol.Include)
		}
		if e.Applicability == Undecided && len(e.Reasons) > 0 {
			e.Applicability = Included
		}
		switch {
		case e.Applicability == Included && e.Status == 0:
			e.Status = pol.Status
		case e.Applicability == Excluded && e.Status == 0:
			e.Status = NotApplicable
		}
	}

	h := in.Header
	h.Catalog = cat.Name()
	h.Edition = cat.Edition()
	return SoA{Header: h, Entries: entries}, errs.Err()
}

// obligationKinds lists the kinds of reason that obligations and the
// policy may give, for messages.
const obligationKinds = `"legal", "regulatory", "contractual", "business-requirement" or "best-practice"`

// policyOf returns the usable part of p, reporting the rest: reasons
// without a kind that a policy may give, and a status that an included
// control cannot have.
func policyOf(errs *fielderr.List, p *Policy) Policy {
	var out Policy
	for j, r := range p.Include {
		rp := fielderr.Index("sources.policy.include", j)
		switch {
		case !r.Kind.IsValid() || r.Kind == RiskTreatment:
			errs.Add(rp+".kind", errf(ismskit.ErrUnknownValue, "policy reason: kind %q is not one of %s", r.Kind.code(), obligationKinds))
		case len(r.Risks) > 0:
			errs.Add(rp+".risks", errf(ismskit.ErrInconsistent, "policy reason: only risk-treatment reasons name risks"))
		default:
			out.Include = append(out.Include, r)
		}
	}
	switch {
	case p.Status == NotApplicable:
		errs.Add("sources.policy.status", errf(ismskit.ErrInconsistent, "policy status %q: an included control is never not-applicable", p.Status.code()))
	case p.Status != 0 && !p.Status.IsValid():
		errs.Add("sources.policy.status", errf(ismskit.ErrUnknownValue, "policy status %d is not defined", uint8(p.Status)))
	default:
		out.Status = p.Status
	}
	return out
}

// appendReason appends r unless rs already holds an equal reason.
func appendReason(rs []Reason, r Reason) []Reason {
	for _, x := range rs {
		if x.Kind == r.Kind && x.Reference == r.Reference && x.Note == r.Note && slices.Equal(x.Risks, r.Risks) {
			return rs
		}
	}
	return append(rs, r)
}

func applyDecision(e *Entry, d *Decision) {
	for _, r := range d.Reasons {
		r.Risks = slices.Clone(r.Risks)
		e.Reasons = appendReason(e.Reasons, r)
	}
	if d.Applicability != Undecided {
		e.Applicability = d.Applicability
	}
	if d.Justification != "" {
		e.Justification = d.Justification
	}
	if d.Status != 0 {
		e.Status = d.Status
	}
	if d.Implementation != "" {
		e.Implementation = d.Implementation
	}
	if d.Owner != "" {
		e.Owner = d.Owner
	}
	if !d.TargetDate.IsZero() {
		e.TargetDate = d.TargetDate
	}
	if len(d.Evidence) > 0 {
		e.Evidence = slices.Clone(d.Evidence)
	}
	if d.Responsibility != Own {
		e.Responsibility = d.Responsibility
	}
	if d.Provider != "" {
		e.Provider = d.Provider
	}
	if len(d.Notes) > 0 {
		e.Notes = append(e.Notes, d.Notes...)
	}
}

// themeOf returns the theme label of a control: the 2022 theme name, the
// 2013 clause with its title, or a custom control's theme or group.
func themeOf(cat *iso27002.Catalog, c iso27002.Control) string {
	if c.Theme.IsValid() {
		code, _ := c.Theme.MarshalText()
		return string(code)
	}
	if cl := c.ID.Clause(); cl != "" {
		if g, ok := cat.Group(cl); ok {
			return cl + " " + g.Title
		}
		return cl
	}
	return c.Group
}

// notInForce is the error for a control that cat does not have in force:
// ErrWithdrawn for one it has withdrawn, ismskit.ErrUnknownControl for one
// it does not hold.
func notInForce(cat *iso27002.Catalog, id iso27002.ControlID, prefix string) error {
	if withdrawn(cat, id) {
		return errf(iso27002.ErrWithdrawn, "%s%s is withdrawn from %s", prefix, id, cat.Name())
	}
	return errf(ismskit.ErrUnknownControl, "%s%s is not in %s", prefix, id, cat.Name())
}
