package audit

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/codec"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// Records is an organisation's audit records as one JSON document: the
// audit programme (9.2.2), the evidence examined, the findings and the
// corrective actions (10.2). DecodeRecords reads it strictly, Validate
// checks it, Assess turns it into readiness scores and NewReport into an
// audit report. JSONSchema returns its JSON Schema.
//
// The zero value is an empty document without a programme cycle, which
// Validate rejects.
type Records struct {
	// The organisation audited.
	Organization string `json:"organization,omitempty"`
	// 9.2.2: the audit programme. Required.
	Programme Programme `json:"programme"`
	// Evidence records examined by the auditors.
	Evidence []Evidence `json:"evidence,omitempty"`
	// 9.2.2 e and f: the findings of the audits.
	Findings []Finding `json:"findings,omitempty"`
	// 10.2: the corrective actions of the nonconformities.
	Actions []CorrectiveAction `json:"actions,omitempty"`
	// Extensions holds the user's own data as raw JSON, never interpreted
	// (re-encoding may compact its white space).
	Extensions map[string]json.RawMessage `json:"extensions,omitempty"`
}

// DecodeRecords decodes audit records from JSON strictly: an unknown or
// duplicated key, a wrong JSON type, an unknown enum value, a malformed ID
// or date, and data after the document are each reported as an
// *ismskit.Error with its path, all of them up to the problem limit,
// joined. opts set the decoder's limits. It does not validate the
// content; call Validate for that.
func DecodeRecords(data []byte, opts ...ismskit.DecodeOption) (Records, error) {
	r, err := codec.Decode[recordsJSON](data, opts)
	return Records(r), err
}

// ReadRecords reads audit records from r, never past the byte limit, and
// decodes them as DecodeRecords does.
func ReadRecords(r io.Reader, opts ...ismskit.DecodeOption) (Records, error) {
	return codec.Read(r, opts, DecodeRecords)
}

// EncodeRecords returns the JSON form of r, indented by two spaces and
// ending in a newline. The output is deterministic and DecodeRecords
// reads it back.
func EncodeRecords(r Records) ([]byte, error) { return codec.Encode(recordsJSON(r)) }

// WriteRecords writes the JSON form of r to w, as EncodeRecords returns
// it.
func WriteRecords(w io.Writer, r Records) error { return codec.Write(w, recordsJSON(r)) }

// recordsJSON is Records without its methods, for decoding.
type recordsJSON Records

// UnmarshalJSON decodes audit records strictly, as DecodeRecords does
// with the default limits.
func (r *Records) UnmarshalJSON(data []byte) error {
	return codec.Unmarshal(data, (*recordsJSON)(r))
}

// Validate checks the records against b and reports every problem, joined,
// each as a *ismskit.Error with its path and, inside a list, the ID of the
// element ("findings[2].statement", Item "F-3"):
//
//   - the basis itself: applicable controls the catalog lacks
//     (ismskit.ErrUnknownControl), high-risk controls that are not
//     applicable (ErrNotInSoA), at "basis.applicable[i]" and
//     "basis.highRisk[i]";
//   - the programme: a missing cycle, audit ID, kind, date or auditor
//     (ismskit.ErrMissing), IDs given twice (ismskit.ErrDuplicateID), dates
//     out of order or outside the cycle (ismskit.ErrDateOrder), a cycle over
//     three years (ErrCycleTooLong), a negative HighRiskAudits
//     (ismskit.ErrOutOfRange), unknown clauses (iso27001.ErrUnknownItem),
//     controls the catalog lacks or the SoA does not make applicable
//     (ismskit.ErrUnknownControl, ErrNotInSoA), and internal auditors
//     responsible for what they audit (ErrNotIndependent);
//   - evidence: missing fields, duplicate IDs, a malformed digest
//     (ErrInvalidDigest);
//   - findings: references to unknown audits, auditors or evidence
//     (ismskit.ErrUnknownReference), neither or both of item and control
//     (ErrSubject), unknown requirement items (iso27001.ErrUnknownItem),
//     controls outside the SoA ("findings[2].control (F-3): ...: not an
//     applicable control of the SoA"), subjects outside the audit's scope
//     (ErrOutOfScope), dates outside the audit or evidence examined after
//     the finding (ismskit.ErrDateOrder), a nonconformity without a
//     statement (ismskit.ErrMissing);
//   - corrective actions: unknown findings, findings that are not
//     nonconformities (ErrNotNonconformity), a history that skips a step
//     or does not start with raised (ErrIllegalTransition), dates out of
//     order, and the fields a reached state needs (ismskit.ErrMissing).
func (r Records) Validate(b Basis) error {
	_, err := r.check(b)
	return err
}

