package audit

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
)

// Slot is an internal audit the planner fills: its ID and dates, passed in.
// The zero value is invalid.
type Slot struct {
	// ID of the audit. Required, unique.
	ID string `json:"id"`
	// Title of the audit; empty gives "Internal audit <n> of <total>".
	Title string `json:"title,omitempty"`
	// First and last day. Required, in order, within the cycle.
	Start ismskit.Date `json:"start"`
	End   ismskit.Date `json:"end"`
	// Sites and processes the audit visits; they go into its scope as
	// they are.
	Sites     []string `json:"sites,omitempty"`
	Processes []string `json:"processes,omitempty"`
}

// MaxCycleDays is the number of days of the longest programme cycle,
// three years with a leap day. It bounds the counts a caller gives the
// planner: at most one internal audit a day (EvenSlots' n, the number of
// Plan's slots), and no audit longer than the cycle (EvenSlots' days).
const MaxCycleDays = 3*365 + 1

// EvenSlots returns n internal audit slots spread evenly over the three
// years from cycleStart, each lasting days days, with IDs "IA-1" to
// "IA-n":
//
//	slots, err := audit.EvenSlots(ismskit.MustParseDate("2026-01-05"), 6, 3)
//
// n and days must be from 1 to MaxCycleDays: a count below 1 is an
// ismskit.ErrOutOfRange error and one above an ismskit.ErrTooLarge error,
// at the paths "n" and "days"; a zero cycleStart is ismskit.ErrMissing,
// and a cycle that would end after the year 9999 ismskit.ErrOutOfRange,
// at "cycleStart".
func EvenSlots(cycleStart ismskit.Date, n, days int) ([]Slot, error) {
	var l fielderr.List
	checkCount(&l, "n", n)
	checkCount(&l, "days", days)
	switch {
	case cycleStart.IsZero():
		l.Add("cycleStart", ismskit.ErrMissing)
	case l.Len() > 0:
	case cycleLimit(cycleStart).IsZero() || cycleLimit(cycleStart).AddDate(0, 0, days).IsZero():
		l.Add("cycleStart", fielderr.Errorf(ismskit.ErrOutOfRange, "a cycle from %s ends after the year %d", cycleStart, ismskit.MaxYear))
	}
	if err := l.Err(); err != nil {
		return nil, err
	}
	out := make([]Slot, n)
	for i := range out {
		start := cycleStart.AddDate(0, 36*i/n, 0)
		out[i] = Slot{ID: "IA-" + strconv.Itoa(i+1), Start: start, End: start.AddDate(0, 0, days-1)}
	}
	return out, nil
}

// checkCount reports a count outside 1 to MaxCycleDays at path.
func checkCount(l *fielderr.List, path string, n int) {
	switch {
	case n < 1:
		l.Add(path, fielderr.Errorf(ismskit.ErrOutOfRange, "%d is less than 1", n))
	case n > MaxCycleDays:
		l.Add(path, fielderr.Errorf(ismskit.ErrTooLarge, "%d is more than %d", n, MaxCycleDays))
	}
}

// PlanOptions are the inputs of Plan. The zero value is invalid: Plan
// needs a cycle start, slots and auditors.
type PlanOptions struct {
	// Basis is what the programme must cover.
	Basis Basis `json:"basis"`
	// CycleStart is the first day of the three-year cycle. Required.
	CycleStart ismskit.Date `json:"cycleStart"`
	// Slots are the internal audits to plan, with their dates, in
	// chronological order. Required; at most MaxCycleDays.
	Slots []Slot `json:"slots"`
	// Auditors available; each audit gets AuditorsPerAudit of those
	// independent of its scope. Required.
	Auditors []Auditor `json:"auditors"`
	// AuditorsPerAudit is how many auditors each audit gets; 0 means 1.
	// The first one chosen is the lead.
	AuditorsPerAudit int `json:"auditorsPerAudit,omitempty"`
	// HighRiskAudits is how many audits cover each high-risk control; 0
	// means DefaultHighRiskAudits. It is capped at the number of slots.
	HighRiskAudits int `json:"highRiskAudits,omitempty"`
}

