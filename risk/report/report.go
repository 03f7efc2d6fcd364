package report

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/risk"
)

// Document is a risk report as the document people hand over (to top
// management, a certification auditor, the risk owners): the register
// assessed with its criteria (ISO/IEC 27001:2022 clause 6.1.2, documented
// under 8.2) and the treatment plan (6.1.3 e, documented under 8.3), as
// of a day the caller gives. HTML and Markdown render it here, package
// risk/report/xlsx as a workbook; all show the parts of Content.
//
// A Document is a plain value; its methods do not modify it and are safe
// for concurrent use. The zero value does not render: it has no criteria
// and no date (see Content).
type Document struct {
	// The risk register with its criteria. Required: its criteria must
	// validate and every risk must be rated on their scales.
	Register risk.Register `json:"register"`
	// The organisation named in the title block; empty means the
	// register's Name.
	Organisation string `json:"organisation,omitempty"`
	// The version of the report ("2026.4").
	Version string `json:"version,omitempty"`
	// The day the report holds on: actions due before it and not done
	// are overdue, and acceptances and approvals are read as of it.
	// Required: nothing here reads the clock.
	AsOf ismskit.Date `json:"asOf"`
	// The catalog the controls' titles are looked up in; nil means ISO/IEC
	// 27002:2022. Controls it does not hold are shown by their IDs. Not
	// encoded in JSON.
	Catalog *iso27002.Catalog `json:"-"`
	// The classification marking, logo and colour.
	Letterhead ismskit.Letterhead `json:"letterhead,omitzero"`
}

// Content is a Document worked out: what every rendering of it shows, in
// the order they show it. Document.Content computes it; a program of its
// own may render it differently. The zero value is an empty report.
type Content struct {
	// The organisation, version and day of the report.
	Organisation string       `json:"organisation,omitempty"`
	Version      string       `json:"version,omitempty"`
	AsOf         ismskit.Date `json:"asOf"`
	// The criteria the risks are rated with.
	Criteria risk.Criteria `json:"criteria"`
	// The counts the summary shows.
	Summary Summary `json:"summary"`
	// The risks in priority order of their residual rating (risk.Rank).
	Risks []Risk `json:"risks"`
	// Every action of the treatment plan: the actions of every risk's
	// plan and, for each planned control that no action implements, a
	// line saying so (NoAction). Ordered by due date, undated last, then
	// by risk and action as the register holds them.
	Plan []Action `json:"plan"`
	// The heat map of the three stages.
	HeatMap risk.HeatMap `json:"heatMap"`
}

// Rated is a rating with the words and colour of its level.
type Rated struct {
	risk.Rating
	// The level's label ("High").
	Label string `json:"label"`
	// The level's colour, "#rrggbb".
	Colour string `json:"colour"`
}

// String returns the level and the cell, as "High (L3 I4)".
func (r Rated) String() string {
	return r.Label + " (L" + strconv.Itoa(r.Likelihood) + " I" + strconv.Itoa(r.Impact) + ")"
}

// TextColour returns the colour of text on the level's colour: black or
// white, whichever contrasts more (risk.TextColour).
func (r Rated) TextColour() string { return risk.TextColour(r.Colour) }

// Risk is one risk of the register as the report shows it.
type Risk struct {
	// Position in the ranking by residual risk, from 1 (risk.Ranked).
	Position int `json:"position"`
	// The risk's ID, title, owner and business unit.
	ID           string `json:"id"`
	Title        string `json:"title"`
	Owner        string `json:"owner"`
	BusinessUnit string `json:"businessUnit,omitempty"`
	// The ratings before any control, with the implemented controls, and
	// after the planned treatment.
	Inherent Rated `json:"inherent"`
	Current  Rated `json:"current"`
	Residual Rated `json:"residual"`
	// The highest level acceptable for the risk, by its label.
	Limit string `json:"limit"`
	// Whether the residual level is above Limit, so that the owner must
	// accept it (6.1.3 f).
	AboveLimit bool `json:"aboveLimit"`
	// The treatment option, and the party the risk is shared with.
	Option     risk.TreatmentOption `json:"option,omitempty"`
	SharedWith string               `json:"sharedWith,omitempty"`
	// Whether the owner has approved the treatment plan as of the day.
	PlanApproved bool `json:"planApproved"`
	// The owner's acceptance of the residual risk as of the day
	// (risk.AcceptanceOf).
	Acceptance risk.AcceptanceStatus `json:"acceptance"`
	// The lines of the plan for the risk, and how many are overdue.
	Actions int `json:"actions"`
	Overdue int `json:"overdue"`
}

