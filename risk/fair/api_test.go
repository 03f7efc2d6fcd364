package fair

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/ismskit/ismskit/internal/race"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// exportedTypes lists every exported type of the package, so that the
// tests below cover a new one as soon as it is added here; TestTypeList
// checks the list against the package's source.
var exportedTypes = []any{
	Analysis{}, Bin{}, Breach{}, ChartOptions{}, Comparison{}, Contribution{}, Correlation{}, Curve{}, Dist(0),
	Estimate{}, Extensions{}, FrequencyMode(0), InputSensitivity{}, LossDistribution{}, Nodes{},
	Options{}, PERTForm(0), Point{}, Portfolio{}, Report{}, Result{}, Scenario{}, SecondaryLoss{},
	SensitivityOptions{}, SensitivityResult{}, Shock{}, Summary{}, Tolerance{}, Treatment{},
	TreatmentResult{}, Verdict{}, VulnerabilityMode(0),
}

func TestTypeList(t *testing.T) {
	names := map[string]bool{}
	for _, v := range exportedTypes {
		names[reflect.TypeOf(v).Name()] = true
	}
	decl := regexp.MustCompile(`(?m)^type ([A-Z]\w*) `)
	files, err := filepathGlob("*.go")
	require.NoError(t, err)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := readFile(f)
		require.NoError(t, err)
		for _, m := range decl.FindAllStringSubmatch(string(src), -1) {
			assert.True(t, names[m[1]], "%s declares %s: add it to exportedTypes", f, m[1])
		}
	}
}

// TestZeroAndNilNeverPanic calls every method of every exported type on
// its zero value and on a nil pointer, and every exported function with
// zero arguments: each returns an error or a documented zero result.
func TestZeroAndNilNeverPanic(t *testing.T) {
	calls := 0
	call := func(name string, f func()) {
		t.Helper()
		calls++
		defer func() {
			if r := recover(); r != nil {
				t.Errorf("%s panics: %v", name, r)
			}
		}()
		f()
	}
	for _, v := range exportedTypes {
		typ := reflect.TypeOf(v)
		for _, recv := range []reflect.Value{reflect.New(typ).Elem(), reflect.Zero(reflect.PointerTo(typ)), reflect.New(typ)} {
			for i := range recv.NumMethod() {
				m := recv.Type().Method(i)
				args := make([]reflect.Value, 0, m.Type.NumIn()-1)
				for j := 1; j < m.Type.NumIn(); j++ {
					if m.Type.IsVariadic() && j == m.Type.NumIn()-1 {
						break
					}
					args = append(args, reflect.Zero(m.Type.In(j)))
				}
				if recv.Kind() == reflect.Pointer && recv.IsNil() && !isPointerMethod(typ, m.Name) {
					continue // a value method on a nil pointer dereferences it, as Go does
				}
				call(recv.Type().String()+"."+m.Name, func() {
					out := recv.Method(i).Call(args)
					// Iterators are called too.
					for _, o := range out {
						if o.Kind() == reflect.Func && o.Type().NumIn() == 1 && !o.IsNil() {
							o.Call([]reflect.Value{reflect.ValueOf(func(float64) bool { return true })})
						}
					}
				})
			}
		}
	}
	assert.Greater(t, calls, 100, "methods called")
	var nilCtx context.Context
	call("functions", func() {
		_, _ = Simulate(Scenario{}, Options{})
		_, _ = SimulateContext(nilCtx, Scenario{}, Options{})
		_, _ = SimulatePortfolio(nil, Options{})
		_, _ = SimulatePortfolioContext(nilCtx, []Scenario{{}}, Options{})
		_, _ = Compare(Scenario{}, Scenario{}, 0, Options{})
		_, _ = CompareContext(nilCtx, Scenario{}, Scenario{}, 0, Options{})
		_, _ = Run(Analysis{})
		_, _ = RunContext(nilCtx, Analysis{})
		_, _ = DecodeAnalysis(nil)
		_, _ = ReadAnalysis(nil)
		_, _ = EncodeAnalysis(Analysis{})
		_ = WriteAnalysis(nil, Analysis{})
		_, _ = DecodeScenario(nil)
		_, _ = ReadScenario(nil)
		_, _ = EncodeScenario(Scenario{})
		_ = WriteScenario(nil, Scenario{})
		_, _ = AnalyticLoss(Scenario{}, 0)
		_, _ = Sensitivity(Scenario{}, Options{}, SensitivityOptions{})
		_, _ = SensitivityContext(nilCtx, Scenario{}, Options{}, SensitivityOptions{})
		_ = LossExceedanceSVG("")
		_ = LossExceedanceSVG("", Curve{}, Curve{Points: []Point{{}}})
		_, _ = LossExceedanceSVGWith(ChartOptions{})
		_, _ = LossExceedanceSVGWith(ChartOptions{}, Curve{}, Curve{Points: []Point{{}}})
		_, _ = LossHistogramSVG(ChartOptions{}, nil)
		_, _ = ParseDist("")
		_, _ = ParsePERTForm("")
		_, _ = ParseFrequencyMode("")
		_, _ = ParseVulnerabilityMode("")
		_ = Sample()
		_ = HistogramOf()
		_ = Fixed(0)
		_ = UniformRange(0, 0)
		_ = Triangle(0, 0, 0)
		_ = ClassicPERT(0, 0, 0)
		_ = MomentPERT(0, 0, 0)
		_ = LogNormal90(0, 0)
		_ = TruncNormal(0, 0)
		_ = DefaultPercentiles()
		_ = JSONSchema()
		_ = ReportSchema()
	})
	// Zero-valued estimates in every position are errors, not panics.
	z := &Estimate{}
	for _, mode := range []FrequencyMode{Rate, Event, Bernoulli} {
		call("zero estimates", func() {
			s := Scenario{Name: "z", Nodes: Nodes{LEF: z, TEF: z, CF: z, PoA: z, Vuln: z, TCap: z, RS: z, LM: z, PL: z, SR: z, SLEF: z, SLM: z,
				Secondary: []SecondaryLoss{{}}}}
			_, err := Simulate(s, Options{Iterations: 10, Mode: mode})
			assert.Error(t, err)
			_, err = AnalyticLoss(s, mode)
			assert.Error(t, err)
		})
	}
}

