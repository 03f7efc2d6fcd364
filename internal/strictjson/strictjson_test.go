package strictjson

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

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
		{"unknown field", `{"risks":[{"id":"a"},{"likelyhood":3}]}`, []error{ErrUnknownField}, "risks[1].likelyhood: unknown field"},
		{"case mismatch", `{"risks":[{"Likelihood":3}]}`, []error{ErrUnknownField}, "risks[0].Likelihood: unknown field"},
		{"duplicate", `{"risks":[{"id":"a","id":"b"}]}`, []error{ErrDuplicateField}, "risks[0].id: duplicate field"},
		{"wrong type", `{"risks":[{"likelihood":"3"}]}`, []error{ErrType}, "risks[0].likelihood: wrong type: want integer, got string"},
		{"fraction for int", `{"risks":[{"likelihood":3.5}]}`, []error{ErrType}, "risks[0].likelihood: wrong type: 3.5 is not an integer that fits int"},
		{"overflow", `{"risks":[{"small":256}]}`, []error{ErrType}, "risks[0].small: wrong type: 256 is not an integer that fits uint8"},
		{"enum", `{"risks":[{"level":"medium"}]}`, []error{errUnknownLevel}, `risks[0].level: unknown level "medium"`},
		{"enum type", `{"risks":[{"level":3}]}`, []error{ErrType}, "risks[0].level: wrong type: want string, got number"},
		{"map key", `{"risks":[{"byLevel":{"mid":1}}]}`, []error{errUnknownLevel}, `risks[0].byLevel.mid: unknown level "mid"`},
		{"map key int", `{"risks":[{"byNum":{"x":"a"}}]}`, []error{ErrType}, `risks[0].byNum.x: wrong type: key "x" is not an integer that fits int`},
		{"time", `{"risks":[{"when":"yesterday"}]}`, nil, "risks[0].when: "},
		{"array too long", `{"risks":[{"fixed":[1,2,3]}]}`, []error{ErrType}, "risks[0].fixed: wrong type: 3 elements for an array of 2"},
		{"not array", `{"risks":{}}`, []error{ErrType}, "risks: wrong type: want array, got object"},
		{"not object", `[1]`, []error{ErrType}, "wrong type: want object, got array"},
		{"bytes", `{"risks":[{"bytes":[1]}]}`, []error{ErrType}, "risks[0].bytes: wrong type: want base64 string, got array"},
		{"quoted", `{"risks":[{"quoted":7}]}`, []error{ErrType}, "risks[0].quoted: wrong type: want string, got number"},
		{"bool", `{"risks":[{"tags":[true]}]}`, []error{ErrType}, "risks[0].tags[0]: wrong type: want string, got boolean"},
		{"float", `{"risks":[{"score":"x"}]}`, []error{ErrType}, "risks[0].score: wrong type: want number, got string"},
		{"uint8 enum slice", `{"risks":[{"levels":["two"]}]}`, []error{errUnknownLevel}, "risks[0].levels[0]: unknown level"},
		{"trailing", `{"risks":[]} {}`, []error{ErrTrailingData}, "trailing data after the JSON value"},
		{"syntax", `{"risks":[}`, []error{ErrSyntax}, "malformed JSON"},
		{"empty", ``, []error{ErrSyntax}, "malformed JSON"},
		{"truncated", `{"risks":[`, []error{ErrSyntax}, "malformed JSON"},
		{"skip is unknown", `{"Skip":1}`, []error{ErrUnknownField}, "Skip: unknown field"},
		{"unexported is unknown", `{"ignored":1}`, []error{ErrUnknownField}, "ignored: unknown field"},
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
	assert.ErrorIs(t, Unmarshal([]byte(`1`), &c), ErrType)
	var s fmt.Stringer
	assert.ErrorIs(t, Unmarshal([]byte(`1`), &s), ErrType)
	var m map[float64]int
	assert.ErrorIs(t, Unmarshal([]byte(`{"1":1}`), &m), ErrType)
}

func FuzzUnmarshal(f *testing.F) {
	f.Add([]byte(`{"risks":[{"id":"R1","likelihood":3,"level":"high"}]}`))
	f.Add([]byte(`{"risks":[{"byLevel":{"low":1},"fixed":[1,2]}]}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var strict register
		err := Unmarshal(data, &strict)
		if err != nil {
			return
		}
		// Whatever strict decoding accepts, encoding/json accepts with the
		// same result.
		var loose register
		require.NoError(t, json.Unmarshal(data, &loose))
		a, _ := json.Marshal(strict)
		b, _ := json.Marshal(loose)
		require.Equal(t, string(b), string(a))
	})
}
