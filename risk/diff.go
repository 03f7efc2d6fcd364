package risk

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/ismskit/ismskit/internal/natural"
	"github.com/ismskit/ismskit/internal/table"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/risk/fair"
)

// FieldChange is one field of a risk that changed, with the old and new
// values as text: lists one item per line, numbers and codes as in the
// CSV form.
type FieldChange struct {
	// The field's JSON path in the risk ("owner", "treatment.option").
	Field string `json:"field"`
	// The value in the older version.
	Old string `json:"old"`
	// The value in the newer version.
	New string `json:"new"`
}

// Change is what happened to one risk between two versions of a
// register. The zero value is no change.
type Change struct {
	// ID of the risk.
	RiskID string `json:"riskId"`
	// Its title (from the newer version when there is one).
	Title string `json:"title"`
	// Added, removed or modified.
	Kind ChangeKind `json:"kind"`
	// For Modified, the fields that changed, in the order of Risk's
	// fields.
	Fields []FieldChange `json:"fields,omitempty"`
}

// String returns "R-1 modified: owner, likelihood", "R-2 added" or "R-3
// removed".
func (c Change) String() string {
	s := c.RiskID + " " + string(c.Kind)
	if len(c.Fields) > 0 {
		names := make([]string, len(c.Fields))
		for i, f := range c.Fields {
			names[i] = f.Field
		}
		s += ": " + strings.Join(names, ", ")
	}
	return s
}

// ChangeLog is the difference between two versions of a register: the
// risks added, removed or modified, in natural order of their IDs, and
// the criteria of each version. The zero value is an empty change log.
type ChangeLog struct {
	// The criteria of the older register.
	FromCriteria CriteriaRef `json:"fromCriteria"`
	// The criteria of the newer register; when they differ from
	// FromCriteria, ratings of the two versions are not comparable
	// (ISO/IEC 27001:2022 clause 6.1.2 b).
	ToCriteria CriteriaRef `json:"toCriteria"`
	// The changes, in natural order of risk ID.
	Changes []Change `json:"changes,omitempty"`
}

// IsEmpty reports whether no risk changed.
func (c ChangeLog) IsEmpty() bool { return len(c.Changes) == 0 }

// Diff compares two versions of a register risk by risk, matching risks
// by ID, as soa.Diff compares two versions of an SoA. A risk is modified
// when any of its fields differs: every field of Risk is compared, its
// treatment plan, approvals, acceptances, scoring, quantitative scenario
// and extensions included (extensions and scenarios as compact JSON, so
// that a change of layout alone is none). Where a version lists an ID
// twice, the first risk counts. Assets, threats, vulnerabilities and the
// content of the criteria are not compared; the criteria's ID and
// version are recorded.
func Diff(older, newer Register) ChangeLog {
	log := ChangeLog{FromCriteria: older.Criteria.Ref(), ToCriteria: newer.Criteria.Ref()}
	oldAt := indexRisks(older.Risks)
	newAt := indexRisks(newer.Risks)
	ids := make([]string, 0, len(oldAt)+len(newAt))
	for id := range oldAt {
		ids = append(ids, id)
	}
	for id := range newAt {
		if _, ok := oldAt[id]; !ok {
			ids = append(ids, id)
		}
	}
	slices.SortFunc(ids, natural.Compare)
	for _, id := range ids {
		oi, inOld := oldAt[id]
		ni, inNew := newAt[id]
		switch {
		case !inOld:
			log.Changes = append(log.Changes, Change{RiskID: id, Title: newer.Risks[ni].Title, Kind: Added})
		case !inNew:
			log.Changes = append(log.Changes, Change{RiskID: id, Title: older.Risks[oi].Title, Kind: Removed})
		default:
			if f := riskDiff(&older.Risks[oi], &newer.Risks[ni]); len(f) > 0 {
				log.Changes = append(log.Changes, Change{RiskID: id, Title: newer.Risks[ni].Title, Kind: Modified, Fields: f})
			}
		}
	}
	return log
}

func indexRisks(rs []Risk) map[string]int {
	m := make(map[string]int, len(rs))
	for i := range rs {
		if _, ok := m[rs[i].ID]; !ok {
			m[rs[i].ID] = i
		}
	}
	return m
}

func riskDiff(a, b *Risk) []FieldChange {
	var out []FieldChange
	add := func(field, x, y string) {
		if x != y {
			out = append(out, FieldChange{Field: field, Old: x, New: y})
		}
	}
	lines := func(items []string) string { return strings.Join(items, "\n") }
	add("title", a.Title, b.Title)
	add("description", a.Description, b.Description)
	add("owner", a.Owner, b.Owner)
	add("businessUnit", a.BusinessUnit, b.BusinessUnit)
	add("assets", lines(a.Assets), lines(b.Assets))
	add("threats", lines(a.Threats), lines(b.Threats))
	add("vulnerabilities", lines(a.Vulnerabilities), lines(b.Vulnerabilities))
	add("properties", lines(codes(a.Properties)), lines(codes(b.Properties)))
	add("likelihood", numText(a.Likelihood), numText(b.Likelihood))
	add("impact", numText(a.Impact), numText(b.Impact))
	add("propertyImpacts", lines(mapText(a.PropertyImpacts, propertyImpactText)), lines(mapText(b.PropertyImpacts, propertyImpactText)))
	add("controls", lines(mapText(a.Controls, controlText)), lines(mapText(b.Controls, controlText)))
	add("current", estimateText(a.Current), estimateText(b.Current))
	add("residual", estimateText(a.Residual), estimateText(b.Residual))
	add("treatment.option", string(a.Treatment.Option), string(b.Treatment.Option))
	add("treatment.rationale", a.Treatment.Rationale, b.Treatment.Rationale)
	add("treatment.sharedWith", a.Treatment.SharedWith, b.Treatment.SharedWith)
	add("treatment.plan", lines(mapText(a.Treatment.Plan, actionText)), lines(mapText(b.Treatment.Plan, actionText)))
	add("approvals", lines(mapText(a.Approvals, approvalText)), lines(mapText(b.Approvals, approvalText)))
	add("acceptances", lines(mapText(a.Acceptances, acceptanceText)), lines(mapText(b.Acceptances, acceptanceText)))
	add("scoring", scoringText(a.Scoring), scoringText(b.Scoring))
	add("quantitative", scenarioText(a.Quantitative), scenarioText(b.Quantitative))
	add("extensions", rawText(a.Extensions), rawText(b.Extensions))
	return out
}