// check resolves b and validates r against it.
func (r Records) check(b Basis) (*basis, error) {
	var l fielderr.List
	rb := r.checkInto(b, &l)
	return rb, l.Err()
}

// checkAt is check for a computation as of a day, which must be given:
// a zero asOf is ismskit.ErrMissing at "asOf".
func (r Records) checkAt(b Basis, asOf ismskit.Date) (*basis, error) {
	var l fielderr.List
	if asOf.IsZero() {
		l.Add("asOf", ismskit.ErrMissing)
	}
	rb := r.checkInto(b, &l)
	return rb, l.Err()
}

func (r Records) checkInto(b Basis, l *fielderr.List) *basis {
	rb, err := b.resolve()
	l.Add("basis", err)
	r.validate(rb, l)
	return rb
}

func (r Records) validate(b *basis, l *fielderr.List) {
	var pl fielderr.List
	r.Programme.validate(b, &pl)
	l.Add("programme", pl.Err())

	evidence := make(map[string]ismskit.Date, len(r.Evidence))
	seenEv := make(map[string]bool, len(r.Evidence))
	for i, e := range r.Evidence {
		var el fielderr.List
		if checkID(&el, "", e.ID, seenEv) {
			evidence[e.ID] = e.When
		}
		if strings.TrimSpace(e.What) == "" {
			el.Add("what", ismskit.ErrMissing)
		}
		if e.When.IsZero() {
			el.Add("when", ismskit.ErrMissing)
		}
		if e.SHA256 != "" {
			el.Add("sha256", checkDigest(e.SHA256))
		}
		l.AddItem(fielderr.Index("evidence", i), e.ID, el.Err())
	}

	findings := make(map[string]*Finding, len(r.Findings))
	ids := make(map[string]bool, len(r.Findings))
	for i := range r.Findings {
		f := &r.Findings[i]
		var fl fielderr.List
		if checkID(&fl, "", f.ID, ids) {
			findings[f.ID] = f
		}
		r.validateFinding(b, f, evidence, &fl)
		l.AddItem(fielderr.Index("findings", i), f.ID, fl.Err())
	}

	actions := make(map[string]bool, len(r.Actions))
	for i := range r.Actions {
		a := &r.Actions[i]
		var al fielderr.List
		checkID(&al, "", a.ID, actions)
		f, ok := findings[a.Finding]
		switch {
		case a.Finding == "":
			al.Add("finding", ismskit.ErrMissing)
		case !ok:
			al.Add("finding", fmt.Errorf("%w: no finding %q", ismskit.ErrUnknownReference, clip(a.Finding)))
		case !f.Result.IsNonconformity():
			al.Add("finding", fmt.Errorf("%w: %s is %s", ErrNotNonconformity, clip(f.ID), strings.ToLower(f.Result.String())))
		case len(a.History) > 0 && !f.Date.IsZero() && a.History[0].Date.Before(f.Date):
			al.Add("history[0].date", fmt.Errorf("%w: %s is before the finding's date %s", ismskit.ErrDateOrder, a.History[0].Date, f.Date))
		}
		a.validate(&al)
		l.AddItem(fielderr.Index("actions", i), a.ID, al.Err())
	}
}

