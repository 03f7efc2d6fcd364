package risk

import (
	"fmt"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// Finding is one result of the consistency checks: an error (the
// assessment contradicts itself) or a warning (it is possible but
// suspicious). Err is a *ismskit.Error whose path names the place in the
// register ("risks[4].residual") and which wraps ErrInconsistent or
// ErrUnexplainedReduction. The zero value is an error finding with no
// error and means nothing.
type Finding struct {
	Severity Severity
	// ID of the risk concerned.
	RiskID string
	// The problem, with its path.
	Err error
}

// Error returns "severity: path: message".
func (f Finding) Error() string {
	if f.Err == nil {
		return f.Severity.String()
	}
	return f.Severity.String() + ": " + f.Err.Error()
}

// Unwrap returns Err, so that errors.Is works on a Finding.
func (f Finding) Unwrap() error { return f.Err }

// Check assesses every risk of the register and runs the consistency
// checks that good GRC tools make, returning the findings in register
// order (for each risk: current, then residual):
//
//   - error (ErrInconsistent): the current risk above the inherent risk,
//     or the residual risk above the inherent or the current risk, in
//     likelihood, impact or level;
//   - warning (ErrUnexplainedReduction): the current risk below the
//     inherent one with no implemented control, or the residual risk
//     below the inherent one with no control at all and a treatment
//     option other than avoid or share (which may lower a risk without a
//     control).
//
// The error result reports what stopped assessment (invalid criteria, a
// value outside a scale), as AssessRegister does; the risks that could
// be assessed are still checked.
func Check(reg Register) ([]Finding, error) {
	a, err := NewAssessor(reg.Criteria, reg.Assets...)
	if err != nil {
		return nil, fielderr.Prefix("criteria", err)
	}
	var out []Finding
	var l fielderr.List
	for i := range reg.Risks {
		r := &reg.Risks[i]
		as, err := a.Assess(r)
		p := fielderr.Index("risks", i)
		if err != nil {
			l.Add(p, err)
			continue
		}
		add := func(sev Severity, path string, kind error, format string, args ...any) {
			out = append(out, Finding{Severity: sev, RiskID: r.ID, Err: fielderr.At(p+"."+path, errf(kind, format, args...))})
		}
		if above(as.Current, as.Inherent) {
			add(SeverityError, "current", ismskit.ErrInconsistent, "current risk %s is above inherent risk %s", show(as.Current), show(as.Inherent))
		}
		switch {
		case above(as.Residual, as.Inherent):
			add(SeverityError, "residual", ismskit.ErrInconsistent, "residual risk %s is above inherent risk %s", show(as.Residual), show(as.Inherent))
		case above(as.Residual, as.Current):
			add(SeverityError, "residual", ismskit.ErrInconsistent, "residual risk %s is above current risk %s", show(as.Residual), show(as.Current))
		}
		if below(as.Current, as.Inherent) && !hasControl(r, true) {
			add(SeverityWarning, "current", ErrUnexplainedReduction, "current risk %s is below inherent risk %s with no implemented control", show(as.Current), show(as.Inherent))
		}
		explained := hasControl(r, false) || r.Treatment.Option == Avoid || r.Treatment.Option == Share
		if below(as.Residual, as.Inherent) && !explained {
			add(SeverityWarning, "residual", ErrUnexplainedReduction, "residual risk %s is below inherent risk %s with no control and no avoid or share treatment", show(as.Residual), show(as.Inherent))
		}
	}
	return out, l.Err()
}

func above(x, y Rating) bool {
	return x.Likelihood > y.Likelihood || x.Impact > y.Impact || x.Rank > y.Rank
}

func below(x, y Rating) bool {
	return x.Likelihood < y.Likelihood || x.Impact < y.Impact || x.Rank < y.Rank
}

func show(r Rating) string {
	return fmt.Sprintf("%s (L%d I%d)", r.Level, r.Likelihood, r.Impact)
}

// hasControl reports whether r has a control, an implemented one if
// implementedOnly.
func hasControl(r *Risk, implementedOnly bool) bool {
	for _, c := range r.Controls {
		if !implementedOnly || c.Status == Implemented {
			return true
		}
	}
	return false
}
