package pdf

import (
	"fmt"
	"io"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/htmldoc"
	"github.com/ismskit/ismskit/internal/pdfdoc"
	"github.com/ismskit/ismskit/soa"
)

// Encode returns d as a PDF document. The only error is a Letterhead that
// does not validate (paths under "letterhead").
func Encode(d soa.Document) ([]byte, error) {
	h := d.SoA.Header
	return pdfdoc.Render(htmldoc.Head{Title: "Statement of Applicability", Subtitle: "ISO/IEC 27001:2022 clause 6.1.3 d",
		Organization: h.Organization, Version: h.Version, Date: h.Date, Letterhead: d.Letterhead}, func(doc *pdfdoc.Doc) { build(doc, d) })
}

func build(doc *pdfdoc.Doc, d soa.Document) {
	h := d.SoA.Header
	day := d.Day()

	doc.H2("Document")
	doc.Fields(d.Fields())

	doc.H2("Summary")
	sum := d.SoA.Summary()
	overdue := 0
	for _, e := range d.SoA.Entries {
		if e.IsOverdue(day) {
			overdue++
		}
	}
	t := sum.Total
	kpis := [][2]string{{fmt.Sprint(t.Entries), "controls"}, {fmt.Sprint(t.Included), "applicable"}, {fmt.Sprint(t.Excluded), "excluded"}}
	if t.Undecided > 0 {
		kpis = append(kpis, [2]string{fmt.Sprint(t.Undecided), "undecided"})
	}
	kpis = append(kpis, [2]string{fmt.Sprint(t.Implemented), "implemented"}, [2]string{fmt.Sprint(t.PartiallyImplemented), "partially implemented"},
		[2]string{fmt.Sprint(t.Planned + t.NotStarted), "planned or not started"}, [2]string{fmt.Sprint(overdue), "past their target date"})
	doc.KPIs(kpis)
	cols := []pdfdoc.Column{{Title: "Theme", Width: 60}}
	for _, h := range []string{"Controls", "Included", "Excluded", "Undecided"} {
		cols = append(cols, pdfdoc.Column{Title: h, Width: 20, Right: true})
	}
	for _, st := range soa.Statuses() {
		cols = append(cols, pdfdoc.Column{Title: st.String(), Width: 22.5, Right: true})
	}
	var rows []pdfdoc.Row
	count := func(name string, c soa.Count, bold bool) {
		r := pdfdoc.Row{Cells: []pdfdoc.Cell{{Lines: []string{name}, Bold: true}}}
		for _, n := range []int{c.Entries, c.Included, c.Excluded, c.Undecided} {
			r.Cells = append(r.Cells, pdfdoc.Cell{Lines: []string{fmt.Sprint(n)}, Bold: bold})
		}
		for _, st := range soa.Statuses() {
			r.Cells = append(r.Cells, pdfdoc.Cell{Lines: []string{fmt.Sprint(c.ByStatus(st))}, Bold: bold})
		}
		rows = append(rows, r)
	}
	for _, c := range sum.Themes {
		count(soa.ThemeTitle(c.Theme), c, false)
	}
	count("Total", t, true)
	doc.Table(cols, rows)
	if !day.IsZero() {
		doc.Note("Status as of " + day.String() + "; a target date marked overdue has passed before the control was implemented.")
	}

	doc.H2("Controls")
	w := pdfdoc.Width()
	cols = []pdfdoc.Column{{Title: "Control", Width: w * .16}, {Title: "Applies", Width: w * .06}, {Title: "Reasons, or justification of the exclusion", Width: w * .18},
		{Title: "Status", Width: w * .09}, {Title: "Implementation", Width: w * .28}, {Title: "Owner", Width: w * .10}, {Title: "Evidence", Width: w * .13}}
	rows = nil
	for _, c := range sum.Themes {
		head := fmt.Sprintf("%s: %d controls, %d applicable", soa.ThemeTitle(c.Theme), c.Entries, c.Included)
		if c.Excluded > 0 {
			head += fmt.Sprintf(", %d excluded", c.Excluded)
		}
		rows = append(rows, pdfdoc.Row{Section: head})
		for _, e := range d.SoA.Entries {
			if e.Theme == c.Theme {
				rows = append(rows, entryRow(e, day))
			}
		}
	}
	doc.Table(cols, rows)

	doc.H2("Version history")
	var hist []pdfdoc.Row
	for i, c := range d.History {
		if i == 0 && (c.FromVersion != "" || !c.FromDate.IsZero()) {
			hist = append(hist, pdfdoc.Row{Cells: []pdfdoc.Cell{pdfdoc.Text(c.FromVersion), pdfdoc.Text(c.FromDate.String()), pdfdoc.Text("Earlier version.")}})
		}
		hist = append(hist, pdfdoc.Row{Cells: []pdfdoc.Cell{pdfdoc.Text(c.ToVersion), pdfdoc.Text(c.ToDate.String()), pdfdoc.Text(c.Description())}})
	}
	if len(hist) == 0 {
		doc.Para("No earlier version is recorded.")
	} else {
		doc.Table([]pdfdoc.Column{{Title: "Version", Width: 30}, {Title: "Date", Width: 30}, {Title: "Changes", Width: w - 60}}, hist)
	}

	doc.H2("Approval")
	doc.SignOff([][3]string{{"Prepared by", h.PreparedBy, h.Date.String()}, {"Approved by", h.ApprovedBy, h.ApprovedAt.String()}})
}