// validateFinding checks f, at paths relative to the finding.
func (r Records) validateFinding(b *basis, f *Finding, evidence map[string]ismskit.Date, l *fielderr.List) {
	a, ok := r.Programme.audit(f.Audit)
	switch {
	case f.Audit == "":
		l.Add("audit", ismskit.ErrMissing)
	case !ok:
		l.Add("audit", fmt.Errorf("%w: no audit %q in the programme", ismskit.ErrUnknownReference, clip(f.Audit)))
	}
	switch {
	case f.Item.IsValid() == f.Control.IsValid():
		l.Add("", ErrSubject)
	case f.Item.IsValid():
		if err := b.checkItem(f.Item); err != nil {
			l.Add("item", err)
		} else if ok && !a.Scope.coversItem(f.Item) {
			l.Add("item", fmt.Errorf("%w: %s is not in the scope of audit %s", ErrOutOfScope, f.Item, clip(a.ID)))
		}
	default:
		if err := b.checkApplicable(f.Control); err != nil {
			l.Add("control", err)
		} else if ok && !slices.Contains(a.Scope.Controls, f.Control) {
			l.Add("control", fmt.Errorf("%w: %s is not in the scope of audit %s", ErrOutOfScope, f.Control, clip(a.ID)))
		}
	}
	if !f.Result.IsValid() {
		l.Add("result", ismskit.ErrMissing)
	} else if f.Result != Conforming && f.Result != NotAudited && strings.TrimSpace(f.Statement) == "" {
		l.Add("statement", fmt.Errorf("%w: %s needs a statement", ismskit.ErrMissing, article(strings.ToLower(f.Result.String()))))
	}
	switch {
	case f.Date.IsZero():
		l.Add("date", ismskit.ErrMissing)
	case ok && !a.Start.IsZero() && f.Date.Before(a.Start):
		l.Add("date", fmt.Errorf("%w: %s is before audit %s starts on %s", ismskit.ErrDateOrder, f.Date, clip(a.ID), a.Start))
	case ok && !a.End.IsZero() && f.Date.After(a.End):
		l.Add("date", fmt.Errorf("%w: %s is after audit %s ends on %s", ismskit.ErrDateOrder, f.Date, clip(a.ID), a.End))
	}
	if f.Auditor == "" {
		l.Add("auditor", ismskit.ErrMissing)
	} else if ok && !slices.ContainsFunc(a.Auditors, func(au Auditor) bool { return au.Name == f.Auditor }) {
		l.Add("auditor", fmt.Errorf("%w: %q is not an auditor of audit %s", ismskit.ErrUnknownReference, clip(f.Auditor), clip(a.ID)))
	}
	for j, e := range f.Evidence {
		when, ok := evidence[e]
		switch {
		case !ok:
			l.Add(fielderr.Index("evidence", j), fmt.Errorf("%w: no evidence %q", ismskit.ErrUnknownReference, clip(e)))
		case !f.Date.IsZero() && when.After(f.Date):
			l.Add(fielderr.Index("evidence", j), fmt.Errorf("%w: evidence %s was examined on %s, after the finding's date %s", ismskit.ErrDateOrder, clip(e), when, f.Date))
		}
	}
}

// checkID reports an empty or repeated ID at path.id and records it in
// seen; it reports whether the ID is new.
func checkID(l *fielderr.List, path, id string, seen map[string]bool) bool {
	path = fielderr.JoinPath(path, "id")
	if strings.TrimSpace(id) == "" {
		l.Add(path, ismskit.ErrMissing)
		return false
	}
	if seen[id] {
		l.Add(path, fmt.Errorf("%w: %q", ismskit.ErrDuplicateID, clip(id)))
		return false
	}
	seen[id] = true
	return true
}
