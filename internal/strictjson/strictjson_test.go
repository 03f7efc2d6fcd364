package strictjson

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var errUnknownLevel = errors.New("unknown level")

type level int

func (l *level) UnmarshalText(b []byte) error {
	switch string(b) {
	case "low":
		*l = 1
	case "high":
		*l = 2
	default:
		return fmt.Errorf("%w %q", errUnknownLevel, b)
	}
	return nil
}

// smallLevel is a uint8 enum: a slice of it is an array, not base64.
type smallLevel uint8

func (l *smallLevel) UnmarshalText(b []byte) error {
	if string(b) != "one" {
		return errUnknownLevel
	}
	*l = 1
	return nil
}

type Base struct {
	ID string `json:"id"`
}

type risk struct {
	Base
	Likelihood int             `json:"likelihood"`
	Level      level           `json:"level,omitempty"`
	Tags       []string        `json:"tags,omitempty"`
	Score      float64         `json:"score"`
	Small      uint8           `json:"small"`
	Quoted     int             `json:"quoted,string"`
	Ext        map[string]any  `json:"extensions,omitempty"`
	Raw        json.RawMessage `json:"raw,omitempty"`
	When       time.Time       `json:"when,omitzero"`
	Ptr        *int            `json:"ptr"`
	Fixed      [2]int          `json:"fixed"`
	ByLevel    map[level]int   `json:"byLevel"`
	ByNum      map[int]string  `json:"byNum"`
	Bytes      []byte          `json:"bytes"`
	Levels     []smallLevel    `json:"levels"`
	ignored    int             //lint:ignore U1000 an unexported field must not be decodable
	Skip       int             `json:"-"`
}

type register struct {
	Risks []risk `json:"risks"`
}

func TestUnmarshalOK(t *testing.T) {
	in := `{"risks":[{"id":"R1","likelihood":3,"level":"high","tags":["a"],"score":1.5,"small":255,"quoted":"7",
	"extensions":{"x":{"y":[1,2]}},"raw":{"any":true},"when":"2026-01-02T03:04:05Z","ptr":null,"fixed":[1],
	"byLevel":{"low":1},"byNum":{"-3":"x"},"bytes":"AAE=","levels":["one"]}]}`
	var r register
	require.NoError(t, Unmarshal([]byte(in), &r))
	require.Len(t, r.Risks, 1)
	got := r.Risks[0]
	assert.Equal(t, "R1", got.ID)
	assert.Equal(t, level(2), got.Level)
	assert.Equal(t, 7, got.Quoted)
	assert.Equal(t, `{"any":true}`, string(got.Raw))
	assert.Equal(t, []byte{0, 1}, got.Bytes)
	assert.Equal(t, map[level]int{1: 1}, got.ByLevel)
	assert.Equal(t, []smallLevel{1}, got.Levels)
}