// isPointerMethod reports whether method name of typ has a pointer
// receiver.
func isPointerMethod(typ reflect.Type, name string) bool {
	_, onValue := typ.MethodByName(name)
	return !onValue
}

// samples returns a populated value of each exported type, for the JSON
// round trip.
func samples(t *testing.T) []any {
	a := readAnalysis(t)
	a.Correlations = []Correlation{{A: "ransomware", B: "insider-leak", Rank: 0.3}}
	a.Shocks = []Shock{{Name: "x", Frequency: Fixed(0.1), Scenarios: []string{"ransomware"}}}
	a.Tolerance = &Tolerance{Points: []Point{{Amount: 1e4, Probability: 0.5}, {Amount: 1e6, Probability: 0.01}}}
	a.Sensitivity = &SensitivityOptions{Low: 5, High: 95}
	a.Iterations = 2000
	rep, err := Run(a)
	require.NoError(t, err)
	rep.Result = nil // not encoded
	for i := range rep.Treatments {
		rep.Treatments[i].Result = nil
	}
	iterations := 3000
	if race.Enabled {
		// A third of the years, and of the 670 KB of JSON (the losses
		// and 12 nodes) whose round trip is the test's dearest after the
		// analytic grid's: the round trip does the same at any size (every
		// field written, read and the percentile index rebuilt).
		iterations = 1000
	}
	res, err := Simulate(fullTree(), Options{Iterations: iterations, Seed: 1, Mode: Event, KeepNodes: true})
	require.NoError(t, err)
	p, err := SimulatePortfolio(a.Scenarios, a.Options())
	require.NoError(t, err)
	c, err := Compare(twoNode(Classic), twoNode(Moment), 5, Options{Iterations: 500, Mode: Rate})
	require.NoError(t, err)
	d, err := AnalyticLoss(twoNode(Classic), Event)
	require.NoError(t, err)
	sum, err := res.Summary(nil, []float64{1e4})
	require.NoError(t, err)
	sr, err := Sensitivity(twoNode(Classic), Options{Iterations: 1000}, SensitivityOptions{})
	require.NoError(t, err)
	return []any{a, a.Scenarios[0], a.Scenarios[0].Nodes, *a.Scenarios[0].TEF, a.Treatments[0], *rep, rep.Treatments[0],
		rep.Scenarios[0], *rep.Tolerance, rep.Tolerance.Worst, *res, sum, *p, *c, *d, *sr, sr.Inputs[0],
		a.Options(), Curve{Label: "x", Points: res.ExceedanceCurve([]float64{1, 2})}, Bin{1, 2, 3},
		SecondaryLoss{Form: "f", SLEF: ptr(Fixed(0.1)), SLM: ptr(Fixed(1))}, HistogramOf(Bin{0, 1, 1}),
		Extensions{"a": []any{1.0, "x"}}, PERT, Moment, Bernoulli, PerIteration}
}

// TestJSONRoundTrip: every exported type, zero and populated, encodes with
// encoding/json, with lowerCamelCase keys, and decodes back equal.
func TestJSONRoundTrip(t *testing.T) {
	values := append(slices2(exportedTypes), samples(t)...)
	for _, v := range values {
		typ := reflect.TypeOf(v)
		js, err := json.Marshal(v)
		require.NoError(t, err, "%s", typ)
		back := reflect.New(typ)
		require.NoError(t, json.Unmarshal(js, back.Interface()), "%s: %s", typ, abbreviate(js))
		assert.Equal(t, v, back.Elem().Interface(), "%s does not decode back equal: %s", typ, abbreviate(js))
	}
	camel := regexp.MustCompile(`^[a-z][a-zA-Z0-9]*$`)
	for _, v := range exportedTypes {
		typ := reflect.TypeOf(v)
		if typ.Kind() != reflect.Struct {
			continue
		}
		for i := range typ.NumField() {
			f := typ.Field(i)
			if !f.IsExported() || f.Anonymous {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "-" {
				continue
			}
			assert.Regexp(t, camel, name, "%s.%s", typ.Name(), f.Name)
		}
	}
}

func slices2(x []any) []any { return append([]any(nil), x...) }

func abbreviate(b []byte) string {
	if len(b) > 300 {
		return string(b[:300]) + "..."
	}
	return string(bytes.TrimSpace(b))
}

func filepathGlob(p string) ([]string, error) { return filepath.Glob(p) }
func readFile(f string) ([]byte, error)       { return os.ReadFile(f) }
