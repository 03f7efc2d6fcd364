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
	data, err := codec.ReadAll(r, opts)
	if err != nil {
		return Records{}, err
	}
	return DecodeRecords(data, opts...)
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
	v, err := codec.Decode[recordsJSON](data, nil)
	if err == nil {
		*r = Records(v)
	}
	return err
}

// Validate checks the records against b and reports every problem, joined,
// each as a *ismskit.Error with its path:
//
//   - the basis itself: applicable controls the catalog lacks
//     (ErrUnknownControl), high-risk controls that are not applicable
//     (ErrNotInSoA), at "basis.applicable[i]" and "basis.highRisk[i]";
//   - the programme: a missing cycle, audit ID, kind, date or auditor
//     (ismskit.ErrMissing), IDs given twice (ErrDuplicateID), dates out of order
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
//     (ErrDateOrder), a nonconformity without a statement (ismskit.ErrMissing);
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
	rb, err := b.resolve()
	var l fielderr.List
	l.Add("basis", err)
	r.validate(rb, &l)
	return rb, l.Err()
}

func (r Records) validate(b *basis, l *fielderr.List) {
	var pl fielderr.List
	r.Programme.validate(b, &pl)
	l.Add("programme", pl.Err())

	evidence := make(map[string]ismskit.Date, len(r.Evidence))
	seenEv := make(map[string]bool, len(r.Evidence))
	for i, e := range r.Evidence {
		p := fielderr.Index("evidence", i)
		if checkID(l, p, e.ID, seenEv) {
			evidence[e.ID] = e.When
		}
		if strings.TrimSpace(e.What) == "" {
			l.Add(p+".what", ismskit.ErrMissing)
		}
		if e.When.IsZero() {
			l.Add(p+".when", ismskit.ErrMissing)
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
			l.Add(p+".finding", ismskit.ErrMissing)
		case !ok:
			l.Add(p+".finding", fmt.Errorf("%w: no finding %q", ismskit.ErrUnknownReference, a.Finding))
		case !f.Result.IsNonconformity():
			l.Add(p+".finding", fmt.Errorf("%w: %s is %s", ErrNotNonconformity, f.ID, f.Result.Title()))
		case len(a.History) > 0 && !f.Date.IsZero() && a.History[0].Date.Before(f.Date):
			l.Add(p+".history[0].date", fmt.Errorf("%w: %s is before the finding's date %s", ismskit.ErrDateOrder, a.History[0].Date, f.Date))
		}
		var al fielderr.List
		a.validate(&al)
		l.Add(p, al.Err())
	}
}

func (r Records) validateFinding(b *basis, f *Finding, p string, evidence map[string]ismskit.Date, l *fielderr.List) {
	a, ok := r.Programme.audit(f.Audit)
	switch {
	case f.Audit == "":
		l.Add(p+".audit", ismskit.ErrMissing)
	case !ok:
		l.Add(p+".audit", fmt.Errorf("%w: no audit %q in the programme", ismskit.ErrUnknownReference, f.Audit))
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
		l.Add(p+".result", ismskit.ErrMissing)
	} else if f.Result != Conforming && f.Result != NotAudited && strings.TrimSpace(f.Statement) == "" {
		l.Add(p+".statement", fmt.Errorf("%w: a %s needs a statement", ismskit.ErrMissing, strings.ToLower(f.Result.Title())))
	}
	switch {
	case f.Date.IsZero():
		l.Add(p+".date", ismskit.ErrMissing)
	case ok && !a.Start.IsZero() && f.Date.Before(a.Start):
		l.Add(p+".date", fmt.Errorf("%w: %s is before audit %s starts on %s", ismskit.ErrDateOrder, f.Date, a.ID, a.Start))
	case ok && !a.End.IsZero() && f.Date.After(a.End):
		l.Add(p+".date", fmt.Errorf("%w: %s is after audit %s ends on %s", ismskit.ErrDateOrder, f.Date, a.ID, a.End))
	}
	if f.Auditor == "" {
		l.Add(p+".auditor", ismskit.ErrMissing)
	} else if ok && !slices.ContainsFunc(a.Auditors, func(au Auditor) bool { return au.Name == f.Auditor }) {
		l.Add(p+".auditor", fmt.Errorf("%w: %q is not an auditor of audit %s", ismskit.ErrUnknownReference, f.Auditor, a.ID))
	}
	for j, e := range f.Evidence {
		when, ok := evidence[e]
		switch {
		case !ok:
			l.Add(fielderr.Index(p+".evidence", j), fmt.Errorf("%w: no evidence %q", ismskit.ErrUnknownReference, e))
		case !f.Date.IsZero() && when.After(f.Date):
			l.Add(fielderr.Index(p+".evidence", j), fmt.Errorf("%w: evidence %s was examined on %s, after the finding's date %s", ismskit.ErrDateOrder, e, when, f.Date))
		}
	}
}

// checkID reports an empty or repeated ID at path.id and records it in
// seen; it reports whether the ID is new.
func checkID(l *fielderr.List, path, id string, seen map[string]bool) bool {
	if id == "" {
		l.Add(path+".id", ismskit.ErrMissing)
		return false
	}
	if seen[id] {
		l.Add(path+".id", fmt.Errorf("%w: %q", ismskit.ErrDuplicateID, id))
		return false
	}
	seen[id] = true
	return true
}
