package audittest

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/audit"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/soa"
)

// MaxLines is how many lines of one group a failure message lists before
// it says "and N more".
const MaxLines = 10

// summary builds the body of a failure message: lines in groups (a kind
// of problem, a clause), each group cut after MaxLines lines. The groups
// keep the order in which their first line came.
type summary struct {
	groups []*group
	byName map[string]*group
	more   string // the message of an ismskit.ErrMoreProblems entry
}

type group struct {
	name  string
	lines []string
	n     int
}

// add puts a line into the named group; "" is the group without a name.
func (s *summary) add(name, line string) {
	if s.byName == nil {
		s.byName = map[string]*group{}
	}
	g, ok := s.byName[name]
	if !ok {
		g = &group{name: name}
		s.byName[name] = g
		s.groups = append(s.groups, g)
	}
	g.n++
	if len(g.lines) < MaxLines {
		g.lines = append(g.lines, line)
	}
}

// problems adds every problem of err, grouped by its kind.
func (s *summary) problems(err error) {
	for _, p := range ismskit.Problems(err) {
		s.problem(kindOf(p), p)
	}
}

// problem adds one problem to the named group, or, for the last entry of
// a list cut at its limit (ismskit.ErrMoreProblems), keeps its message
// for the end.
func (s *summary) problem(name string, p *ismskit.Error) {
	if errors.Is(p, ismskit.ErrMoreProblems) {
		s.more = p.Message()
		return
	}
	s.add(name, p.Error())
}

// count returns "1 problem", "3 problems" or "more than 100 problems"
// for the lines added.
func (s *summary) count(one, many string) string {
	n := s.len()
	if s.more != "" {
		return fmt.Sprintf("more than %d %s", n, many)
	}
	return count(n, one, many)
}

// kindOf names the group of a problem: the text of its kind.
func kindOf(p *ismskit.Error) string {
	if k := p.Kind(); k != nil {
		return k.Error()
	}
	return "other"
}

// len returns how many lines were added.
func (s *summary) len() int {
	n := 0
	for _, g := range s.groups {
		n += g.n
	}
	return n
}

// empty reports whether nothing was added.
func (s *summary) empty() bool { return s.len() == 0 && s.more == "" }

