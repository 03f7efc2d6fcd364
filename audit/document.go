package audit

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/htmldoc"
	"github.com/ismskit/ismskit/iso27001"
)

// ReportDocument is the audit report as the document people hand over
// (9.2.2 f: the results reported to management): the Report, and what its
// reader needs that the audit records do not hold. Its HTML and Markdown
// methods, and package audit/pdf, render it with these parts:
//
//   - the title block: organisation, version, date and classification
//     marking (Letterhead), in the look of every ismskit document;
//   - an executive summary in sentences, with the key figures and a chart
//     of the results;
//   - the audit's objectives, criteria, scope and method; the auditees
//     and the auditors, with the lead auditor of each audit;
//   - the findings other than conforming, most severe first, each with
//     its evidence and its corrective action's own text;
//   - the corrective actions as of the report's date;
//   - the readiness scores and the verdict, its reasons as sentences;
//   - the distribution list and the sign-off.
//
// Empty texts get defaults written for ismskit's checklist method (see
// WithDefaults). The zero value is an empty report; rendering it never
// fails.
type ReportDocument struct {
	// The report, from NewReport or Evaluate.
	Report Report `json:"report"`
	// Version of the report ("1.0"); empty for an unversioned draft.
	Version string `json:"version,omitempty"`
	// What the audits set out to establish. Empty: DefaultObjectives.
	Objectives string `json:"objectives,omitempty"`
	// What the audits compared the ISMS with. Empty: the standard, the
	// applicable controls and the organisation's own policies.
	Criteria string `json:"criteria,omitempty"`
	// How the audits were done. Empty: DefaultMethod.
	Method string `json:"method,omitempty"`
	// The people or functions audited (interviewed, observed).
	Auditees []string `json:"auditees,omitempty"`
	// Who receives the report.
	Distribution []string `json:"distribution,omitempty"`
	// Who wrote the report. Empty: the lead auditor of the latest audit.
	PreparedBy string `json:"preparedBy,omitempty"`
	// Who approved it, and when; empty for a draft.
	ApprovedBy string       `json:"approvedBy,omitempty"`
	ApprovedAt ismskit.Date `json:"approvedAt,omitzero"`
	// The classification marking, logo and colour.
	Letterhead ismskit.Letterhead `json:"letterhead,omitzero"`
}

// The texts an empty ReportDocument field stands for, in ismskit's own
// words.
const (
	// DefaultObjectives are the objectives of an internal audit
	// programme under clause 9.2.
	DefaultObjectives = "To establish whether the information security management system conforms to the " +
		"organisation's own requirements and to the requirements of the standard, whether it is effectively " +
		"implemented and maintained (clause 9.2.1), and whether it is ready for its certification audit."
	// DefaultMethod is the checklist method of this package.
	DefaultMethod = "Each audit worked through a checklist made from its scope: one line for each requirement " +
		"item of the clauses in scope and for each applicable control, with what to check and the evidence to " +
		"look for. The auditors interviewed the people responsible, read documents and records and sampled " +
		"evidence, and gave every line one result: conforming, observation, opportunity for improvement, minor " +
		"or major nonconformity, or not audited. Evidence examined is recorded with the SHA-256 digest of its " +
		"content where the content was at hand, so that it can be shown later to be unchanged."
)

// WithDefaults returns a copy of d whose empty Objectives, Criteria,
// Method and PreparedBy are filled: DefaultObjectives, criteria naming the
// report's standard, DefaultMethod, and the lead auditor (or first
// auditor) of the latest audit. The copy shares no memory with d.
func (d ReportDocument) WithDefaults() ReportDocument {
	out := d
	out.Auditees = slices.Clone(d.Auditees)
	out.Distribution = slices.Clone(d.Distribution)
	if strings.TrimSpace(out.Objectives) == "" {
		out.Objectives = DefaultObjectives
	}
	if strings.TrimSpace(out.Criteria) == "" {
		std := d.Report.Standard
		if std == "" {
			std = "ISO/IEC 27001"
		}
		out.Criteria = std + ": the requirements of clauses 4 to 10; the controls that the Statement of " +
			"Applicability makes applicable; the organisation's own policies, procedures and objectives."
	}
	if strings.TrimSpace(out.Method) == "" {
		out.Method = DefaultMethod
	}
	if out.PreparedBy == "" {
		for i := len(d.Report.Scope.Audits) - 1; i >= 0 && out.PreparedBy == ""; i-- {
			a := d.Report.Scope.Audits[i]
			switch {
			case a.Lead != "":
				out.PreparedBy = a.Lead
			case len(a.Auditors) > 0:
				out.PreparedBy = a.Auditors[0]
			}
		}
	}
	return out
}

