package review

import (
	"cmp"
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
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/risk"
)

// Inputs are the documents a management review pack is made from: what
// ismskit already holds about the ISMS. Only Records is required; a
// section whose documents are not given says so. The zero value has no
// ISMS records.
type Inputs struct {
	// Records are the ISMS records: issues (9.3.2 b), interested parties
	// (c), objectives (d 4) and the earlier management reviews (a).
	// Required.
	Records iso27001.Records `json:"records"`
	// Baseline is the ISMS records as they stood at the previous review,
	// to find what changed (b, c); nil lists the current issues and
	// requirements without changes.
	Baseline *iso27001.Records `json:"baseline,omitempty"`
	// Register is the risk register, assessed for the review (f).
	Register *risk.Register `json:"register,omitempty"`
	// Audit is the audit programme with its findings and corrective
	// actions (d 1, d 3).
	Audit *audit.Records `json:"audit,omitempty"`
	// Monitoring is the metrics and their results (d 2, d 4).
	Monitoring *monitor.Records `json:"monitoring,omitempty"`
	// Checks are the latest results of the control checks (d 2).
	Checks []checks.Result `json:"checks,omitempty"`
	// Feedback from interested parties (e).
	Feedback []Feedback `json:"feedback,omitempty"`
	// Improvements is the improvement register (a, g), fed beforehand
	// with Register.Feed.
	Improvements *Register `json:"improvements,omitempty"`
	// Since is the first day of the period under review; zero means the
	// day after the latest earlier review, or a year before the review
	// when there is none.
	Since ismskit.Date `json:"since,omitzero"`
}

// Feedback is feedback from an interested party (9.3.2 e): a customer's
// questionnaire, a complaint, a regulator's letter, a staff survey. The
// zero value is invalid.
type Feedback struct {
	// Date it was received. Required.
	Date ismskit.Date `json:"date"`
	// From whom, in words. Required.
	From string `json:"from"`
	// Party is the ID of the interested party in the ISMS records, if
	// any.
	Party string `json:"party,omitempty"`
	// Summary of what was said. Required.
	Summary string `json:"summary"`
}

// Pack is the management review pack of clause 9.3: one Input for each
// input 9.3.2 asks the review to consider (a to g, with d in its four
// parts), each with a summary in words and the data behind it, and
// proposed decisions. Prepare makes it; Conclude records the meeting's
// decisions (9.3.3) in a copy; Record writes the review into the ISMS
// records. It renders as Markdown, HTML and JSON (EncodePack).
//
// The zero value is an empty pack; its methods treat a nil *Pack as the
// zero value.
type Pack struct {
	// Title of the pack.
	Title string `json:"title"`
	// Organization reviewed.
	Organization string `json:"organization,omitempty"`
	// Standard the ISMS follows ("ISO/IEC 27001:2022 + Amd 1:2024").
	Standard string `json:"standard"`
	// AsOf is the day the pack was prepared for.
	AsOf ismskit.Date `json:"asOf"`
	// Since is the first day of the period under review.
	Since ismskit.Date `json:"since"`
	// PreviousReview is the ID of the latest earlier review, if any.
	PreviousReview string `json:"previousReview,omitempty"`
	// Inputs has one entry per review input, in the order of the
	// standard.
	Inputs []Input `json:"inputs"`
	// Proposals are decisions the data suggests, for the meeting to take
	// or leave.
	Proposals []Decision `json:"proposals"`
	// Meeting is the review held on the pack, set by Conclude; nil
	// before.
	Meeting *Meeting `json:"meeting,omitempty"`
}

// Input is one review input (9.3.2): its item, a title and a summary in
// words, and the data behind it, in the one field that fits the item.
// The zero value is empty.
type Input struct {
	// Item is the requirement item ("9.3.2.d.1"; "9.3.c.1" in the 2013
	// edition).
	Item iso27001.ItemID `json:"item"`
	// Title of the input, in ismskit's words.
	Title string `json:"title"`
	// Summary of the data, in a few sentences.
	Summary string `json:"summary"`
	// Actions of earlier reviews and where they stand (a).
	Actions []EarlierAction `json:"actions,omitempty"`
	// Issues and how they changed (b).
	Issues []IssueChange `json:"issues,omitempty"`
	// Requirements of interested parties and how they changed (c).
	Requirements []RequirementChange `json:"requirements,omitempty"`
	// Nonconformities and corrective actions, with their trend (d 1).
	Nonconformities *Nonconformities `json:"nonconformities,omitempty"`
	// Metrics evaluated (d 2).
	Metrics []monitor.Evaluation `json:"metrics,omitempty"`
	// Checks run (d 2).
	Checks []CheckLine `json:"checks,omitempty"`
	// Audits held (d 3).
	Audits []AuditLine `json:"audits,omitempty"`
	// Objectives judged by their metrics (d 4).
	Objectives []monitor.ObjectiveEvaluation `json:"objectives,omitempty"`
	// Feedback received (e).
	Feedback []Feedback `json:"feedback,omitempty"`
	// Risks is the state of the risk assessment and treatment (f).
	Risks *Risks `json:"risks,omitempty"`
	// Opportunities are the open improvements (g).
	Opportunities []Improvement `json:"opportunities,omitempty"`
}

