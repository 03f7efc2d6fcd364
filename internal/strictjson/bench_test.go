package strictjson

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"github.com/ismskit/ismskit"
)

// The types of the benchmarks mirror a risk register: nested structs,
// slices of structs, strings, integers, floats, enums and dates as
// TextUnmarshalers, maps, pointers and json.RawMessage extensions.
type benchRegister struct {
	Name       string          `json:"name"`
	Version    int             `json:"version"`
	Criteria   benchCriteria   `json:"criteria"`
	Assets     []benchAsset    `json:"assets"`
	Risks      []benchRisk     `json:"risks"`
	Extensions json.RawMessage `json:"extensions,omitempty"`
}

type benchCriteria struct {
	Scale    int               `json:"scale"`
	Appetite float64           `json:"appetite"`
	Labels   map[string]string `json:"labels"`
	Levels   []benchLevel      `json:"levels"`
}

type benchLevel struct {
	Level benchSeverity `json:"level"`
	Min   int           `json:"min"`
	Max   int           `json:"max"`
}

type benchAsset struct {
	ID             string          `json:"id"`
	Name           string          `json:"name"`
	Kind           benchAssetKind  `json:"kind"`
	Owner          string          `json:"owner"`
	Classification string          `json:"classification,omitempty"`
	Properties     []benchProperty `json:"properties,omitempty"`
	Value          float64         `json:"value"`
}

type benchRisk struct {
	ID          string            `json:"id"`
	Title       string            `json:"title"`
	Description string            `json:"description,omitempty"`
	Owner       string            `json:"owner"`
	Assets      []string          `json:"assets,omitempty"`
	Properties  []benchProperty   `json:"properties,omitempty"`
	Likelihood  int               `json:"likelihood"`
	Impact      int               `json:"impact"`
	Score       float64           `json:"score"`
	Level       benchSeverity     `json:"level"`
	Controls    []benchControl    `json:"controls,omitempty"`
	Current     *benchEstimate    `json:"current,omitempty"`
	Residual    *benchEstimate    `json:"residual,omitempty"`
	Treatment   benchTreatment    `json:"treatment"`
	Identified  ismskit.Date      `json:"identified,omitzero"`
	Tags        map[string]string `json:"tags,omitempty"`
	Extensions  json.RawMessage   `json:"extensions,omitempty"`
}

type benchControl struct {
	Control          string             `json:"control"`
	Status           benchControlStatus `json:"status"`
	LikelihoodEffect int                `json:"likelihoodEffect,omitempty"`
}

type benchEstimate struct {
	Likelihood int `json:"likelihood"`
	Impact     int `json:"impact"`
}

type benchTreatment struct {
	Option    benchOption   `json:"option"`
	Rationale string        `json:"rationale,omitempty"`
	Plan      []benchAction `json:"plan,omitempty"`
}

type benchAction struct {
	ID     string        `json:"id"`
	Title  string        `json:"title"`
	Owner  string        `json:"owner"`
	Due    ismskit.Date  `json:"due,omitzero"`
	Status benchProgress `json:"status"`
	Cost   float64       `json:"cost"`
}

// benchEnum implements the text methods of the enums below.
type benchEnum struct{ names []string }

func (e benchEnum) marshal(v uint8) ([]byte, error) {
	if int(v) >= len(e.names) {
		return nil, fmt.Errorf("bad value %d", v)
	}
	return []byte(e.names[v]), nil
}

func (e benchEnum) unmarshal(b []byte) (uint8, error) {
	for i, n := range e.names {
		if n == string(b) {
			return uint8(i), nil
		}
	}
	return 0, fmt.Errorf("%w: %q", ismskit.ErrUnknownValue, b)
}

type (
	benchSeverity      uint8
	benchAssetKind     uint8
	benchProperty      uint8
	benchControlStatus uint8
	benchOption        uint8
	benchProgress      uint8
)