// Sentence returns the reason's Detail as a sentence: a capital first
// letter and a full stop. The kind is not repeated: Detail names it.
func (r Reason) Sentence() string { return sentence(r.Detail) }

func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	c, n := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(c)) + s[n:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

// Verdict returns the verdict in words: "Ready for certification." or
// "Not ready for certification: 2 matters to resolve first."
func (rd *Readiness) Verdict() string {
	if rd == nil {
		rd = &Readiness{}
	}
	switch {
	case rd.Ready:
		return "Ready for certification."
	case len(rd.Reasons) == 0:
		return "Not ready for certification."
	}
	return fmt.Sprintf("Not ready for certification: %d %s to resolve first.", len(rd.Reasons), plural(len(rd.Reasons), "matter", "matters"))
}

// chartTitle is the title of the results chart.
func (c counts) chartTitle() string {
	return fmt.Sprintf("Findings by result (besides %d conforming %s)", c.conforming, plural(c.conforming, "result", "results"))
}

// counts are the figures of a report that its summary reads.
type counts struct {
	audits, internal, results, findings, conforming, notAudited, majors int
	open                                                                int // corrective actions not yet effective
}

func (r *Report) counts() counts {
	var c counts
	c.audits = len(r.Scope.Audits)
	for _, a := range r.Scope.Audits {
		if a.Kind == Internal {
			c.internal++
		}
	}
	for _, rc := range r.Summary.ByResult {
		c.results += rc.Count
		switch rc.Result {
		case Conforming:
			c.conforming += rc.Count
		case NotAudited:
			c.notAudited += rc.Count
		default:
			c.findings += rc.Count
		}
		if rc.Result == Major {
			c.majors = rc.Count
		}
	}
	c.open = r.Summary.Actions - r.Summary.Closed
	return c
}

// ExecutiveSummary returns the summary of the report in sentences, one
// paragraph a string: what was audited, what was found, where the
// corrective actions stand, and the verdict with the overall score.
// Conforming results are not counted as findings.
func (d ReportDocument) ExecutiveSummary() []string {
	r := &d.Report
	c := r.counts()
	org := r.Organization
	if org == "" {
		org = "the organisation"
	}
	std := r.Standard
	if std == "" {
		std = "ISO/IEC 27001"
	}
	day := "an unstated date"
	if !r.AsOf.IsZero() {
		day = r.AsOf.String()
	}
	var out []string
	if c.audits == 0 {
		out = append(out, fmt.Sprintf("No audit of the programme has taken place yet; this report shows the state of the ISMS of %s as of %s.", org, day))
	} else {
		first, last := r.Scope.Audits[0].Start, r.Scope.Audits[0].End
		for _, a := range r.Scope.Audits {
			if a.End.After(last) {
				last = a.End
			}
		}
		out = append(out, fmt.Sprintf("%d %s of the programme (%d internal) examined the information security management system of %s against %s between %s and %s.",
			c.audits, plural(c.audits, "audit", "audits"), c.internal, org, std, first, last))
	}
	var parts []string
	for _, rc := range r.Summary.ByResult {
		if rc.Count == 0 || rc.Result == Conforming || rc.Result == NotAudited {
			continue
		}
		parts = append(parts, fmt.Sprintf("%d %s", rc.Count, strings.ToLower(resultWords(rc.Result, rc.Count))))
	}
	found := "no findings"
	if c.findings > 0 {
		found = fmt.Sprintf("%d %s: %s", c.findings, plural(c.findings, "finding", "findings"), joinAnd(parts))
	}
	s := fmt.Sprintf("The audits recorded %d checklist %s: %d conforming and %s.", c.results, plural(c.results, "result", "results"), c.conforming, found)
	if c.notAudited > 0 {
		s += fmt.Sprintf(" %d %s could not be audited.", c.notAudited, plural(c.notAudited, "line", "lines"))
	}
	out = append(out, s)
	sm := r.Summary
	switch {
	case sm.Actions == 0:
		out = append(out, "No corrective action was needed.")
	default:
		s := fmt.Sprintf("%d corrective %s raised: %d closed as effective, %d still open", sm.Actions, plural(sm.Actions, "action was", "actions were"), sm.Closed, c.open)
		var flags []string
		if sm.Overdue > 0 {
			flags = append(flags, fmt.Sprintf("%d overdue", sm.Overdue))
		}
		if sm.Ineffective > 0 {
			flags = append(flags, fmt.Sprintf("%d found ineffective", sm.Ineffective))
		}
		if len(flags) > 0 {
			s += " (" + strings.Join(flags, ", ") + ")"
		}
		out = append(out, s+".")
	}
	rd := &r.Readiness
	v := fmt.Sprintf("As of %s the ISMS is ", day)
	if rd.Ready {
		v += "ready for certification"
	} else {
		v += fmt.Sprintf("not yet ready for certification: %d %s must be resolved first", len(rd.Reasons), plural(len(rd.Reasons), "matter", "matters"))
	}
	v += fmt.Sprintf(". The readiness score is %s over %d requirement items and applicable controls.", htmldoc.Pct(rd.Overall.Score), rd.Overall.Subjects)
	return append(out, v)
}

func resultWords(r Result, n int) string {
	if n == 1 {
		return r.String()
	}
	switch r {
	case Major:
		return "major nonconformities"
	case Minor:
		return "minor nonconformities"
	case Observation:
		return "observations"
	case Opportunity:
		return "opportunities for improvement"
	}
	return r.String()
}

func joinAnd(s []string) string {
	switch len(s) {
	case 0:
		return ""
	case 1:
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}

// resultFill is the colour of a result in charts.
var resultFill = map[Result]string{
	Major: "#C0392B", Minor: "#E69138", Observation: "#F1C232", Opportunity: "#6D9EEB", Conforming: "#6AA84F", NotAudited: "#999999",
}

// ResultFill returns the colour of a result in charts, "#RRGGBB"; grey
// for an undefined result.
func ResultFill(r Result) string {
	if c, ok := resultFill[r]; ok {
		return c
	}
	return "#999999"
}

// resultsChart is the findings by result, the conforming and not
// audited results left out (they would dwarf the findings).
func (r *Report) resultsChart() []htmldoc.Bar {
	var bars []htmldoc.Bar
	for _, rc := range r.Summary.ByResult {
		if rc.Result == Conforming || rc.Result == NotAudited {
			continue
		}
		bars = append(bars, htmldoc.Bar{Label: rc.Result.String(), Value: float64(rc.Count), Text: fmt.Sprint(rc.Count), Fill: ResultFill(rc.Result)})
	}
	return bars
}

func (rd *Readiness) scoreBars() []htmldoc.Bar {
	var bars []htmldoc.Bar
	for _, s := range rd.Clauses {
		bars = append(bars, htmldoc.Bar{Label: "Clause " + s.ID + " " + s.Title, Value: s.Score, Text: htmldoc.Pct(s.Score)})
	}
	for _, s := range rd.Themes {
		bars = append(bars, htmldoc.Bar{Label: s.Title, Value: s.Score, Text: htmldoc.Pct(s.Score)})
	}
	return bars
}

// ScopeLines describes the audit's scope for people, one line each for
// its clauses, its controls (with their count), its sites and its
// processes, leaving out what the scope does not name.
func (a AuditLine) ScopeLines() []string {
	var out []string
	if len(a.Clauses) > 0 {
		out = append(out, "Clauses "+clauseList(a.Clauses))
	}
	if len(a.Controls) > 0 {
		out = append(out, fmt.Sprintf("%d %s: %s", len(a.Controls), plural(len(a.Controls), "control", "controls"), controlList(a.Controls)))
	}
	if len(a.Sites) > 0 {
		out = append(out, "Sites: "+strings.Join(a.Sites, ", "))
	}
	if len(a.Processes) > 0 {
		out = append(out, "Processes: "+strings.Join(a.Processes, ", "))
	}
	return out
}

// auditorsWords names the auditors, the lead marked.
func auditorsWords(a AuditLine) string {
	names := make([]string, len(a.Auditors))
	for i, n := range a.Auditors {
		names[i] = n
		if n == a.Lead && a.Lead != "" {
			names[i] += " (lead)"
		}
	}
	return strings.Join(names, ", ")
}

// actionsOf returns the report's corrective actions of a finding.
func (r *Report) actionsOf(f FindingLine) []ActionLine {
	var out []ActionLine
	for _, a := range r.Actions {
		if a.Finding == f.ID {
			out = append(out, a)
		}
	}
	return out
}

// Sentence describes the corrective action for people: its ID and state,
// the action's own text (or that it is not yet planned), its owner and
// due date, and whether it is overdue or ineffective: "CA-2 (planned):
// Rebuild base images weekly. Owner: Head of Engineering. Due 2026-11-30."
func (a ActionLine) Sentence() string {
	s := a.ID + " (" + strings.ToLower(a.State.String()) + "): "
	if a.Action != "" {
		s += sentence(a.Action)
	} else {
		s += "Not yet planned."
	}
	if a.Owner != "" {
		s += " Owner: " + a.Owner + "."
	}
	if !a.Due.IsZero() {
		s += " Due " + a.Due.String() + "."
	}
	if n := actionNote(a); n != "" {
		s += " " + sentence(n)
	}
	return s
}

func (d ReportDocument) head() htmldoc.Head {
	return htmldoc.Head{Title: "Audit report", Subtitle: d.Report.Standard + ", clauses 9.2 and 10.2",
		Organization: d.Report.Organization, Version: d.Version, Date: d.Report.AsOf, Letterhead: d.Letterhead}
}

// ReadinessDocument is the certification-readiness verdict as a document
// for people: the verdict and its reasons as sentences, the scores per
// clause and theme with a chart, and the explanation of how the score
// differs from the percentage of the gap analysis. The zero value is an
// empty verdict; rendering it never fails.
type ReadinessDocument struct {
	// The verdict, from Assess or Evaluate.
	Readiness Readiness `json:"readiness"`
	// The organisation and the version of the document.
	Organization string `json:"organization,omitempty"`
	Version      string `json:"version,omitempty"`
	// The gap analysis of the same day, when there is one: its
	// percentage is shown beside the score.
	Gap *iso27001.GapReport `json:"gap,omitempty"`
	// The classification marking, logo and colour.
	Letterhead ismskit.Letterhead `json:"letterhead,omitzero"`
}

func (d ReadinessDocument) head() htmldoc.Head {
	return htmldoc.Head{Title: "Certification readiness", Subtitle: "Readiness for the certification audit, from the internal audits (clause 9.2)",
		Organization: d.Organization, Version: d.Version, Date: d.Readiness.AsOf, Letterhead: d.Letterhead}
}

// note returns the explanation of the two percentages, with the
// figures at hand.
func scoresNote(gap *iso27001.GapReport, rd *Readiness) []string {
	var g *htmldoc.Figure
	if gap != nil {
		g = &htmldoc.Figure{Percent: gap.Readiness, Count: gap.Evidenced, Total: gap.Total}
	}
	r := &htmldoc.Figure{Percent: rd.Overall.Score, Count: rd.Overall.Audited, Total: rd.Overall.Subjects}
	return htmldoc.ScoresNote(g, r)
}
