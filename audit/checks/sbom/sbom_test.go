package sbom

import (
	"os"
	"testing"
	"testing/fstest"

	cdx "github.com/CycloneDX/cyclonedx-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/audit/checks"
	"github.com/ismskit/ismskit/internal/apitest"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/iso27002"
)

var asOf = ismskit.MustParseDate("2026-11-28")

func read(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	require.NoError(t, err)
	return b
}

func TestChecksOnSample(t *testing.T) {
	reg, err := checks.Builtin().With(Checks()...)
	require.NoError(t, err)
	res, err := reg.Run(os.DirFS("testdata"), asOf)
	require.NoError(t, err)
	require.Len(t, res, 3, "trivy-fixable and the two SBOM checks")
	inv, vul := res[1], res[2]

	assert.Equal(t, "sbom-inventory", inv.Check)
	assert.Equal(t, []iso27002.ControlID{iso27002.MustParse("5.9"), iso27002.MustParse("5.21")}, inv.Controls)
	assert.Equal(t, 9, inv.Total, "nested components count; the described component does not")
	assert.Equal(t, []checks.Failure{
		{Item: "cross-spawn@7.0.3", Reason: "no supplier"},
		{Item: "nimbus-pdf-renderer", Reason: "no version"},
		{Item: "golang.org/x/crypto@v0.28.0", Reason: "no supplier"},
	}, inv.Failures)

	assert.Equal(t, "sbom-vulnerable-components", vul.Check)
	assert.Equal(t, 8, vul.Total)
	assert.Equal(t, []checks.Failure{
		{Item: "openssh-client@1:9.2p1-2+deb12u2", Reason: "CVE-2024-6387 (high, fixed in 1:9.2p1-2+deb12u3)"},
		{Item: "libc6@2.36-9+deb12u8", Reason: "CVE-2025-0395 (high, fixed in 2.36-9+deb12u10)"},
		{Item: "zlib1g@1:1.2.13.dfsg-1", Reason: "CVE-2023-45853 (critical, no fix)"},
		{Item: "cross-spawn@7.0.3", Reason: "CVE-2024-21538 (high, fixed in 7.0.5, 6.0.6)"},
		{Item: "golang.org/x/crypto@v0.28.0", Reason: "CVE-2024-45337 (critical, fixed in 0.31.0)"},
	}, vul.Failures)
	assert.Equal(t, []string{"the Trivy report finds CVE-2024-37890 in ws@8.17.0, which the SBOM does not list"}, vul.Notes)
	require.Len(t, vul.Inputs, 2)
	assert.Equal(t, []string{File, checks.TrivyFile}, []string{vul.Inputs[0].Name, vul.Inputs[1].Name})
	assert.Len(t, vul.Digest(), 64)

	// Only the SBOM: the inventory runs, the match does not.
	only := fstest.MapFS{File: {Data: read(t, File)}}
	res, err = reg.Run(only, asOf)
	require.NoError(t, err)
	require.Len(t, res, 1)
	assert.Equal(t, "sbom-inventory", res[0].Check)

	r := Vulnerable{Severities: []checks.Severity{checks.SeverityCritical}}
	bom, err := DecodeBOM(read(t, File))
	require.NoError(t, err)
	rep, err := checks.DecodeTrivyReport(read(t, checks.TrivyFile))
	require.NoError(t, err)
	got := r.Evaluate(bom, rep, asOf)
	assert.Equal(t, 2, got.Failed)
	assert.Empty(t, got.Notes)
	assert.Equal(t, []checks.Parameter{{Name: "severities", Value: "critical"}}, got.Parameters)
}

