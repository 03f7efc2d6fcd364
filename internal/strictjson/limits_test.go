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
	"github.com/ismskit/ismskit/internal/hostile"
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
	// The bodies are ten million levels deep (the third two million),
	// hundreds of times the deepest limit (hardMaxDepth), and a decoding may
	// allocate 64 MiB: a decoder that allocated as little as 7 bytes for
	// each level of the body (32 of the third), not only of those it
	// decodes (a stack of open containers kept while it validates the
	// whole body first, say), would go over. Under the race detector,
	// where each byte written to a fresh buffer costs system time for its
	// shadow memory, the bodies and the bound are a tenth of that: the
	// bodies are still twenty times hardMaxDepth deep or more, so the
	// decoder is seen to stop far from their end, and the bound, 6.4 MiB,
	// catches the same bytes a level, and still sits well above what a
	// decoding to hardMaxDepth allocates (4 MB at most, into maps).
	scale := hostile.Scale()
	bound := uint64(64<<20) / uint64(scale)
	hostiles := []struct {
		open string
		n    int
	}{
		{"[", 10_000_000 / scale},
		{`{"a":`, 10_000_000 / scale},
		{`{"m":{"x":`, 1_000_000 / scale},
	}
	// One buffer for every hostile body, each written over the last;
	// each target writes its prefix just before the body.
	size := 0
	for _, in := range hostiles {
		size = max(size, in.n*len(in.open))
	}
	backing := make([]byte, maxPrefix, maxPrefix+size)
	for _, in := range hostiles {
		buf := hostile.AppendRepeat(backing[:maxPrefix], in.open, in.n)
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
				t.Run(in.open+"/"+lim.name+"/"+tt.name, func(t *testing.T) {
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
					assert.Less(t, last.Offset, int64(len(tt.prefix)+(lim.depth+1)*len(in.open)))
					assert.Less(t, used, bound, "bytes allocated")
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
	// One byte over the default limit (32 MiB) is as over it as any
	// longer input, and one buffer serves every case: a longer one only
	// costs time to fill, most of all under the race detector.
	big := bytes.Repeat([]byte("x"), 32<<20+1) // not even JSON: nothing is parsed
	var v any
	var err error
	// A decoder that copied the input before checking its length would
	// allocate 32 MiB, far over the bound; one that parsed it first would
	// stop at the x.
	used := allocated(func() { err = Unmarshal(big, &v, ismskit.MaxBytes(32<<20)) })
	require.ErrorIs(t, err, ismskit.ErrTooLarge)
	assert.Equal(t, int64(32<<20), ismskit.Problems(err)[0].Offset)
	assert.Less(t, used, uint64(1<<20))
	// The default limit is the same.
	err = Unmarshal(big, &v)
	assert.ErrorIs(t, err, ismskit.ErrTooLarge)
	assert.Equal(t, int64(32<<20), ismskit.Problems(err)[0].Offset)

	assert.NoError(t, Unmarshal([]byte(`[1, 2]`), &v, ismskit.MaxBytes(6)))
	assert.ErrorIs(t, Unmarshal([]byte(`[1, 2] `), &v, ismskit.MaxBytes(6)), ismskit.ErrTooLarge)
	// A document over the default limit, refused by default and decoded
	// without a limit: the same buffer, made "[", spaces and "]".
	spaced := append(hostile.AppendRepeat(append(big[:0], '['), " ", len(big)-2), ']')
	require.Len(t, spaced, 32<<20+1)
	assert.ErrorIs(t, Unmarshal(spaced, &v), ismskit.ErrTooLarge)
	assert.NoError(t, Unmarshal(spaced, &v, ismskit.MaxBytes(-1)))
}

// countingReader serves an endless document and counts what it gives.
type countingReader struct {
	data []byte
	n    int64
}

var spaces = bytes.Repeat([]byte(" "), 64<<10)

func (r *countingReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		// Spaces, copied in blocks: byte by byte, filling the 32 MiB
		// that the default limit reads took seconds under the race
		// detector, which checks every write.
		for n := 0; n < len(p); {
			n += copy(p[n:], spaces)
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
	// io.ReadAll copies what it read, 32 MiB for the default limit.
	hostile.HoldGC(t)
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
