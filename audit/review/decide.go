package review

import (
	"fmt"
	"slices"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
)

// Decision is an output of a management review (9.3.3): a decision on a
// continual improvement opportunity or on a change to the ISMS, as an
// action with an owner and a due date. Prepare proposes some; the
// meeting takes its own. The zero value is invalid.
type Decision struct {
	// ID is unique among the meeting's decisions ("D-1"; "P-1" for a
	// proposal). Required.
	ID string `json:"id"`
	// Kind of decision. Required.
	Kind DecisionKind `json:"kind"`
	// Decision, in words. Required.
	Decision string `json:"decision"`
	// Owner who carries it out. Required in a meeting.
	Owner string `json:"owner,omitempty"`
	// Due is when it is to be done. Required in a meeting; not before
	// the meeting.
	Due ismskit.Date `json:"due,omitzero"`
	// Inputs are the review inputs that led to it.
	Inputs []iso27001.ItemID `json:"inputs,omitempty"`
	// Improvement is the ID of the register item the decision takes up.
	Improvement string `json:"improvement,omitempty"`
	// Controls are the Annex A controls concerned.
	Controls []iso27002.ControlID `json:"controls,omitempty"`
}

// Meeting is the management review held on a pack: when, who took part,
// and the decisions (9.3.3). The zero value is invalid.
type Meeting struct {
	// ID of the review, unique among the reviews of the ISMS records
	// ("MR-2026-11"). Required.
	ID string `json:"id"`
	// Date it was held. Required; not before the pack's day.
	Date ismskit.Date `json:"date"`
	// Chair is who chaired it (top management).
	Chair string `json:"chair,omitempty"`
	// Attendees are who took part.
	Attendees []string `json:"attendees,omitempty"`
	// Decisions taken.
	Decisions []Decision `json:"decisions,omitempty"`
	// DocumentID is the ID of the minutes in the register of documented
	// information (9.3.3: the results are kept as documented
	// information); Record adds the entry when the register lacks it.
	DocumentID string `json:"documentId,omitempty"`
}

// Conclude returns a copy of p with the meeting m recorded. It reports
// every problem of m, each an *ismskit.Error at its path in the meeting
// ("decisions[1].owner", Item "D-2"): a missing ID or date, a decision
// without an ID, kind, text, owner or due date (ismskit.ErrMissing: 9.3.3
// asks for actions with owners and dates), an ID given twice
// (ismskit.ErrDuplicateID), a meeting before the pack's day or a due date
// before the meeting (ismskit.ErrDateOrder), an improvement or input the
// pack does not hold (ismskit.ErrUnknownReference). p is not modified; a
// pack already concluded is ismskit.ErrInconsistent.
func (p *Pack) Conclude(m Meeting) (*Pack, error) {
	if p == nil {
		p = &Pack{}
	}
	var l fielderr.List
	if p.Meeting != nil {
		l.Add("", fielderr.Errorf(ismskit.ErrInconsistent, "the pack is already concluded by meeting %s", clip(p.Meeting.ID)))
	}
	if strings.TrimSpace(m.ID) == "" {
		l.Add("id", ismskit.ErrMissing)
	}
	switch {
	case m.Date.IsZero():
		l.Add("date", ismskit.ErrMissing)
	case m.Date.Before(p.AsOf):
		l.Add("date", fmt.Errorf("%w: the meeting on %s is before the pack's day %s", ismskit.ErrDateOrder, m.Date, p.AsOf))
	}
	open := map[string]bool{}
	items := map[iso27001.ItemID]bool{}
	for _, in := range p.Inputs {
		items[in.Item] = true
		for _, it := range in.Opportunities {
			open[it.ID] = true
		}
	}
	seen := map[string]bool{}
	for i, dc := range m.Decisions {
		var dl fielderr.List
		switch {
		case strings.TrimSpace(dc.ID) == "":
			dl.Add("id", ismskit.ErrMissing)
		case seen[dc.ID]:
			dl.Add("id", fmt.Errorf("%w: %q", ismskit.ErrDuplicateID, clip(dc.ID)))
		}
		seen[dc.ID] = true
		if !dc.Kind.IsValid() {
			dl.Add("kind", ismskit.ErrMissing)
		}
		if strings.TrimSpace(dc.Decision) == "" {
			dl.Add("decision", ismskit.ErrMissing)
		}
		if strings.TrimSpace(dc.Owner) == "" {
			dl.Add("owner", ismskit.ErrMissing)
		}
		switch {
		case dc.Due.IsZero():
			dl.Add("due", ismskit.ErrMissing)
		case !m.Date.IsZero() && dc.Due.Before(m.Date):
			dl.Add("due", fmt.Errorf("%w: due %s before the meeting on %s", ismskit.ErrDateOrder, dc.Due, m.Date))
		}
		if dc.Improvement != "" && !open[dc.Improvement] {
			dl.Add("improvement", fmt.Errorf("%w: %q is not an open improvement of the pack", ismskit.ErrUnknownReference, clip(dc.Improvement)))
		}
		for j, it := range dc.Inputs {
			if !items[it] {
				dl.Add(fielderr.Index("inputs", j), fmt.Errorf("%w: %s is not an input of the pack", ismskit.ErrUnknownReference, it))
			}
		}
		for j, c := range dc.Controls {
			if !c.IsValid() {
				dl.Add(fielderr.Index("controls", j), fmt.Errorf("%w: %q", ismskit.ErrInvalidID, c.String()))
			}
		}
		l.AddItem(fielderr.Index("decisions", i), dc.ID, dl.Err())
	}
	if err := l.Err(); err != nil {
		return nil, err
	}
	out := *p
	mc := m
	mc.Attendees = slices.Clone(m.Attendees)
	mc.Decisions = slices.Clone(m.Decisions)
	out.Meeting = &mc
	return &out, nil
}