func TestDecodeBOMProblems(t *testing.T) {
	tests := []struct {
		name string
		in   string
		kind error
		path string
		msg  string
	}{
		{"not CycloneDX", `{"spdxVersion": "SPDX-2.3"}`, checks.ErrSchemaVersion, "bomFormat", "bomFormat is none"},
		{"other format", `{"bomFormat": "SPDX", "specVersion": "1.6"}`, checks.ErrSchemaVersion, "bomFormat", `bomFormat is "SPDX"`},
		{"unknown spec version", `{"bomFormat": "CycloneDX", "specVersion": "2.0", "version": 1}`, checks.ErrSchemaVersion, "specVersion", `specification version "2.0"`},
		{"old spec version", `{"bomFormat": "CycloneDX", "specVersion": "1.1", "version": 1}`, checks.ErrSchemaVersion, "specVersion", "no JSON form"},
		{"malformed", `{"bomFormat": "CycloneDX",}`, ismskit.ErrSyntax, "", "offset"},
		{"wrong type", `{"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1, "components": [{"name": 7}]}`, ismskit.ErrType, "components.name", "want string, got number"},
		{"deep", `{"bomFormat": "CycloneDX", "x": ` + deep(200) + `}`, ismskit.ErrTooDeep, "", "nested deeper than 128"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeBOM([]byte(tt.in))
			require.Error(t, err)
			assert.ErrorIs(t, err, tt.kind)
			assert.Equal(t, []string{tt.path}, fielderr.Paths(err))
			assert.Contains(t, err.Error(), tt.msg)
		})
	}
	_, err := DecodeBOM(read(t, File), ismskit.MaxBytes(100))
	assert.ErrorIs(t, err, ismskit.ErrTooLarge)
	_, err = ReadBOM(nil)
	assert.ErrorIs(t, err, ismskit.ErrMissing)
	_, err = DecodeBOM([]byte(`{"bomFormat": "CycloneDX", "specVersion": "1.6", "x": "[[[["}`), ismskit.MaxDepth(2))
	assert.NoError(t, err, "brackets inside strings do not count")

	// Problems of either input are placed under their file.
	fsys := fstest.MapFS{File: {Data: read(t, File)}, checks.TrivyFile: {Data: []byte(`{"SchemaVersion": 3}`)}}
	_, err = checks.Run(Vulnerable{}, fsys, asOf)
	assert.Equal(t, []string{`files["trivy.json"].SchemaVersion`}, fielderr.Paths(err))
	fsys = fstest.MapFS{File: {Data: []byte(`{}`)}, checks.TrivyFile: {Data: read(t, checks.TrivyFile)}}
	_, err = checks.Run(Vulnerable{}, fsys, asOf)
	assert.Equal(t, []string{`files["sbom.cdx.json"].bomFormat`}, fielderr.Paths(err))
	_, err = checks.Run(Inventory{}, fsys, asOf)
	assert.Equal(t, []string{`files["sbom.cdx.json"].bomFormat`}, fielderr.Paths(err))
}

func deep(n int) string {
	b := make([]byte, 0, 2*n)
	for range n {
		b = append(b, '[')
	}
	for range n {
		b = append(b, ']')
	}
	return string(b)
}

func TestComponents(t *testing.T) {
	assert.Nil(t, Components(nil))
	assert.Nil(t, Components(&cdx.BOM{}))
	bom, err := DecodeBOM(read(t, File))
	require.NoError(t, err)
	var names []string
	for _, c := range Components(bom) {
		names = append(names, c.Name)
	}
	assert.Equal(t, []string{"openssh-client", "libc6", "zlib1g", "ca-certificates", "invoice-api", "cross-spawn", "express", "nimbus-pdf-renderer", "crypto"}, names)
	assert.Equal(t, "(unnamed component)", name(cdx.Component{}))
	assert.Equal(t, "ref-1@1", name(cdx.Component{BOMRef: "ref-1", Version: "1"}))
}

func TestAPI(t *testing.T) {
	api := apitest.Of(t, ".")
	funcs, types := api.Funcs, api.Types
	apitest.Complete(t, "function", funcs, []string{"Checks", "Components", "DecodeBOM", "ReadBOM"})
	apitest.Complete(t, "type", types, []string{"Inventory", "Vulnerable"})
	for name, fn := range map[string]any{"Checks": Checks, "Components": Components, "DecodeBOM": DecodeBOM, "ReadBOM": ReadBOM} {
		apitest.Zero(t, name, fn, nil)
	}
	for _, v := range []any{Inventory{}, Vulnerable{}, Vulnerable{Severities: []checks.Severity{checks.SeverityLow}}} {
		apitest.Methods(t, v, nil)
		assert.Equal(t, v, apitest.Back(t, v))
	}
	assert.Equal(t, Vulnerable{}, apitest.Back(t, Vulnerable{}))
}