// EarlierAction is a decision of an earlier review and where it stands,
// from the improvement register (9.3.2 a). The zero value is empty.
type EarlierAction struct {
	// Review is the ID of the review that decided it.
	Review string `json:"review"`
	// Decision as recorded.
	Decision string `json:"decision"`
	// Owner and Due as recorded.
	Owner string       `json:"owner,omitempty"`
	Due   ismskit.Date `json:"due,omitzero"`
	// Improvement is the ID of the register item that tracks it; empty
	// when none does.
	Improvement string `json:"improvement,omitempty"`
	// Status of that item; unset when none tracks it.
	Status Status `json:"status,omitzero"`
	// Overdue says the decision is not done and past its due date.
	Overdue bool `json:"overdue"`
}

// IssueChange is an internal or external issue and its change since the
// previous review (9.3.2 b). The zero value is empty.
type IssueChange struct {
	// ID of the issue.
	ID string `json:"id"`
	// Origin: internal or external.
	Origin iso27001.Origin `json:"origin"`
	// Description of the issue (as it was, for a removed one).
	Description string `json:"description"`
	// Climate marks an issue about climate change.
	Climate bool `json:"climate,omitempty"`
	// Change since the previous review; unset without a baseline.
	Change Change `json:"change,omitzero"`
}

// RequirementChange is a requirement of an interested party and its
// change since the previous review (9.3.2 c). The zero value is empty.
type RequirementChange struct {
	// Party is the ID of the interested party, and Name its name.
	Party string `json:"party"`
	Name  string `json:"name"`
	// Requirement as recorded.
	Requirement string `json:"requirement"`
	// Addressed says whether the ISMS addresses it; nil when undecided.
	Addressed *bool `json:"addressed,omitempty"`
	// Change since the previous review; unset without a baseline.
	Change Change `json:"change,omitzero"`
}

// Nonconformities is the state of nonconformities and corrective
// actions, with their trend (9.3.2 d 1). The zero value is empty.
type Nonconformities struct {
	// Major and Minor count the nonconformities in the audit records.
	Major int `json:"major"`
	Minor int `json:"minor"`
	// InPeriod counts those found in the period under review, Before
	// those found in a period as long just before it.
	InPeriod int `json:"inPeriod"`
	Before   int `json:"before"`
	// Trend compares InPeriod with Before: fewer is improving.
	Trend monitor.Trend `json:"trend"`
	// Actions counts the corrective actions, Closed the effective ones,
	// Overdue and Ineffective those needing attention.
	Actions     int `json:"actions"`
	Closed      int `json:"closed"`
	Overdue     int `json:"overdue"`
	Ineffective int `json:"ineffective"`
	// Items lists each nonconformity with its corrective action.
	Items []NonconformityLine `json:"items"`
}

// NonconformityLine is one nonconformity and its corrective action. The
// zero value is empty.
type NonconformityLine struct {
	// Finding is the ID of the finding; Audit its audit.
	Finding string `json:"finding"`
	Audit   string `json:"audit"`
	// Result is major or minor.
	Result audit.Result `json:"result"`
	// Subject is the item or control.
	Subject string `json:"subject"`
	// Date of the finding.
	Date ismskit.Date `json:"date"`
	// Statement of the finding.
	Statement string `json:"statement"`
	// Action is the ID of its corrective action; empty when none.
	Action string `json:"action,omitempty"`
	// State of the action as of the review; unset when none.
	State audit.State `json:"state,omitzero"`
	// Owner and Due of the action.
	Owner string       `json:"owner,omitempty"`
	Due   ismskit.Date `json:"due,omitzero"`
	// Overdue says the action is past its due date.
	Overdue bool `json:"overdue"`
}

// CheckLine is the latest result of a control check (9.3.2 d 2). The
// zero value is empty.
type CheckLine struct {
	// Check is its ID, Title its title.
	Check string `json:"check"`
	Title string `json:"title,omitempty"`
	// Controls it tests.
	Controls []iso27002.ControlID `json:"controls"`
	// AsOf is the day it ran for.
	AsOf ismskit.Date `json:"asOf"`
	// Total and Failed are its population and failures.
	Total  int `json:"total"`
	Failed int `json:"failed"`
	// Stale says the result is older than the check's frequency.
	Stale bool `json:"stale"`
	// Evidence is the result's evidence ID.
	Evidence string `json:"evidence"`
}

// AuditLine is an audit held, with its findings (9.3.2 d 3). The zero
// value is empty.
type AuditLine struct {
	// Audit is its ID; Kind, Title, Start and End as in the programme.
	Audit string       `json:"audit"`
	Kind  audit.Kind   `json:"kind"`
	Title string       `json:"title,omitempty"`
	Start ismskit.Date `json:"start"`
	End   ismskit.Date `json:"end"`
	// InPeriod says it ended in the period under review.
	InPeriod bool `json:"inPeriod"`
	// The findings of the audit by result.
	Major         int `json:"major"`
	Minor         int `json:"minor"`
	Observations  int `json:"observations"`
	Opportunities int `json:"opportunities"`
	Conforming    int `json:"conforming"`
}