// AcceptanceText returns the acceptance in words: "Not needed" for a
// residual risk within its limit, otherwise the status ("Valid", "None",
// "Stale"...).
func (r Risk) AcceptanceText() string {
	if !r.AboveLimit {
		return "Not needed"
	}
	return r.Acceptance.String()
}

// ApprovalText returns "Approved" or "Not approved".
func (r Risk) ApprovalText() string {
	if r.PlanApproved {
		return "Approved"
	}
	return "Not approved"
}

// Action is one line of the treatment plan: an action of a risk's plan,
// or a planned control of the risk that no action implements.
type Action struct {
	// The risk, by ID and title.
	RiskID    string `json:"riskId"`
	RiskTitle string `json:"riskTitle"`
	// The action's ID and title; empty when NoAction.
	ID    string `json:"id,omitempty"`
	Title string `json:"title,omitempty"`
	// Who is responsible: the action's owner, or the risk owner when
	// NoAction.
	Owner string `json:"owner"`
	// The due date; zero when none is set.
	Due ismskit.Date `json:"due,omitzero"`
	// The action's progress; empty when NoAction.
	Status risk.ActionStatus `json:"status,omitempty"`
	// The controls the action implements.
	Controls []Control `json:"controls,omitempty"`
	// NoAction marks a planned control (risk.AppliedControl with status
	// planned) that no action of the plan implements: the plan has a gap
	// there, with no owner of its own and no date.
	NoAction bool `json:"noAction,omitempty"`
	// Overdue: due before the report's day and neither done nor
	// cancelled; DaysOverdue says by how many days.
	Overdue     bool `json:"overdue,omitempty"`
	DaysOverdue int  `json:"daysOverdue,omitempty"`
}

// StatusText returns the progress in words: the status's label, or "No
// action yet" for a planned control without an action.
func (a Action) StatusText() string {
	if a.NoAction {
		return "No action yet"
	}
	return a.Status.String()
}

// Control is a control by its ID and, where the catalog holds it, its
// title.
type Control struct {
	ID    iso27002.ControlID `json:"id"`
	Title string             `json:"title,omitempty"`
}

// String returns "8.7 Protection against malware", or the ID alone.
func (c Control) String() string {
	if c.Title == "" {
		return c.ID.String()
	}
	return c.ID.String() + " " + c.Title
}

// Summary is the counts of the report's summary.
type Summary struct {
	// Risks in the register.
	Risks int `json:"risks"`
	// The number of risks at each level and stage, the highest level
	// first.
	Levels []LevelCount `json:"levels"`
	// Risks whose residual level is above their limit, and those of them
	// without a valid acceptance by their owner.
	AboveLimit int `json:"aboveLimit"`
	Unaccepted int `json:"unaccepted"`
	// Risks whose treatment plan their owner has approved.
	PlansApproved int `json:"plansApproved"`
	// Lines of the plan; those open (not done nor cancelled, NoAction
	// lines included), overdue, and open without a due date.
	Actions int `json:"actions"`
	Open    int `json:"open"`
	Overdue int `json:"overdue"`
	NoDue   int `json:"noDue"`
}

// LevelCount is the number of risks at one level at each stage.
type LevelCount struct {
	// The level.
	Level risk.Level `json:"level"`
	// The counts.
	Inherent int `json:"inherent"`
	Current  int `json:"current"`
	Residual int `json:"residual"`
}

