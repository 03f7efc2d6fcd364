package monitor

import (
	"github.com/ismskit/ismskit/audit/checks"
	"github.com/ismskit/ismskit/iso27002"
)

func controls(ids ...string) []iso27002.ControlID {
	out := make([]iso27002.ControlID, len(ids))
	for i, id := range ids {
		out[i] = iso27002.MustParse(id)
	}
	return out
}

// Builtin returns, in a new slice, common ISMS metrics written for
// ismskit, each computed from a built-in check of package audit/checks
// (Source) and tied to the Annex A controls the check tests:
//
//   - mfa-coverage (percent, from aws-iam-mfa; 5.17, 8.5): target 100,
//     warning down to 95;
//   - unused-credentials (count, from aws-iam-unused-credentials; 5.16,
//     5.18): target 0, warning up to 2;
//   - fixable-vulnerabilities (count, from trivy-fixable; 8.8): target
//     0, warning up to 5;
//   - training-coverage (percent, from training-current; 6.3): target
//     95, warning down to 85;
//   - access-reviews-on-time (percent, from access-reviews-on-time;
//     5.15, 5.18): target 100, warning down to 90;
//   - restore-tests-passed (percent, from restore-tests-passed; 5.30,
//     8.13): target 100, warning down to 90;
//   - suppliers-assessed (percent, from suppliers-assessed; 5.19, 5.22):
//     target 100, warning down to 80;
//   - incidents-closed-in-target (percent, from
//     incidents-closed-in-target; 5.24, 5.26): target 90, warning down to
//     75.
//
// Each is measured monthly by the security engineer and analysed
// quarterly by the information security manager; percent metrics count
// a change of one point as stable. The targets are a starting point: an
// organisation sets its own, and links each metric to its objectives
// (Metric.Objectives).
func Builtin() []Metric {
	m := func(id, title, method string, unit Unit, dir Direction, target, threshold float64, check string, ctl []iso27002.ControlID) Metric {
		measure, tol := PassedPercent, 1.0
		if unit == Count {
			measure, tol = FailedCount, 0
		}
		return Metric{
			ID: id, Title: title, Method: method, Unit: unit,
			Frequency: checks.Monthly, MeasuredBy: "Security engineer",
			AnalysisFrequency: checks.Quarterly, AnalysedBy: "Information security manager",
			Target:   Target{Direction: dir, Value: target, Threshold: threshold, Tolerance: tol},
			Controls: ctl,
			Source:   &Source{Check: check, Measure: measure},
		}
	}
	return []Metric{
		m("mfa-coverage", "MFA coverage of console users and the root user",
			"The aws-iam-mfa check on the IAM credential report: users with MFA among those with a console password, and the root user, in percent.",
			Percent, HigherIsBetter, 100, 95, "aws-iam-mfa", controls("5.17", "8.5")),
		m("unused-credentials", "IAM users with credentials unused past the limit",
			"The aws-iam-unused-credentials check on the IAM credential report: users with a password or active access key unused for more than 45 days.",
			Count, LowerIsBetter, 0, 2, "aws-iam-unused-credentials", controls("5.16", "5.18")),
		m("fixable-vulnerabilities", "Fixable high and critical vulnerabilities",
			"The trivy-fixable check on the Trivy report of the production images: distinct high and critical vulnerabilities for which a fixed version exists.",
			Count, LowerIsBetter, 0, 5, "trivy-fixable", controls("8.8")),
		m("training-coverage", "Staff trained in security in the last year",
			"The training-current check on the training records: people with a security training completed in the last 365 days, in percent.",
			Percent, HigherIsBetter, 95, 85, "training-current", controls("6.3")),
		m("access-reviews-on-time", "Access reviews done on time",
			"The access-reviews-on-time check on the access review records: systems whose access rights were reviewed as often as set, in percent.",
			Percent, HigherIsBetter, 100, 90, "access-reviews-on-time", controls("5.15", "5.18")),
		m("restore-tests-passed", "Backed-up systems with a passed recent restore test",
			"The restore-tests-passed check on the restore test records: systems whose latest restore test passed and is under half a year old, in percent.",
			Percent, HigherIsBetter, 100, 90, "restore-tests-passed", controls("5.30", "8.13")),
		m("suppliers-assessed", "Suppliers assessed for security in the last year",
			"The suppliers-assessed check on the supplier records: suppliers assessed in the last 365 days, in percent.",
			Percent, HigherIsBetter, 100, 80, "suppliers-assessed", controls("5.19", "5.22")),
		m("incidents-closed-in-target", "Incidents resolved within their target time",
			"The incidents-closed-in-target check on the incident records: incidents of the last year closed within their target, in percent.",
			Percent, HigherIsBetter, 90, 75, "incidents-closed-in-target", controls("5.24", "5.26")),
	}
}