// Risks is the state of the risk assessment and of the treatment plan
// (9.3.2 f). The zero value is empty.
type Risks struct {
	// Total counts the risks of the register.
	Total int `json:"total"`
	// Levels counts the risks by residual level, highest first.
	Levels []LevelCount `json:"levels"`
	// AboveCriteria lists the risks whose residual level is above their
	// acceptance limit.
	AboveCriteria []RiskLine `json:"aboveCriteria"`
	// NeedingAcceptance counts those without a valid acceptance by their
	// owner.
	NeedingAcceptance int `json:"needingAcceptance"`
	// Actions counts the actions of the treatment plan by status.
	Actions    int `json:"actions"`
	Done       int `json:"done"`
	InProgress int `json:"inProgress"`
	Planned    int `json:"planned"`
	Cancelled  int `json:"cancelled"`
	// Overdue lists the plan actions past their due date and not done.
	Overdue []PlanAction `json:"overdue"`
}

// LevelCount is the number of risks at a residual level. The zero value
// is empty.
type LevelCount struct {
	// Level is the ID of the risk level; Label its name.
	Level string `json:"level"`
	// Label is the level's name.
	Label string `json:"label"`
	// Count of the risks at the level.
	Count int `json:"count"`
}

// RiskLine is a risk above its acceptance limit. The zero value is
// empty.
type RiskLine struct {
	// Risk is the ID of the risk.
	Risk string `json:"risk"`
	// Title of the risk.
	Title string `json:"title"`
	// Owner of the risk.
	Owner string `json:"owner"`
	// Level is the residual level, Limit the highest acceptable one.
	Level string `json:"level"`
	Limit string `json:"limit"`
	// Accepted says the owner's acceptance is valid.
	Accepted bool `json:"accepted"`
}

// PlanAction is an action of the treatment plan past its due date. The
// zero value is empty.
type PlanAction struct {
	// Risk is the ID of the risk the action treats.
	Risk string `json:"risk"`
	// Action is the ID of the action in the risk's plan.
	Action string `json:"action"`
	// Title of the action.
	Title string `json:"title"`
	// Owner of the action.
	Owner string `json:"owner"`
	// Due date of the action.
	Due ismskit.Date `json:"due"`
	// Status of the action.
	Status risk.ActionStatus `json:"status,omitempty"`
}

// section is one review input of an edition.
type section struct {
	key   byte // a, b, c, 1..4 (d), e, f, g
	title string
	item  iso27001.ItemID
}

func sectionsOf(ed iso27001.Edition) []section {
	it := iso27001.MustParseItemID
	if ed == iso27001.Edition2013 {
		return []section{
			{'a', titles['a'], it("9.3.a")}, {'b', titles['b'], it("9.3.b")},
			{'1', titles['1'], it("9.3.c.1")}, {'2', titles['2'], it("9.3.c.2")},
			{'3', titles['3'], it("9.3.c.3")}, {'4', titles['4'], it("9.3.c.4")},
			{'e', titles['e'], it("9.3.d")}, {'f', titles['f'], it("9.3.e")}, {'g', titles['g'], it("9.3.f")},
		}
	}
	return []section{
		{'a', titles['a'], it("9.3.2.a")}, {'b', titles['b'], it("9.3.2.b")}, {'c', titles['c'], it("9.3.2.c")},
		{'1', titles['1'], it("9.3.2.d.1")}, {'2', titles['2'], it("9.3.2.d.2")},
		{'3', titles['3'], it("9.3.2.d.3")}, {'4', titles['4'], it("9.3.2.d.4")},
		{'e', titles['e'], it("9.3.2.e")}, {'f', titles['f'], it("9.3.2.f")}, {'g', titles['g'], it("9.3.2.g")},
	}
}

var titles = map[byte]string{
	'a': "Actions from earlier reviews",
	'b': "Changes in internal and external issues",
	'c': "Changes in the needs and expectations of interested parties",
	'1': "Nonconformities and corrective actions",
	'2': "Monitoring and measurement results",
	'3': "Audit results",
	'4': "Information security objectives",
	'e': "Feedback from interested parties",
	'f': "Risk assessment and the treatment plan",
	'g': "Opportunities for continual improvement",
}

