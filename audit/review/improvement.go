package review

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/audit"
	"github.com/ismskit/ismskit/audit/checks"
	"github.com/ismskit/ismskit/audit/monitor"
	"github.com/ismskit/ismskit/internal/codec"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/iso27002"
)

// Improvement is one item of the improvement register (10.1): an
// opportunity to make the ISMS more suitable, adequate or effective,
// with where it came from, who owns it, where it stands and its dates.
// The zero value is invalid.
type Improvement struct {
	// ID is unique in the register ("IMP-7"). Required.
	ID string `json:"id"`
	// Title says what is to be improved. Required.
	Title string `json:"title"`
	// Source is where the item comes from. Required.
	Source Source `json:"source"`
	// Reference names the source: the review and decision
	// ("MR-2026-11/D-2"), the audit finding, the metric or the check.
	Reference string `json:"reference,omitempty"`
	// Owner is who carries it out.
	Owner string `json:"owner,omitempty"`
	// Status of the item. Required.
	Status Status `json:"status"`
	// Raised is when it was recorded. Required.
	Raised ismskit.Date `json:"raised"`
	// Due is when it is to be done; zero when not set.
	Due ismskit.Date `json:"due,omitzero"`
	// Closed is when it was done or cancelled; required for those.
	Closed ismskit.Date `json:"closed,omitzero"`
	// Controls are the Annex A controls concerned.
	Controls []iso27002.ControlID `json:"controls,omitempty"`
	// Notes on the item.
	Notes string `json:"notes,omitempty"`
}

// IsOverdue reports whether, as of asOf, the item is open past its due
// date.
func (i Improvement) IsOverdue(asOf ismskit.Date) bool {
	return i.Status.IsOpen() && !i.Due.IsZero() && i.Due.Before(asOf)
}

// Register is the improvement register of clause 10.1 as one JSON
// document: every improvement, open or closed. Feed adds the items that
// audits, metrics, checks and management review decisions call for;
// DecodeRegister reads it strictly; JSONSchema returns its JSON Schema.
// The zero value is an empty register, which is valid.
type Register struct {
	// Organization the register belongs to.
	Organization string `json:"organization,omitempty"`
	// Items of the register, in the order they were raised.
	Items []Improvement `json:"items,omitempty"`
	// Extensions holds the user's own data as raw JSON, never
	// interpreted.
	Extensions map[string]json.RawMessage `json:"extensions,omitempty"`
}

// DecodeRegister decodes a Register document strictly: an unknown or
// duplicated key, a wrong JSON type, an unknown enum value, a malformed
// date or control and data after the document are each an
// *ismskit.Error with its path, all of them up to the problem limit,
// joined. It does not validate the content; call Validate for that.
func DecodeRegister(data []byte, opts ...ismskit.DecodeOption) (Register, error) {
	r, err := codec.Decode[registerJSON](data, opts)
	return Register(r), err
}

// ReadRegister reads a Register from r, never past the byte limit, and
// decodes it as DecodeRegister does.
func ReadRegister(r io.Reader, opts ...ismskit.DecodeOption) (Register, error) {
	return codec.Read(r, opts, DecodeRegister)
}

// EncodeRegister returns the JSON form of r, indented by two spaces and
// ending in a newline; DecodeRegister reads it back.
func EncodeRegister(r Register) ([]byte, error) { return codec.Encode(registerJSON(r)) }

// WriteRegister writes the JSON form of r to w, as EncodeRegister
// returns it.
func WriteRegister(w io.Writer, r Register) error { return codec.Write(w, registerJSON(r)) }

// registerJSON is Register without its methods, for decoding.
type registerJSON Register

// UnmarshalJSON decodes the document strictly, as DecodeRegister does
// with the default limits.
func (r *Register) UnmarshalJSON(data []byte) error {
	return codec.Unmarshal(data, (*registerJSON)(r))
}

