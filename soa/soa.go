package soa

import (
	"encoding/json"
	"iter"
	"slices"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/iso27002"
)

// SoA is a Statement of Applicability (ISO/IEC 27001:2022 clause 6.1.3 d):
// one entry per control of the catalog in use, saying whether the control
// is included and why, or why it is excluded, and how far it is
// implemented. It is a plain value that the caller stores; the package
// reads it and returns new values (see Clone for a deep copy).
//
// The zero value is an empty SoA. Validate reports every problem it has:
// no organisation, version or date, no entries, and no catalog to check
// them against; given a catalog (ValidateOptions.Catalog, or a header
// edition with a built-in catalog), every control of that catalog as
// missing.
//
// Templates (text/template, html/template) can read an SoA directly:
// {{range .Included}} ranges over the included entries (templates range
// over such iterator methods, with one variable, since Go 1.24),
// {{with .EntryFor "8.13"}} looks an entry up by its control's ID,
// {{.Summary.Total.Implemented}} counts, and every enumeration and
// Reason prints its words for people.
type SoA struct {
	// The document header: organisation, scope, version, date, approval.
	// Required.
	Header Header `json:"header"`
	// 6.1.3 d: one entry per control of the catalog, in natural order of
	// the control IDs. Required.
	Entries []Entry `json:"entries"`
	// User data, kept untouched.
	Extensions json.RawMessage `json:"extensions,omitempty"`
}

// Header identifies an SoA document (documented information required by
// ISO/IEC 27001:2022 clause 6.1.3 d, kept under 7.5). The zero value has
// no organisation, version or date, which Validate reports.
type Header struct {
	// Organisation whose ISMS the SoA belongs to. Required.
	Organization string `json:"organization"`
	// Reference to the ISMS scope (clause 4.3), such as a document ID.
	Scope string `json:"scope,omitempty"`
	// Version of this SoA ("1.0", "2026-2"). Required.
	Version string `json:"version"`
	// Date of this version, as given by the caller. Required.
	Date ismskit.Date `json:"date"`
	// Who prepared this version.
	PreparedBy string `json:"preparedBy,omitempty"`
	// Who approved this version; empty for a draft.
	ApprovedBy string `json:"approvedBy,omitempty"`
	// When it was approved; the zero time for a draft.
	ApprovedAt ismskit.Date `json:"approvedAt,omitzero"`
	// Name of the control catalog ("ISO/IEC 27002:2022"). Generate sets it.
	Catalog string `json:"catalog,omitempty"`
	// Edition of the catalog: 2022, 2013, or custom (the zero Edition)
	// for a catalog of mixed or user controls. Generate sets it.
	Edition iso27002.Edition `json:"edition"`
}

// Entry is the line of an SoA for one control (ISO/IEC 27001:2022 clause
// 6.1.3 d): whether it is included, the reasons for including it or the
// justification for excluding it, and its implementation.
//
// The zero value is invalid: it names no control.
type Entry struct {
	// The control, from the catalog in use. Required.
	Control iso27002.ControlID `json:"control"`
	// The control's title as Annex A words it (Control.DisplayTitle).
	Title string `json:"title"`
	// The theme (2022: "organizational", "people", "physical",
	// "technological"), the 2013 clause ("A.9 Access control") or the
	// group of a custom control. Informative; used by the summaries.
	Theme string `json:"theme,omitempty"`
	// 6.1.3 d: included, excluded, or undecided (the zero value) when no
	// source has decided yet.
	Applicability Applicability `json:"applicability"`
	// 6.1.3 d: why the control is included. Required when Applicability
	// is Included.
	Reasons []Reason `json:"reasons,omitempty"`
	// 6.1.3 d: justification for exclusion. Required when Applicability
	// is Excluded.
	Justification string `json:"justification,omitempty"`
	// 6.1.3 d: whether the control is implemented. Required when
	// Applicability is Included; NotApplicable for an excluded control.
	Status Status `json:"status,omitzero"`
	// How the control is implemented, in the organisation's words.
	Implementation string `json:"implementation,omitempty"`
	// Who is responsible for the control.
	Owner string `json:"owner,omitempty"`
	// When the implementation is due; the zero time for none.
	TargetDate ismskit.Date `json:"targetDate,omitzero"`
	// References to evidence of the implementation (document IDs, links).
	// Required for an implemented control when Validate is asked for
	// evidence.
	Evidence []string `json:"evidence,omitempty"`
	// Whether the control is the organisation's own (the zero value),
	// inherited from a provider or shared with one. Inheriting a
	// control is not excluding it.
	Responsibility Responsibility `json:"responsibility,omitzero"`
	// The provider that runs or shares the control (a cloud provider).
	// Required when Responsibility is Inherited or Shared.
	Provider string `json:"provider,omitempty"`
	// Free notes, such as where a transitioned entry came from.
	Notes []string `json:"notes,omitempty"`
	// User data, kept untouched.
	Extensions json.RawMessage `json:"extensions,omitempty"`
}