// Write writes d to w as a PDF document, as Encode returns it. A nil w is
// an error wrapping ismskit.ErrMissing.
func Write(w io.Writer, d soa.Document) error {
	return pdfdoc.Write(w, func() ([]byte, error) { return Encode(d) })
}

// statusColours are the background and ink of each status.
var statusColours = map[soa.Status][2]pdfdoc.Colour{
	soa.Implemented:          {pdfdoc.OK, pdfdoc.OKInk},
	soa.PartiallyImplemented: {pdfdoc.Part, pdfdoc.PartInk},
	soa.Planned:              {pdfdoc.Plan, pdfdoc.PlanInk},
	soa.NotStarted:           {pdfdoc.Todo, pdfdoc.TodoInk},
	soa.NotApplicable:        {pdfdoc.NA, pdfdoc.NAInk},
}

func entryRow(e soa.Entry, day ismskit.Date) pdfdoc.Row {
	var why []string
	applies := "Undecided"
	switch e.Applicability {
	case soa.Included:
		applies = "Yes"
	case soa.Excluded:
		applies = "No"
	}
	if e.Applicability == soa.Excluded {
		if e.Justification != "" {
			why = []string{e.Justification}
		}
	} else {
		for _, r := range e.Reasons {
			why = append(why, r.String())
		}
	}
	status := e.Status.String()
	colours, ok := statusColours[e.Status]
	switch {
	case e.Applicability == soa.Undecided && e.Status == 0:
		status, colours = "Undecided", [2]pdfdoc.Colour{pdfdoc.Todo, pdfdoc.TodoInk}
	case !ok:
		status, colours = "No status", [2]pdfdoc.Colour{pdfdoc.NA, pdfdoc.NAInk}
	}
	st := []string{status}
	if !e.TargetDate.IsZero() {
		st = append(st, "by "+e.TargetDate.String())
	}
	if e.IsOverdue(day) {
		st = append(st, "OVERDUE")
		colours = [2]pdfdoc.Colour{pdfdoc.Todo, pdfdoc.TodoInk}
	}
	var impl []string
	if e.Implementation != "" {
		impl = append(impl, e.Implementation)
	}
	switch e.Responsibility {
	case soa.Inherited:
		impl = append(impl, "Inherited from "+e.Provider+".")
	case soa.Shared:
		impl = append(impl, "Shared with "+e.Provider+".")
	}
	for _, n := range e.Notes {
		impl = append(impl, "Note: "+n)
	}
	fill, ink := colours[0], colours[1]
	return pdfdoc.Row{Muted: e.Applicability == soa.Excluded, Cells: []pdfdoc.Cell{
		{Lines: []string{e.Control.String() + " " + e.Title}},
		pdfdoc.Text(applies),
		{Lines: why},
		{Lines: st, Bold: true, Fill: &fill, Ink: &ink},
		{Lines: impl},
		pdfdoc.Text(e.Owner),
		{Lines: []string{strings.Join(e.Evidence, "\n")}},
	}}
}