// Plan builds an internal audit programme over the three-year cycle from
// o.CycleStart. It is deterministic, and its rules are:
//
//  1. The clauses that have requirement items of their own (4.1, ..., 10.2)
//     are taken in the standard's order and cut into len(Slots) runs of
//     about the same number of items; run i goes to slot i. A top-level
//     clause whose subclauses all land in one slot is written as the
//     top-level clause (4 rather than 4.1, 4.2, 4.3, 4.4).
//  2. The applicable controls, in natural order, are cut the same way.
//  3. Each high-risk control is added to further slots spread over the
//     cycle, k in all, where k is HighRiskAudits capped at len(Slots): the
//     slots s + j*n/k (mod n) for j < k, s being its own slot.
//  4. Each audit gets AuditorsPerAudit auditors independent of its scope,
//     taken in turn from o.Auditors starting at a different auditor for
//     each slot, so the work is shared.
//
// So every requirement item and applicable control is audited at least
// once and high-risk controls k times: the result passes
// Programme.CheckCoverage. Problems with the options are reported, all of
// them, at paths such as "slots[2].end" or "basis.highRisk[0]"; a slot for
// which no auditor is independent wraps ErrNoIndependentAuditor.
func Plan(o PlanOptions) (Programme, error) {
	var l fielderr.List
	b, err := o.Basis.resolve()
	l.Add("basis", err)
	p := &Programme{CycleStart: o.CycleStart, HighRiskAudits: o.HighRiskAudits}
	switch {
	case o.CycleStart.IsZero():
		l.Add("cycleStart", ismskit.ErrMissing)
	case cycleLimit(o.CycleStart).IsZero():
		l.Add("cycleStart", fielderr.Errorf(ismskit.ErrOutOfRange, "a cycle from %s ends after the year %d", o.CycleStart, ismskit.MaxYear))
	default:
		p.CycleEnd = cycleLimit(o.CycleStart)
	}
	switch {
	case len(o.Slots) == 0:
		l.Add("slots", ismskit.ErrMissing)
	case len(o.Slots) > MaxCycleDays:
		l.Add("slots", fielderr.Errorf(ismskit.ErrTooLarge, "%d slots, more than %d", len(o.Slots), MaxCycleDays))
	}
	if len(o.Auditors) == 0 {
		l.Add("auditors", ismskit.ErrMissing)
	}
	if o.AuditorsPerAudit < 0 {
		l.Add("auditorsPerAudit", fielderr.Errorf(ismskit.ErrOutOfRange, "%d is negative", o.AuditorsPerAudit))
	}
	if o.HighRiskAudits < 0 {
		l.Add("highRiskAudits", fielderr.Errorf(ismskit.ErrOutOfRange, "%d is negative", o.HighRiskAudits))
	}
	for i, a := range o.Auditors {
		var al fielderr.List
		if strings.TrimSpace(a.Name) == "" {
			al.Add("name", ismskit.ErrMissing)
		}
		a.Responsible.validate(b, "responsible", false, &al)
		l.AddItem(fielderr.Index("auditors", i), a.Name, al.Err())
	}
	for i := 1; i < len(o.Slots); i++ {
		if o.Slots[i].Start.Before(o.Slots[i-1].Start) {
			l.AddItem(fielderr.Index("slots", i)+".start", o.Slots[i].ID, fmt.Errorf("%w: %s is before the previous slot's start %s",
				ismskit.ErrDateOrder, o.Slots[i].Start, o.Slots[i-1].Start))
		}
	}
	if l.Len() > 0 {
		return Programme{}, l.Err()
	}
	n := len(o.Slots)
	for i, s := range o.Slots {
		title := s.Title
		if title == "" {
			title = fmt.Sprintf("Internal audit %d of %d", i+1, n)
		}
		p.Audits = append(p.Audits, Audit{ID: s.ID, Kind: Internal, Title: title, Start: s.Start, End: s.End,
			Scope: Scope{Sites: slices.Clone(s.Sites), Processes: slices.Clone(s.Processes)}})
	}
	assignClauses(b, p.Audits)
	assignControls(b, p.Audits, min(max(o.HighRiskAudits, 0), n))
	per := max(o.AuditorsPerAudit, 1)
	for i := range p.Audits {
		a := &p.Audits[i]
		for k := 0; k < len(o.Auditors) && len(a.Auditors) < per; k++ {
			au := o.Auditors[(i+k)%len(o.Auditors)]
			if au.Independent(a.Scope) {
				au.Lead = len(a.Auditors) == 0
				au.Responsible = au.Responsible.clone()
				a.Auditors = append(a.Auditors, au)
			}
		}
		if len(a.Auditors) == 0 {
			l.AddItem(fielderr.Index("slots", i), a.ID, fmt.Errorf("%w: every auditor is responsible for part of the scope", ErrNoIndependentAuditor))
		}
	}
	// Check the result as Records.Validate would, with paths of the slots.
	var vl fielderr.List
	p.validate(b, &vl)
	for _, e := range unjoin(vl.Err()) {
		var fe *ismskit.Error
		if errors.As(e, &fe) && strings.HasPrefix(fe.Path, "audits[") {
			if strings.Contains(fe.Path, ".auditors") {
				continue // reported above as ErrNoIndependentAuditor
			}
			c := *fe
			c.Path = "slots" + strings.TrimPrefix(fe.Path, "audits")
			l.Add("", &c)
			continue
		}
		l.Add("", e)
	}
	if l.Len() > 0 {
		return Programme{}, l.Err()
	}
	return *p, nil
}

