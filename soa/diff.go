package soa

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/table"
	"github.com/ismskit/ismskit/iso27002"
)

// FieldChange is one field of an entry that changed, with the old and
// new values as text for people: an enumeration by its label (String),
// reasons as Reason.String words them and lists one item per line.
type FieldChange struct {
	// The field's JSON name ("applicability", "reasons", "status").
	Field string `json:"field"`
	// The value in the older version.
	Old string `json:"old"`
	// The value in the newer version.
	New string `json:"new"`
}

// Change is what happened to one control between two versions.
type Change struct {
	// The control.
	Control iso27002.ControlID `json:"control"`
	// Its title (from the newer version when there is one).
	Title string `json:"title"`
	// Added, removed or modified.
	Kind ChangeKind `json:"kind"`
	// For Modified, the fields that changed, in the order of Entry's
	// fields.
	Fields []FieldChange `json:"fields,omitempty"`
}

// ChangeLog is the difference between two versions of an SoA: the
// controls whose entry was added, removed or modified, in natural order.
// The zero value is an empty change log.
type ChangeLog struct {
	// Version and date of the older SoA.
	FromVersion string       `json:"fromVersion"`
	FromDate    ismskit.Date `json:"fromDate,omitzero"`
	// Version and date of the newer SoA.
	ToVersion string       `json:"toVersion"`
	ToDate    ismskit.Date `json:"toDate,omitzero"`
	// The changes, in natural order of control.
	Changes []Change `json:"changes,omitempty"`
}

// IsEmpty reports whether no entry changed.
func (c ChangeLog) IsEmpty() bool { return len(c.Changes) == 0 }

// Diff compares two versions of an SoA entry by entry, matching entries
// by control. An entry is modified when its applicability, reasons,
// justification, status, implementation, owner, target date, evidence,
// responsibility, provider or title differ (notes and extensions are not
// compared). The header is not compared, except that its versions and
// dates are recorded. Where a version lists a control twice, the first
// entry counts.
func Diff(older, newer SoA) ChangeLog {
	log := ChangeLog{FromVersion: older.Header.Version, FromDate: older.Header.Date, ToVersion: newer.Header.Version, ToDate: newer.Header.Date}
	oldAt := indexEntries(older.Entries)
	newAt := indexEntries(newer.Entries)
	ids := make([]iso27002.ControlID, 0, len(oldAt)+len(newAt))
	for id := range oldAt {
		ids = append(ids, id)
	}
	for id := range newAt {
		if _, ok := oldAt[id]; !ok {
			ids = append(ids, id)
		}
	}
	slices.SortFunc(ids, iso27002.Compare)
	for _, id := range ids {
		oi, inOld := oldAt[id]
		ni, inNew := newAt[id]
		switch {
		case !inOld:
			log.Changes = append(log.Changes, Change{Control: id, Title: newer.Entries[ni].Title, Kind: Added})
		case !inNew:
			log.Changes = append(log.Changes, Change{Control: id, Title: older.Entries[oi].Title, Kind: Removed})
		default:
			if f := entryDiff(&older.Entries[oi], &newer.Entries[ni]); len(f) > 0 {
				log.Changes = append(log.Changes, Change{Control: id, Title: newer.Entries[ni].Title, Kind: Modified, Fields: f})
			}
		}
	}
	return log
}

func indexEntries(es []Entry) map[iso27002.ControlID]int {
	m := make(map[iso27002.ControlID]int, len(es))
	for i := range es {
		if _, ok := m[es[i].Control]; !ok {
			m[es[i].Control] = i
		}
	}
	return m
}

func entryDiff(a, b *Entry) []FieldChange {
	var out []FieldChange
	add := func(field, x, y string) {
		if x != y {
			out = append(out, FieldChange{Field: field, Old: x, New: y})
		}
	}
	add("title", a.Title, b.Title)
	add("applicability", a.Applicability.String(), b.Applicability.String())
	add("reasons", strings.Join(reasonsText(a), "\n"), strings.Join(reasonsText(b), "\n"))
	add("justification", a.Justification, b.Justification)
	add("status", a.Status.String(), b.Status.String())
	add("implementation", a.Implementation, b.Implementation)
	add("owner", a.Owner, b.Owner)
	add("targetDate", a.TargetDate.String(), b.TargetDate.String())
	add("evidence", strings.Join(a.Evidence, "\n"), strings.Join(b.Evidence, "\n"))
	add("responsibility", a.Responsibility.String(), b.Responsibility.String())
	add("provider", a.Provider, b.Provider)
	return out
}

