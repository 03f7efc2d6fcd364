package risk

import (
	"encoding/json"
	"reflect"
	"slices"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/risk/fair"
)

// fullRegister returns a register with every field of every element set,
// the quantitative scenario and every extensions field included.
func fullRegister() Register {
	reg := testRegister()
	ext := json.RawMessage(`{"x":[1,2]}`)
	lo, hi := 1.0, 2.0
	reg.Criteria.Likelihood.Levels[0].Band = &Band{Min: &lo, Max: &hi, Unit: "per year"}
	reg.Extensions = ext
	reg.Assets[0].Extensions = ext
	reg.Threats[0].Extensions = ext
	reg.Vulnerabilities[0].Extensions = ext
	r := &reg.Risks[0]
	r.PropertyImpacts = []PropertyImpact{{Property: Availability, Impact: 5}}
	r.Current = &Estimate{Likelihood: 4, Impact: 3}
	r.Residual = &Estimate{Likelihood: 2, Impact: 3}
	r.Approvals = []Approval{{By: "cto", At: day("2026-01-01")}}
	r.Acceptances = []Acceptance{{By: "cto", At: day("2026-01-02"), Level: "medium"}}
	r.Scoring = &ScoreRecord{Method: "matrix", Version: "1", Vector: "L:4/I:5", Score: 20}
	lef, lm := fair.Fixed(1), fair.Fixed(1000)
	r.Quantitative = &fair.Scenario{Name: "s", Nodes: fair.Nodes{LEF: &lef, LM: &lm},
		Extensions: fair.Extensions{"a": []any{map[string]any{"b": 1.0}}, "c": "d"}}
	r.Extensions = ext
	return reg
}

func TestClone(t *testing.T) {
	tests := []struct {
		name string
		in   any
		copy func(any) any
	}{
		{"full register", fullRegister(), func(v any) any { return v.(Register).Clone() }},
		{"sample register", loadSample(t), func(v any) any { return v.(Register).Clone() }},
		{"zero register", Register{}, func(v any) any { return v.(Register).Clone() }},
		{"empty, not nil, slices", Register{Risks: []Risk{}, Assets: []Asset{}, Criteria: Criteria{RiskLevels: []Level{}}},
			func(v any) any { return v.(Register).Clone() }},
		{"risk", fullRegister().Risks[0], func(v any) any { return v.(Risk).Clone() }},
		{"zero risk", Risk{}, func(v any) any { return v.(Risk).Clone() }},
		{"criteria", fullRegister().Criteria, func(v any) any { return v.(Criteria).Clone() }},
		{"zero criteria", Criteria{}, func(v any) any { return v.(Criteria).Clone() }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.copy(tt.in)
			assert.Equal(t, tt.in, got, "a clone equals its original, nil and empty slices alike")
			assertNoSharing(t, "", reflect.ValueOf(tt.in), reflect.ValueOf(got))
		})
	}
}

func TestCloneIsIndependent(t *testing.T) {
	reg := fullRegister()
	c := reg.Clone()
	c.Criteria.RiskLevels[0].Colour = "#000000"
	c.Criteria.Matrix.Cells[0][0] = "critical"
	*c.Criteria.Likelihood.Levels[0].Band.Min = 7
	c.Risks[0].Controls[0].Status = Planned
	c.Risks[0].Treatment.Plan[0].Controls[0] = iso27002.MustParse("5.1")
	c.Risks[0].Quantitative.Extensions["a"].([]any)[0].(map[string]any)["b"] = 2.0
	c.Risks[0].Quantitative.LEF.Value = 9
	c.Extensions[0] = '['
	assert.Equal(t, fullRegister(), reg)
}

// assertNoSharing fails where b holds a slice, map or pointer that is
// also in a: the memory a deep copy must not share.
func assertNoSharing(t testing.TB, path string, a, b reflect.Value) {
	t.Helper()
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			return
		}
		if a.Pointer() == b.Pointer() {
			t.Errorf("%s: the pointer is shared", path)
		}
		assertNoSharing(t, path, a.Elem(), b.Elem())
	case reflect.Slice:
		if a.Cap() > 0 && b.Cap() > 0 && a.Pointer() == b.Pointer() {
			t.Errorf("%s: the slice is shared", path)
		}
		for i := 0; i < a.Len() && i < b.Len(); i++ {
			assertNoSharing(t, path+"["+strconv.Itoa(i)+"]", a.Index(i), b.Index(i))
		}
	case reflect.Map:
		if a.IsNil() || b.IsNil() {
			return
		}
		if a.Pointer() == b.Pointer() {
			t.Errorf("%s: the map is shared", path)
		}
		for _, k := range a.MapKeys() {
			if bv := b.MapIndex(k); bv.IsValid() {
				assertNoSharing(t, path+"."+k.String(), a.MapIndex(k), bv)
			}
		}
	case reflect.Interface:
		if !a.IsNil() && !b.IsNil() {
			assertNoSharing(t, path, a.Elem(), b.Elem())
		}
	case reflect.Struct:
		for i := range a.NumField() {
			assertNoSharing(t, path+"."+a.Type().Field(i).Name, a.Field(i), b.Field(i))
		}
	}
}

// recorder is a testing.TB that notes failures instead of reporting them.
type recorder struct {
	testing.TB
	failed bool
}

func (r *recorder) Helper()               {}
func (r *recorder) Errorf(string, ...any) { r.failed = true }

func TestAssertNoSharingFindsSharing(t *testing.T) {
	reg := fullRegister()
	shallow := reg
	shallow.Risks = slices.Clone(reg.Risks) // the risks' own slices are still shared
	rec := &recorder{TB: t}
	assertNoSharing(rec, "", reflect.ValueOf(reg), reflect.ValueOf(shallow))
	assert.True(t, rec.failed)
}
