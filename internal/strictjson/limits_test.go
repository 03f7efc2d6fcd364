package strictjson

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// allocated returns how many bytes f allocates on the heap.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// deepTargets are targets that a hostile document reaches through every
// way of decoding: values decoded into Go values, skipped unknown
// fields, json.RawMessage, UnmarshalJSON methods and interfaces.
var deepTargets = []struct {
	name   string
	prefix string // put before the hostile bytes
	target func() any
}{
	{"any", ``, func() any { return new(any) }},
	{"slices", ``, func() any { return new([][][]any) }},
	{"struct", ``, func() any { return new(register) }},
	{"recursive", ``, func() any { return new(recursive) }},
	{"map", ``, func() any { return new(map[string]any) }},
	{"unknown field", `{"nope":`, func() any { return new(register) }},
	{"raw", `{"risks":[{"raw":`, func() any { return new(register) }},
	{"extensions", `{"risks":[{"extensions":{"x":`, func() any { return new(register) }},
	{"unmarshaler", `{"items":[`, func() any { return new(container) }},
	{"raw target", ``, func() any { return new(json.RawMessage) }},
}

type recursive struct {
	A []recursive          `json:"a"`
	M map[string]recursive `json:"m"`
}

func TestHostileNesting(t *testing.T) {
	maxPrefix := 0
	for _, tt := range deepTargets {
		maxPrefix = max(maxPrefix, len(tt.prefix))
	}
	for _, hostile := range []struct {
		open string
		n    int
	}{
		{"[", 10_000_000},
		{`{"a":`, 10_000_000},
		{`{"m":{"x":`, 1_000_000},
	} {
		// One buffer per hostile body; each target writes its prefix
		// just before the body.
		buf := make([]byte, maxPrefix, maxPrefix+hostile.n*len(hostile.open))
		for range hostile.n {
			buf = append(buf, hostile.open...)
		}
		for _, lim := range []struct {
			name  string
			opts  []ismskit.DecodeOption
			depth int
		}{
			{"default depth", []ismskit.DecodeOption{ismskit.MaxBytes(-1)}, ismskit.DefaultMaxDepth},
			{"no depth limit", []ismskit.DecodeOption{ismskit.MaxBytes(-1), ismskit.MaxDepth(-1)}, hardMaxDepth},
			{"depth above the ceiling", []ismskit.DecodeOption{ismskit.MaxBytes(-1), ismskit.MaxDepth(1 << 30)}, hardMaxDepth},
		} {
			for _, tt := range deepTargets {
				t.Run(hostile.open+"/"+lim.name+"/"+tt.name, func(t *testing.T) {
					start := maxPrefix - len(tt.prefix)
					copy(buf[start:], tt.prefix)
					data := buf[start:]
					var err error
					used := allocated(func() { err = Unmarshal(data, tt.target(), lim.opts...) })
					require.ErrorIs(t, err, ismskit.ErrTooDeep)
					problems := ismskit.Problems(err)
					last := problems[len(problems)-1]
					assert.ErrorIs(t, last, ismskit.ErrTooDeep)
					assert.Positive(t, last.Offset)
					assert.Less(t, last.Offset, int64(len(tt.prefix)+(lim.depth+1)*len(hostile.open)))
					assert.Less(t, used, uint64(64<<20), "bytes allocated")
				})
			}
		}
	}
}

func TestMaxDepth(t *testing.T) {
	nest := func(n int) []byte {
		return []byte(strings.Repeat("[", n) + strings.Repeat("]", n))
	}
	for _, depth := range []int{1, 2, 5, 128} {
		var v any
		require.NoError(t, Unmarshal(nest(depth), &v, ismskit.MaxDepth(depth)))
		var raw json.RawMessage
		require.NoError(t, Unmarshal(nest(depth), &raw, ismskit.MaxDepth(depth)))

		err := Unmarshal(nest(depth+1), &v, ismskit.MaxDepth(depth))
		require.ErrorIs(t, err, ismskit.ErrTooDeep)
		p := ismskit.Problems(err)[0]
		assert.Equal(t, int64(depth), p.Offset, "the bracket one too deep")
		assert.Empty(t, p.Path)
		assert.Contains(t, p.Error(), "nested deeper than")
		assert.ErrorIs(t, Unmarshal(nest(depth+1), &raw, ismskit.MaxDepth(depth)), ismskit.ErrTooDeep)
	}
	// Objects and arrays count alike; scalars do not.
	var r register
	require.NoError(t, Unmarshal([]byte(`{"risks":[{"extensions":{"a":[1]}}]}`), &r, ismskit.MaxDepth(5)))
	require.ErrorIs(t, Unmarshal([]byte(`{"risks":[{"extensions":{"a":[1]}}]}`), &r, ismskit.MaxDepth(4)), ismskit.ErrTooDeep)
	// Unlimited is still bounded by the ceiling.
	var v any
	require.NoError(t, Unmarshal(nest(hardMaxDepth), &v, ismskit.MaxDepth(-1)))
	require.ErrorIs(t, Unmarshal(nest(hardMaxDepth+1), &v, ismskit.MaxDepth(-1)), ismskit.ErrTooDeep)
}

