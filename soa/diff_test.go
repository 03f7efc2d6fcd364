package soa

import (
	"encoding/json"
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDiff(t *testing.T) {
	older := testSoA(t)
	newer := older.Clone()
	newer.Header.Version, newer.Header.Date = "1.1", asOf.AddDate(0, 3, 0)
	e := &newer.Entries[at(t, newer, "5.7")]
	e.Applicability, e.Reasons, e.Status, e.Justification = Excluded, nil, NotApplicable, "No threat feed needed yet"
	e = &newer.Entries[at(t, newer, "8.7")]
	e.Status = Implemented
	e.Evidence = []string{"EDR rollout report"}
	newer.Entries[at(t, newer, "5.34")].Reasons[0].Reference = "GDPR Art. 32 and 25"
	newer.Entries[at(t, newer, "5.1")].Notes = []string{"notes are not compared"}
	newer.Entries = newer.Entries[:92] // 8.34 removed
	older.Entries = older.Entries[1:]  // 5.1 added

	log := Diff(older, newer)
	require.False(t, log.IsEmpty())
	assert.Equal(t, "1.0", log.FromVersion)
	assert.Equal(t, "1.1", log.ToVersion)
	require.Len(t, log.Changes, 5)
	assert.Equal(t, Change{Control: id("5.1"), Title: "Policies for information security", Kind: Added}, log.Changes[0])
	assert.Equal(t, Change{Control: id("5.7"), Title: "Threat intelligence", Kind: Modified, Fields: []FieldChange{
		{Field: "applicability", Old: "Included", New: "Excluded"},
		{Field: "reasons", Old: "Best practice (Baseline)", New: ""},
		{Field: "justification", Old: "", New: "No threat feed needed yet"},
		{Field: "status", Old: "Implemented", New: "Not applicable"},
	}}, log.Changes[1])
	assert.Equal(t, id("5.34"), log.Changes[2].Control)
	assert.Equal(t, []FieldChange{{Field: "reasons", Old: "Legal: GDPR Art. 32", New: "Legal: GDPR Art. 32 and 25"}}, log.Changes[2].Fields)
	assert.Equal(t, id("8.7"), log.Changes[3].Control)
	assert.Equal(t, Change{Control: id("8.34"), Title: "Protection of information systems during audit testing", Kind: Removed}, log.Changes[4])

	golden(t, "testdata/changelog.golden.md", log.Markdown())

	b, err := json.Marshal(log)
	require.NoError(t, err)
	var back ChangeLog
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, log, back)
}

func TestDiffNoChange(t *testing.T) {
	s := testSoA(t)
	log := Diff(s, s.Clone())
	assert.True(t, log.IsEmpty())
	assert.Equal(t, "# SoA changes from version 1.0 to 1.0\n\nDates: 2026-11-28 to 2026-11-28.\n\nNo control changed.\n", string(log.Markdown()))
}

func TestSnapshot(t *testing.T) {
	draft := testSoA(t)
	at := ismskit.NewDate(2026, 12, 1)
	snap, err := Approve(draft, "CEO", at)
	require.NoError(t, err)
	assert.Equal(t, "CEO", snap.SoA.Header.ApprovedBy)
	assert.Equal(t, at, snap.SoA.Header.ApprovedAt)
	assert.Empty(t, draft.Header.ApprovedBy, "the draft is not modified")
	assert.Regexp(t, `^sha256:[0-9a-f]{64}$`, snap.Digest)
	require.NoError(t, snap.Verify())
	assert.False(t, snap.Differs(draft), "the draft is what was approved")

	// The snapshot is a deep copy.
	draft.Entries[0].Evidence[0] = "changed"
	assert.NotEqual(t, "changed", snap.SoA.Entries[0].Evidence[0])
	assert.True(t, snap.Differs(draft))
	log := snap.Changes(draft)
	require.Len(t, log.Changes, 1)
	assert.Equal(t, "evidence", log.Changes[0].Fields[0].Field)

	// A version bump is a difference too.
	d2 := testSoA(t)
	d2.Header.Version = "1.1"
	assert.True(t, snap.Differs(d2))

	// Round trip through JSON keeps it verifiable.
	b, err := json.Marshal(snap)
	require.NoError(t, err)
	var back Snapshot
	require.NoError(t, json.Unmarshal(b, &back))
	require.NoError(t, back.Verify())

	// Tampering shows.
	back.SoA.Entries[3].Status = Planned
	assert.ErrorIs(t, back.Verify(), ErrTampered)
	assert.ErrorIs(t, Snapshot{}.Verify(), ismskit.ErrMissing)
}

func TestApproveErrors(t *testing.T) {
	s := testSoA(t)
	_, err := Approve(s, " ", asOf)
	assert.ErrorIs(t, err, ismskit.ErrMissing)
	_, err = Approve(s, "CEO", ismskit.Date{})
	assert.ErrorIs(t, err, ismskit.ErrMissing)
	s.Entries[0].Status = 99
	_, err = Approve(s, "CEO", asOf)
	assert.ErrorIs(t, err, ismskit.ErrUnknownValue)
}