func TestUnmarshalErrors(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		wantIs  []error
		wantMsg string
	}{
		{"unknown field", `{"risks":[{"id":"a"},{"likelyhood":3}]}`, []error{ismskit.ErrUnknownField}, "risks[1].likelyhood: unknown field"},
		{"case mismatch", `{"risks":[{"Likelihood":3}]}`, []error{ismskit.ErrUnknownField}, "risks[0].Likelihood: unknown field"},
		{"duplicate", `{"risks":[{"id":"a","id":"b"}]}`, []error{ismskit.ErrDuplicateField}, "risks[0].id: duplicate field"},
		{"wrong type", `{"risks":[{"likelihood":"3"}]}`, []error{ismskit.ErrType}, "risks[0].likelihood: wrong type: want integer, got string"},
		{"fraction for int", `{"risks":[{"likelihood":3.5}]}`, []error{ismskit.ErrType}, "risks[0].likelihood: wrong type: 3.5 is not an integer that fits int"},
		{"overflow", `{"risks":[{"small":256}]}`, []error{ismskit.ErrType}, "risks[0].small: wrong type: 256 is not an integer that fits uint8"},
		{"enum", `{"risks":[{"level":"medium"}]}`, []error{errUnknownLevel}, `risks[0].level: unknown level "medium"`},
		{"enum type", `{"risks":[{"level":3}]}`, []error{ismskit.ErrType}, "risks[0].level: wrong type: want string, got number"},
		{"map key", `{"risks":[{"byLevel":{"mid":1}}]}`, []error{errUnknownLevel}, `risks[0].byLevel.mid: unknown level "mid"`},
		{"map key int", `{"risks":[{"byNum":{"x":"a"}}]}`, []error{ismskit.ErrType}, `risks[0].byNum.x: wrong type: key "x" is not an integer that fits int`},
		{"time", `{"risks":[{"when":"yesterday"}]}`, nil, "risks[0].when: "},
		{"array too long", `{"risks":[{"fixed":[1,2,3]}]}`, []error{ismskit.ErrType}, "risks[0].fixed: wrong type: 3 elements for an array of 2"},
		{"not array", `{"risks":{}}`, []error{ismskit.ErrType}, "risks: wrong type: want array, got object"},
		{"not object", `[1]`, []error{ismskit.ErrType}, "wrong type: want object, got array"},
		{"bytes", `{"risks":[{"bytes":[1]}]}`, []error{ismskit.ErrType}, "risks[0].bytes: wrong type: want base64 string, got array"},
		{"quoted", `{"risks":[{"quoted":7}]}`, []error{ismskit.ErrType}, "risks[0].quoted: wrong type: want string, got number"},
		{"bool", `{"risks":[{"tags":[true]}]}`, []error{ismskit.ErrType}, "risks[0].tags[0]: wrong type: want string, got boolean"},
		{"float", `{"risks":[{"score":"x"}]}`, []error{ismskit.ErrType}, "risks[0].score: wrong type: want number, got string"},
		{"uint8 enum slice", `{"risks":[{"levels":["two"]}]}`, []error{errUnknownLevel}, "risks[0].levels[0]: unknown level"},
		{"trailing", `{"risks":[]} {}`, []error{ismskit.ErrTrailingData}, "trailing data after the JSON value"},
		{"syntax", `{"risks":[}`, []error{ismskit.ErrSyntax}, "malformed JSON"},
		{"empty", ``, []error{ismskit.ErrSyntax}, "malformed JSON"},
		{"truncated", `{"risks":[`, []error{ismskit.ErrSyntax}, "malformed JSON"},
		{"skip is unknown", `{"Skip":1}`, []error{ismskit.ErrUnknownField}, "Skip: unknown field"},
		{"unexported is unknown", `{"ignored":1}`, []error{ismskit.ErrUnknownField}, "ignored: unknown field"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r register
			err := Unmarshal([]byte(tt.in), &r)
			require.Error(t, err)
			for _, w := range tt.wantIs {
				assert.ErrorIs(t, err, w)
			}
			assert.Contains(t, err.Error(), tt.wantMsg)
			var fe *fielderr.Error
			assert.ErrorAs(t, err, &fe)
			assert.Equal(t, register{}, r, "target must be untouched on error")
		})
	}
}

func TestReportsEveryProblemInOrder(t *testing.T) {
	var r register
	err := Unmarshal([]byte(`{"risks":[{"a":1,"likelihood":"x"},{"b":2}],"c":3}`), &r)
	require.Error(t, err)
	assert.Equal(t, strings.Join([]string{
		"risks[0].a: unknown field",
		"risks[0].likelihood: wrong type: want integer, got string",
		"risks[1].b: unknown field",
		"c: unknown field",
	}, "\n"), err.Error())
}