// Validate reports every problem of the register, each an *ismskit.Error
// with its path and the item's ID ("items[3].closed", Item "IMP-4"): a
// missing ID, title, source, status or raised date (ismskit.ErrMissing),
// an ID given twice (ismskit.ErrDuplicateID), a done or cancelled item
// without its closing date (ismskit.ErrMissing), a closing date on an
// open item (ismskit.ErrInconsistent), dates out of order
// (ismskit.ErrDateOrder), a malformed control ID (ismskit.ErrInvalidID).
func (r Register) Validate() error {
	var l fielderr.List
	seen := map[string]bool{}
	for i, it := range r.Items {
		var il fielderr.List
		switch {
		case strings.TrimSpace(it.ID) == "":
			il.Add("id", ismskit.ErrMissing)
		case seen[it.ID]:
			il.Add("id", fmt.Errorf("%w: %q", ismskit.ErrDuplicateID, clip(it.ID)))
		}
		seen[it.ID] = true
		if strings.TrimSpace(it.Title) == "" {
			il.Add("title", ismskit.ErrMissing)
		}
		if !it.Source.IsValid() {
			il.Add("source", ismskit.ErrMissing)
		}
		if !it.Status.IsValid() {
			il.Add("status", ismskit.ErrMissing)
		}
		if it.Raised.IsZero() {
			il.Add("raised", ismskit.ErrMissing)
		}
		if !it.Due.IsZero() && it.Due.Before(it.Raised) {
			il.Add("due", fmt.Errorf("%w: due %s before it was raised on %s", ismskit.ErrDateOrder, it.Due, it.Raised))
		}
		switch {
		case (it.Status == Done || it.Status == Cancelled) && it.Closed.IsZero():
			il.Add("closed", fielderr.Errorf(ismskit.ErrMissing, "a %s item needs its closing date", statuses.Code(it.Status)))
		case it.Status.IsOpen() && !it.Closed.IsZero():
			il.Add("closed", fielderr.Errorf(ismskit.ErrInconsistent, "an %s item has a closing date", statuses.Code(it.Status)))
		case !it.Closed.IsZero() && it.Closed.Before(it.Raised):
			il.Add("closed", fmt.Errorf("%w: closed %s before it was raised on %s", ismskit.ErrDateOrder, it.Closed, it.Raised))
		}
		for j, c := range it.Controls {
			if !c.IsValid() {
				il.Add(fielderr.Index("controls", j), fmt.Errorf("%w: %q", ismskit.ErrInvalidID, c.String()))
			}
		}
		l.AddItem(fielderr.Index("items", i), it.ID, il.Err())
	}
	return l.Err()
}

// Open returns the open and in-progress items, in order.
func (r Register) Open() []Improvement {
	var out []Improvement
	for _, it := range r.Items {
		if it.Status.IsOpen() {
			out = append(out, it)
		}
	}
	return out
}

// DefaultDueDays is how long Feed gives an item it raises, when the
// source sets no due date.
const DefaultDueDays = 90

// FeedInput is what Feed raises improvements from. The zero value feeds
// nothing.
type FeedInput struct {
	// Audit gives its opportunities for improvement (audit.Opportunity
	// findings).
	Audit *audit.Records `json:"audit,omitempty"`
	// Metrics gives the metrics whose status is monitor.Missed.
	Metrics []monitor.Evaluation `json:"metrics,omitempty"`
	// Checks gives the check results with failures.
	Checks []checks.Result `json:"checks,omitempty"`
	// Review gives the decisions of a concluded management review (its
	// Meeting); nil for none.
	Review *Pack `json:"review,omitempty"`
	// Owner of the items whose source names none (the information
	// security manager).
	Owner string `json:"owner,omitempty"`
	// DueDays is how long an item is given when its source sets no due
	// date; zero or less means DefaultDueDays.
	DueDays int `json:"dueDays,omitempty"`
}

