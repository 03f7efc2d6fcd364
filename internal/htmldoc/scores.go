package htmldoc

import (
	"fmt"
	"strconv"
)

// Figure is a percentage with what it counts: Count of Total subjects.
type Figure struct {
	Percent      float64
	Count, Total int
}

// Pct formats a percentage with one decimal: "91.7%".
func Pct(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) + "%" }

// ScoresNote returns the paragraphs, in plain text, that explain how the
// percentage of the gap analysis and the readiness score differ; the gap
// analysis and the readiness document both carry them, with the figures
// they have (either may be nil).
func ScoresNote(gap, readiness *Figure) []string {
	g, r := "", ""
	if gap != nil {
		g = fmt.Sprintf(" Here it is %s: %d of %d items are evidenced.", Pct(gap.Percent), gap.Count, gap.Total)
	}
	if readiness != nil {
		r = fmt.Sprintf(" Here it is %s over %d items and controls.", Pct(readiness.Percent), readiness.Total)
	}
	return []string{
		"The gap analysis and the readiness score answer two questions. The gap analysis asks whether the ISMS's " +
			"documents and records show each requirement item of clauses 4 to 10: an item counts when a current, " +
			"approved document or the records evidence it, so a document that is missing, past its review date or " +
			"not yet approved is a gap." + g,
		"The readiness score asks how the requirement items and the applicable controls fared in the internal " +
			"audits: each scores by its latest audit result (1 when conforming, when only an observation or an " +
			"opportunity for improvement was raised, or when the corrective action of a nonconformity is effective; " +
			"0.5 for an open minor nonconformity; 0 for an open major one or when it was never audited). An " +
			"unapproved document can therefore be a gap while the practice it describes conforms in the audit." + r,
		"Neither percentage is the verdict. Certification waits on the blocking reasons listed with the verdict " +
			"(an open major nonconformity, missing or unapproved mandatory documented information, a Statement of " +
			"Applicability that does not validate, a clause never audited), however high the scores are.",
	}
}