func TestBadTarget(t *testing.T) {
	var r register
	assert.Error(t, Unmarshal([]byte(`{}`), r))
	assert.Error(t, Unmarshal([]byte(`{}`), (*register)(nil)))
	var c chan int
	assert.ErrorIs(t, Unmarshal([]byte(`1`), &c), ismskit.ErrType)
	var s fmt.Stringer
	assert.ErrorIs(t, Unmarshal([]byte(`1`), &s), ismskit.ErrType)
	var m map[float64]int
	assert.ErrorIs(t, Unmarshal([]byte(`{"1":1}`), &m), ismskit.ErrType)
}

// nested decodes itself strictly, as the library's own types with an
// UnmarshalJSON method do.
type nested struct {
	X int `json:"x"`
}

func (n *nested) UnmarshalJSON(b []byte) error {
	type plain nested
	var p plain
	if err := Unmarshal(b, &p); err != nil {
		return err
	}
	*n = nested(p)
	return nil
}

// nullable counts its UnmarshalJSON calls, to show what null does.
type nullable struct{ got string }

func (n *nullable) UnmarshalJSON(b []byte) error {
	n.got = string(b)
	return nil
}

type container struct {
	Items    []nested            `json:"items"`
	ByName   map[string]nested   `json:"byName"`
	Controls map[string]nested   `json:"controls"`
	Null     nullable            `json:"null"`
	NullPtr  *nullable           `json:"nullPtr"`
	Raw      json.RawMessage     `json:"raw"`
	RawPtr   *json.RawMessage    `json:"rawPtr"`
	Any      any                 `json:"any"`
	Level    level               `json:"level"`
	Num      json.Number         `json:"num"`
	Floats   []float32           `json:"floats"`
	Ints     map[uint16][]int8   `json:"ints"`
	Deep     [][]map[string]bool `json:"deep"`
}

func TestUnmarshalMore(t *testing.T) {
	var c container
	require.NoError(t, Unmarshal([]byte(`{"items":[{"x":1}],"null":null,"nullPtr":null,"raw":null,"rawPtr":null,
		"any":null,"level":null,"num":"-1.5e3","floats":[1.5,-0],"ints":{"7":[-128,127]},"deep":[[{"a":true}],[]]}`), &c))
	assert.Equal(t, []nested{{X: 1}}, c.Items)
	assert.Equal(t, "null", c.Null.got, "null calls UnmarshalJSON of a value")
	assert.Nil(t, c.NullPtr, "null leaves a pointer nil")
	assert.Equal(t, json.RawMessage("null"), c.Raw)
	assert.Nil(t, c.RawPtr)
	assert.Nil(t, c.Any)
	assert.Equal(t, level(0), c.Level, "null is a no-op for a TextUnmarshaler")
	assert.Equal(t, json.Number("-1.5e3"), c.Num)
	assert.Equal(t, []float32{1.5, 0}, c.Floats)
	assert.Equal(t, map[uint16][]int8{7: {-128, 127}}, c.Ints)
	assert.Equal(t, [][]map[string]bool{{{"a": true}}, {}}, c.Deep)
}

