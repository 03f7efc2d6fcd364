package soa

import (
	"encoding/json"
	"slices"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/iso27002"
)

// Conflict is a 2022 control whose 2013 predecessors were decided
// differently: some included, some excluded. Transition leaves such a
// control undecided, with the reasons of the included ones and the
// justifications of the excluded ones, for a person to settle.
type Conflict struct {
	// The 2022 control.
	Control iso27002.ControlID `json:"control"`
	// The 2013 predecessors that were included.
	Included []iso27002.ControlID `json:"included"`
	// The 2013 predecessors that were excluded.
	Excluded []iso27002.ControlID `json:"excluded"`
}

// String describes the conflict: "5.9: A.8.1.1 included, A.8.1.2 excluded".
func (c Conflict) String() string {
	return c.Control.String() + ": " + joinIDs(c.Included, ", ") + " included, " + joinIDs(c.Excluded, ", ") + " excluded"
}

// TransitionResult is the 2022 draft that Transition builds and the
// conflicts it found.
type TransitionResult struct {
	// The draft SoA on the 2022 catalog.
	SoA SoA `json:"soa"`
	// The controls whose 2013 predecessors disagree, in natural order.
	Conflicts []Conflict `json:"conflicts,omitempty"`
}

// Transition builds a draft SoA on a 2022 catalog from an SoA on the 2013
// catalog, through the correspondence of ISO/IEC 27002:2022 Annex B
// (iso27002.From2013). target is the 2022 catalog, possibly extended with
// the organisation's own controls; nil means iso27002.Catalog2022().
// date is the date of the draft. For each control of target, in order:
//
//   - a 2022 control takes what its 2013 predecessors say: included if
//     they were all included (their reasons merged, one risk-treatment
//     reason with every risk), excluded if they were all excluded (their
//     justifications joined, each prefixed with its 2013 ID when they
//     differ), undecided and reported as a Conflict if some were included
//     and some excluded; its status is theirs when they agree, else
//     PartiallyImplemented if any was at least partially implemented,
//     else the least advanced; owners, implementation texts, providers
//     and evidence are merged, the latest target date kept; a note says
//     from which 2013 controls it came;
//   - a control new in 2022 (11 of them) is undecided, with a note;
//   - a custom control keeps its entry from the old SoA, or is
//     undecided if it had none.
//
// The header is copied with the target's catalog name and edition, the
// given date, and no approval. The input is not modified and the result
// shares no memory with it.
//
// It fails with ErrEdition when old holds 2022 entries or its header
// says 2022, or when target holds 2013 controls; and with
// ErrUnknownControl when old has a custom control that target lacks.
func Transition(old SoA, target *iso27002.Catalog, date ismskit.Date) (TransitionResult, error) {
	if target == nil {
		target = iso27002.Catalog2022()
	}
	var l fielderr.List
	if old.Header.Edition == iso27002.Edition2022 {
		l.Add("header.edition", errf(ErrEdition, "the SoA is already on the 2022 edition"))
	}
	at := make(map[iso27002.ControlID]*Entry, len(old.Entries))
	for i := range old.Entries {
		e := &old.Entries[i]
		p := fielderr.Index("entries", i) + ".control"
		switch {
		case e.Control.Edition() == iso27002.Edition2022:
			l.AddItem(p, itemOf(e.Control), errf(ErrEdition, "%s is a 2022 control: the SoA to transition is on the 2013 catalog", e.Control))
		case e.Control.IsCustom() && !target.Has(e.Control):
			l.AddItem(p, itemOf(e.Control), errf(ismskit.ErrUnknownControl, "%s is not in the target catalog %s", e.Control, target.Name()))
		}
		if _, dup := at[e.Control]; !dup {
			at[e.Control] = e
		}
	}
	for ctl := range target.Controls() {
		if ctl.ID.Edition() == iso27002.Edition2013 {
			l.Add("target", errf(ErrEdition, "the target catalog %s holds the 2013 control %s", target.Name(), ctl.ID))
			break
		}
	}
	if err := l.Err(); err != nil {
		return TransitionResult{}, err
	}

	h := old.Header
	h.Catalog, h.Edition, h.Date = target.Name(), target.Edition(), date
	h.ApprovedBy, h.ApprovedAt = "", ismskit.Date{}
	res := TransitionResult{SoA: SoA{Header: h, Extensions: slices.Clone(old.Extensions)}}
	res.SoA.Entries = make([]Entry, 0, target.Len())
	for ctl := range target.Controls() {
		var e Entry
		switch {
		case ctl.ID.IsCustom():
			if prev, ok := at[ctl.ID]; ok {
				e = prev.Clone()
			}
		case ctl.New || len(iso27002.From2013(ctl.ID)) == 0:
			e.Notes = []string{"New in ISO/IEC 27002:2022: no 2013 control to carry over; decide it."}
		default:
			var c *Conflict
			e, c = merge2013(ctl.ID, iso27002.From2013(ctl.ID), at)
			if c != nil {
				res.Conflicts = append(res.Conflicts, *c)
			}
		}
		e.Control, e.Title, e.Theme = ctl.ID, ctl.DisplayTitle(), themeOf(target, ctl)
		res.SoA.Entries = append(res.SoA.Entries, e)
	}
	return res, nil
}