// Markdown returns the change log as Markdown: a heading naming both
// versions, then one table row per changed field ("(none)" for an empty
// value), or a line saying nothing changed.
func (c ChangeLog) Markdown() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# SoA changes from version %s to %s\n\n", table.MarkdownText(orNone(c.FromVersion)), table.MarkdownText(orNone(c.ToVersion)))
	if !c.FromDate.IsZero() || !c.ToDate.IsZero() {
		fmt.Fprintf(&b, "Dates: %s to %s.\n\n", orNone(c.FromDate.String()), orNone(c.ToDate.String()))
	}
	if c.IsEmpty() {
		b.WriteString("No control changed.\n")
		return b.Bytes()
	}
	added, removed, modified := 0, 0, 0
	for _, ch := range c.Changes {
		switch ch.Kind {
		case Added:
			added++
		case Removed:
			removed++
		case Modified:
			modified++
		}
	}
	fmt.Fprintf(&b, "%d controls changed: %d modified, %d added, %d removed.\n\n", len(c.Changes), modified, added, removed)
	t := table.Table{Header: []string{"Control", "Title", "Change", "Field", "Before", "After"}}
	for _, ch := range c.Changes {
		if ch.Kind != Modified {
			t.Append(ch.Control.String(), ch.Title, ch.Kind.String())
			continue
		}
		for _, f := range ch.Fields {
			t.Append(ch.Control.String(), ch.Title, ch.Kind.String(), f.Field, orNone(f.Old), orNone(f.New))
		}
	}
	writeMarkdown(&b, t)
	return b.Bytes()
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

// Snapshot is an approved, frozen copy of an SoA: the document as it was
// approved, with the approver and time in its header, and a digest of its
// content. Approve makes one; Verify tells whether it has been altered
// since; Differs tells whether a draft differs from it.
//
// The zero value is not a valid snapshot (Verify reports it).
type Snapshot struct {
	// The approved SoA; its header carries ApprovedBy and ApprovedAt.
	SoA SoA `json:"soa"`
	// "sha256:" and the hex SHA-256 of the SoA's JSON encoding with the
	// approval fields of the header left empty.
	Digest string `json:"digest"`
}

// Approve returns a snapshot of s approved by by at at (the time is the
// caller's). The snapshot holds a deep copy: later changes to s do not
// reach it. It fails with ErrMissing when by or at is empty, and with
// the encoding error when s holds undefined enum values. It does not
// validate s; call Validate first if only valid SoAs may be approved.
func Approve(s SoA, by string, at ismskit.Date) (Snapshot, error) {
	if strings.TrimSpace(by) == "" {
		return Snapshot{}, &ismskit.Error{Path: "header.approvedBy", Err: errf(ismskit.ErrMissing, "the approver is missing")}
	}
	if at.IsZero() {
		return Snapshot{}, &ismskit.Error{Path: "header.approvedAt", Err: errf(ismskit.ErrMissing, "the approval time is missing")}
	}
	c := s.Clone()
	c.Header.ApprovedBy, c.Header.ApprovedAt = by, at
	d, err := contentDigest(c)
	if err != nil {
		return Snapshot{}, err
	}
	return Snapshot{SoA: c, Digest: d}, nil
}

// contentDigest hashes the JSON of s without its approval fields.
func contentDigest(s SoA) (string, error) {
	s.Header.ApprovedBy, s.Header.ApprovedAt = "", ismskit.Date{}
	b, err := EncodeSoA(s)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(b)
	return "sha256:" + hex.EncodeToString(sum[:]), nil
}

// Verify reports whether the snapshot is intact: approved (ErrMissing if
// not) and with a content that still matches its digest (ErrTampered if
// not).
func (sn Snapshot) Verify() error {
	if sn.SoA.Header.ApprovedBy == "" || sn.SoA.Header.ApprovedAt.IsZero() {
		return &ismskit.Error{Path: "soa.header.approvedBy", Err: errf(ismskit.ErrMissing, "the snapshot is not approved")}
	}
	d, err := contentDigest(sn.SoA)
	if err != nil {
		return err
	}
	if d != sn.Digest {
		return &ismskit.Error{Path: "digest", Err: errf(ErrTampered, "the content does not match the digest %s", sn.Digest)}
	}
	return nil
}

// Differs reports whether draft differs from the approved SoA in any
// field other than the header's approval fields (version and date
// included). A draft that cannot be encoded differs.
func (sn Snapshot) Differs(draft SoA) bool {
	d, err := contentDigest(draft)
	return err != nil || d != sn.Digest
}

// Changes returns the change log from the approved SoA to draft.
func (sn Snapshot) Changes(draft SoA) ChangeLog { return Diff(sn.SoA, draft) }