func TestPathsAndNestedErrors(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		paths []string
		kinds []error
	}{
		{"nested strict document", `{"items":[{"x":1},{"y":2}]}`, []string{"items[1].y"}, []error{ismskit.ErrUnknownField}},
		{"quoted key", `{"controls":{"5.1":{"x":"a"}}}`, []string{`controls["5.1"].x`}, []error{ismskit.ErrType}},
		{"escaped key", `{"controls":{"a\"b":{"y":1}}}`, []string{`controls["a\"b"].y`}, []error{ismskit.ErrUnknownField}},
		{"duplicate map key", `{"byName":{"a":{},"b":{},"a":{}}}`, []string{"byName.a"}, []error{ismskit.ErrDuplicateField}},
		{"duplicate unknown key", `{"u":1,"u":2}`, []string{"u", "u"}, []error{ismskit.ErrUnknownField, ismskit.ErrDuplicateField}},
		{"duplicate any key", `{"any":{"a":[{"b":1,"b":2}]}}`, []string{"any.a[0].b"}, []error{ismskit.ErrDuplicateField}},
		{"duplicate raw key", `{"raw":{"a":[1,{"b":1,"c":[],"b":2}]}}`, []string{"raw.a[1].b"}, []error{ismskit.ErrDuplicateField}},
		{"duplicate escaped raw key", `{"raw":{"b":1,"\u0062":2}}`, []string{"raw.b"}, []error{ismskit.ErrDuplicateField}},
		{"any number overflow", `{"any":[1,1e999]}`, []string{"any[1]"}, []error{ismskit.ErrType}},
		{"float32 overflow", `{"floats":[1e39]}`, []string{"floats[0]"}, []error{ismskit.ErrType}},
		{"int8 range", `{"ints":{"1":[-129]}}`, []string{`ints["1"][0]`}, []error{ismskit.ErrType}},
		{"uint16 key range", `{"ints":{"65536":[]}}`, []string{`ints["65536"]`}, []error{ismskit.ErrType}},
		{"negative uint key", `{"ints":{"-1":[]}}`, []string{"ints[\"-1\"]"}, []error{ismskit.ErrType}},
		{"json.Number from bad string", `{"num":"1x"}`, []string{"num"}, []error{ismskit.ErrType}},
		{"bool", `{"deep":[[{"a":1}]]}`, []string{"deep[0][0].a"}, []error{ismskit.ErrType}},
		{"keeps going", `{"items":[{"x":"1"},{"x":2,"z":3}],"level":"x","floats":"y"}`,
			[]string{"items[0].x", "items[1].z", "level", "floats"}, []error{ismskit.ErrType, ismskit.ErrUnknownField, errUnknownLevel, ismskit.ErrType}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c container
			err := Unmarshal([]byte(tt.in), &c)
			require.Error(t, err)
			assert.Equal(t, tt.paths, fielderr.Paths(err), err.Error())
			problems := ismskit.Problems(err)
			require.Len(t, problems, len(tt.kinds))
			for i, k := range tt.kinds {
				assert.ErrorIs(t, problems[i], k)
			}
			assert.Equal(t, container{}, c)
		})
	}
}

func TestSyntaxErrors(t *testing.T) {
	tests := []struct {
		in     string
		offset int64
	}{
		{`{"a":1,}`, 7},
		{`[1,]`, 3},
		{`[1 2]`, 3},
		{`{"a" 1}`, 5},
		{`{"a":tru}`, 8},
		{`{"a":nul`, 8},
		{`"a` + "\x01" + `"`, 2},
		{`"\x"`, 2},
		{`"\u12G4"`, 5},
		{`-`, 1},
		{`01`, 1},
		{`1.`, 2},
		{`1e+`, 3},
		{`[`, 1},
		{`{`, 1},
		{`{1:2}`, 1},
		{` `, 1},
		{`]`, 0},
		{"\x00", 0},
		{`"abc`, 4},
		{`'a'`, 0},
	}
	for _, tt := range tests {
		var v any
		err := Unmarshal([]byte(tt.in), &v)
		require.Error(t, err, "%q", tt.in)
		problems := ismskit.Problems(err)
		require.Len(t, problems, 1, "%q", tt.in)
		p := problems[0]
		if tt.in == `01` {
			assert.ErrorIs(t, p, ismskit.ErrTrailingData)
		} else {
			assert.ErrorIs(t, p, ismskit.ErrSyntax, "%q", tt.in)
			assert.Contains(t, p.Error(), "malformed JSON")
		}
		assert.Equal(t, tt.offset, p.Offset, "%q: %v", tt.in, p)
		assert.Empty(t, p.Path)
		assert.Nil(t, v)
	}
}

// A syntax error ends the decoding but keeps the problems found before
// it.
func TestSyntaxErrorKeepsEarlierProblems(t *testing.T) {
	var r register
	err := Unmarshal([]byte(`{"risks":[{"a":1},{"likelihood":"x"},{`), &r)
	problems := ismskit.Problems(err)
	require.Len(t, problems, 3)
	assert.ErrorIs(t, problems[0], ismskit.ErrUnknownField)
	assert.ErrorIs(t, problems[1], ismskit.ErrType)
	assert.ErrorIs(t, problems[2], ismskit.ErrSyntax)
}

