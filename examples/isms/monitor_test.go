package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMonitorGolden(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"checks_sample.txt", []string{"-checks", "-asof", "2026-11-28"}},
		{"checks_sample.json", []string{"-checks", "-asof", "2026-11-28", "-json"}},
		{"metrics_sample.txt", []string{"-metrics", "-asof", "2026-11-28"}},
		{"metrics_sample.json", []string{"-metrics", "-asof", "2026-11-28", "-json"}},
		{"review_sample.md", []string{"-review", "-asof", "2026-11-28"}},
		{"review_sample.json", []string{"-review", "-asof", "2026-11-28", "-json"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runArgs(tt.args...)
			require.Equal(t, 0, code, errOut)
			assert.Empty(t, errOut)
			golden(t, tt.name, out)
		})
	}
}

func TestChecksJSONShape(t *testing.T) {
	code, out, errOut := runArgs("-checks", "-asof", "2026-11-28", "-json")
	require.Equal(t, 0, code, errOut)
	var results []map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &results))
	var ids []string
	for _, r := range results {
		ids = append(ids, r["check"].(string))
		assert.IsType(t, []any{}, r["controls"])
		assert.IsType(t, 0.0, r["total"])
		assert.IsType(t, 0.0, r["failed"])
	}
	assert.Equal(t, []string{"aws-iam-mfa", "aws-iam-unused-credentials", "trivy-fixable", "training-current", "access-reviews-on-time",
		"restore-tests-passed", "suppliers-assessed", "incidents-closed-in-target", "sbom-inventory", "sbom-vulnerable-components"}, ids)

	// A folder with only the credential report runs its two checks; both
	// spellings of the flag take the folder.
	dir := t.TempDir()
	data, err := os.ReadFile("../internal/sample/evidence/credential-report.csv")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "credential-report.csv"), data, 0o644))
	for _, args := range [][]string{{"-checks", dir, "-asof", "2026-11-28", "-json"}, {"-checks=" + dir, "-asof=2026-11-28", "-json"}} {
		code, out, errOut = runArgs(args...)
		require.Equal(t, 0, code, errOut)
		require.NoError(t, json.Unmarshal([]byte(out), &results))
		assert.Len(t, results, 2)
	}
	code, out, _ = runArgs("-checks", t.TempDir(), "-json")
	assert.Equal(t, 0, code)
	assert.Equal(t, "[]\n", out, "an empty folder runs no check")
}

func TestReviewJSONShape(t *testing.T) {
	code, out, errOut := runArgs("-review", "-asof", "2026-11-28", "-json")
	require.Equal(t, 0, code, errOut)
	var pack struct {
		Inputs []map[string]any `json:"inputs"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &pack))
	var items []string
	for _, in := range pack.Inputs {
		items = append(items, in["item"].(string))
		assert.NotEmpty(t, in["summary"])
		assert.Greater(t, len(in), 3, "%s carries its data", in["item"])
	}
	assert.Equal(t, []string{"9.3.2.a", "9.3.2.b", "9.3.2.c", "9.3.2.d.1", "9.3.2.d.2", "9.3.2.d.3", "9.3.2.d.4", "9.3.2.e", "9.3.2.f", "9.3.2.g"}, items)

	code, out, errOut = runArgs("-metrics", "-asof", "2026-11-28", "-json")
	require.Equal(t, 0, code, errOut)
	var m struct {
		Metrics    []map[string]any `json:"metrics"`
		Objectives []map[string]any `json:"objectives"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &m))
	assert.Len(t, m.Metrics, 8)
	assert.Len(t, m.Objectives, 3)
}

func TestMonitorBadInput(t *testing.T) {
	dir := func(files map[string]string) string {
		d := t.TempDir()
		for name, s := range files {
			require.NoError(t, os.WriteFile(filepath.Join(d, name), []byte(s), 0o644))
		}
		return d
	}
	tests := []struct {
		name string
		args []string
		want []string // in stderr
	}{
		{"missing columns", []string{"-checks", dir(map[string]string{"credential-report.csv": "user,arn,password_enabled\nbob,arn,true\n"})},
			[]string{`files["credential-report.csv"].header: line 1: no column "mfa_active"`}},
		{"bad row", []string{"-checks", dir(map[string]string{"credential-report.csv": "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date\nbob,arn,N/A,yes,N/A,N/A,true,false,N/A,N/A,false,N/A,N/A\n"})},
			[]string{`files["credential-report.csv"].rows[0].password_enabled (bob): line 2: "yes" is not true or false`}},
		{"other schema version", []string{"-checks", dir(map[string]string{"trivy.json": `{"SchemaVersion": 3, "Results": []}`})},
			[]string{`files["trivy.json"].SchemaVersion: schema version 3; this decoder reads version 2`}},
		{"schema version 1", []string{"-checks", dir(map[string]string{"trivy.json": `[{"Target": "x"}]`})},
			[]string{`files["trivy.json"]: the report is a JSON array, the form of Trivy's schema version 1`}},
		{"malformed JSON", []string{"-checks", dir(map[string]string{"activities.json": `{"training": [}`})},
			[]string{`files["activities.json"]`, "malformed"}},
		{"malformed SBOM", []string{"-checks", dir(map[string]string{"sbom.cdx.json": `{"bomFormat": "CycloneDX", "specVersion": "1.6",`})},
			[]string{`files["sbom.cdx.json"]: offset`}},
		{"not a folder", []string{"-checks", "monitor.go"}, []string{"-checks: monitor.go is not a directory"}},
		{"no such folder", []string{"-checks", "no-such-dir"}, []string{"-checks: stat no-such-dir"}},
		{"bad date", []string{"-metrics", "-asof", "2026-02-30"}, []string{"isms: -asof: invalid date"}},
		{"records", []string{"-review", "-records", "sample.json"}, []string{"-records does not go with -checks, -metrics or -review"}},
		{"both", []string{"-metrics", "-review"}, []string{"-metrics and -review go one at a time"}},
		{"two folders", []string{"-checks", "a", "b"}, []string{`unexpected argument "b"`}},
		{"bad flag after the folder", []string{"-checks", "a", "-nope"}, []string{"flag provided but not defined: -nope"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runArgs(tt.args...)
			assert.Equal(t, 2, code)
			assert.Empty(t, out)
			for _, w := range tt.want {
				assert.Contains(t, errOut, w)
			}
		})
	}
}