// merge2013 builds the entry of the 2022 control id from the entries of
// its 2013 predecessors.
func merge2013(id iso27002.ControlID, preds []iso27002.ControlID, at map[iso27002.ControlID]*Entry) (Entry, *Conflict) {
	var e Entry
	var found, inc, exc, missing []iso27002.ControlID
	for _, p := range preds {
		old, ok := at[p]
		if !ok {
			missing = append(missing, p)
			continue
		}
		found = append(found, p)
		switch old.Applicability {
		case Included:
			inc = append(inc, p)
		case Excluded:
			exc = append(exc, p)
		}
	}
	note := "Carried over from " + joinIDs(found, ", ") + " (ISO/IEC 27001:2013)."
	if len(found) == 0 {
		note = "The 2013 SoA has no entry for " + joinIDs(preds, ", ") + "; decide it."
	} else if len(missing) > 0 {
		note += " The 2013 SoA has no entry for " + joinIDs(missing, ", ") + "."
	}
	e.Notes = []string{note}

	var conflict *Conflict
	switch {
	case len(inc) > 0 && len(exc) > 0:
		conflict = &Conflict{Control: id, Included: inc, Excluded: exc}
		e.Notes = append(e.Notes, "Conflict: "+joinIDs(inc, ", ")+" included but "+joinIDs(exc, ", ")+" excluded; decide it.")
	case len(inc) > 0:
		e.Applicability = Included
	case len(exc) > 0:
		e.Applicability = Excluded
	}

	// Reasons and status from the included predecessors.
	var risks []string
	var statuses []Status
	for _, p := range inc {
		old := at[p]
		for _, r := range old.Reasons {
			if r.Kind == RiskTreatment {
				for _, id := range r.Risks {
					if !slices.Contains(risks, id) {
						risks = append(risks, id)
					}
				}
				continue
			}
			e.Reasons = appendReason(e.Reasons, Reason{Kind: r.Kind, Reference: r.Reference, Note: r.Note})
		}
		if old.Status != 0 {
			statuses = append(statuses, old.Status)
		}
	}
	if len(risks) > 0 {
		e.Reasons = append([]Reason{{Kind: RiskTreatment, Risks: risks}}, e.Reasons...)
	}
	e.Status = mergeStatus(statuses)
	if e.Applicability == Excluded {
		e.Status = NotApplicable
	}
	e.Justification = mergeText(exc, at, func(x *Entry) string { return x.Justification }, "\n")

	e.Implementation = mergeText(found, at, func(x *Entry) string { return x.Implementation }, "\n")
	e.Owner = mergeDistinct(found, at, func(x *Entry) string { return x.Owner })
	e.Provider = mergeDistinct(found, at, func(x *Entry) string { return x.Provider })
	exts := map[string]json.RawMessage{}
	var resp []Responsibility
	for _, p := range found {
		old := at[p]
		for _, ev := range old.Evidence {
			if !slices.Contains(e.Evidence, ev) {
				e.Evidence = append(e.Evidence, ev)
			}
		}
		for _, n := range old.Notes {
			if !slices.Contains(e.Notes, n) {
				e.Notes = append(e.Notes, n)
			}
		}
		if old.TargetDate.After(e.TargetDate) {
			e.TargetDate = old.TargetDate
		}
		if old.Applicability != Excluded && !slices.Contains(resp, old.Responsibility) {
			resp = append(resp, old.Responsibility)
		}
		if len(old.Extensions) > 0 {
			exts[p.String()] = old.Extensions
		}
	}
	switch {
	case len(resp) == 1:
		e.Responsibility = resp[0]
	case len(resp) > 1:
		e.Responsibility = Shared
	}
	e.Extensions = mergeExtensions(exts)
	return e, conflict
}