// assignClauses cuts the clauses with items into len(audits) runs of about
// equal weight (number of items) and compacts whole top-level clauses.
func assignClauses(b *basis, audits []Audit) {
	n := len(audits)
	weight := make(map[iso27001.ClauseID]int, len(b.units))
	for _, it := range b.items {
		weight[it.ID.Clause()]++
	}
	total := len(b.items)
	slotOf := make(map[iso27001.ClauseID]int, len(b.units))
	cum := 0
	for _, u := range b.units {
		w := weight[u]
		slotOf[u] = min(n-1, (2*cum+w)*n/(2*total))
		cum += w
	}
	for _, u := range b.units {
		top := u.Top()
		whole := true
		for _, v := range b.units {
			if top.Contains(v) && slotOf[v] != slotOf[u] {
				whole = false
				break
			}
		}
		s := &audits[slotOf[u]].Scope
		switch {
		case !whole:
			s.Clauses = append(s.Clauses, u)
		case len(s.Clauses) == 0 || s.Clauses[len(s.Clauses)-1] != top:
			s.Clauses = append(s.Clauses, top)
		}
	}
}

// assignControls cuts the applicable controls into len(audits) runs and
// adds each high-risk control to k slots spread over the cycle (k = 0
// means DefaultHighRiskAudits).
func assignControls(b *basis, audits []Audit, k int) {
	n := len(audits)
	if k == 0 {
		k = min(DefaultHighRiskAudits, n)
	}
	extra := make([][]iso27002.ControlID, n)
	for i, id := range b.applicable {
		s := i * n / len(b.applicable)
		audits[s].Scope.Controls = append(audits[s].Scope.Controls, id)
		if b.highRisk[id] {
			for j := 1; j < k; j++ {
				t := (s + j*n/k) % n
				extra[t] = append(extra[t], id)
			}
		}
	}
	for i := range audits {
		c := append(audits[i].Scope.Controls, extra[i]...)
		sortControls(c)
		audits[i].Scope.Controls = c
	}
}
