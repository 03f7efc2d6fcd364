package xlsx

import (
	"encoding/json"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/soa"
)

// The columns of the SoA sheet, in order. Every visible column holds
// words for people; the last one, hidden, holds what words cannot say
// exactly (see rowData).
const (
	colControl = iota
	colTitle
	colApplicable
	colReasons
	colJustification
	colStatus
	colTarget
	colImplementation
	colOwner
	colEvidence
	colResponsibility
	colProvider
	colNotes
	colData
	nCols
)

// column is a column of the SoA sheet: its heading, the JSON name of its
// field (for error paths) and its width in characters.
type column struct {
	heading, field string
	width          float64
}

var columns = [nCols]column{
	{"Control", "control", 10},
	{"Title", "title", 26},
	{"Applicable", "applicability", 10},
	{"Reasons for inclusion", "reasons", 30},
	{"Justification for exclusion", "justification", 20},
	{"Status", "status", 14},
	{"Target date", "targetDate", 11},
	{"Implementation", "implementation", 44},
	{"Owner", "owner", 16},
	{"Evidence", "evidence", 20},
	{"Responsibility", "responsibility", 12},
	{"Provider", "provider", 12},
	{"Notes", "notes", 14},
	{"Data (kept by ismskit, do not edit)", "data", 12},
}

// rowData is the hidden cell of a row of the SoA sheet, as JSON: for a
// section row, Section and the theme; for an entry, its theme and the
// fields whose words do not give them back exactly: reasons (a reference
// with parentheses reads like a note), evidence and notes (an item with a
// line break reads as two), and the extensions (kept as their text).
type rowData struct {
	Section bool `json:"section,omitempty"`
	// Order is the entry's index in the SoA, which the theme sections
	// may change: a custom control of an early theme comes last in the
	// SoA, after every control of the catalog.
	Order      *int         `json:"order,omitempty"`
	Theme      string       `json:"theme,omitempty"`
	Reasons    []soa.Reason `json:"reasons,omitempty"`
	Evidence   []string     `json:"evidence,omitempty"`
	Notes      []string     `json:"notes,omitempty"`
	Extensions string       `json:"extensions,omitempty"`
}

// The words of the lists a person picks from.
var (
	applicableWords     = []string{"Yes", "No", "Undecided"}
	responsibilityWords = []string{"Own", "Inherited", "Shared"}
)

func statusWords() []string {
	var out []string
	for _, st := range soa.Statuses() {
		out = append(out, st.String())
	}
	return out
}

func applicableWord(a soa.Applicability) string {
	switch a {
	case soa.Included:
		return "Yes"
	case soa.Excluded:
		return "No"
	}
	return "Undecided"
}

// parseApplicable reads the Applicable column: "Yes", "No", "Undecided",
// or a code of the JSON form, in any case.
func parseApplicable(s string) (soa.Applicability, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "yes", "included":
		return soa.Included, nil
	case "no", "excluded":
		return soa.Excluded, nil
	case "undecided":
		return soa.Undecided, nil
	}
	return 0, errf(ismskit.ErrUnknownValue, `%q: want "Yes", "No" or "Undecided"`, clip(s))
}

// parseStatus reads the Status column: a label ("Partially implemented")
// or a code ("partially-implemented"), in any case; empty is no status.
func parseStatus(s string) (soa.Status, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	for _, st := range soa.Statuses() {
		if strings.EqualFold(s, st.String()) {
			return st, nil
		}
	}
	st, err := soa.ParseStatus(strings.ToLower(s))
	if err != nil {
		return 0, errf(ismskit.ErrUnknownValue, "%q: want one of %s", clip(s), strings.Join(statusWords(), ", "))
	}
	return st, nil
}

// parseResponsibility reads the Responsibility column; empty is Own.
func parseResponsibility(s string) (soa.Responsibility, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return soa.Own, nil
	}
	r, err := soa.ParseResponsibility(strings.ToLower(s))
	if err != nil {
		return 0, errf(ismskit.ErrUnknownValue, `%q: want "Own", "Inherited" or "Shared"`, clip(s))
	}
	return r, nil
}

// reasonsWords is the Reasons column: one reason a line, in words.
func reasonsWords(rs []soa.Reason) string {
	lines := make([]string, len(rs))
	for i, r := range rs {
		lines[i] = r.String()
	}
	return strings.Join(lines, "\n")
}