// Prepare makes the management review pack of in as of asOf: one Input
// per review input of the edition the records follow (2022: 9.3.2 a, b,
// c, d 1 to d 4, e, f, g; 2013: 9.3 a, b, c 1 to c 4, d, e, f), each
// with its summary and data, and the decisions the data suggests:
// taking up each open improvement not yet in progress, revising each
// objective that missed, assessing each added issue or requirement, and
// treating or accepting each risk above its criteria without a valid
// acceptance.
//
// Earlier reviews are those of the records dated before asOf. The period
// under review runs from in.Since (or the day after the latest earlier
// review, or a year before asOf) to asOf.
//
// Prepare validates the ISMS records, the baseline, the measurement
// records and the improvement register, and assesses the risk register;
// their problems are returned under "records", "baseline",
// "monitoring", "improvements" and "register". A zero asOf is
// ismskit.ErrMissing at "asOf".
func Prepare(in Inputs, asOf ismskit.Date) (*Pack, error) {
	var l fielderr.List
	if asOf.IsZero() {
		l.Add("asOf", ismskit.ErrMissing)
	}
	l.Add("records", in.Records.Validate())
	if in.Baseline != nil {
		l.Add("baseline", in.Baseline.Validate())
	}
	var evals []monitor.Evaluation
	if in.Monitoring != nil {
		var err error
		evals, err = in.Monitoring.Evaluate(asOf)
		l.Add("monitoring", err)
	}
	if in.Improvements != nil {
		l.Add("improvements", in.Improvements.Validate())
	}
	var assessments []risk.Assessment
	var gaps []risk.Unaccepted
	if in.Register != nil {
		var err error
		assessments, err = risk.AssessRegister(*in.Register)
		l.Add("register", err)
		if err == nil {
			gaps, _ = risk.NeedingAcceptance(*in.Register, asOf)
		}
	}
	for i, f := range in.Feedback {
		var fl fielderr.List
		if f.Date.IsZero() {
			fl.Add("date", ismskit.ErrMissing)
		}
		if strings.TrimSpace(f.From) == "" {
			fl.Add("from", ismskit.ErrMissing)
		}
		if strings.TrimSpace(f.Summary) == "" {
			fl.Add("summary", ismskit.ErrMissing)
		}
		l.Add(fielderr.Index("feedback", i), fl.Err())
	}
	if err := l.Err(); err != nil {
		return nil, err
	}

	std, _ := in.Records.Standard()
	p := &Pack{Organization: in.Records.Organization, Standard: std.Name(), AsOf: asOf, Inputs: []Input{}, Proposals: []Decision{}}
	p.Title = "Management review"
	if p.Organization != "" {
		p.Title += " of " + p.Organization
	}
	var earlier []iso27001.ManagementReview
	for _, mr := range in.Records.ManagementReviews {
		if mr.Date.Before(asOf) {
			earlier = append(earlier, mr)
		}
	}
	slices.SortStableFunc(earlier, func(a, b iso27001.ManagementReview) int { return a.Date.Compare(b.Date) })
	p.Since = in.Since
	if n := len(earlier); n > 0 {
		p.PreviousReview = earlier[n-1].ID
		if p.Since.IsZero() {
			p.Since = earlier[n-1].Date.AddDate(0, 0, 1)
		}
	}
	if p.Since.IsZero() {
		p.Since = asOf.AddDate(-1, 0, 1)
	}
	b := &builder{in: in, p: p, asOf: asOf, earlier: earlier, evals: evals, assessments: assessments, gaps: gaps}
	for _, s := range sectionsOf(in.Records.Edition) {
		input := Input{Item: s.item, Title: s.title}
		b.fill(s.key, &input)
		p.Inputs = append(p.Inputs, input)
	}
	b.propose()
	return p, nil
}

// builder holds what the sections are computed from.
type builder struct {
	in          Inputs
	p           *Pack
	asOf        ismskit.Date
	earlier     []iso27001.ManagementReview
	evals       []monitor.Evaluation
	objectives  []monitor.ObjectiveEvaluation
	assessments []risk.Assessment
	gaps        []risk.Unaccepted
	added       []string // issues and requirements added since the previous review
}

