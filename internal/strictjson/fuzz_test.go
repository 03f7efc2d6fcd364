package strictjson

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/ismskit/ismskit"
	"github.com/stretchr/testify/require"
)

// Types for the differential fuzz target: ",string" fields, embedded
// structs with colliding names, recursion, and the special types.
type fuzzEmbedA struct {
	Shared int `json:"shared"`
	OnlyA  string
	Tagged int `json:"tagged"`
}

type fuzzEmbedB struct {
	Shared int `json:"shared"`
	OnlyB  bool
}

type fuzzInner struct {
	Deep int `json:"deep"`
}

type fuzzQuoted struct {
	fuzzEmbedA
	*fuzzEmbedB
	Nested     fuzzInner          `json:"nested"`
	Tagged     string             `json:"tagged2"`
	Int        int8               `json:"int,string"`
	Uint       uint16             `json:"uint,string"`
	Float      float32            `json:"float,string"`
	Bool       bool               `json:"bool,string"`
	Str        string             `json:"str,string"`
	Ptr        *int               `json:"ptr,string"`
	Num        json.Number        `json:"num"`
	QNum       json.Number        `json:"qnum,string"`
	Any        any                `json:"any"`
	Raw        json.RawMessage    `json:"raw"`
	RawPtr     *json.RawMessage   `json:"rawPtr"`
	Bytes      []byte             `json:"bytes"`
	Array      [3]byte            `json:"array"`
	Children   []fuzzQuoted       `json:"children"`
	Next       *fuzzQuoted        `json:"next"`
	ByUint     map[uint8]float64  `json:"byUint"`
	ByText     map[level][]string `json:"byText"`
	Iface      []any              `json:"iface"`
	unexported int                //lint:ignore U1000 must not be decodable
}

// fuzzTargets make the targets that FuzzUnmarshal decodes every input
// into.
var fuzzTargets = []func() any{
	func() any { return new(register) },
	func() any { return new(benchRegister) },
	func() any { return new(fuzzQuoted) },
	func() any { return new(any) },
	func() any { return new(map[string]json.RawMessage) },
	func() any { return new([]*int) },
	func() any { return new(string) },
}

// FuzzUnmarshal checks Unmarshal against encoding/json: whatever strict
// decoding accepts, encoding/json accepts with the same result; whatever
// encoding/json finds malformed, strict decoding rejects; every problem
// of its own has a kind; and the target is left
// alone on error.
func FuzzUnmarshal(f *testing.F) {
	f.Add([]byte(`{"risks":[{"id":"R1","likelihood":3,"level":"high"}]}`))
	f.Add([]byte(`{"risks":[{"byLevel":{"low":1},"fixed":[1,2]}]}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`{"shared":1,"OnlyA":"x","OnlyB":true,"int":"-7","uint":"65535","float":"1.5e3","bool":"true","str":"\"s\"","ptr":"null"}`))
	f.Add([]byte(`{"num":1e5,"qnum":"\"2\"","any":{"a":[1,"x",null,true]},"raw":[{"b":1}],"rawPtr":null,"bytes":"AQID","array":[1,2]}`))
	f.Add([]byte(`{"children":[{"next":{"nested":{"deep":1}}}],"byUint":{"255":1.5},"byText":{"low":["a"]},"iface":[{}]}`))
	f.Add([]byte("\"a\\ud83d\\ude00\\ud800x\xff\xed\xa0\x80\""))
	f.Add(benchSample())
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, newTarget := range fuzzTargets {
			strict := newTarget()
			err := Unmarshal(data, strict)
			loose := newTarget()
			jerr := json.Unmarshal(data, loose)
			if err == nil {
				require.NoError(t, jerr, "strict decoding accepted what encoding/json rejects (%T)", strict)
				require.True(t, reflect.DeepEqual(loose, strict), "%T: strict %#v, encoding/json %#v", strict, strict, loose)
				continue
			}
			require.True(t, reflect.ValueOf(strict).Elem().IsZero(), "%T changed on error", strict)
			for _, p := range ismskit.Problems(err) {
				require.True(t, p.Kind() != nil || fromMethod(p), "%T: problem without a kind: %v", strict, p)
			}
		}
		var se *json.SyntaxError
		if errors.As(json.Unmarshal(data, new(any)), &se) {
			var v any
			require.Error(t, Unmarshal(data, &v))
		}
	})
}

// fromMethod reports whether p comes from an UnmarshalText or
// UnmarshalJSON method of the test types, which return errors without a
// kind.
func fromMethod(p *ismskit.Error) bool {
	var pe *time.ParseError
	return errors.Is(p, errUnknownLevel) || errors.As(p, &pe) || strings.HasPrefix(p.Message(), "Time.")
}

// benchSample is the start of a generated register: a realistic seed.
func benchSample() []byte {
	b, err := json.Marshal(makeRegister(4))
	if err != nil {
		panic(err)
	}
	return b
}