// Reason is one reason for including a control in an SoA (ISO/IEC
// 27001:2022 clause 6.1.3 d): the treatment of risks (6.1.3 b), a legal,
// regulatory or contractual requirement of an interested party (4.2), a
// business requirement, or good practice. The zero value is invalid (no
// kind).
type Reason struct {
	// The kind of reason. Required.
	Kind ReasonKind `json:"kind,omitzero"`
	// IDs of the risks the control treats, from the risk register.
	// Required when Kind is RiskTreatment, empty otherwise.
	Risks []string `json:"risks,omitempty"`
	// The requirement ("GDPR Art. 32", "MSA with Example Bank, clause
	// 7"). Required when Kind is Legal, Regulatory or Contractual.
	Reference string `json:"reference,omitempty"`
	// Free note.
	Note string `json:"note,omitempty"`
}

// Clone returns a deep copy of s: no slice or extension of the copy
// shares memory with s.
func (s SoA) Clone() SoA {
	out := s
	out.Extensions = slices.Clone(s.Extensions)
	if s.Entries != nil {
		out.Entries = make([]Entry, len(s.Entries))
		for i := range s.Entries {
			out.Entries[i] = s.Entries[i].Clone()
		}
	}
	return out
}

// Clone returns a deep copy of e.
func (e Entry) Clone() Entry {
	out := e
	out.Reasons = cloneReasons(e.Reasons)
	out.Evidence = slices.Clone(e.Evidence)
	out.Notes = slices.Clone(e.Notes)
	out.Extensions = slices.Clone(e.Extensions)
	return out
}

func cloneReasons(rs []Reason) []Reason {
	if rs == nil {
		return nil
	}
	out := make([]Reason, len(rs))
	for i, r := range rs {
		r.Risks = slices.Clone(r.Risks)
		out[i] = r
	}
	return out
}

// Entry returns a copy of the entry for the control id, and whether s
// has one.
func (s SoA) Entry(id iso27002.ControlID) (Entry, bool) {
	if i := s.index(id); i >= 0 {
		return s.Entries[i].Clone(), true
	}
	return Entry{}, false
}

// EntryFor returns a copy of the entry for the control whose ID is id,
// as it is written ("5.1", "A.5.1.1", "acme:backup-drill") or as
// iso27002.Parse reads it, or nil if s has none. It is Entry for
// templates, which give IDs as text and test the result with "with":
//
//	{{with .EntryFor "8.13"}}{{.Status}}{{else}}not listed{{end}}
func (s SoA) EntryFor(id string) *Entry {
	for i := range s.Entries {
		if s.Entries[i].Control.IsValid() && s.Entries[i].Control.String() == id {
			e := s.Entries[i].Clone()
			return &e
		}
	}
	if cid, err := iso27002.Parse(id); err == nil {
		if i := s.index(cid); i >= 0 {
			e := s.Entries[i].Clone()
			return &e
		}
	}
	return nil
}

// index returns the index of the first entry for id, or -1.
func (s SoA) index(id iso27002.ControlID) int {
	if !id.IsValid() {
		return -1
	}
	for i := range s.Entries {
		if s.Entries[i].Control == id {
			return i
		}
	}
	return -1
}

// itemOf is the Item of a problem about the control id: its ID, or ""
// for the zero ControlID.
func itemOf(id iso27002.ControlID) string {
	if !id.IsValid() {
		return ""
	}
	return id.String()
}

// Undecided returns the entries that no source has decided, in document
// order. A control is never silently excluded: these are the controls
// that still need a decision.
//
//	for e := range doc.Undecided() { fmt.Println(e.Control, "needs a decision") }
//
// Templates range over it with one variable, {{range .Undecided}}, and
// count with {{.Summary.Total.Undecided}}.
func (s SoA) Undecided() iter.Seq[Entry] {
	return s.filter(func(e *Entry) bool { return e.Applicability == Undecided })
}

// Included returns the included entries, in document order.
//
//	for e := range doc.Included() { fmt.Println(e.Control, e.Status) }
func (s SoA) Included() iter.Seq[Entry] {
	return s.filter(func(e *Entry) bool { return e.Applicability == Included })
}

// Excluded returns the excluded entries, in document order.
//
//	for e := range doc.Excluded() { fmt.Println(e.Control, e.Justification) }
func (s SoA) Excluded() iter.Seq[Entry] {
	return s.filter(func(e *Entry) bool { return e.Applicability == Excluded })
}

func (s SoA) filter(keep func(*Entry) bool) iter.Seq[Entry] {
	return func(yield func(Entry) bool) {
		for i := range s.Entries {
			if keep(&s.Entries[i]) && !yield(s.Entries[i].Clone()) {
				return
			}
		}
	}
}

// TreatsRisk reports whether the entry has a risk-treatment reason.
func (e Entry) TreatsRisk() bool {
	for _, r := range e.Reasons {
		if r.Kind == RiskTreatment {
			return true
		}
	}
	return false
}