func TestStrings(t *testing.T) {
	for _, in := range []string{
		`"plain"`, `"caf\u00e9 naïve"`, `"\"\\\/\b\f\n\r\t"`, `"\ud83d\ude00"`, `"\ud83d"`, `"\ude00\ud83d"`,
		`"\ud83dx"`, `"\ud83d\u0041"`, `"\ud83d\ud83d\ude00"`, "\"\xff\xfe\"", "\"\xed\xa0\x80\"", "\"a\xc3\"",
		"\"\xef\xbf\xbd\"", `"\u0000"`, "\"\x7f\"", `"long string with nothing to escape at all, to cross eight bytes"`,
		"\"\xe2\x82\xac and \xf0\x9f\x98\x80 and invalid \xc0\xaf after\"",
	} {
		var got, want string
		require.NoError(t, Unmarshal([]byte(in), &got), in)
		require.NoError(t, json.Unmarshal([]byte(in), &want), in)
		assert.Equal(t, want, got, in)
	}
}

func TestStringsDoNotAliasInput(t *testing.T) {
	in := []byte(`{"id":"R1","tags":["abc"],"raw":{"k":"v"},"extensions":{"e":"f"}}`)
	var r risk
	require.NoError(t, Unmarshal(in, &r))
	for i := range in {
		in[i] = 'x'
	}
	assert.Equal(t, "R1", r.ID)
	assert.Equal(t, []string{"abc"}, r.Tags)
	assert.Equal(t, `{"k":"v"}`, string(r.Raw))
	assert.Equal(t, map[string]any{"e": "f"}, r.Ext)
}

func TestUnchangedOnError(t *testing.T) {
	r := register{Risks: []risk{{Base: Base{ID: "keep"}}}}
	require.Error(t, Unmarshal([]byte(`{"risks":[{"id":"new","x":1}]}`), &r))
	assert.Equal(t, "keep", r.Risks[0].ID)

	// On success the old value is replaced, not merged into.
	require.NoError(t, Unmarshal([]byte(`{}`), &r))
	assert.Nil(t, r.Risks)
}

func TestQuotedOption(t *testing.T) {
	type q struct {
		I int     `json:"i,string"`
		P *int    `json:"p,string"`
		F float64 `json:"f,string"`
		B bool    `json:"b,string"`
		S string  `json:"s,string"`
		L level   `json:"l,string"`
		//lint:ignore SA5008 on a kind encoding/json does not quote, the option is ignored: tested here
		Arr []int `json:"arr,string"`
	}
	ok := []string{
		`{"i":"-5","p":"7","f":"1.5e2","b":"true","s":"\"x\"","l":"\"low\"","arr":[1]}`,
		`{"i":null,"p":null,"f":"null","b":"false","s":"null"}`,
		`{"p":"null"}`,
	}
	for _, in := range ok {
		var got, want q
		require.NoError(t, Unmarshal([]byte(in), &got), in)
		require.NoError(t, json.Unmarshal([]byte(in), &want), in)
		assert.Equal(t, want, got, in)
	}
	bad := []string{
		`{"i":5}`, `{"i":"x"}`, `{"i":" 5"}`, `{"i":"5 "}`, `{"i":"1.5"}`, `{"i":""}`, `{"i":"\"5\""}`,
		`{"b":"1"}`, `{"s":"x"}`, `{"s":"5"}`, `{"l":"low"}`, `{"f":"1e999"}`, `{"i":"[1]"}`, `{"i":"07"}`,
	}
	for _, in := range bad {
		var got q
		err := Unmarshal([]byte(in), &got)
		require.ErrorIs(t, err, ismskit.ErrType, in)
		assert.Equal(t, []string{strings.Split(strings.Trim(in, "{"), `"`)[1]}, fielderr.Paths(err), in)
	}
}