// parseReasons reads reasons that a person wrote or changed in words, one
// a line (empty lines are skipped): the kind's label or code, then after
// ": " the risk IDs separated by ", " (risk treatment) or the reference
// (legal, regulatory, contractual). Text in parentheses at the end of a
// risk-treatment, business-requirement or best-practice reason is its
// note; a reference keeps its parentheses, since they are part of it as
// often as not.
func parseReasons(cell string) ([]soa.Reason, error) {
	var out []soa.Reason
	for _, line := range strings.Split(strings.ReplaceAll(cell, "\r\n", "\n"), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		r, err := parseReason(line)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

func parseReason(line string) (soa.Reason, error) {
	for _, k := range soa.ReasonKinds() {
		for _, name := range []string{k.String(), kindCode(k)} {
			if len(line) < len(name) || !strings.EqualFold(line[:len(name)], name) {
				continue
			}
			rest := line[len(name):]
			if rest != "" && rest[0] != ':' && rest[0] != ' ' {
				continue
			}
			return reasonOf(k, rest), nil
		}
	}
	var want []string
	for _, k := range soa.ReasonKinds() {
		want = append(want, k.String())
	}
	return soa.Reason{}, errf(ismskit.ErrUnknownValue, "%q does not begin with a kind of reason (%s)", clip(line), strings.Join(want, ", "))
}

func kindCode(k soa.ReasonKind) string {
	b, _ := k.MarshalText()
	return string(b)
}

// reasonOf reads what follows the kind's name.
func reasonOf(k soa.ReasonKind, rest string) soa.Reason {
	r := soa.Reason{Kind: k}
	rest = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(rest), ":"))
	switch k {
	case soa.Legal, soa.Regulatory, soa.Contractual:
		r.Reference = rest
		return r
	}
	if i := strings.LastIndex(rest, "("); i >= 0 && strings.HasSuffix(rest, ")") {
		r.Note = strings.TrimSpace(rest[i+1 : len(rest)-1])
		rest = strings.TrimSpace(rest[:i])
	}
	if k == soa.RiskTreatment {
		for _, id := range strings.Split(rest, ",") {
			if id = strings.TrimSpace(id); id != "" {
				r.Risks = append(r.Risks, id)
			}
		}
	} else if rest != "" {
		r.Note = strings.TrimSpace(strings.TrimSpace(rest) + " " + r.Note)
	}
	return r
}

// listWords is the Evidence or Notes column: one item a line.
func listWords(items []string) string { return strings.Join(items, "\n") }

// parseList reads a list that a person wrote or changed: one item a
// line, empty lines skipped.
func parseList(cell string) []string {
	var out []string
	for _, line := range strings.Split(strings.ReplaceAll(cell, "\r\n", "\n"), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

// entryCells returns the cells of the SoA sheet for e, as text; the
// target date's cell is its text form (the writer stores it as a date).
func entryCells(e *soa.Entry, order int) ([nCols]string, error) {
	var c [nCols]string
	c[colControl] = e.Control.String()
	c[colTitle] = e.Title
	c[colApplicable] = applicableWord(e.Applicability)
	c[colReasons] = reasonsWords(e.Reasons)
	c[colJustification] = e.Justification
	c[colStatus] = e.Status.String()
	c[colTarget] = e.TargetDate.String()
	c[colImplementation] = e.Implementation
	c[colOwner] = e.Owner
	c[colEvidence] = listWords(e.Evidence)
	c[colResponsibility] = e.Responsibility.String()
	c[colProvider] = e.Provider
	c[colNotes] = listWords(e.Notes)
	d := rowData{Order: &order, Theme: e.Theme, Reasons: e.Reasons, Evidence: e.Evidence, Notes: e.Notes, Extensions: string(e.Extensions)}
	b, err := json.Marshal(d)
	c[colData] = string(b)
	return c, err
}

// sectionData is the hidden cell of a section row.
func sectionData(theme string) string {
	b, _ := json.Marshal(rowData{Section: true, Theme: theme})
	return string(b)
}

// catalogEdition reads the edition words of the Document sheet.
func catalogEdition(s string) (iso27002.Edition, error) {
	return iso27002.ParseEdition(strings.ToLower(strings.TrimSpace(s)))
}