func TestMaxProblems(t *testing.T) {
	many := func(n int) string {
		return "[" + strings.Repeat("1,", n-1) + "1]"
	}
	var s []string
	err := Unmarshal([]byte(many(5000)), &s, ismskit.MaxProblems(10))
	problems := ismskit.Problems(err)
	require.Len(t, problems, 11)
	for i, p := range problems[:10] {
		assert.ErrorIs(t, p, ismskit.ErrType)
		assert.Equal(t, "["+itoa(i)+"]", p.Path)
	}
	assert.ErrorIs(t, problems[10], ismskit.ErrMoreProblems)
	assert.Equal(t, "and 4990 more problems", problems[10].Error())

	err = Unmarshal([]byte(many(5000)), &s)
	assert.Len(t, ismskit.Problems(err), ismskit.DefaultMaxProblems+1)
}

func itoa(i int) string { return string(rune('0' + i)) }

// Junk of every kind reports at most MaxProblems+1 problems.
func TestJunk(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const size = 10 << 10
	junk := map[string][]byte{}
	random := make([]byte, size)
	for i := range random {
		random[i] = byte(rng.UintN(256))
	}
	junk["random"] = random
	alphabet := []byte(`{}[]":,0123456789-.eE truefalsnul\u`)
	tokens := make([]byte, size)
	for i := range tokens {
		tokens[i] = alphabet[rng.IntN(len(alphabet))]
	}
	junk["tokens"] = tokens
	var unknown bytes.Buffer
	unknown.WriteString(`{"risks":[`)
	for unknown.Len() < size {
		unknown.WriteString(`{"x":1,"likelihood":"a","level":"nope","Likelihood":2},`)
	}
	unknown.WriteString(`{}]}`)
	junk["problems"] = unknown.Bytes()

	var r register
	assert.Len(t, ismskit.Problems(Unmarshal(junk["problems"], &r, ismskit.MaxProblems(7))), 8)
	for name, data := range junk {
		for _, max := range []int{1, 7, 100} {
			for _, target := range fuzzTargets {
				err := Unmarshal(data, target(), ismskit.MaxProblems(max))
				assert.LessOrEqual(t, len(ismskit.Problems(err)), max+1, name)
			}
		}
	}
}

func TestMaxBytes(t *testing.T) {
	big := bytes.Repeat([]byte("x"), 50<<20) // not even JSON: nothing is parsed
	var v any
	var err error
	used := allocated(func() { err = Unmarshal(big, &v, ismskit.MaxBytes(32<<20)) })
	require.ErrorIs(t, err, ismskit.ErrTooLarge)
	assert.Equal(t, int64(32<<20), ismskit.Problems(err)[0].Offset)
	assert.Less(t, used, uint64(1<<20))
	// The default limit is the same.
	assert.ErrorIs(t, Unmarshal(big, &v), ismskit.ErrTooLarge)

	assert.NoError(t, Unmarshal([]byte(`[1, 2]`), &v, ismskit.MaxBytes(6)))
	assert.ErrorIs(t, Unmarshal([]byte(`[1, 2] `), &v, ismskit.MaxBytes(6)), ismskit.ErrTooLarge)
	spaced := append(append([]byte("["), bytes.Repeat([]byte(" "), 33<<20)...), ']')
	assert.ErrorIs(t, Unmarshal(spaced, &v), ismskit.ErrTooLarge)
	assert.NoError(t, Unmarshal(spaced, &v, ismskit.MaxBytes(-1)))
}

// countingReader serves an endless document and counts what it gives.
type countingReader struct {
	data []byte
	n    int64
}

func (r *countingReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		for i := range p {
			p[i] = ' '
		}
		r.n += int64(len(p))
		return len(p), nil
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	r.n += int64(n)
	return n, nil
}

func TestRead(t *testing.T) {
	for _, max := range []int64{0, 1, 10, 4096, 1 << 20} {
		r := &countingReader{data: []byte(`[1]`)}
		var v []int
		err := Read(r, &v, ismskit.MaxBytes(max))
		require.ErrorIs(t, err, ismskit.ErrTooLarge)
		limit := max
		if max == 0 {
			limit = ismskit.DefaultMaxBytes
		}
		assert.Equal(t, limit+1, r.n, "bytes read with a limit of %d", limit)
		assert.Nil(t, v)
	}

	var v []int
	require.NoError(t, Read(strings.NewReader(`[1, 2]`), &v, ismskit.MaxBytes(6)))
	assert.Equal(t, []int{1, 2}, v)
	require.NoError(t, Read(strings.NewReader(`[3]`), &v, ismskit.MaxBytes(-1)))
	assert.Equal(t, []int{3}, v)

	err := Read(strings.NewReader(`[1, "x"]`), &v)
	assert.ErrorIs(t, err, ismskit.ErrType)
	assert.Equal(t, []int{3}, v)

	err = Read(io.MultiReader(strings.NewReader(`[1`), iotest{}), &v)
	assert.ErrorIs(t, err, errBrokenReader)
	var fe *ismskit.Error
	assert.True(t, errors.As(err, &fe))

	assert.Error(t, Read(strings.NewReader(`[]`), v))
}

var errBrokenReader = errors.New("broken reader")

type iotest struct{}

func (iotest) Read([]byte) (int, error) { return 0, errBrokenReader }

func TestUnmarshalContext(t *testing.T) {
	doc := []byte(`[` + strings.Repeat(`{"a":1},`, 20000) + `{"a":1}]`)
	var v []map[string]int
	require.NoError(t, UnmarshalContext(context.Background(), doc, &v))
	assert.Len(t, v, 20001)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var w []map[string]int
	err := UnmarshalContext(ctx, doc, &w)
	assert.ErrorIs(t, err, context.Canceled)
	assert.Nil(t, w, "a cancelled decoding leaves the target unchanged")
	var nilCtx context.Context
	require.NoError(t, UnmarshalContext(nilCtx, []byte(`[]`), &w))
}
