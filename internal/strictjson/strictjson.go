package strictjson

import (
	"context"
	"fmt"
	"io"
	"math"
	"reflect"
	"sync"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// The kinds of decoding problem, ismskit's shared ones, under the names
// the decoding packages of ismskit use for them.
var (
	ErrSyntax         = ismskit.ErrSyntax
	ErrUnknownField   = ismskit.ErrUnknownField
	ErrDuplicateField = ismskit.ErrDuplicateField
	ErrType           = ismskit.ErrType
	ErrTrailingData   = ismskit.ErrTrailingData
)

// Unmarshal decodes the JSON document data into v, which must be a
// non-nil pointer, strictly (see the package documentation), within the
// limits that opts set (ismskit.LimitsOf).
//
// It decodes into a fresh zero value of v's element type and stores it in
// *v only when there is no problem: on error *v is unchanged. (This
// differs from encoding/json, which decodes into the value *v holds and
// leaves it partly filled on error.) The error is a *ismskit.Error, or
// several joined, in document order.
func Unmarshal(data []byte, v any, opts ...ismskit.DecodeOption) error {
	return unmarshal(nil, data, v, opts)
}

// UnmarshalContext is Unmarshal that stops when ctx is done, checking it
// every few thousand values: it then returns an error wrapping ctx.Err()
// and leaves v unchanged. A nil ctx is never done.
func UnmarshalContext(ctx context.Context, data []byte, v any, opts ...ismskit.DecodeOption) error {
	if ctx == nil {
		return unmarshal(nil, data, v, opts)
	}
	return unmarshal(ctx, data, v, opts)
}

// canceller is what the decoder asks whether to stop: a context, or nil.
type canceller interface{ Err() error }

func unmarshal(ctx canceller, data []byte, v any, opts []ismskit.DecodeOption) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return &ismskit.Error{Err: fmt.Errorf("strictjson: Unmarshal needs a non-nil pointer, got %T", v)}
	}
	lim := ismskit.LimitsOf(opts...)
	if lim.MaxBytes >= 0 && int64(len(data)) > lim.MaxBytes {
		return &ismskit.Error{Offset: lim.MaxBytes, Err: fielderr.Errorf(ismskit.ErrTooLarge,
			"input of %d bytes is longer than the limit of %d bytes", len(data), lim.MaxBytes)}
	}
	p := planFor(rv.Type().Elem())
	out := reflect.New(p.typ).Elem()

	d := newDecoder(data, lim)
	d.ctx = ctx
	d.value(p, out)
	if !d.stopped {
		if d.peek(); d.pos < len(d.data) {
			d.problems.Add("", &ismskit.Error{Offset: int64(d.pos), Err: fielderr.Errorf(ismskit.ErrTrailingData,
				"trailing data after the JSON value at offset %d", d.pos)})
		}
	}
	err := d.problems.Err()
	if d.ctxErr != nil {
		err = &ismskit.Error{Offset: int64(d.pos), Err: fmt.Errorf("decoding stopped: %w", d.ctxErr)}
	}
	d.free()
	if err != nil {
		return err
	}
	rv.Elem().Set(out)
	return nil
}

// Read reads a JSON document from r, at most Limits.MaxBytes+1 bytes of
// it (a longer input is ErrTooLarge, and r is not read further), and
// decodes it into v as Unmarshal does. An error from r is returned as a
// *ismskit.Error that wraps it.
func Read(r io.Reader, v any, opts ...ismskit.DecodeOption) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return &ismskit.Error{Err: fmt.Errorf("strictjson: Read needs a non-nil pointer, got %T", v)}
	}
	lim := ismskit.LimitsOf(opts...)
	var data []byte
	var err error
	if lim.MaxBytes < 0 || lim.MaxBytes == math.MaxInt64 {
		data, err = io.ReadAll(r)
	} else {
		data, err = io.ReadAll(io.LimitReader(r, lim.MaxBytes+1))
		if err == nil && int64(len(data)) > lim.MaxBytes {
			return &ismskit.Error{Offset: lim.MaxBytes, Err: fielderr.Errorf(ismskit.ErrTooLarge,
				"input is longer than the limit of %d bytes", lim.MaxBytes)}
		}
	}
	if err != nil {
		return &ismskit.Error{Err: fmt.Errorf("strictjson: reading the input: %w", err)}
	}
	return Unmarshal(data, v, opts...)
}

// decoders keeps the state of finished decodings for reuse: it is a
// cache of memory, invisible to callers.
var decoders = sync.Pool{New: func() any { return new(decoder) }}

func newDecoder(data []byte, lim ismskit.Limits) *decoder {
	d := decoders.Get().(*decoder)
	d.data = data
	d.maxDepth = lim.MaxDepth
	if d.maxDepth < 0 || d.maxDepth > hardMaxDepth {
		d.maxDepth = hardMaxDepth
	}
	d.problems = fielderr.List{Max: lim.MaxProblems}
	return d
}

// free returns d to the pool, keeping its buffers but no reference to
// the input or the problems.
func (d *decoder) free() {
	clear(d.keys[:cap(d.keys)])
	clear(d.frames[:cap(d.frames)])
	// Keep what an ordinary document needs; let a freak one's go.
	const keep = 64 << 10
	if cap(d.buf) > keep {
		d.buf = nil
	}
	if cap(d.path) > keep/16 {
		d.path = nil
	}
	if cap(d.seen) > keep/8 {
		d.seen = nil
	}
	if cap(d.frames) > keep/32 {
		d.frames = nil
	}
	if cap(d.keys) > keep/24 {
		d.keys = nil
	}
	*d = decoder{
		path:   d.path[:0],
		buf:    d.buf[:0],
		seen:   d.seen[:0],
		frames: d.frames[:0],
		keys:   d.keys[:0],
	}
	decoders.Put(d)
}