var (
	severities  = benchEnum{[]string{"", "very-low", "low", "medium", "high", "very-high"}}
	assetKinds  = benchEnum{[]string{"", "information", "software", "hardware", "service", "people", "site"}}
	properties  = benchEnum{[]string{"", "confidentiality", "integrity", "availability"}}
	ctlStatuses = benchEnum{[]string{"", "planned", "implemented", "verified"}}
	options     = benchEnum{[]string{"", "modify", "retain", "avoid", "share"}}
	progresses  = benchEnum{[]string{"", "open", "in-progress", "done"}}
)

func (v benchSeverity) MarshalText() ([]byte, error) { return severities.marshal(uint8(v)) }
func (v *benchSeverity) UnmarshalText(b []byte) (err error) {
	u, err := severities.unmarshal(b)
	*v = benchSeverity(u)
	return err
}
func (v benchAssetKind) MarshalText() ([]byte, error) { return assetKinds.marshal(uint8(v)) }
func (v *benchAssetKind) UnmarshalText(b []byte) (err error) {
	u, err := assetKinds.unmarshal(b)
	*v = benchAssetKind(u)
	return err
}
func (v benchProperty) MarshalText() ([]byte, error) { return properties.marshal(uint8(v)) }
func (v *benchProperty) UnmarshalText(b []byte) (err error) {
	u, err := properties.unmarshal(b)
	*v = benchProperty(u)
	return err
}
func (v benchControlStatus) MarshalText() ([]byte, error) { return ctlStatuses.marshal(uint8(v)) }
func (v *benchControlStatus) UnmarshalText(b []byte) (err error) {
	u, err := ctlStatuses.unmarshal(b)
	*v = benchControlStatus(u)
	return err
}
func (v benchOption) MarshalText() ([]byte, error) { return options.marshal(uint8(v)) }
func (v *benchOption) UnmarshalText(b []byte) (err error) {
	u, err := options.unmarshal(b)
	*v = benchOption(u)
	return err
}
func (v benchProgress) MarshalText() ([]byte, error) { return progresses.marshal(uint8(v)) }
func (v *benchProgress) UnmarshalText(b []byte) (err error) {
	u, err := progresses.unmarshal(b)
	*v = benchProgress(u)
	return err
}

