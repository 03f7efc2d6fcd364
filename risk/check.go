package risk

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// Finding is one result of the consistency checks: an error (the
// assessment contradicts itself) or a warning (it is possible but
// suspicious), at a place in the register. A Finding is an error itself:
// errors.Is finds its Kind (ismskit.ErrInconsistent or
// ErrUnexplainedReduction), and Problem gives it as an *ismskit.Error.
// It marshals to JSON as
//
//	{"severity": "warning", "riskId": "R-2", "path": "risks[1].residual",
//	 "kind": "unexplained-reduction", "message": "residual risk low (L1 I2) is below ..."}
//
// and decodes back, its kind included. The zero value is an empty finding.
type Finding struct {
	// Error or warning.
	Severity Severity `json:"severity"`
	// ID of the risk concerned.
	RiskID string `json:"riskId"`
	// Where the problem is in the register ("risks[4].residual").
	Path string `json:"path"`
	// The kind of problem; JSON holds its code ("inconsistent").
	Kind *ismskit.Kind `json:"kind,omitempty"`
	// What is wrong, without the path.
	Message string `json:"message"`
}

// Problem returns f as the *ismskit.Error a validator would report: the
// path, the risk's ID as Item, and the message wrapping the kind.
func (f Finding) Problem() *ismskit.Error {
	var err error = errors.New(f.Message)
	if f.Kind != nil {
		err = errf(f.Kind, "%s", f.Message)
	}
	return &ismskit.Error{Path: f.Path, Item: f.RiskID, Err: err}
}

// Error returns "severity: path (risk): message", as
// "warning: risks[1].residual (R-2): residual risk low (L1 I2) is below
// ...", the severity as its code.
func (f Finding) Error() string {
	sev := string(f.Severity)
	if sev == "" {
		sev = "finding"
	}
	return sev + ": " + f.Problem().Error()
}

// Unwrap returns the Kind, so that errors.Is works on a Finding; nil when
// it has none.
func (f Finding) Unwrap() error {
	if f.Kind == nil {
		return nil
	}
	return f.Kind
}

// UnmarshalJSON decodes a finding as MarshalJSON writes it; a kind code
// that no ismskit package declares is an ismskit.ErrUnknownValue error.
func (f *Finding) UnmarshalJSON(data []byte) error {
	if f == nil {
		return errf(ismskit.ErrMissing, "UnmarshalJSON into a nil *Finding")
	}
	var v struct {
		Severity Severity `json:"severity"`
		RiskID   string   `json:"riskId"`
		Path     string   `json:"path"`
		Kind     string   `json:"kind"`
		Message  string   `json:"message"`
	}
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	var k *ismskit.Kind
	if v.Kind != "" {
		if k = kinds[v.Kind]; k == nil {
			return &ismskit.Error{Path: "kind", Err: errf(ismskit.ErrUnknownValue, "%q is not a kind of problem of package risk", clip(v.Kind))}
		}
	}
	*f = Finding{Severity: v.Severity, RiskID: v.RiskID, Path: v.Path, Kind: k, Message: v.Message}
	return nil
}

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
		as, err := a.Assess(*r)
		p := fielderr.Index("risks", i)
		if err != nil {
			l.AddItem(p, r.ID, err)
			continue
		}
		add := func(sev Severity, path string, kind *ismskit.Kind, format string, args ...any) {
			out = append(out, Finding{Severity: sev, RiskID: r.ID, Path: p + "." + path, Kind: kind, Message: fmt.Sprintf(format, args...)})
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
