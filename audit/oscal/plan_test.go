package oscal_test

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/audit"
	"github.com/ismskit/ismskit/audit/oscal"
	"github.com/ismskit/ismskit/internal/goldenfile"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func testChecklists(t *testing.T, r audit.Records) []audit.Checklist {
	t.Helper()
	var out []audit.Checklist
	for _, a := range r.Programme.Audits {
		cl, err := audit.NewChecklist(a, audit.Basis{})
		require.NoError(t, err)
		out = append(out, *cl)
	}
	return out
}

func TestExportPlan(t *testing.T) {
	r := testRecords()
	cls := testChecklists(t, r)
	out, err := oscal.ExportPlan(r, cls, oscal.Options{SSPHref: "nimbus-ssp.json"})
	require.NoError(t, err)
	validate(t, "assessment-plan", out)
	goldenfile.Check(t, filepath.Join("testdata", "assessment-plan.json"), out)
	again, err := oscal.ExportPlan(r, cls, oscal.Options{SSPHref: "nimbus-ssp.json"})
	require.NoError(t, err)
	assert.Equal(t, out, again, "deterministic")

	var doc struct {
		AP struct {
			Metadata struct {
				LastModified string `json:"last-modified"`
			}
			ImportSSP        struct{ Href string } `json:"import-ssp"`
			LocalDefinitions struct {
				Objectives []struct {
					ControlID string `json:"control-id"`
					Parts     []struct{ ID, Name, Prose string }
				} `json:"objectives-and-methods"`
			} `json:"local-definitions"`
			ReviewedControls struct {
				Selections []struct {
					IncludeControls []struct {
						ControlID string `json:"control-id"`
					} `json:"include-controls"`
					IncludeAll *struct{} `json:"include-all"`
				} `json:"control-selections"`
			} `json:"reviewed-controls"`
			Tasks []struct {
				Title  string
				Timing struct {
					Range struct{ Start, End string } `json:"within-date-range"`
				}
			}
		} `json:"assessment-plan"`
	}
	require.NoError(t, json.Unmarshal(out, &doc))
	ap := doc.AP
	assert.Equal(t, "2026-01-12T00:00:00Z", ap.Metadata.LastModified, "the programme's date, never a default")
	assert.Equal(t, "nimbus-ssp.json", ap.ImportSSP.Href)
	require.Len(t, ap.Tasks, 2)
	assert.Equal(t, "2026-03-09T00:00:00Z", ap.Tasks[0].Timing.Range.Start)
	assert.Equal(t, "2026-03-11T00:00:00Z", ap.Tasks[0].Timing.Range.End)
	require.Len(t, ap.ReviewedControls.Selections, 1)
	assert.NotNil(t, ap.ReviewedControls.Selections[0].IncludeAll, "S1 covers the whole ISMS")

	// Every finding about a control targets an objective of the plan.
	objectives := map[string]string{}
	for _, o := range ap.LocalDefinitions.Objectives {
		require.Len(t, o.Parts, 1)
		assert.Equal(t, "assessment-objective", o.Parts[0].Name)
		assert.NotEmpty(t, o.Parts[0].Prose)
		objectives[o.Parts[0].ID] = o.ControlID
	}
	assert.Equal(t, "a.8.8", objectives["a.8.8_obj"])
	assert.Equal(t, "c.9.1", objectives["c.9.1.p1_obj"])
	results, err := oscal.ExportResults(r, oscal.Options{})
	require.NoError(t, err)
	var ar struct {
		AR struct {
			Results []struct {
				Findings []struct {
					Target struct {
						Type string
						ID   string `json:"target-id"`
					}
				}
			}
		} `json:"assessment-results"`
	}
	require.NoError(t, json.Unmarshal(results, &ar))
	n := 0
	for _, res := range ar.AR.Results {
		for _, f := range res.Findings {
			if f.Target.Type == "objective-id" {
				n++
				assert.Contains(t, objectives, f.Target.ID)
			}
		}
	}
	assert.Positive(t, n)
}

func TestExportPlanErrors(t *testing.T) {
	r := testRecords()
	cls := testChecklists(t, r)
	cls[1].Audit = "IA-9"
	cls[0].Lines = append(cls[0].Lines, audit.Line{Check: "nothing"})
	_, err := oscal.ExportPlan(r, cls, oscal.Options{})
	assert.ErrorIs(t, err, ismskit.ErrUnknownReference)
	assert.Equal(t, []string{fmt.Sprintf("checklists[0].lines[%d]", len(cls[0].Lines)-1), "checklists[1].audit"}, paths(err))

	_, err = oscal.ExportPlan(audit.Records{}, nil, oscal.Options{})
	assert.ErrorIs(t, err, ismskit.ErrMissing)
	assert.Equal(t, []string{"options.lastModified", "records.programme.audits"}, paths(err), "no date, no audit")
}

// TestReviewedControlsNameControls checks that a clause 4 to 10 in an
// audit's scope, a group of the clauses catalog, is reviewed as the
// controls it holds, and never named itself.
func TestReviewedControlsNameControls(t *testing.T) {
	r := testRecords()
	r.Programme.Audits[0].Scope.Clauses = []iso27001.ClauseID{iso27001.MustParseClauseID("9"), iso27001.MustParseClauseID("9.2")}
	out, err := oscal.ExportResults(r, oscal.Options{})
	require.NoError(t, err)
	var doc struct {
		AR struct {
			Results []struct {
				Reviewed struct {
					Selections []struct {
						IncludeControls []struct {
							ControlID string `json:"control-id"`
						} `json:"include-controls"`
					} `json:"control-selections"`
				} `json:"reviewed-controls"`
			}
		} `json:"assessment-results"`
	}
	require.NoError(t, json.Unmarshal(out, &doc))
	var ids []string
	for _, c := range doc.AR.Results[0].Reviewed.Selections[1].IncludeControls {
		ids = append(ids, c.ControlID)
	}
	assert.Equal(t, []string{"c.9.1", "c.9.2", "c.9.2.1", "c.9.2.2", "c.9.3", "c.9.3.1", "c.9.3.2", "c.9.3.3"}, ids)

	// Clause 6.3 is new in 2022: the 2013 edition has no such control.
	r.Programme.Audits[0].Scope.Clauses = []iso27001.ClauseID{iso27001.MustParseClauseID("6.3")}
	_, err = oscal.ExportResults(r, oscal.Options{Edition: iso27001.Edition2013})
	assert.ErrorIs(t, err, ismskit.ErrUnknownReference)
	assert.Equal(t, []string{"records.programme.audits[0].scope.clauses[0]"}, paths(err))
}
