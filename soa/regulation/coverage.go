package regulation

import (
	"bytes"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/audit"
	"github.com/ismskit/ismskit/internal/codec"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/internal/table"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/soa"
)

// CoverageOptions tunes CoverageOf. The zero value judges every
// requirement of the regulation by its built-in mapping, without audit
// results.
type CoverageOptions struct {
	// Tailoring, when set, says which requirements apply (the others are
	// NotApplicable) and adjusts their controls as Obligations does.
	Tailoring *Tailoring `json:"tailoring,omitempty"`
	// Audit, when set, are audit records whose open nonconformities
	// against a control (major or minor, dated on or before AsOf, without
	// a corrective action effective by then) keep that control from
	// counting as implemented.
	Audit *audit.Records `json:"audit,omitempty"`
	// AsOf is the day the audit records are read as of. Required with
	// Audit.
	AsOf ismskit.Date `json:"asOf,omitzero"`
}

// Coverage is how far a Statement of Applicability covers the
// requirements of one regulation through the Annex A controls mapped to
// them. The zero value covers nothing.
type Coverage struct {
	// The regulation.
	Regulation Regulation `json:"regulation"`
	// Organisation, version and date of the SoA, from its header.
	Organization string       `json:"organization,omitempty"`
	SoAVersion   string       `json:"soaVersion,omitempty"`
	SoADate      ismskit.Date `json:"soaDate,omitzero"`
	// The day audit results were read as of; zero without them.
	AsOf ismskit.Date `json:"asOf,omitzero"`
	// The counts per status.
	Summary CoverageSummary `json:"summary"`
	// One line per requirement, in the order of the text.
	Requirements []RequirementCoverage `json:"requirements"`
}

// CoverageSummary counts the requirements of a Coverage per status. The
// zero value counts none.
type CoverageSummary struct {
	Covered       int `json:"covered"`
	Partial       int `json:"partial"`
	NotCovered    int `json:"notCovered"`
	Unmapped      int `json:"unmapped"`
	NotApplicable int `json:"notApplicable"`
	// Percent is 100 * Covered / (Covered + Partial + NotCovered), rounded
	// to one decimal, and 0 when that sum is 0.
	Percent float64 `json:"percent"`
}

// RequirementCoverage is the coverage of one requirement, with the
// controls named. The zero value is no requirement.
type RequirementCoverage struct {
	// The requirement and its title.
	Requirement ID     `json:"requirement"`
	Title       string `json:"title"`
	// Its status.
	Status Status `json:"status"`
	// The mapped controls the SoA includes as implemented, without an
	// open nonconformity.
	Implemented []iso27002.ControlID `json:"implemented,omitempty"`
	// The mapped controls in progress: planned, partially implemented,
	// not started, or implemented with an open nonconformity.
	InProgress []iso27002.ControlID `json:"inProgress,omitempty"`
	// The mapped controls that are undecided or absent from the SoA.
	Missing []iso27002.ControlID `json:"missing,omitempty"`
	// The mapped controls the SoA excludes.
	Excluded []iso27002.ControlID `json:"excluded,omitempty"`
	// IDs of the open nonconformities against mapped controls, in the
	// order of the audit records.
	Nonconformities []string `json:"nonconformities,omitempty"`
	// Why the requirement does not apply (NotApplicable only).
	Note string `json:"note,omitempty"`
}