// mergeStatus returns the common status, else PartiallyImplemented if
// any is at least partially implemented, else the least advanced.
func mergeStatus(ss []Status) Status {
	if len(ss) == 0 {
		return 0
	}
	same, partial, least := true, false, ss[0]
	for _, s := range ss {
		same = same && s == ss[0]
		partial = partial || s == PartiallyImplemented || s == Implemented
		if s < least {
			least = s
		}
	}
	switch {
	case same:
		return ss[0]
	case partial:
		return PartiallyImplemented
	}
	return least
}

// mergeText returns the one distinct non-empty text of the entries, or
// every text prefixed with its 2013 ID and joined with sep.
func mergeText(ids []iso27002.ControlID, at map[iso27002.ControlID]*Entry, get func(*Entry) string, sep string) string {
	var distinct, prefixed []string
	for _, id := range ids {
		t := get(at[id])
		if t == "" {
			continue
		}
		prefixed = append(prefixed, id.String()+": "+t)
		if !slices.Contains(distinct, t) {
			distinct = append(distinct, t)
		}
	}
	if len(distinct) <= 1 {
		return strings.Join(distinct, "")
	}
	return strings.Join(prefixed, sep)
}

// mergeDistinct joins the distinct non-empty values with ", ".
func mergeDistinct(ids []iso27002.ControlID, at map[iso27002.ControlID]*Entry, get func(*Entry) string) string {
	var distinct []string
	for _, id := range ids {
		if t := get(at[id]); t != "" && !slices.Contains(distinct, t) {
			distinct = append(distinct, t)
		}
	}
	return strings.Join(distinct, ", ")
}

// mergeExtensions keeps one predecessor's extensions as they are, or
// several under {"from2013": {"A.x.y.z": ...}} so that none is lost.
func mergeExtensions(exts map[string]json.RawMessage) json.RawMessage {
	var first json.RawMessage
	same := true
	for _, x := range exts {
		if first == nil {
			first = x
		} else if string(x) != string(first) {
			same = false
		}
	}
	switch {
	case len(exts) == 0:
		return nil
	case same:
		return slices.Clone(first)
	}
	b, err := json.Marshal(map[string]map[string]json.RawMessage{"from2013": exts})
	if err != nil { // an extension that is not valid JSON: keep them as strings
		strs := map[string]string{}
		for k, v := range exts {
			strs[k] = string(v)
		}
		b, _ = json.Marshal(map[string]map[string]string{"from2013": strs})
	}
	return b
}

func joinIDs(ids []iso27002.ControlID, sep string) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = id.String()
	}
	return strings.Join(s, sep)
}