// Record returns a copy of r with the concluded review added to its
// management reviews (9.3), so that iso27001.Analyze sees the review
// held, every input considered and its decisions taken: an
// iso27001.ManagementReview with the meeting's ID, date and attendees
// (the chair first), one ReviewInput per input of the pack with its
// summary, and one ReviewOutput per decision. When the meeting names a
// DocumentID that r's register lacks, an entry for the minutes is added:
// a retained record, version 1, approved by the chair on the meeting's
// day, evidencing 9.3.3's documented information, with the retention
// rule (and, without a chair, the owner) of the previous review's
// minutes.
//
// A pack without a meeting is ismskit.ErrMissing at "meeting"; a review
// ID r already holds is ismskit.ErrDuplicateID; the result is validated,
// and its problems returned. r is not modified.
func (p *Pack) Record(r iso27001.Records) (iso27001.Records, error) {
	if p == nil || p.Meeting == nil {
		return iso27001.Records{}, &ismskit.Error{Path: "meeting", Err: fielderr.Errorf(ismskit.ErrMissing, "the pack has no meeting: call Conclude first")}
	}
	m := p.Meeting
	for _, mr := range r.ManagementReviews {
		if mr.ID == m.ID {
			return iso27001.Records{}, &ismskit.Error{Path: "meeting.id", Err: fmt.Errorf("%w: the records already hold review %q", ismskit.ErrDuplicateID, clip(m.ID))}
		}
	}
	mr := iso27001.ManagementReview{ID: m.ID, Date: m.Date, DocumentID: m.DocumentID}
	if m.Chair != "" {
		mr.Attendees = append(mr.Attendees, m.Chair)
	}
	for _, a := range m.Attendees {
		if !slices.Contains(mr.Attendees, a) {
			mr.Attendees = append(mr.Attendees, a)
		}
	}
	for _, in := range p.Inputs {
		mr.Inputs = append(mr.Inputs, iso27001.ReviewInput{Item: in.Item, Summary: in.Summary})
	}
	for _, dc := range m.Decisions {
		mr.Outputs = append(mr.Outputs, iso27001.ReviewOutput{Kind: dc.Kind.OutputKind(), Decision: dc.Decision, Owner: dc.Owner, Due: dc.Due})
	}
	out := r
	out.ManagementReviews = append(slices.Clone(r.ManagementReviews), mr)
	if m.DocumentID != "" && !slices.ContainsFunc(r.Documents, func(d iso27001.Document) bool { return d.ID == m.DocumentID }) {
		item := iso27001.MustParseItemID("9.3.3.p2")
		if r.Edition == iso27001.Edition2013 {
			item = iso27001.MustParseItemID("9.3.p3")
		}
		doc := iso27001.Document{
			ID: m.DocumentID, Title: "Minutes of management review " + m.ID, Version: "1", Owner: m.Chair, Kind: iso27001.Retained,
			Approved: m.Date, ApprovedBy: m.Chair, Evidences: []iso27001.ItemID{item},
		}
		// The previous minutes give the retention rule and the owner.
		if n := len(r.ManagementReviews); n > 0 {
			prev := r.ManagementReviews[n-1].DocumentID
			if i := slices.IndexFunc(r.Documents, func(d iso27001.Document) bool { return d.ID == prev && prev != "" }); i >= 0 {
				doc.Retention = r.Documents[i].Retention
				if doc.Owner == "" {
					doc.Owner = r.Documents[i].Owner
				}
			}
		}
		out.Documents = append(slices.Clone(r.Documents), doc)
	}
	if err := out.Validate(); err != nil {
		return iso27001.Records{}, err
	}
	return out, nil
}