// CoverageOf returns how far the SoA s covers the requirements of r.
// Each requirement's controls are its mapped Annex A controls (Controls,
// or as a Tailoring adjusts them; for an SoA on the 2013 catalog, their
// 2013 controls), judged by the SoA's entries:
//
//   - a control counts as implemented when the SoA includes it with the
//     status Implemented and the audit records (if given) hold no open
//     nonconformity against it; as in progress when it is included with
//     another status, or implemented with an open nonconformity; as
//     excluded when the SoA excludes it; as missing when it is undecided
//     or absent;
//   - the requirement is Covered when some controls are implemented and
//     none is in progress or missing (an excluded control does not count
//     against it: the SoA justifies it), Partial when some are implemented
//     or in progress but it is not covered, NotCovered when none is
//     implemented or in progress, Unmapped when it has no control, and
//     NotApplicable when the Tailoring says it does not apply.
//
// The SoA is read as it is, not validated. CoverageOf returns an error,
// an *ismskit.Error with its path, for an invalid r, a tailoring that does
// not validate (its problems under "tailoring"), or audit records
// without AsOf. It does not modify its arguments.
func CoverageOf(r Regulation, s soa.SoA, opts CoverageOptions) (*Coverage, error) {
	if !r.IsValid() {
		return nil, &ismskit.Error{Path: "regulation", Err: fielderr.Errorf(ismskit.ErrUnknownValue, "regulation %d is not built in", uint8(r))}
	}
	if opts.Audit != nil && opts.AsOf.IsZero() {
		return nil, &ismskit.Error{Path: "asOf", Err: fielderr.Errorf(ismskit.ErrMissing, "audit results need the day they are read as of")}
	}
	var p *plan
	if opts.Tailoring != nil {
		var err error
		if p, err = opts.Tailoring.resolve(); err != nil {
			return nil, fielderr.Prefix("tailoring", err)
		}
	} else {
		p = &plan{applies: map[ID]bool{}}
		for _, req := range theIndex().requirements(r) {
			p.applies[req.ID] = true
		}
	}
	if s.Header.Edition == iso27002.Edition2013 {
		p.edition = iso27002.Edition2013
	} else {
		p.edition = iso27002.Edition2022
	}
	entries := make(map[iso27002.ControlID]*soa.Entry, len(s.Entries))
	for i := range s.Entries {
		if _, dup := entries[s.Entries[i].Control]; !dup {
			entries[s.Entries[i].Control] = &s.Entries[i]
		}
	}
	open := openNonconformities(opts.Audit, opts.AsOf)

	c := &Coverage{Regulation: r, Organization: s.Header.Organization, SoAVersion: s.Header.Version, SoADate: s.Header.Date}
	if opts.Audit != nil {
		c.AsOf = opts.AsOf
	}
	for _, req := range theIndex().requirements(r) {
		rc := RequirementCoverage{Requirement: req.ID, Title: req.Title}
		if !p.applicable(req.ID) {
			rc.Status, rc.Note = NotApplicable, p.excluded[req.ID]
			c.add(rc)
			continue
		}
		ctls, _ := p.mapped(req.ID)
		for _, a := range p.adds[req.ID] {
			ctls = append(ctls, a.Control)
		}
		ctls, _ = p.inEdition(ctls)
		slices.SortFunc(ctls, iso27002.Compare)
		ctls = slices.Compact(ctls)
		for _, id := range ctls {
			e := entries[id]
			ncs := open[id]
			rc.Nonconformities = append(rc.Nonconformities, ncs...)
			switch {
			case e == nil || e.Applicability == soa.Undecided:
				rc.Missing = append(rc.Missing, id)
			case e.Applicability == soa.Excluded:
				rc.Excluded = append(rc.Excluded, id)
			case e.Status == soa.Implemented && len(ncs) == 0:
				rc.Implemented = append(rc.Implemented, id)
			default:
				rc.InProgress = append(rc.InProgress, id)
			}
		}
		switch {
		case len(ctls) == 0:
			rc.Status = Unmapped
		case len(rc.Implemented) > 0 && len(rc.InProgress) == 0 && len(rc.Missing) == 0:
			rc.Status = Covered
		case len(rc.Implemented) > 0 || len(rc.InProgress) > 0:
			rc.Status = Partial
		default:
			rc.Status = NotCovered
		}
		c.add(rc)
	}
	if n := c.Summary.Covered + c.Summary.Partial + c.Summary.NotCovered; n > 0 {
		c.Summary.Percent = float64(int(1000*float64(c.Summary.Covered)/float64(n)+0.5)) / 10
	}
	return c, nil
}

func (c *Coverage) add(rc RequirementCoverage) {
	switch rc.Status {
	case Covered:
		c.Summary.Covered++
	case Partial:
		c.Summary.Partial++
	case NotCovered:
		c.Summary.NotCovered++
	case Unmapped:
		c.Summary.Unmapped++
	case NotApplicable:
		c.Summary.NotApplicable++
	}
	c.Requirements = append(c.Requirements, rc)
}