func (b *builder) fill(key byte, in *Input) {
	switch key {
	case 'a':
		b.actions(in)
	case 'b':
		b.issues(in)
	case 'c':
		b.requirements(in)
	case '1':
		b.nonconformities(in)
	case '2':
		b.measurements(in)
	case '3':
		b.audits(in)
	case '4':
		b.objectivesInput(in)
	case 'e':
		b.feedback(in)
	case 'f':
		b.risks(in)
	case 'g':
		b.opportunities(in)
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// counts joins the non-zero counts: "2 done, 1 open".
func counts(parts ...any) string {
	var out []string
	for i := 0; i+1 < len(parts); i += 2 {
		if n := parts[i].(int); n > 0 {
			out = append(out, strconv.Itoa(n)+" "+parts[i+1].(string))
		}
	}
	if len(out) == 0 {
		return "none"
	}
	return strings.Join(out, ", ")
}

func (b *builder) actions(in *Input) {
	if len(b.earlier) == 0 {
		in.Summary = "No earlier management review is recorded."
		return
	}
	var items []Improvement
	if b.in.Improvements != nil {
		items = b.in.Improvements.Items
	}
	latest := b.earlier[len(b.earlier)-1]
	for _, mr := range b.earlier {
		for i, o := range mr.Outputs {
			a := EarlierAction{Review: mr.ID, Decision: o.Decision, Owner: o.Owner, Due: o.Due}
			ref := mr.ID + "/D-" + strconv.Itoa(i+1)
			j := slices.IndexFunc(items, func(x Improvement) bool {
				return x.Source == FromReview && (x.Reference == ref || x.Title == o.Decision)
			})
			if j >= 0 {
				a.Improvement, a.Status = items[j].ID, items[j].Status
			}
			done := a.Status == Done || a.Status == Cancelled
			a.Overdue = !done && !o.Due.IsZero() && o.Due.Before(b.asOf)
			// Older reviews' actions only while they are not done.
			if mr.ID != latest.ID && done {
				continue
			}
			in.Actions = append(in.Actions, a)
		}
	}
	var done, prog, open, untracked, overdue int
	for _, a := range in.Actions {
		switch a.Status {
		case Done, Cancelled:
			done++
		case InProgress:
			prog++
		case Open:
			open++
		default:
			untracked++
		}
		if a.Overdue {
			overdue++
		}
	}
	in.Summary = fmt.Sprintf("%s from earlier reviews (the latest %s on %s): %s; %s overdue.",
		plural(len(in.Actions), "action", "actions"), latest.ID, latest.Date,
		counts(done, "done or cancelled", prog, "in progress", open, "open", untracked, "not tracked in the improvement register"),
		plural(overdue, "action", "actions"))
	if len(in.Actions) == 0 {
		in.Summary = fmt.Sprintf("The latest review, %s on %s, decided no action.", latest.ID, latest.Date)
	}
}

func (b *builder) issues(in *Input) {
	cur := b.in.Records.Issues
	if b.in.Baseline == nil {
		for _, is := range cur {
			in.Issues = append(in.Issues, IssueChange{ID: is.ID, Origin: is.Origin, Description: is.Description, Climate: is.Climate})
		}
		in.Summary = plural(len(cur), "issue is", "issues are") + " recorded; no earlier records were given to compare with."
		return
	}
	old := map[string]iso27001.Issue{}
	for _, is := range b.in.Baseline.Issues {
		old[is.ID] = is
	}
	var added, changed, removed []string
	for _, is := range cur {
		c := IssueChange{ID: is.ID, Origin: is.Origin, Description: is.Description, Climate: is.Climate, Change: Unchanged}
		o, ok := old[is.ID]
		switch {
		case !ok:
			c.Change = Added
			added = append(added, is.ID)
		case o != is:
			c.Change = Changed
			changed = append(changed, is.ID)
		}
		in.Issues = append(in.Issues, c)
	}
	for _, o := range b.in.Baseline.Issues {
		if !slices.ContainsFunc(cur, func(is iso27001.Issue) bool { return is.ID == o.ID }) {
			in.Issues = append(in.Issues, IssueChange{ID: o.ID, Origin: o.Origin, Description: o.Description, Climate: o.Climate, Change: Removed})
			removed = append(removed, o.ID)
		}
	}
	b.added = append(b.added, added...)
	in.Summary = fmt.Sprintf("%s recorded; since the previous review %s.", plural(len(cur), "issue is", "issues are"),
		changeList(added, changed, removed))
}

func changeList(added, changed, removed []string) string {
	var parts []string
	for _, x := range []struct {
		what string
		ids  []string
	}{{"added", added}, {"changed", changed}, {"removed", removed}} {
		if len(x.ids) > 0 {
			parts = append(parts, strconv.Itoa(len(x.ids))+" "+x.what+" ("+strings.Join(x.ids, ", ")+")")
		}
	}
	if len(parts) == 0 {
		return "none changed"
	}
	return strings.Join(parts, ", ")
}

func (b *builder) requirements(in *Input) {
	type key struct{ party, req string }
	flat := func(r iso27001.Records) ([]RequirementChange, map[key]RequirementChange) {
		var list []RequirementChange
		m := map[key]RequirementChange{}
		for _, p := range r.InterestedParties {
			for _, rq := range p.Requirements {
				rc := RequirementChange{Party: p.ID, Name: p.Name, Requirement: rq.Description, Addressed: rq.Addressed}
				list = append(list, rc)
				m[key{p.ID, rq.Description}] = rc
			}
		}
		return list, m
	}
	cur, _ := flat(b.in.Records)
	undecided, no := 0, 0
	for _, rc := range cur {
		switch {
		case rc.Addressed == nil:
			undecided++
		case !*rc.Addressed:
			no++
		}
	}
	status := fmt.Sprintf("%s of %s; %s, %s.", plural(len(cur), "requirement", "requirements"),
		plural(len(b.in.Records.InterestedParties), "interested party", "interested parties"),
		plural(no, "is not addressed by the ISMS", "are not addressed by the ISMS"), plural(undecided, "is undecided", "are undecided"))
	if b.in.Baseline == nil {
		in.Requirements = cur
		in.Summary = status + " No earlier records were given to compare with."
		return
	}
	oldList, old := flat(*b.in.Baseline)
	var added, changed, removed []string
	seen := map[key]bool{}
	for _, rc := range cur {
		k := key{rc.Party, rc.Requirement}
		seen[k] = true
		o, ok := old[k]
		rc.Change = Unchanged
		switch {
		case !ok:
			rc.Change = Added
			added = append(added, rc.Party)
		case !sameBool(o.Addressed, rc.Addressed):
			rc.Change = Changed
			changed = append(changed, rc.Party)
		}
		in.Requirements = append(in.Requirements, rc)
	}
	for _, o := range oldList {
		if !seen[key{o.Party, o.Requirement}] {
			o.Change = Removed
			in.Requirements = append(in.Requirements, o)
			removed = append(removed, o.Party)
		}
	}
	for _, a := range added {
		if !slices.Contains(b.added, a) {
			b.added = append(b.added, a)
		}
	}
	in.Summary = status + " Since the previous review: " + changeList(added, changed, removed) + "."
}

func sameBool(a, b *bool) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

func (b *builder) nonconformities(in *Input) {
	r := b.in.Audit
	if r == nil {
		in.Summary = "No audit records were given."
		return
	}
	n := &Nonconformities{Items: []NonconformityLine{}}
	length := b.asOf.Sub(b.p.Since) + 1
	before := b.p.Since.AddDate(0, 0, -length)
	for _, f := range r.Findings {
		if !f.Result.IsNonconformity() || f.Date.After(b.asOf) {
			continue
		}
		if f.Result == audit.Major {
			n.Major++
		} else {
			n.Minor++
		}
		switch {
		case !f.Date.Before(b.p.Since):
			n.InPeriod++
		case !f.Date.Before(before):
			n.Before++
		}
		line := NonconformityLine{Finding: f.ID, Audit: f.Audit, Result: f.Result, Subject: f.Subject(), Date: f.Date, Statement: f.Statement}
		if i := slices.IndexFunc(r.Actions, func(a audit.CorrectiveAction) bool { return a.Finding == f.ID }); i >= 0 {
			a := r.Actions[i]
			line.Action, line.State, line.Owner, line.Due, line.Overdue = a.ID, a.StateAt(b.asOf), a.Owner, a.Due, a.IsOverdue(b.asOf)
		}
		n.Items = append(n.Items, line)
	}
	for _, a := range r.Actions {
		st := a.StateAt(b.asOf)
		if st == 0 {
			continue
		}
		n.Actions++
		switch {
		case st.Closed():
			n.Closed++
		case st == audit.Ineffective:
			n.Ineffective++
		}
		if a.IsOverdue(b.asOf) {
			n.Overdue++
		}
	}
	n.Trend = fewerIsBetter(n.InPeriod, n.Before)
	in.Nonconformities = n
	in.Summary = fmt.Sprintf("%d major and %s in the audit records; %d found since %s against %d in the period as long before it (%s). Corrective actions: %d, of which %d closed as effective, %d overdue and %d found ineffective.",
		n.Major, plural(n.Minor, "minor nonconformity", "minor nonconformities"),
		n.InPeriod, b.p.Since, n.Before, strings.ToLower(n.Trend.String()), n.Actions, n.Closed, n.Overdue, n.Ineffective)
}

func cap1(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func fewerIsBetter(now, before int) monitor.Trend {
	switch {
	case now < before:
		return monitor.Improving
	case now > before:
		return monitor.Worsening
	}
	return monitor.Stable
}

func (b *builder) measurements(in *Input) {
	in.Metrics = b.evals
	var parts []string
	if b.in.Monitoring == nil {
		parts = append(parts, "No measurement records were given.")
	} else {
		var met, warn, missed, none, up, down, overdue int
		for _, ev := range b.evals {
			switch ev.Status {
			case monitor.Met:
				met++
			case monitor.Warning:
				warn++
			case monitor.Missed:
				missed++
			default:
				none++
			}
			switch ev.Trend {
			case monitor.Improving:
				up++
			case monitor.Worsening:
				down++
			}
			if ev.Overdue {
				overdue++
			}
		}
		trend := counts(up, "improving", down, "worsening")
		if up+down == 0 {
			trend = "no trend yet"
		}
		parts = append(parts, fmt.Sprintf("%s: %s; %s; %s overdue.", cap1(plural(len(b.evals), "metric", "metrics")),
			counts(met, "met", warn, "in warning", missed, "missed", none, "without data"),
			trend, plural(overdue, "measurement", "measurements")))
	}
	var failing, stale int
	for i := range b.in.Checks {
		r := &b.in.Checks[i]
		line := CheckLine{Check: r.Check, Title: r.Title, Controls: r.Controls, AsOf: r.AsOf, Total: r.Total, Failed: r.Failed,
			Stale: r.Stale(b.asOf), Evidence: r.EvidenceID()}
		if line.Controls == nil {
			line.Controls = []iso27002.ControlID{}
		}
		if line.Failed > 0 {
			failing++
		}
		if line.Stale {
			stale++
		}
		in.Checks = append(in.Checks, line)
	}
	if len(b.in.Checks) > 0 {
		parts = append(parts, fmt.Sprintf("%s run: %s with failures, %s.", cap1(plural(len(b.in.Checks), "control check", "control checks")),
			strconv.Itoa(failing), plural(stale, "stale result", "stale results")))
	} else {
		parts = append(parts, "No control check results were given.")
	}
	in.Summary = strings.Join(parts, " ")
}

func (b *builder) audits(in *Input) {
	r := b.in.Audit
	if r == nil {
		in.Summary = "No audit records were given."
		return
	}
	held := slices.Clone(r.Programme.Audits)
	slices.SortStableFunc(held, func(x, y audit.Audit) int { return cmp.Or(x.Start.Compare(y.Start), strings.Compare(x.ID, y.ID)) })
	var inPeriod []string
	var totals [5]int
	for _, a := range held {
		if a.End.IsZero() || a.End.After(b.asOf) {
			continue
		}
		line := AuditLine{Audit: a.ID, Kind: a.Kind, Title: a.Title, Start: a.Start, End: a.End, InPeriod: !a.End.Before(b.p.Since)}
		for _, f := range r.Findings {
			if f.Audit != a.ID {
				continue
			}
			switch f.Result {
			case audit.Major:
				line.Major++
			case audit.Minor:
				line.Minor++
			case audit.Observation:
				line.Observations++
			case audit.Opportunity:
				line.Opportunities++
			case audit.Conforming:
				line.Conforming++
			}
		}
		if line.InPeriod {
			inPeriod = append(inPeriod, a.ID)
			totals[0] += line.Major
			totals[1] += line.Minor
			totals[2] += line.Observations
			totals[3] += line.Opportunities
		}
		in.Audits = append(in.Audits, line)
	}
	if len(in.Audits) == 0 {
		in.Summary = "No audit of the programme has ended yet."
		return
	}
	in.Summary = fmt.Sprintf("%s held in the programme, %s since %s (%s). Findings of the period: %s.",
		cap1(plural(len(in.Audits), "audit", "audits")), strconv.Itoa(len(inPeriod)), b.p.Since, strings.Join(inPeriod, ", "),
		counts(totals[0], "major", totals[1], "minor", totals[2], "observations", totals[3], "opportunities for improvement"))
	if len(inPeriod) == 0 {
		in.Summary = fmt.Sprintf("%s held in the programme, none since %s.", cap1(plural(len(in.Audits), "audit", "audits")), b.p.Since)
	}
}

func (b *builder) objectivesInput(in *Input) {
	objs := b.in.Records.Objectives
	if len(objs) == 0 {
		in.Summary = "No information security objective is recorded."
		return
	}
	b.objectives = monitor.EvaluateObjectives(objs, b.evals, b.asOf)
	in.Objectives = b.objectives
	var on, risk, missed, none int
	for _, o := range b.objectives {
		switch o.Status {
		case monitor.OnTrack:
			on++
		case monitor.AtRisk:
			risk++
		case monitor.OffTarget:
			missed++
		default:
			none++
		}
	}
	in.Summary = fmt.Sprintf("%s: %s.", cap1(plural(len(objs), "objective", "objectives")),
		counts(on, "on track", risk, "at risk", missed, "missed", none, "not measured"))
}

func (b *builder) feedback(in *Input) {
	inPeriod := 0
	for _, f := range b.in.Feedback {
		if f.Date.After(b.asOf) {
			continue
		}
		in.Feedback = append(in.Feedback, f)
		if !f.Date.Before(b.p.Since) {
			inPeriod++
		}
	}
	slices.SortStableFunc(in.Feedback, func(x, y Feedback) int { return x.Date.Compare(y.Date) })
	if len(in.Feedback) == 0 {
		in.Summary = "No feedback from interested parties was recorded."
		return
	}
	var from []string
	for _, f := range in.Feedback {
		if !slices.Contains(from, f.From) {
			from = append(from, f.From)
		}
	}
	in.Summary = fmt.Sprintf("%s, %s since %s, from %s.", cap1(plural(len(in.Feedback), "item of feedback", "items of feedback")),
		strconv.Itoa(inPeriod), b.p.Since, strings.Join(from, ", "))
}

func (b *builder) risks(in *Input) {
	reg := b.in.Register
	if reg == nil {
		in.Summary = "No risk register was given."
		return
	}
	rk := &Risks{Total: len(reg.Risks), Levels: []LevelCount{}, AboveCriteria: []RiskLine{}, NeedingAcceptance: len(b.gaps), Overdue: []PlanAction{}}
	byLevel := map[string]int{}
	byID := map[string]*risk.Risk{}
	for i := range reg.Risks {
		byID[reg.Risks[i].ID] = &reg.Risks[i]
	}
	needs := map[string]bool{}
	for _, g := range b.gaps {
		needs[g.RiskID] = true
	}
	for _, a := range b.assessments {
		byLevel[a.Residual.Level]++
		if a.AboveCriteria() {
			r := byID[a.RiskID]
			rk.AboveCriteria = append(rk.AboveCriteria, RiskLine{Risk: a.RiskID, Title: r.Title, Owner: r.Owner,
				Level: a.Residual.Level, Limit: a.Limit, Accepted: !needs[a.RiskID]})
		}
	}
	lv := reg.Criteria.RiskLevels
	for i := len(lv) - 1; i >= 0; i-- {
		rk.Levels = append(rk.Levels, LevelCount{Level: lv[i].ID, Label: lv[i].Label, Count: byLevel[lv[i].ID]})
	}
	for _, r := range reg.Risks {
		for _, a := range r.Treatment.Plan {
			rk.Actions++
			switch a.Status {
			case risk.ActionDone:
				rk.Done++
			case risk.ActionInProgress:
				rk.InProgress++
			case risk.ActionPlanned:
				rk.Planned++
			case risk.ActionCancelled:
				rk.Cancelled++
			}
			if a.IsOverdue(b.asOf) {
				rk.Overdue = append(rk.Overdue, PlanAction{Risk: r.ID, Action: a.ID, Title: a.Title, Owner: a.Owner, Due: a.Due, Status: a.Status})
			}
		}
	}
	in.Risks = rk
	var levels []string
	for _, c := range rk.Levels {
		if c.Count > 0 {
			levels = append(levels, strconv.Itoa(c.Count)+" "+c.Label)
		}
	}
	in.Summary = fmt.Sprintf("%s assessed; residual levels: %s. %s above the acceptance criteria, %s without a valid acceptance. Treatment plan: %s of %s done, %s in progress, %s overdue.",
		cap1(plural(rk.Total, "risk", "risks")), strings.Join(levels, ", "), plural(len(rk.AboveCriteria), "risk is", "risks are"),
		strconv.Itoa(rk.NeedingAcceptance), strconv.Itoa(rk.Done), plural(rk.Actions, "action", "actions"),
		strconv.Itoa(rk.InProgress), strconv.Itoa(len(rk.Overdue)))
}

func (b *builder) opportunities(in *Input) {
	if b.in.Improvements == nil {
		in.Summary = "No improvement register was given."
		return
	}
	in.Opportunities = b.in.Improvements.Open()
	if len(in.Opportunities) == 0 {
		in.Summary = "The improvement register has no open item."
		return
	}
	bySource := map[Source]int{}
	overdue := 0
	for _, it := range in.Opportunities {
		bySource[it.Source]++
		if it.IsOverdue(b.asOf) {
			overdue++
		}
	}
	in.Summary = fmt.Sprintf("%s in the improvement register: %s; %s overdue.", cap1(plural(len(in.Opportunities), "open item", "open items")),
		counts(bySource[FromReview], "from reviews", bySource[FromAudit], "from audits", bySource[FromMetric], "from missed metrics",
			bySource[FromCheck], "from failing checks", bySource[FromOther], "from other sources"), strconv.Itoa(overdue))
}

// propose lists the decisions the data suggests.
func (b *builder) propose() {
	p := b.p
	item := func(key byte) []iso27001.ItemID {
		for _, s := range sectionsOf(b.in.Records.Edition) {
			if s.key == key {
				return []iso27001.ItemID{s.item}
			}
		}
		return nil
	}
	add := func(d Decision) {
		d.ID = "P-" + strconv.Itoa(len(p.Proposals)+1)
		p.Proposals = append(p.Proposals, d)
	}
	if b.in.Improvements != nil {
		for _, it := range b.in.Improvements.Items {
			if it.Status != Open {
				continue
			}
			add(Decision{Kind: KindImprovement, Decision: "Take up " + it.ID + ": " + it.Title, Owner: it.Owner, Due: it.Due,
				Improvement: it.ID, Inputs: item('g'), Controls: slices.Clone(it.Controls)})
		}
	}
	for _, o := range b.objectives {
		if o.Status == monitor.OffTarget {
			add(Decision{Kind: KindChange, Decision: "Revise objective " + o.Objective + " (" + o.Description + "), its plan or its resources", Owner: o.Owner,
				Inputs: item('4')})
		}
	}
	for _, id := range b.added {
		add(Decision{Kind: KindChange, Decision: "Assess how the change in " + id + " affects the scope, the risks and the controls",
			Inputs: append(item('b'), item('c')...)})
	}
	for _, g := range b.gaps {
		add(Decision{Kind: KindChange, Decision: "Treat risk " + g.RiskID + " further or have its owner accept it (residual " + g.Residual.Level + ", limit " + g.Limit + ")",
			Owner: g.Owner, Inputs: item('f')})
	}
}

// Input returns the input of the item ("9.3.2.d.2"), or nil.
func (p *Pack) Input(item string) *Input {
	if p == nil {
		return nil
	}
	for i := range p.Inputs {
		if p.Inputs[i].Item.String() == item {
			return &p.Inputs[i]
		}
	}
	return nil
}

// EncodePack returns the JSON form of p, indented by two spaces and
// ending in a newline; DecodePack reads it back. A nil p encodes as the
// zero Pack.
func EncodePack(p *Pack) ([]byte, error) {
	if p == nil {
		p = &Pack{}
	}
	return codec.Encode((*packJSON)(p))
}

// WritePack writes the JSON form of p to w, as EncodePack returns it.
func WritePack(w io.Writer, p *Pack) error {
	if p == nil {
		p = &Pack{}
	}
	return codec.Write(w, (*packJSON)(p))
}

// DecodePack decodes a pack strictly, as the other decoders of ismskit
// do; opts set the limits.
func DecodePack(data []byte, opts ...ismskit.DecodeOption) (*Pack, error) {
	p, err := codec.Decode[packJSON](data, opts)
	if err != nil {
		return nil, err
	}
	out := Pack(p)
	return &out, nil
}

// ReadPack reads a pack from r, never past the byte limit, and decodes
// it as DecodePack does.
func ReadPack(r io.Reader, opts ...ismskit.DecodeOption) (*Pack, error) {
	return codec.Read(r, opts, DecodePack)
}

// packJSON is Pack without its methods.
type packJSON Pack

// UnmarshalJSON decodes a pack strictly, as DecodePack does with the
// default limits.
func (p *Pack) UnmarshalJSON(data []byte) error {
	return codec.Unmarshal(data, (*packJSON)(p))
}

var _ json.Unmarshaler = (*Pack)(nil)