func TestEmbeddedLikeEncodingJSON(t *testing.T) {
	type A struct {
		Same  int `json:"same"`
		Plain int
		OnlyA int
	}
	type B struct {
		Same  int `json:"same"`
		Plain int
		OnlyB int
	}
	type C struct {
		Plain int `json:"Plain"` // tagged: wins over the untagged ones at its depth
	}
	type top struct {
		A
		*B
		C
		Own int `json:"OnlyA"` // shallower: hides A.OnlyA
	}
	in := `{"OnlyA":1,"OnlyB":2,"Plain":3}`
	var got, want top
	require.NoError(t, Unmarshal([]byte(in), &got))
	require.NoError(t, json.Unmarshal([]byte(in), &want))
	assert.Equal(t, want, got)
	assert.Equal(t, 1, got.Own)
	require.NotNil(t, got.B)
	assert.Equal(t, 3, got.C.Plain)

	// "same" is ambiguous at one depth: encoding/json drops it, so it is
	// unknown.
	assert.ErrorIs(t, Unmarshal([]byte(`{"same":1}`), &got), ismskit.ErrUnknownField)

	// A tagged embedded struct of an unexported type is a member whose
	// exported fields are set; an untagged embedded pointer to one cannot
	// be allocated.
	type hidden struct{ X int }
	type withHidden struct {
		hidden `json:"h"`
		*inner
	}
	var h, wantH withHidden
	require.NoError(t, Unmarshal([]byte(`{"h":{"X":1}}`), &h))
	require.NoError(t, json.Unmarshal([]byte(`{"h":{"X":1}}`), &wantH))
	assert.Equal(t, wantH, h)
	err := Unmarshal([]byte(`{"Y":1}`), &h)
	assert.ErrorIs(t, err, ismskit.ErrType)
	assert.Equal(t, []string{"Y"}, fielderr.Paths(err))
	assert.Error(t, json.Unmarshal([]byte(`{"Y":1}`), &wantH))
}

type inner struct{ Y int }

func TestRecursiveTypes(t *testing.T) {
	type tree struct {
		Name     string           `json:"name"`
		Children []tree           `json:"children"`
		Parent   *tree            `json:"parent"`
		Index    map[string]*tree `json:"index"`
	}
	in := `{"name":"a","children":[{"name":"b","children":[]}],"parent":{"name":"p"},"index":{"x":{"name":"x"}}}`
	var got, want tree
	require.NoError(t, Unmarshal([]byte(in), &got))
	require.NoError(t, json.Unmarshal([]byte(in), &want))
	assert.Equal(t, want, got)

	type P *P
	var p P
	assert.ErrorIs(t, Unmarshal([]byte(`{}`), &p), ismskit.ErrType)
	assert.NoError(t, Unmarshal([]byte(`null`), &p))
}

func TestBytesAndArrays(t *testing.T) {
	var b []byte
	require.NoError(t, Unmarshal([]byte(`""`), &b))
	assert.NotNil(t, b, `"" is an empty slice, as in encoding/json`)
	assert.ErrorIs(t, Unmarshal([]byte(`"!!"`), &b), ismskit.ErrType)
	var s []string
	require.NoError(t, Unmarshal([]byte(`[]`), &s))
	assert.NotNil(t, s)
	var a [2]string
	require.NoError(t, Unmarshal([]byte(`["x"]`), &a))
	assert.Equal(t, [2]string{"x", ""}, a)
}

func TestConcurrentUse(t *testing.T) {
	data := benchSample()
	var want benchRegister
	require.NoError(t, json.Unmarshal(data, &want))
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 20 {
				var got benchRegister
				if assert.NoError(t, Unmarshal(data, &got)) {
					assert.Equal(t, want, got)
				}
				var bad benchRegister
				assert.Error(t, Unmarshal([]byte(`{"risks":[{"id":1}]}`), &bad))
			}
		})
	}
	wg.Wait()
}