// openNonconformities returns, per control, the IDs of the major and
// minor nonconformities against it dated on or before asOf that no
// corrective action had made effective by then.
func openNonconformities(r *audit.Records, asOf ismskit.Date) map[iso27002.ControlID][]string {
	out := map[iso27002.ControlID][]string{}
	if r == nil {
		return out
	}
	effective := map[string]bool{}
	for _, a := range r.Actions {
		if a.StateAt(asOf).Closed() {
			effective[a.Finding] = true
		}
	}
	for _, f := range r.Findings {
		if f.Control.IsValid() && f.Result.IsNonconformity() && !f.Date.After(asOf) && !effective[f.ID] {
			out[f.Control] = append(out[f.Control], f.ID)
		}
	}
	return out
}

// EncodeCoverage returns the JSON form of c, indented by two spaces and
// ending in a newline; a nil c encodes as null.
func EncodeCoverage(c *Coverage) ([]byte, error) { return codec.Encode(c) }

// WriteCoverage writes the JSON form of c to w, as EncodeCoverage
// returns it.
func WriteCoverage(w io.Writer, c *Coverage) error { return codec.Write(w, c) }

// Markdown returns the coverage as a Markdown document: a table of the
// SoA and regulation, the counts per status, one row per requirement
// with controls (and per requirement that does not apply), and a list of
// the requirements without controls. Every text that comes from the SoA or the tailoring
// (organisation, version, reasons) is escaped so that it reads as plain
// text, and so is every other cell. A nil c gives the document of the
// zero Coverage. The same coverage gives the same bytes.
func (c *Coverage) Markdown() []byte {
	if c == nil {
		c = &Coverage{}
	}
	var b bytes.Buffer
	b.WriteString("# " + mdEscape(c.Regulation.String()+" coverage") + "\n\n")
	head := table.Table{Header: []string{"Field", "Value"}}
	head.Append("Regulation", mdEscape(c.Regulation.Title()))
	head.Append("Organisation", mdEscape(c.Organization))
	head.Append("SoA version", mdEscape(c.SoAVersion))
	head.Append("SoA date", c.SoADate.String())
	if !c.AsOf.IsZero() {
		head.Append("Audit results as of", c.AsOf.String())
	}
	_ = head.WriteMarkdown(&b) // a bytes.Buffer does not fail
	b.WriteString("\n## Summary\n\n")
	sum := table.Table{Header: []string{"Status", "Requirements"}}
	s := c.Summary
	for _, row := range []struct {
		st Status
		n  int
	}{{Covered, s.Covered}, {Partial, s.Partial}, {NotCovered, s.NotCovered}, {Unmapped, s.Unmapped}, {NotApplicable, s.NotApplicable}} {
		sum.Append(row.st.String(), strconv.Itoa(row.n))
	}
	sum.Append("Covered of those with controls", strconv.FormatFloat(s.Percent, 'f', 1, 64)+"%")
	_ = sum.WriteMarkdown(&b)
	b.WriteString("\n## Requirements\n\n")
	t := table.Table{Header: []string{"Requirement", "Title", "Status", "Implemented", "In progress", "Missing", "Excluded", "Open nonconformities", "Note"}}
	var unmapped []string
	for _, rc := range c.Requirements {
		if rc.Status == Unmapped {
			unmapped = append(unmapped, mdEscape(rc.Requirement.Local()))
			continue
		}
		t.Append(mdEscape(rc.Requirement.Local()), mdEscape(rc.Title), rc.Status.String(), joinIDs(rc.Implemented), joinIDs(rc.InProgress),
			joinIDs(rc.Missing), joinIDs(rc.Excluded), mdEscape(strings.Join(rc.Nonconformities, ", ")), mdEscape(rc.Note))
	}
	_ = t.WriteMarkdown(&b)
	if len(unmapped) > 0 {
		b.WriteString("\nWithout Annex A controls (" + strconv.Itoa(len(unmapped)) + "): " + strings.Join(unmapped, ", ") + ".\n")
	}
	return b.Bytes()
}

// mdEscape puts a backslash before every character that can start or
// end inline Markdown (emphasis, code, links, images, HTML, entities,
// strikethrough), so that text reads as itself inside a table cell. The
// pipe and line breaks are left to the table writer, which escapes them.
func mdEscape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if strings.IndexByte("\\`*_[]<>!&~#", c) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	return b.String()
}
