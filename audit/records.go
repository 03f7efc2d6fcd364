package audit

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/internal/strictjson"
	"github.com/ismskit/ismskit/iso27001"
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

// DecodeRecords decodes a Records JSON document strictly: an unknown or
// duplicated key, a wrong JSON type, an unknown enum value, a malformed ID
// or date, and data after the document are each reported as a *FieldError
// with its path, all of them joined. It does not validate the content;
// call Validate for that.
func DecodeRecords(data []byte) (*Records, error) {
	var r Records
	if err := strictjson.Unmarshal(data, &r); err != nil {
		return nil, err
	}
	return &r, nil
}

// EncodeRecords encodes r as indented JSON with a final newline. The
// output is deterministic and DecodeRecords reads it back.
func EncodeRecords(r *Records) ([]byte, error) {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// Validate checks the records against b and reports every problem, joined,
// each as a *FieldError with its path:
//
//   - the basis itself: applicable controls the catalog lacks
//     (ErrUnknownControl), high-risk controls that are not applicable
//     (ErrNotInSoA), at "basis.applicable[i]" and "basis.highRisk[i]";
//   - the programme: a missing cycle, audit ID, kind, date or auditor
//     (ErrRequired), IDs given twice (ErrDuplicateID), dates out of order
//     or outside the cycle (ErrDateOrder), a cycle over three years
//     (ErrCycleTooLong), unknown clauses (ErrUnknownItem), controls the
//     catalog lacks or the SoA does not make applicable (ErrUnknownControl,
//     ErrNotInSoA), and internal auditors responsible for what they audit
//     (ErrNotIndependent);
//   - evidence: missing fields, duplicate IDs, a malformed digest
//     (ErrInvalidDigest);
//   - findings: references to unknown audits, auditors or evidence
//     (ErrUnknownReference), neither or both of item and control
//     (ErrSubject), unknown requirement items (ErrUnknownItem), controls
//     outside the SoA ("findings[2].control: ...: not an applicable control
//     of the SoA"), subjects outside the audit's scope (ErrOutOfScope),
//     dates outside the audit or evidence examined after the finding
//     (ErrDateOrder), a nonconformity without a statement (ErrRequired);
//   - corrective actions: unknown findings, findings that are not
//     nonconformities (ErrNotNonconformity), a history that skips a step
//     or does not start with raised (ErrIllegalTransition), dates out of
//     order, and the fields a reached state needs (ErrRequired).
func (r *Records) Validate(b Basis) error {
	_, err := r.check(b)
	return err
}

// check resolves b and validates r against it.
func (r *Records) check(b Basis) (*basis, error) {
	rb, err := b.resolve()
	var l fielderr.List
	l.Add("basis", err)
	r.validate(rb, &l)
	return rb, l.Err()
}

func (r *Records) validate(b *basis, l *fielderr.List) {
	var pl fielderr.List
	r.Programme.validate(b, &pl)
	l.Add("programme", pl.Err())

	evidence := make(map[string]iso27001.Date, len(r.Evidence))
	seenEv := make(map[string]bool, len(r.Evidence))
	for i, e := range r.Evidence {
		p := fielderr.Index("evidence", i)
		if checkID(l, p, e.ID, seenEv) {
			evidence[e.ID] = e.When
		}
		if strings.TrimSpace(e.What) == "" {
			l.Add(p+".what", ErrRequired)
		}
		if e.When.IsZero() {
			l.Add(p+".when", ErrRequired)
		}
		if e.SHA256 != "" {
			l.Add(p+".sha256", checkDigest(e.SHA256))
		}
	}

	findings := make(map[string]*Finding, len(r.Findings))
	ids := make(map[string]bool, len(r.Findings))
	for i := range r.Findings {
		f := &r.Findings[i]
		p := fielderr.Index("findings", i)
		if checkID(l, p, f.ID, ids) {
			findings[f.ID] = f
		}
		r.validateFinding(b, f, p, evidence, l)
	}

	actions := make(map[string]bool, len(r.Actions))
	for i := range r.Actions {
		a := &r.Actions[i]
		p := fielderr.Index("actions", i)
		checkID(l, p, a.ID, actions)
		f, ok := findings[a.Finding]
		switch {
		case a.Finding == "":
			l.Add(p+".finding", ErrRequired)
		case !ok:
			l.Add(p+".finding", fmt.Errorf("%w: no finding %q", ErrUnknownReference, a.Finding))
		case !f.Result.IsNonconformity():
			l.Add(p+".finding", fmt.Errorf("%w: %s is %s", ErrNotNonconformity, f.ID, f.Result.Title()))
		case len(a.History) > 0 && !f.Date.IsZero() && a.History[0].Date.Before(f.Date):
			l.Add(p+".history[0].date", fmt.Errorf("%w: %s is before the finding's date %s", ErrDateOrder, a.History[0].Date, f.Date))
		}
		var al fielderr.List
		a.validate(&al)
		l.Add(p, al.Err())
	}
}

func (r *Records) validateFinding(b *basis, f *Finding, p string, evidence map[string]iso27001.Date, l *fielderr.List) {
	a, ok := r.Programme.audit(f.Audit)
	switch {
	case f.Audit == "":
		l.Add(p+".audit", ErrRequired)
	case !ok:
		l.Add(p+".audit", fmt.Errorf("%w: no audit %q in the programme", ErrUnknownReference, f.Audit))
	}
	switch {
	case f.Item.IsValid() == f.Control.IsValid():
		l.Add(p, ErrSubject)
	case f.Item.IsValid():
		if err := b.checkItem(f.Item); err != nil {
			l.Add(p+".item", err)
		} else if ok && !a.Scope.coversItem(f.Item) {
			l.Add(p+".item", fmt.Errorf("%w: %s is not in the scope of audit %s", ErrOutOfScope, f.Item, a.ID))
		}
	default:
		if err := b.checkApplicable(f.Control); err != nil {
			l.Add(p+".control", err)
		} else if ok && !slices.Contains(a.Scope.Controls, f.Control) {
			l.Add(p+".control", fmt.Errorf("%w: %s is not in the scope of audit %s", ErrOutOfScope, f.Control, a.ID))
		}
	}
	if !f.Result.IsValid() {
		l.Add(p+".result", ErrRequired)
	} else if f.Result != Conforming && f.Result != NotAudited && strings.TrimSpace(f.Statement) == "" {
		l.Add(p+".statement", fmt.Errorf("%w: a %s needs a statement", ErrRequired, strings.ToLower(f.Result.Title())))
	}
	switch {
	case f.Date.IsZero():
		l.Add(p+".date", ErrRequired)
	case ok && !a.Start.IsZero() && f.Date.Before(a.Start):
		l.Add(p+".date", fmt.Errorf("%w: %s is before audit %s starts on %s", ErrDateOrder, f.Date, a.ID, a.Start))
	case ok && !a.End.IsZero() && f.Date.After(a.End):
		l.Add(p+".date", fmt.Errorf("%w: %s is after audit %s ends on %s", ErrDateOrder, f.Date, a.ID, a.End))
	}
	if f.Auditor == "" {
		l.Add(p+".auditor", ErrRequired)
	} else if ok && !slices.ContainsFunc(a.Auditors, func(au Auditor) bool { return au.Name == f.Auditor }) {
		l.Add(p+".auditor", fmt.Errorf("%w: %q is not an auditor of audit %s", ErrUnknownReference, f.Auditor, a.ID))
	}
	for j, e := range f.Evidence {
		when, ok := evidence[e]
		switch {
		case !ok:
			l.Add(fielderr.Index(p+".evidence", j), fmt.Errorf("%w: no evidence %q", ErrUnknownReference, e))
		case !f.Date.IsZero() && when.After(f.Date):
			l.Add(fielderr.Index(p+".evidence", j), fmt.Errorf("%w: evidence %s was examined on %s, after the finding's date %s", ErrDateOrder, e, when, f.Date))
		}
	}
}

// checkID reports an empty or repeated ID at path.id and records it in
// seen; it reports whether the ID is new.
func checkID(l *fielderr.List, path, id string, seen map[string]bool) bool {
	if id == "" {
		l.Add(path+".id", ErrRequired)
		return false
	}
	if seen[id] {
		l.Add(path+".id", fmt.Errorf("%w: %q", ErrDuplicateID, id))
		return false
	}
	seen[id] = true
	return true
}