func mapText[E any](s []E, f func(E) string) []string {
	out := make([]string, len(s))
	for i, e := range s {
		out[i] = f(e)
	}
	return out
}

func codes[T ~string](vs []T) []string { return mapText(vs, func(v T) string { return string(v) }) }

// numText is a likelihood or impact as in the CSV form: empty for 0.
func numText(v int) string {
	if v == 0 {
		return ""
	}
	return strconv.Itoa(v)
}

func propertyImpactText(pi PropertyImpact) string {
	return string(pi.Property) + "=" + strconv.Itoa(pi.Impact)
}

// controlText is a control as in the CSV form:
// "ID=status:likelihoodEffect:impactEffect".
func controlText(c AppliedControl) string {
	return c.Control.String() + "=" + string(c.Status) + ":" + strconv.Itoa(c.LikelihoodEffect) + ":" + strconv.Itoa(c.ImpactEffect)
}

func estimateText(e *Estimate) string {
	if e == nil {
		return ""
	}
	return cellText(e.Likelihood, e.Impact)
}

func actionText(a Action) string {
	ctrls := mapText(a.Controls, func(c iso27002.ControlID) string { return c.String() })
	return fmt.Sprintf("%s: %s; owner %s; due %s; %s; controls %s", a.ID, a.Title, a.Owner, a.Due, string(a.Status), strings.Join(ctrls, " "))
}

func approvalText(ap Approval) string {
	return fmt.Sprintf("%s by %s: %s", ap.At, ap.By, ap.Comment)
}

func acceptanceText(ac Acceptance) string {
	return fmt.Sprintf("%s by %s: %s (L%d I%d) under %s, expires %s: %s", ac.At, ac.By, ac.Level, ac.Likelihood, ac.Impact, ac.Criteria, ac.Expires, ac.Comment)
}

func scoringText(s *ScoreRecord) string {
	if s == nil {
		return ""
	}
	return fmt.Sprintf("%s %s %s = %s %s", s.Method, s.Version, s.Vector, strconv.FormatFloat(s.Score, 'g', -1, 64), s.Severity)
}

// scenarioText is the compact JSON of a FAIR scenario, "" for none.
func scenarioText(q *fair.Scenario) string {
	if q == nil {
		return ""
	}
	b, err := json.Marshal(q)
	if err != nil {
		return "(not encodable: " + err.Error() + ")"
	}
	return string(b)
}

// rawText is the compact form of user JSON, or the bytes as they are
// when they are not JSON.
func rawText(m json.RawMessage) string {
	if len(bytes.TrimSpace(m)) == 0 {
		return ""
	}
	var b bytes.Buffer
	if err := json.Compact(&b, m); err != nil {
		return string(m)
	}
	return b.String()
}

// Markdown returns the change log as Markdown: a heading, the criteria
// of both versions, a count of the changes, then one table row per
// changed field ("(none)" for an empty value), or a line saying nothing
// changed. Every text from the registers is escaped, so that none is read
// as HTML or as Markdown markup, and the same change log gives the same
// bytes.
func (c ChangeLog) Markdown() []byte {
	var b bytes.Buffer
	b.WriteString("# Risk register changes\n\n")
	fmt.Fprintf(&b, "Criteria: %s to %s.\n\n", mdLine(c.FromCriteria.String()), mdLine(c.ToCriteria.String()))
	if c.IsEmpty() {
		b.WriteString("No risk changed.\n")
		return b.Bytes()
	}
	n := map[ChangeKind]int{}
	for _, ch := range c.Changes {
		n[ch.Kind]++
	}
	fmt.Fprintf(&b, "%d %s changed: %d modified, %d added, %d removed.\n\n", len(c.Changes), plural(len(c.Changes), "risk", "risks"), n[Modified], n[Added], n[Removed])
	t := table.Table{Header: []string{"Risk", "Title", "Change", "Field", "Before", "After"}}
	for _, ch := range c.Changes {
		id, title, kind := mdText(ch.RiskID), mdText(ch.Title), mdText(string(ch.Kind))
		if len(ch.Fields) == 0 {
			t.Append(id, title, kind)
			continue
		}
		for _, f := range ch.Fields {
			t.Append(id, title, kind, mdText(f.Field), mdText(orNone(f.Old)), mdText(orNone(f.New)))
		}
	}
	_ = t.WriteMarkdown(&b) // a bytes.Buffer does not fail
	return b.Bytes()
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// mdLine is mdText for a line of its own: line breaks become spaces.
func mdLine(s string) string {
	return mdText(strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s))
}

// mdText escapes text for Markdown: the characters that would start
// HTML or an entity become entities, and those that would start
// emphasis, code, links or images are escaped with a backslash. Line
// breaks and pipes inside table cells are the table writer's to escape.
var mdText = strings.NewReplacer(
	"&", "&amp;", "<", "&lt;", ">", "&gt;",
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "~", `\~`,
).Replace
