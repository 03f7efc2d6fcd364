package audit

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
)

// Evidence is a record of evidence an auditor examined: what it is, where
// it is kept, when it was examined, and the SHA-256 of its content when the
// caller gave the content, so that a later audit can show it has not
// changed (9.2.2 f: audit results are retained as documented information).
// The zero value is invalid.
type Evidence struct {
	// ID is unique among the evidence records. Required.
	ID string `json:"id"`
	// What the evidence is ("access review of the finance system, Q3").
	// Required.
	What string `json:"what"`
	// Where it is kept (a path, a URL, a system, a binder).
	Where string `json:"where,omitempty"`
	// When it was examined. Required.
	When ismskit.Date `json:"when"`
	// SHA-256 of the content, 64 lower-case hexadecimal digits; empty when
	// the content was not given.
	SHA256 string `json:"sha256,omitempty"`
}

// NewEvidence returns an evidence record. When content is not nil, its
// SHA-256 is recorded; the content itself is not kept.
func NewEvidence(id, what, where string, when ismskit.Date, content []byte) Evidence {
	e := Evidence{ID: id, What: what, Where: where, When: when}
	if content != nil {
		e.SHA256 = Digest(content)
	}
	return e
}

// Digest returns the SHA-256 of content as 64 lower-case hexadecimal
// digits, the form Evidence.SHA256 holds.
func Digest(content []byte) string {
	sum := sha256.Sum256(content)
	return hex.EncodeToString(sum[:])
}

// Verify reports whether content is the content recorded: nil when its
// SHA-256 matches, an error wrapping ErrEvidenceChanged when it does not,
// and one wrapping ErrNoDigest when the record has no digest.
func (e Evidence) Verify(content []byte) error {
	if e.SHA256 == "" {
		return fmt.Errorf("%w: %s", ErrNoDigest, e.ID)
	}
	if got := Digest(content); got != e.SHA256 {
		return fmt.Errorf("%w: %s: recorded sha256 %s, content has %s", ErrEvidenceChanged, e.ID, e.SHA256, got)
	}
	return nil
}

// checkDigest reports whether s is 64 lower-case hexadecimal digits.
func checkDigest(s string) error {
	if len(s) != 64 {
		return fmt.Errorf("%w: %d characters, want 64", ErrInvalidDigest, len(s))
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return fmt.Errorf("%w: %q at offset %d", ErrInvalidDigest, c, i)
		}
	}
	return nil
}

// Finding is the result of one checklist line (9.2.2 e and f): the
// conclusion about a requirement item or an applicable control, the
// evidence examined and the auditor. Exactly one of Item and Control is
// set. The zero value is invalid.
type Finding struct {
	// ID is unique among the findings. Required.
	ID string `json:"id"`
	// ID of the audit of the programme. Required.
	Audit string `json:"audit"`
	// The requirement item (6.1.3.d) the finding is about, or zero.
	Item iso27001.ItemID `json:"item,omitzero"`
	// The applicable control (5.15) the finding is about, or zero.
	Control iso27002.ControlID `json:"control,omitzero"`
	// The auditor's conclusion. Required.
	Result Result `json:"result"`
	// When the line was examined. Required; within the audit's dates.
	Date ismskit.Date `json:"date"`
	// Name of an auditor of the audit. Required.
	Auditor string `json:"auditor"`
	// What was found; required for nonconformities, observations and
	// opportunities.
	Statement string `json:"statement,omitempty"`
	// IDs of the evidence records examined.
	Evidence []string `json:"evidence,omitempty"`
}

// Subject returns the item or control ID the finding is about, as text.
func (f Finding) Subject() string {
	if f.Item.IsValid() {
		return f.Item.String()
	}
	if f.Control.IsValid() {
		return f.Control.String()
	}
	return ""
}
