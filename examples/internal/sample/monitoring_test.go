package sample

import (
	"io/fs"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/audit"
	"github.com/ismskit/ismskit/audit/checks"
	"github.com/ismskit/ismskit/audit/monitor"
	"github.com/ismskit/ismskit/audit/review"
	"github.com/ismskit/ismskit/iso27001"
)

// TestMonitoringSample decodes and validates the documents of the
// sample's monitoring and review.
func TestMonitoringSample(t *testing.T) {
	mon, err := monitor.DecodeRecords(MonitoringJSON())
	require.NoError(t, err)
	require.NoError(t, mon.Validate())
	imp, err := review.DecodeRegister(ImprovementsJSON())
	require.NoError(t, err)
	require.NoError(t, imp.Validate())
	base, err := iso27001.DecodeRecords(BaselineRecordsJSON())
	require.NoError(t, err)
	require.NoError(t, base.Validate())
	_, err = audit.DecodeRecords(AuditJSON())
	require.NoError(t, err)
	rv, err := LoadReview()
	require.NoError(t, err)
	assert.Len(t, rv.Meeting.Decisions, 4)
	res, err := checks.Builtin().Run(EvidenceFiles(), ismskit.MustParseDate("2026-11-28"))
	require.NoError(t, err)
	assert.Len(t, res, 8)
	entries, err := fs.ReadDir(EvidenceFiles(), ".")
	require.NoError(t, err)
	assert.Len(t, entries, 4)
}