// Content works the document out: it assesses the register
// (risk.AssessRegister), ranks the risks by residual rating, reads each
// owner's approval and acceptance as of AsOf, lists the plan with its
// overdue lines and draws the heat map. A zero AsOf is an error wrapping
// ismskit.ErrMissing at "asOf"; criteria that do not validate and risks
// that cannot be rated are the errors of risk.AssessRegister under
// "register". All problems are joined.
func (d Document) Content() (Content, error) {
	var l fielderr.List
	if d.AsOf.IsZero() {
		l.Add("asOf", fielderr.Errorf(ismskit.ErrMissing, "no day for the report: nothing reads the clock"))
	}
	reg := d.Register
	as, err := risk.AssessRegister(reg)
	if err != nil {
		l.Add("register", err)
	}
	if err := l.Err(); err != nil {
		return Content{}, err
	}
	crit := reg.Criteria
	hm, err := risk.NewHeatMap(crit, as)
	if err != nil {
		return Content{}, fielderr.At("register", err)
	}
	org := d.Organisation
	if org == "" {
		org = reg.Name
	}
	c := Content{Organisation: org, Version: d.Version, AsOf: d.AsOf, Criteria: crit, HeatMap: hm}
	rated := func(r risk.Rating) Rated {
		lv := levelOf(crit, r.Level)
		return Rated{Rating: r, Label: lv.Label, Colour: lv.Colour}
	}
	byID := make(map[string]*risk.Risk, len(reg.Risks))
	for i := range reg.Risks {
		byID[reg.Risks[i].ID] = &reg.Risks[i]
	}
	cat := d.Catalog
	if cat == nil {
		cat = iso27002.Catalog2022()
	}
	control := func(id iso27002.ControlID) Control {
		ctl, _ := cat.Lookup(id)
		return Control{ID: id, Title: ctl.Title}
	}

	s := &c.Summary
	s.Risks = len(as)
	// the plan, in register order first
	for i := range reg.Risks {
		r := &reg.Risks[i]
		covered := map[iso27002.ControlID]bool{}
		for _, a := range r.Treatment.Plan {
			line := Action{RiskID: r.ID, RiskTitle: r.Title, ID: a.ID, Title: a.Title, Owner: a.Owner, Due: a.Due, Status: a.Status}
			for _, id := range a.Controls {
				line.Controls = append(line.Controls, control(id))
				if a.Status != risk.ActionCancelled {
					covered[id] = true
				}
			}
			if a.IsOverdue(d.AsOf) {
				line.Overdue, line.DaysOverdue = true, d.AsOf.Sub(a.Due)
			}
			c.Plan = append(c.Plan, line)
		}
		for _, ac := range r.Controls {
			if ac.Status != risk.Planned || covered[ac.Control] {
				continue
			}
			covered[ac.Control] = true
			c.Plan = append(c.Plan, Action{RiskID: r.ID, RiskTitle: r.Title, Owner: r.Owner, NoAction: true,
				Controls: []Control{control(ac.Control)}})
		}
	}
	perRisk := map[string][2]int{}
	for _, a := range c.Plan {
		n := perRisk[a.RiskID]
		n[0]++
		s.Actions++
		if a.NoAction || (risk.Action{Status: a.Status}).IsOpen() {
			s.Open++
			if a.Due.IsZero() {
				s.NoDue++
			}
		}
		if a.Overdue {
			n[1]++
			s.Overdue++
		}
		perRisk[a.RiskID] = n
	}
	slices.SortStableFunc(c.Plan, func(x, y Action) int {
		switch {
		case x.Due.IsZero() && y.Due.IsZero():
			return 0
		case x.Due.IsZero():
			return 1
		case y.Due.IsZero():
			return -1
		}
		return x.Due.Compare(y.Due)
	})

	for _, rk := range risk.Rank(as, risk.Residual) {
		r := byID[rk.RiskID]
		st, _ := risk.AcceptanceOf(*r, rk.Assessment, d.AsOf)
		row := Risk{Position: rk.Position, ID: r.ID, Title: r.Title, Owner: r.Owner, BusinessUnit: r.BusinessUnit,
			Inherent: rated(rk.Inherent), Current: rated(rk.Current), Residual: rated(rk.Residual),
			Limit: levelOf(crit, rk.Limit).Label, AboveLimit: rk.AboveCriteria(),
			Option: r.Treatment.Option, SharedWith: r.Treatment.SharedWith,
			PlanApproved: risk.PlanApproved(*r, d.AsOf), Acceptance: st,
			Actions: perRisk[r.ID][0], Overdue: perRisk[r.ID][1]}
		if row.AboveLimit {
			s.AboveLimit++
			if st != risk.AcceptanceValid {
				s.Unaccepted++
			}
		}
		if row.PlanApproved {
			s.PlansApproved++
		}
		c.Risks = append(c.Risks, row)
	}
	for i := len(crit.RiskLevels) - 1; i >= 0; i-- {
		lc := LevelCount{Level: crit.RiskLevels[i]}
		for _, a := range as {
			lc.Inherent += b2i(a.Inherent.Rank == i)
			lc.Current += b2i(a.Current.Rank == i)
			lc.Residual += b2i(a.Residual.Rank == i)
		}
		s.Levels = append(s.Levels, lc)
	}
	return c, nil
}

// levelOf returns the risk level of the criteria with the given ID, its
// label the ID itself where the level has none or the criteria do not
// hold it (risk.Criteria.Level).
func levelOf(c risk.Criteria, id string) risk.Level {
	lv, _ := c.Level(id)
	lv.Label = cmp.Or(lv.Label, id)
	return lv
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Title returns the title of the report, "Risk assessment and treatment
// report".
func (Content) Title() string { return "Risk assessment and treatment report" }

// Subtitle returns the line under the title: the clauses and the
// criteria, as "ISO/IEC 27001:2022 clauses 6.1.2 and 6.1.3, criteria
// nimbus-5x5@2026.1".
func (c Content) Subtitle() string {
	s := "ISO/IEC 27001:2022 clauses 6.1.2 and 6.1.3"
	if c.Criteria.ID != "" {
		s += ", criteria " + c.Criteria.Ref().String()
	}
	return s
}