// String lists the groups, each with its count, its lines and how many
// more it has; a group without a name is listed without a heading.
func (s *summary) String() string {
	var b strings.Builder
	for _, g := range s.groups {
		indent := "  "
		if g.name != "" {
			fmt.Fprintf(&b, "  %s (%d):\n", g.name, g.n)
			indent = "    "
		}
		for _, l := range g.lines {
			b.WriteString(indent + l + "\n")
		}
		if more := g.n - len(g.lines); more > 0 {
			fmt.Fprintf(&b, "%sand %d more\n", indent, more)
		}
	}
	if s.more != "" {
		b.WriteString("  " + s.more + "\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// count returns "1 risk" or "3 risks".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// fail reports a failure: a headline and the body. It never panics, even
// for a nil t, which it cannot report to.
func fail(t testing.TB, headline, body string, msgAndArgs ...any) bool {
	if t == nil {
		return false
	}
	t.Helper()
	if body != "" {
		headline += ":\n" + body
	}
	return assert.Fail(t, headline, msgAndArgs...)
}

// require stops the test when ok is false.
func require(t testing.TB, ok bool) {
	if ok || t == nil {
		return
	}
	t.Helper()
	t.FailNow()
}

// zero reports whether v is its type's zero value: a document never
// loaded.
func zero(v any) bool { return reflect.ValueOf(v).IsZero() }

// AssertValidSoA asserts that the SoA validates against opts (clause
// 6.1.3 d), listing its problems grouped by kind.
func AssertValidSoA(t testing.TB, s soa.SoA, opts soa.ValidateOptions, msgAndArgs ...any) bool {
	if t == nil {
		return false
	}
	t.Helper()
	err := s.Validate(opts)
	if err == nil {
		return true
	}
	var sum summary
	sum.problems(err)
	return fail(t, fmt.Sprintf("SoA %q version %q is not valid: %s", s.Header.Organization, s.Header.Version,
		sum.count("problem", "problems")), sum.String(), msgAndArgs...)
}

// RequireValidSoA is AssertValidSoA that stops the test on failure.
func RequireValidSoA(t testing.TB, s soa.SoA, opts soa.ValidateOptions, msgAndArgs ...any) {
	if t == nil {
		return
	}
	t.Helper()
	require(t, AssertValidSoA(t, s, opts, msgAndArgs...))
}

// AssertNoUnacceptedRisk asserts that, as of asOf, no risk of the register
// has a residual level above its acceptance criteria without a valid
// acceptance by its owner (clause 6.1.3 f), listing each such risk with its
// owner, residual level, limit and why no acceptance counts. Risks that
// cannot be assessed, and a zero Register, fail the assertion too.
func AssertNoUnacceptedRisk(t testing.TB, reg risk.Register, asOf ismskit.Date, msgAndArgs ...any) bool {
	if t == nil {
		return false
	}
	t.Helper()
	if zero(reg) {
		return fail(t, "no risk register (the zero risk.Register)", "", msgAndArgs...)
	}
	gaps, err := risk.NeedingAcceptance(reg, asOf)
	var sum summary
	for _, g := range gaps {
		sum.add("", fmt.Sprintf("risks[%q]: residual %s above limit %s, owner %s, acceptance %s",
			g.RiskID, g.Residual.Level, g.Limit, g.Owner, g.Status))
	}
	sum.problems(err)
	if sum.empty() {
		return true
	}
	return fail(t, fmt.Sprintf("register %q has %s above the acceptance criteria without a valid acceptance as of %s",
		reg.Name, count(len(gaps), "risk", "risks"), asOf), sum.String(), msgAndArgs...)
}

// RequireNoUnacceptedRisk is AssertNoUnacceptedRisk that stops the test on
// failure.
func RequireNoUnacceptedRisk(t testing.TB, reg risk.Register, asOf ismskit.Date, msgAndArgs ...any) {
	if t == nil {
		return
	}
	t.Helper()
	require(t, AssertNoUnacceptedRisk(t, reg, asOf, msgAndArgs...))
}

// AssertCovers asserts that the programme's internal audits cover every
// requirement item of the clauses and every applicable control of b within
// the cycle, and high-risk controls as often as the programme asks (clause
// 9.2.2). The gaps are grouped by clause ("clause 6", "controls 8"). A
// zero Programme fails the assertion.
func AssertCovers(t testing.TB, p audit.Programme, b audit.Basis, msgAndArgs ...any) bool {
	if t == nil {
		return false
	}
	t.Helper()
	if zero(p) {
		return fail(t, "no audit programme (the zero audit.Programme)", "", msgAndArgs...)
	}
	head := fmt.Sprintf("audit programme %s to %s", p.CycleStart, p.CycleEnd)
	c, err := p.Coverage(b)
	if err != nil {
		var sum summary
		sum.problems(err)
		return fail(t, head+" cannot be checked: the basis is not valid", sum.String(), msgAndArgs...)
	}
	err = c.Check()
	if err == nil {
		return true
	}
	var sum summary
	for _, pr := range ismskit.Problems(err) {
		sum.problem(clauseGroup(pr.Path), pr)
	}
	return fail(t, fmt.Sprintf("%s does not cover everything: %s", head, sum.count("gap", "gaps")), sum.String(), msgAndArgs...)
}

// clauseGroup names the group of a coverage problem at `items["6.1.3.d"]`
// ("clause 6") or `controls["8.8"]` ("controls 8").
func clauseGroup(path string) string {
	open, close := strings.Index(path, "["), strings.LastIndex(path, "]")
	if open < 0 || close < open {
		return "other"
	}
	key, err := strconv.Unquote(path[open+1 : close])
	if err != nil {
		return "other"
	}
	if strings.HasPrefix(path, "items") {
		id, err := iso27001.ParseItemID(key)
		if err != nil {
			return "other"
		}
		return "clause " + id.Clause().Top().String()
	}
	id, err := iso27002.Parse(key)
	switch {
	case err != nil:
		return "other"
	case id.Edition() == iso27002.Edition2013:
		return "controls " + id.Clause()
	case id.Edition() == iso27002.Edition2022:
		return "controls " + strings.SplitN(key, ".", 2)[0]
	}
	return "controls " + id.Namespace()
}

// RequireCovers is AssertCovers that stops the test on failure.
func RequireCovers(t testing.TB, p audit.Programme, b audit.Basis, msgAndArgs ...any) {
	if t == nil {
		return
	}
	t.Helper()
	require(t, AssertCovers(t, p, b, msgAndArgs...))
}

// AssertValidRecords asserts that the audit records validate against b,
// listing their problems grouped by kind, each with its path and the ID
// of its finding, audit, action or evidence.
func AssertValidRecords(t testing.TB, r audit.Records, b audit.Basis, msgAndArgs ...any) bool {
	if t == nil {
		return false
	}
	t.Helper()
	err := r.Validate(b)
	if err == nil {
		return true
	}
	var sum summary
	sum.problems(err)
	return fail(t, "audit records are not valid: "+sum.count("problem", "problems"), sum.String(), msgAndArgs...)
}

// RequireValidRecords is AssertValidRecords that stops the test on
// failure.
func RequireValidRecords(t testing.TB, r audit.Records, b audit.Basis, msgAndArgs ...any) {
	if t == nil {
		return
	}
	t.Helper()
	require(t, AssertValidRecords(t, r, b, msgAndArgs...))
}

// AssertNoOpenMajor asserts that, as of asOf, no major nonconformity is
// open (without an effective corrective action), listing each one with its
// audit, subject and statement. Zero Records fail the assertion.
func AssertNoOpenMajor(t testing.TB, r audit.Records, asOf ismskit.Date, msgAndArgs ...any) bool {
	if t == nil {
		return false
	}
	t.Helper()
	if zero(r) {
		return fail(t, "no audit records (the zero audit.Records)", "", msgAndArgs...)
	}
	open := audit.OpenMajors(r, asOf)
	if len(open) == 0 {
		return true
	}
	var sum summary
	for _, f := range open {
		sum.add("", fmt.Sprintf("findings[%q]: %s in audit %s on %s: %s", f.ID, f.Subject(), f.Audit, f.Date, f.Statement))
	}
	return fail(t, fmt.Sprintf("%s open as of %s", count(len(open), "major nonconformity", "major nonconformities"), asOf),
		sum.String(), msgAndArgs...)
}

// RequireNoOpenMajor is AssertNoOpenMajor that stops the test on failure.
func RequireNoOpenMajor(t testing.TB, r audit.Records, asOf ismskit.Date, msgAndArgs ...any) {
	if t == nil {
		return
	}
	t.Helper()
	require(t, AssertNoOpenMajor(t, r, asOf, msgAndArgs...))
}

// AssertReady asserts that the ISMS is ready for certification as of asOf
// (audit.Evaluate), listing every reason it is not, grouped by kind.
// Documents that cannot be evaluated fail the assertion with their
// problems.
func AssertReady(t testing.TB, d audit.Documents, asOf ismskit.Date, msgAndArgs ...any) bool {
	if t == nil {
		return false
	}
	t.Helper()
	ev, err := audit.Evaluate(d, asOf)
	if err != nil {
		var sum summary
		sum.problems(err)
		return fail(t, "readiness cannot be evaluated: "+sum.count("problem", "problems"), sum.String(), msgAndArgs...)
	}
	rd := ev.Readiness
	if rd.Ready {
		return true
	}
	var sum summary
	for _, x := range rd.Reasons {
		line := x.Detail
		if x.Subject != "" {
			line = x.Subject + ": " + line
		}
		sum.add(x.Kind.String(), line)
	}
	return fail(t, fmt.Sprintf("not ready for certification as of %s (overall score %.1f%%): %s", rd.AsOf, rd.Overall.Score,
		count(len(rd.Reasons), "reason", "reasons")), sum.String(), msgAndArgs...)
}

// RequireReady is AssertReady that stops the test on failure.
func RequireReady(t testing.TB, d audit.Documents, asOf ismskit.Date, msgAndArgs ...any) {
	if t == nil {
		return
	}
	t.Helper()
	require(t, AssertReady(t, d, asOf, msgAndArgs...))
}

// AssertHighRisksTreated asserts that every risk of the register rated at
// level or above before any control (risk.Inherent), in the order of the
// criteria's levels, is treated by at least one Annex A control: a control
// of ISO/IEC 27002:2022 or :2013, not one of the organisation's own,
// among the controls that treat it (risk.Risk.TreatingControls: its
// applied controls and those of its plan actions that are not cancelled;
// clause 6.1.3 b and c). It lists each such risk with its level and the
// controls it has. A level the criteria lack, risks that cannot be
// assessed and a zero Register fail the assertion.
//
//	audittest.AssertHighRisksTreated(t, reg, "high")
func AssertHighRisksTreated(t testing.TB, reg risk.Register, level string, msgAndArgs ...any) bool {
	if t == nil {
		return false
	}
	t.Helper()
	if zero(reg) {
		return fail(t, "no risk register (the zero risk.Register)", "", msgAndArgs...)
	}
	rank := slices.IndexFunc(reg.Criteria.RiskLevels, func(l risk.Level) bool { return l.ID == level })
	if rank < 0 {
		var ids []string
		for _, l := range reg.Criteria.RiskLevels {
			ids = append(ids, l.ID)
		}
		return fail(t, fmt.Sprintf("the criteria %q have no level %q (levels: %s)", reg.Criteria.ID, level, strings.Join(ids, ", ")), "", msgAndArgs...)
	}
	as, err := risk.AssessRegister(reg)
	rated := make(map[string]risk.Rating, len(as))
	for _, a := range as {
		rated[a.RiskID] = a.Inherent
	}
	var sum summary
	n := 0
	for _, r := range reg.Risks {
		rt, ok := rated[r.ID]
		if !ok || rt.Rank < rank {
			continue
		}
		controls := r.TreatingControls()
		if slices.ContainsFunc(controls, annexA) {
			continue
		}
		n++
		has := "no control"
		if len(controls) > 0 {
			s := make([]string, len(controls))
			for i, c := range controls {
				s[i] = c.String()
			}
			has = "only " + strings.Join(s, ", ")
		}
		sum.add("", fmt.Sprintf("risks[%q] %s: inherent %s, owner %s, treated by %s", r.ID, r.Title, rt.Level, r.Owner, has))
	}
	sum.problems(err)
	if sum.empty() {
		return true
	}
	return fail(t, fmt.Sprintf("register %q has %s rated %s or above without an Annex A control", reg.Name,
		count(n, "risk", "risks"), level), sum.String(), msgAndArgs...)
}

// annexA reports whether c is a control of ISO/IEC 27002 (Annex A of
// ISO/IEC 27001), 2022 or 2013.
func annexA(c iso27002.ControlID) bool {
	return c.Edition() == iso27002.Edition2022 || c.Edition() == iso27002.Edition2013
}

// RequireHighRisksTreated is AssertHighRisksTreated that stops the test
// on failure.
func RequireHighRisksTreated(t testing.TB, reg risk.Register, level string, msgAndArgs ...any) {
	if t == nil {
		return
	}
	t.Helper()
	require(t, AssertHighRisksTreated(t, reg, level, msgAndArgs...))
}

// AssertCorrectiveActions asserts that every nonconformity of the records
// at least as severe as least has a corrective action (clause 10.2): pass
// audit.Major for the major nonconformities only, audit.Minor for the
// minor ones too. An action counts in any state. It lists each
// nonconformity without an action. Another least, and zero Records, fail
// the assertion.
//
//	audittest.AssertCorrectiveActions(t, records, audit.Minor)
func AssertCorrectiveActions(t testing.TB, r audit.Records, least audit.Result, msgAndArgs ...any) bool {
	if t == nil {
		return false
	}
	t.Helper()
	if least != audit.Major && least != audit.Minor {
		return fail(t, fmt.Sprintf("AssertCorrectiveActions takes audit.Major or audit.Minor, not %q", least.String()), "", msgAndArgs...)
	}
	if zero(r) {
		return fail(t, "no audit records (the zero audit.Records)", "", msgAndArgs...)
	}
	actioned := make(map[string]bool, len(r.Actions))
	for _, a := range r.Actions {
		actioned[a.Finding] = true
	}
	var sum summary
	n := 0
	for _, f := range r.Findings {
		if !f.Result.IsNonconformity() || f.Result > least || actioned[f.ID] {
			continue
		}
		n++
		sum.add(f.Result.String(), fmt.Sprintf("findings[%q]: %s in audit %s on %s: %s", f.ID, f.Subject(), f.Audit, f.Date, f.Statement))
	}
	if n == 0 {
		return true
	}
	what := count(n, "major nonconformity", "major nonconformities")
	if least == audit.Minor {
		what = count(n, "nonconformity", "nonconformities")
	}
	return fail(t, what+" without a corrective action", sum.String(), msgAndArgs...)
}

// RequireCorrectiveActions is AssertCorrectiveActions that stops the test
// on failure.
func RequireCorrectiveActions(t testing.TB, r audit.Records, least audit.Result, msgAndArgs ...any) {
	if t == nil {
		return
	}
	t.Helper()
	require(t, AssertCorrectiveActions(t, r, least, msgAndArgs...))
}

// AssertNoAcceptanceOlderThan asserts that no risk's acceptance in force
// as of asOf (its last acceptance dated on or before asOf; clause 6.1.3 f)
// is older than months months: each is dated on or after asOf moved back
// by months (ismskit.Date.AddDate). Risks without an acceptance are not
// checked (AssertNoUnacceptedRisk does). It lists each stale acceptance
// with who made it and when. months below 1, a zero asOf and a zero
// Register fail the assertion.
//
//	audittest.AssertNoAcceptanceOlderThan(t, reg, asOf, 12)
func AssertNoAcceptanceOlderThan(t testing.TB, reg risk.Register, asOf ismskit.Date, months int, msgAndArgs ...any) bool {
	if t == nil {
		return false
	}
	t.Helper()
	switch {
	case months < 1:
		return fail(t, fmt.Sprintf("AssertNoAcceptanceOlderThan takes at least 1 month, not %d", months), "", msgAndArgs...)
	case asOf.IsZero():
		return fail(t, "AssertNoAcceptanceOlderThan needs an as-of date, not the zero Date", "", msgAndArgs...)
	case zero(reg):
		return fail(t, "no risk register (the zero risk.Register)", "", msgAndArgs...)
	}
	limit := asOf.AddDate(0, -months, 0)
	var sum summary
	for _, r := range reg.Risks {
		var last *risk.Acceptance
		for i := range r.Acceptances {
			if a := &r.Acceptances[i]; !a.At.After(asOf) {
				last = a
			}
		}
		if last != nil && last.At.Before(limit) {
			sum.add("", fmt.Sprintf("risks[%q] %s: accepted by %s on %s", r.ID, r.Title, last.By, last.At))
		}
	}
	if sum.len() == 0 {
		return true
	}
	return fail(t, fmt.Sprintf("register %q has %s older than %s (before %s) as of %s", reg.Name,
		count(sum.len(), "acceptance", "acceptances"), count(months, "month", "months"), limit, asOf), sum.String(), msgAndArgs...)
}

// RequireNoAcceptanceOlderThan is AssertNoAcceptanceOlderThan that stops
// the test on failure.
func RequireNoAcceptanceOlderThan(t testing.TB, reg risk.Register, asOf ismskit.Date, months int, msgAndArgs ...any) {
	if t == nil {
		return
	}
	t.Helper()
	require(t, AssertNoAcceptanceOlderThan(t, reg, asOf, months, msgAndArgs...))
}

// AssertNo asserts that err has no problem of the given kind (errors.Is
// on each problem of ismskit.Problems), so that a test can hold one rule
// of a validator without the others:
//
//	audittest.AssertNo(t, s.Validate(opts), soa.ErrExcludedRiskControl)
//
// It lists each problem of that kind with its path. A nil err passes; a
// nil kind fails the assertion.
func AssertNo(t testing.TB, err error, kind error, msgAndArgs ...any) bool {
	if t == nil {
		return false
	}
	t.Helper()
	if kind == nil {
		return fail(t, "AssertNo needs a kind of problem, not nil", "", msgAndArgs...)
	}
	var sum summary
	for _, p := range ismskit.Problems(err) {
		if errors.Is(p, kind) {
			sum.add("", p.Error())
		} else if errors.Is(p, ismskit.ErrMoreProblems) {
			sum.more = p.Message() + " (of any kind)"
		}
	}
	if sum.len() == 0 {
		return true
	}
	return fail(t, fmt.Sprintf("%s of kind %q", sum.count("problem", "problems"), kind.Error()), sum.String(), msgAndArgs...)
}

// RequireNo is AssertNo that stops the test on failure.
func RequireNo(t testing.TB, err error, kind error, msgAndArgs ...any) {
	if t == nil {
		return
	}
	t.Helper()
	require(t, AssertNo(t, err, kind, msgAndArgs...))
}