// makeRegister returns a deterministic register of n risks.
func makeRegister(n int) benchRegister {
	rng := rand.New(rand.NewPCG(27001, 27002))
	words := strings.Fields(`access control asset backup breach change cloud continuity
		crypto data disclosure encryption incident integrity key laptop leak log malware
		network outage patch password phishing privilege ransomware recovery remote
		server supplier theft update vendor vulnerability "quoted" naïve café`)
	text := func(min, max int) string {
		k := min + rng.IntN(max-min+1)
		s := make([]string, k)
		for i := range s {
			s[i] = words[rng.IntN(len(words))]
		}
		return strings.Join(s, " ")
	}
	date := func() ismskit.Date {
		return ismskit.MustParseDate(fmt.Sprintf("20%02d-%02d-%02d", 20+rng.IntN(8), 1+rng.IntN(12), 1+rng.IntN(28)))
	}
	reg := benchRegister{
		Name:    "Example organisation risk register",
		Version: 3,
		Criteria: benchCriteria{
			Scale:    5,
			Appetite: 9.5,
			Labels:   map[string]string{"1": "rare", "2": "unlikely", "3": "possible", "4": "likely", "5": "almost certain"},
		},
		Extensions: json.RawMessage(`{"tool":{"name":"bench","version":"1.2.3"},"flags":[true,false,null]}`),
	}
	for s := 1; s <= 5; s++ {
		reg.Criteria.Levels = append(reg.Criteria.Levels, benchLevel{Level: benchSeverity(s), Min: s*5 - 4, Max: s * 5})
	}
	for i := range n / 4 {
		reg.Assets = append(reg.Assets, benchAsset{
			ID:             fmt.Sprintf("A-%d", i+1),
			Name:           text(2, 5),
			Kind:           benchAssetKind(1 + rng.IntN(6)),
			Owner:          text(1, 2),
			Classification: []string{"", "public", "internal", "confidential"}[rng.IntN(4)],
			Properties:     []benchProperty{1, 2, 3}[:1+rng.IntN(3)],
			Value:          float64(rng.IntN(1000000)) / 100,
		})
	}
	for i := range n {
		l, im := 1+rng.IntN(5), 1+rng.IntN(5)
		r := benchRisk{
			ID:          fmt.Sprintf("R-%d", i+1),
			Title:       text(3, 8),
			Description: text(10, 40),
			Owner:       text(1, 2),
			Assets:      []string{fmt.Sprintf("A-%d", 1+rng.IntN(n/4+1)), fmt.Sprintf("A-%d", 1+rng.IntN(n/4+1))},
			Properties:  []benchProperty{benchProperty(1 + rng.IntN(3))},
			Likelihood:  l,
			Impact:      im,
			Score:       float64(l*im) * 1.25,
			Level:       benchSeverity(1 + (l*im-1)/5),
			Current:     &benchEstimate{Likelihood: l, Impact: im},
			Treatment: benchTreatment{
				Option:    benchOption(1 + rng.IntN(4)),
				Rationale: text(5, 15),
			},
			Identified: date(),
		}
		for range rng.IntN(4) {
			r.Controls = append(r.Controls, benchControl{
				Control:          fmt.Sprintf("5.%d", 1+rng.IntN(37)),
				Status:           benchControlStatus(1 + rng.IntN(3)),
				LikelihoodEffect: rng.IntN(3),
			})
		}
		if rng.IntN(2) == 0 {
			r.Residual = &benchEstimate{Likelihood: max(1, l-1), Impact: im}
		}
		for range rng.IntN(3) {
			r.Treatment.Plan = append(r.Treatment.Plan, benchAction{
				ID:     fmt.Sprintf("ACT-%d", rng.IntN(100000)),
				Title:  text(3, 8),
				Owner:  text(1, 2),
				Due:    date(),
				Status: benchProgress(1 + rng.IntN(3)),
				Cost:   float64(rng.IntN(10000000)) / 100,
			})
		}
		if rng.IntN(3) == 0 {
			r.Tags = map[string]string{"unit": text(1, 1), "region": text(1, 1)}
		}
		if rng.IntN(4) == 0 {
			r.Extensions = json.RawMessage(fmt.Sprintf(`{"ticket":"T-%d","scores":[%d,%d.5],"meta":{"src":"import"}}`, rng.IntN(9999), l, im))
		}
		reg.Risks = append(reg.Risks, r)
	}
	return reg
}

var benchDoc = sync.OnceValue(func() []byte {
	b, err := json.MarshalIndent(makeRegister(3000), "", "  ")
	if err != nil {
		panic(err)
	}
	return b
})

func BenchmarkUnmarshalRegister(b *testing.B) {
	data := benchDoc()
	b.Run("strictjson", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			var r benchRegister
			if err := Unmarshal(data, &r); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			var r benchRegister
			if err := json.Unmarshal(data, &r); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkUnmarshalAny decodes the same document into an empty
// interface.
func BenchmarkUnmarshalAny(b *testing.B) {
	data := benchDoc()
	b.Run("strictjson", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			var r any
			if err := Unmarshal(data, &r); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			var r any
			if err := json.Unmarshal(data, &r); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkUnmarshalSmall decodes a register of four risks, about 6.5 KB:
// the cost of a call beyond its bytes (the plan cache, the pooled state).
func BenchmarkUnmarshalSmall(b *testing.B) {
	data, err := json.MarshalIndent(makeRegister(4), "", "  ")
	if err != nil {
		b.Fatal(err)
	}
	b.Run("strictjson", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			var r benchRegister
			if err := Unmarshal(data, &r); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			var r benchRegister
			if err := json.Unmarshal(data, &r); err != nil {
				b.Fatal(err)
			}
		}
	})
}