// Feed returns a copy of r with an item for each source of in that no
// open item of r (or one just added) already holds, in this order:
// review decisions (reference "<review>/<decision>", the decision's
// owner and due date), audit opportunities for improvement (reference
// the finding's ID), metrics that missed their target (the metric's ID)
// and checks with failures (the check's ID). A source whose earlier item
// is done or cancelled is raised again: the problem is back. New items
// are Open, raised on the source's day (the finding's date, the
// metric's or check's, the meeting's) or asOf, and numbered "IMP-<n>"
// after the highest such number in r. A failing check that a missed
// metric of in is computed from (monitor.Evaluation.Check) raises no
// item of its own: the metric's item covers it. A decision that takes up an
// existing item (Decision.Improvement) raises none: that item moves to
// InProgress with the decision's owner and due date. r is not modified.
func (r Register) Feed(in FeedInput, asOf ismskit.Date) Register {
	out := r
	out.Items = slices.Clone(r.Items)
	next := 0
	for _, it := range r.Items {
		if n, ok := strings.CutPrefix(it.ID, "IMP-"); ok {
			if v, err := strconv.Atoi(n); err == nil && v > next {
				next = v
			}
		}
	}
	dueDays := in.DueDays
	if dueDays <= 0 {
		dueDays = DefaultDueDays
	}
	add := func(it Improvement) {
		if slices.ContainsFunc(out.Items, func(x Improvement) bool {
			return x.Status.IsOpen() && x.Source == it.Source && x.Reference == it.Reference
		}) {
			return
		}
		next++
		it.ID = "IMP-" + strconv.Itoa(next)
		it.Status = Open
		if it.Raised.IsZero() {
			it.Raised = asOf
		}
		if it.Owner == "" {
			it.Owner = in.Owner
		}
		if it.Due.IsZero() {
			it.Due = it.Raised.AddDate(0, 0, dueDays)
		}
		out.Items = append(out.Items, it)
	}
	if p := in.Review; p != nil && p.Meeting != nil {
		m := p.Meeting
		for _, dc := range m.Decisions {
			if dc.Improvement != "" {
				if i := slices.IndexFunc(out.Items, func(x Improvement) bool { return x.ID == dc.Improvement }); i >= 0 {
					it := &out.Items[i]
					if it.Status == Open {
						it.Status = InProgress
					}
					if dc.Owner != "" {
						it.Owner = dc.Owner
					}
					if !dc.Due.IsZero() {
						it.Due = dc.Due
					}
					continue
				}
			}
			add(Improvement{Title: dc.Decision, Source: FromReview, Reference: m.ID + "/" + dc.ID,
				Owner: dc.Owner, Raised: m.Date, Due: dc.Due, Controls: slices.Clone(dc.Controls)})
		}
	}
	if in.Audit != nil {
		for _, f := range in.Audit.Findings {
			if f.Result != audit.Opportunity {
				continue
			}
			var ctl []iso27002.ControlID
			if f.Control.IsValid() {
				ctl = []iso27002.ControlID{f.Control}
			}
			title := "Audit " + f.Audit
			if sub := f.Subject(); sub != "" {
				title += " on " + sub
			}
			add(Improvement{Title: title + ": " + f.Statement, Source: FromAudit,
				Reference: f.ID, Raised: f.Date, Controls: ctl})
		}
	}
	for _, ev := range in.Metrics {
		if ev.Status != monitor.Missed {
			continue
		}
		add(Improvement{Title: ev.Title + ": " + ev.Unit.Format(ev.Value) + " against the target " + ev.Target.String(),
			Source: FromMetric, Reference: ev.Metric, Raised: ev.Measured, Controls: slices.Clone(ev.Controls)})
	}
	for i := range in.Checks {
		c := &in.Checks[i]
		if c.Failed == 0 || slices.ContainsFunc(in.Metrics, func(ev monitor.Evaluation) bool {
			return ev.Status == monitor.Missed && ev.Check == c.Check
		}) {
			continue
		}
		title := c.Title
		if title == "" {
			title = c.Check
		}
		add(Improvement{Title: title + ": " + strconv.Itoa(c.Failed) + " of " + strconv.Itoa(c.Total) + " failed",
			Source: FromCheck, Reference: c.Check, Raised: c.AsOf, Controls: slices.Clone(c.Controls)})
	}
	return out
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}
