package audittest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/audit"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/soa"
	"github.com/stretchr/testify/assert"
)

// problems formats err as one problem per line, indented.
func problems(err error) string {
	var lines []string
	var walk func(error)
	walk = func(e error) {
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				walk(x)
			}
			return
		}
		lines = append(lines, "  "+e.Error())
	}
	walk(err)
	return strings.Join(lines, "\n")
}

// fail reports a failure built from a headline and the problems.
func fail(t testing.TB, headline string, detail string, msgAndArgs ...any) bool {
	t.Helper()
	return assert.Fail(t, headline+":\n"+detail, msgAndArgs...)
}

// require stops the test when ok is false.
func require(t testing.TB, ok bool) {
	t.Helper()
	if !ok {
		t.FailNow()
	}
}

// AssertValidSoA asserts that the SoA validates against opts (clause
// 6.1.3 d), listing every problem with its path.
func AssertValidSoA(t testing.TB, s soa.SoA, opts soa.ValidateOptions, msgAndArgs ...any) bool {
	t.Helper()
	if err := s.Validate(opts); err != nil {
		return fail(t, fmt.Sprintf("SoA %q version %q is not valid", s.Header.Organization, s.Header.Version), problems(err), msgAndArgs...)
	}
	return true
}

// RequireValidSoA is AssertValidSoA that stops the test on failure.
func RequireValidSoA(t testing.TB, s soa.SoA, opts soa.ValidateOptions, msgAndArgs ...any) {
	t.Helper()
	require(t, AssertValidSoA(t, s, opts, msgAndArgs...))
}

// AssertNoUnacceptedRisk asserts that, as of asOf, no risk of the register
// has a residual level above its acceptance criteria without a valid
// acceptance by its owner (clause 6.1.3 f), listing each such risk with its
// owner, residual level, limit and why no acceptance counts. Risks that
// cannot be assessed fail the assertion too.
func AssertNoUnacceptedRisk(t testing.TB, reg risk.Register, asOf ismskit.Date, msgAndArgs ...any) bool {
	t.Helper()
	gaps, err := risk.NeedingAcceptance(reg, asOf)
	var lines []string
	for _, g := range gaps {
		lines = append(lines, fmt.Sprintf("  risks[%q]: residual %s above limit %s, owner %s, acceptance %s",
			g.RiskID, g.Residual.Level, g.Limit, g.Owner, g.Status))
	}
	if err != nil {
		lines = append(lines, problems(err))
	}
	if len(lines) > 0 {
		return fail(t, fmt.Sprintf("register %q has %d risks above the acceptance criteria without a valid acceptance as of %s",
			reg.Name, len(gaps), asOf), strings.Join(lines, "\n"), msgAndArgs...)
	}
	return true
}

// RequireNoUnacceptedRisk is AssertNoUnacceptedRisk that stops the test on
// failure.
func RequireNoUnacceptedRisk(t testing.TB, reg risk.Register, asOf ismskit.Date, msgAndArgs ...any) {
	t.Helper()
	require(t, AssertNoUnacceptedRisk(t, reg, asOf, msgAndArgs...))
}

// AssertCovers asserts that the programme's internal audits cover every
// requirement item of the clauses and every applicable control of b within
// the cycle, and high-risk controls as often as the programme asks (clause
// 9.2.2), listing each gap as `items["6.1.3.d"]` or `controls["5.7"]`.
func AssertCovers(t testing.TB, p audit.Programme, b audit.Basis, msgAndArgs ...any) bool {
	t.Helper()
	if err := p.CheckCoverage(b); err != nil {
		return fail(t, fmt.Sprintf("audit programme %s to %s does not cover everything", p.CycleStart, p.CycleEnd), problems(err), msgAndArgs...)
	}
	return true
}

// RequireCovers is AssertCovers that stops the test on failure.
func RequireCovers(t testing.TB, p audit.Programme, b audit.Basis, msgAndArgs ...any) {
	t.Helper()
	require(t, AssertCovers(t, p, b, msgAndArgs...))
}

// AssertValidRecords asserts that the audit records validate against b,
// listing every problem with its path.
func AssertValidRecords(t testing.TB, r audit.Records, b audit.Basis, msgAndArgs ...any) bool {
	t.Helper()
	if err := r.Validate(b); err != nil {
		return fail(t, "audit records are not valid", problems(err), msgAndArgs...)
	}
	return true
}

// RequireValidRecords is AssertValidRecords that stops the test on
// failure.
func RequireValidRecords(t testing.TB, r audit.Records, b audit.Basis, msgAndArgs ...any) {
	t.Helper()
	require(t, AssertValidRecords(t, r, b, msgAndArgs...))
}

// AssertNoOpenMajor asserts that, as of asOf, no major nonconformity is
// open (without an effective corrective action), listing each one with its
// audit, subject and statement.
func AssertNoOpenMajor(t testing.TB, r audit.Records, asOf ismskit.Date, msgAndArgs ...any) bool {
	t.Helper()
	open := audit.OpenMajors(r, asOf)
	if len(open) == 0 {
		return true
	}
	var lines []string
	for _, f := range open {
		lines = append(lines, fmt.Sprintf("  findings[%q]: %s in audit %s on %s: %s", f.ID, f.Subject(), f.Audit, f.Date, f.Statement))
	}
	return fail(t, fmt.Sprintf("%d major nonconformities open as of %s", len(open), asOf), strings.Join(lines, "\n"), msgAndArgs...)
}

// RequireNoOpenMajor is AssertNoOpenMajor that stops the test on failure.
func RequireNoOpenMajor(t testing.TB, r audit.Records, asOf ismskit.Date, msgAndArgs ...any) {
	t.Helper()
	require(t, AssertNoOpenMajor(t, r, asOf, msgAndArgs...))
}

// AssertReady asserts that the ISMS is ready for certification as of asOf
// (audit.Assess), listing every reason it is not. Invalid records fail the
// assertion with their problems.
func AssertReady(t testing.TB, r audit.Records, b audit.Basis, in audit.ReadinessInput, asOf ismskit.Date, msgAndArgs ...any) bool {
	t.Helper()
	rd, err := audit.Assess(r, b, in, asOf)
	if err != nil {
		return fail(t, "readiness cannot be assessed: the audit records are not valid", problems(err), msgAndArgs...)
	}
	if rd.Ready {
		return true
	}
	var lines []string
	for _, x := range rd.Reasons {
		where := x.Kind.String()
		if x.Subject != "" {
			where += " " + x.Subject
		}
		lines = append(lines, "  "+where+": "+x.Detail)
	}
	return fail(t, fmt.Sprintf("not ready for certification as of %s (overall score %.1f%%)", rd.AsOf, rd.Overall.Score),
		strings.Join(lines, "\n"), msgAndArgs...)
}

// RequireReady is AssertReady that stops the test on failure.
func RequireReady(t testing.TB, r audit.Records, b audit.Basis, in audit.ReadinessInput, asOf ismskit.Date, msgAndArgs ...any) {
	t.Helper()
	require(t, AssertReady(t, r, b, in, asOf, msgAndArgs...))
}
