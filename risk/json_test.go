package risk

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/iso27002"
)

func TestRegisterRoundTrip(t *testing.T) {
	reg := loadSample(t)
	out, err := EncodeRegister(reg)
	require.NoError(t, err)
	again, err := DecodeRegister(out)
	require.NoError(t, err)
	assert.Equal(t, reg, again)
	out2, err := EncodeRegister(again)
	require.NoError(t, err)
	assert.Equal(t, string(out), string(out2), "encoding is deterministic")
	golden(t, "testdata/register.golden.json", out)
}

func TestExtensionsKept(t *testing.T) {
	in := []byte(`{"criteria":` + mustJSON(t, Standard3x3()) + `,"extensions":{"big":12345678901234567890,"nested":{"a":[1,2]}},
	"assets":[{"id":"a","name":"A","kind":"information","owner":"o","extensions":{"cmdb":"CI-1"}}]}`)
	reg, err := DecodeRegister(in)
	require.NoError(t, err)
	assert.JSONEq(t, `{"big":12345678901234567890,"nested":{"a":[1,2]}}`, string(reg.Extensions))
	out, err := EncodeRegister(reg)
	require.NoError(t, err)
	assert.Contains(t, string(out), "12345678901234567890", "large numbers are not rounded")
	assert.Contains(t, string(out), `"cmdb": "CI-1"`)
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

func TestDecodeRegisterStrict(t *testing.T) {
	crit := mustJSON(t, Standard3x3())
	tests := []struct {
		name string
		in   string
		path string
		kind error
	}{
		{"misspelt key", `{"criteria":` + crit + `,"risks":[{"id":"r","likelyhood":3}]}`, "risks[0].likelyhood", ismskit.ErrUnknownField},
		{"wrong case", `{"Criteria":` + crit + `}`, "Criteria", ismskit.ErrUnknownField},
		{"unknown enum", `{"criteria":` + crit + `,"risks":[{"id":"r","treatment":{"option":"transfer"}}]}`, "risks[0].treatment.option", ismskit.ErrUnknownValue},
		{"unknown property", `{"criteria":` + crit + `,"risks":[{"id":"r","properties":["privacy"]}]}`, "risks[0].properties[0]", ismskit.ErrUnknownValue},
		{"bad control", `{"criteria":` + crit + `,"risks":[{"id":"r","controls":[{"control":"5.99","status":"planned"}]}]}`, "risks[0].controls[0].control", nil},
		{"wrong type", `{"criteria":` + crit + `,"risks":[{"id":"r","likelihood":"high"}]}`, "risks[0].likelihood", ismskit.ErrType},
		{"fraction", `{"criteria":` + crit + `,"risks":[{"id":"r","likelihood":2.5}]}`, "risks[0].likelihood", ismskit.ErrType},
		{"duplicate key", `{"criteria":` + crit + `,"name":"a","name":"b"}`, "name", ismskit.ErrDuplicateField},
		{"trailing data", `{"criteria":` + crit + `} {}`, "", ismskit.ErrTrailingData},
		{"syntax", `{"criteria":`, "", ismskit.ErrSyntax},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeRegister([]byte(tt.in))
			require.Error(t, err)
			if tt.kind != nil {
				require.ErrorIs(t, err, tt.kind)
			}
			found := false
			for _, fe := range fieldErrors(err) {
				found = found || fe.Path == tt.path
			}
			assert.True(t, found, "no error at %q in %v", tt.path, err)
		})
	}
}

func TestDecodeRegisterReportsEveryProblem(t *testing.T) {
	in := `{"criteria":` + mustJSON(t, Standard3x3()) + `,"risks":[{"id":"r","likelyhood":3,"owner":5,"treatment":{"option":"x"}}]}`
	_, err := DecodeRegister([]byte(in))
	assert.Len(t, fieldErrors(err), 3, "%v", err)
}

func FuzzDecodeRegister(f *testing.F) {
	data, err := os.ReadFile("testdata/register.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte(`{"risks":[{"id":"r","likelihood":3,"controls":[{"control":"acme:x","status":"planned","likelihoodEffect":50}]}]}`))
	f.Add([]byte(`{"criteria":{"id":"c","version":"1"},"extensions":{"a":1}} `))
	f.Add([]byte(`{"name":"x","name":"y"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		reg, err := DecodeRegister(data)
		if err != nil {
			return
		}
		_ = reg.Validate() // must not panic
		_, _ = AssessRegister(reg)
		_, _ = Check(reg)
		out, err := EncodeRegister(reg)
		if err != nil {
			return // e.g. an empty enum string, which decoding accepts only as absent
		}
		again, err := DecodeRegister(out)
		if err != nil {
			t.Fatalf("own output unreadable: %v\n%s", err, out)
		}
		out2, err := EncodeRegister(again)
		require.NoError(t, err)
		require.Equal(t, string(out), string(out2))
	})
}

func TestEncodeIncompleteRegister(t *testing.T) {
	// a register still being written (no treatment chosen, no status)
	// encodes and decodes; Validate reports what is missing
	reg := Register{Criteria: Standard3x3(), Risks: []Risk{{ID: "r", Controls: []AppliedControl{{Control: iso27002.MustParse("5.1")}}}}}
	out, err := EncodeRegister(reg)
	require.NoError(t, err)
	back, err := DecodeRegister(out)
	require.NoError(t, err)
	assert.Equal(t, reg, back)
	requireFieldErr(t, back.Validate(), "risks[0].treatment.option", ismskit.ErrMissing)
	requireFieldErr(t, back.Validate(), "risks[0].controls[0].status", ismskit.ErrMissing)

	reg.Risks[0].Properties = []Property{"privacy"}
	_, err = EncodeRegister(reg)
	require.ErrorIs(t, err, ismskit.ErrUnknownValue)
}

func TestConcurrentUse(t *testing.T) {
	reg := loadSample(t)
	a, err := NewAssessor(reg.Criteria, reg.Assets...)
	require.NoError(t, err)
	want, err := AssessRegister(reg)
	require.NoError(t, err)
	done := make(chan Assessments)
	for range 4 {
		go func() {
			out := make(Assessments, len(reg.Risks))
			for i := range reg.Risks {
				out[i], _ = a.Assess(reg.Risks[i])
			}
			Rank(out, Residual)
			done <- out
		}()
	}
	for range 4 {
		assert.Equal(t, want, <-done)
	}
}
