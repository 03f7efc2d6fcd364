// Package codec is the one way ismskit's packages read and write their
// JSON documents, so that every DecodeX, ReadX, EncodeX and WriteX of
// the public API behaves alike:
//
//   - decoding is strict (package strictjson) and bounded by the
//     caller's ismskit.DecodeOption limits;
//   - a reader is never read past the byte limit;
//   - encoding is indented by two spaces, ends in a newline, leaves <, >
//     and & unescaped, and gives the same bytes for the same value.
//
// Everything here is safe for concurrent use.
package codec

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/internal/strictjson"
)

// Decode decodes data strictly into a new value of type P, which is
// usually a method-less copy of a document type (type registerJSON
// Register), so that the document's own UnmarshalJSON does not run
// again.
func Decode[P any](data []byte, opts []ismskit.DecodeOption) (P, error) {
	var v P
	err := strictjson.Unmarshal(data, &v, opts...)
	return v, err
}

// ReadAll reads r to its end, but never more than the byte limit of opts
// (plus one byte, to tell that the input is longer): a longer input is an
// ismskit.ErrTooLarge error.
func ReadAll(r io.Reader, opts []ismskit.DecodeOption) ([]byte, error) {
	if r == nil {
		return nil, &ismskit.Error{Err: fielderr.Errorf(ismskit.ErrMissing, "no reader")}
	}
	max := ismskit.LimitsOf(opts...).MaxBytes
	if max >= 0 {
		r = io.LimitReader(r, max+1)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if max >= 0 && int64(len(data)) > max {
		return nil, TooLarge(max)
	}
	return data, nil
}

// TooLarge is the error of an input over the byte limit max.
func TooLarge(max int64) error {
	return &ismskit.Error{Offset: max, Err: fielderr.Errorf(ismskit.ErrTooLarge, "input longer than the limit of %d bytes", max)}
}

// Encode returns the JSON form of v: indented by two spaces, ending in a
// newline, with <, > and & left as they are. An error of encoding/json
// (an enum value with no name, malformed JSON in an extensions field) is
// returned as an *ismskit.Error of kind ismskit.ErrNotEncodable.
func Encode(v any) ([]byte, error) {
	var buf bytes.Buffer
	if err := Write(&buf, v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Write writes the JSON form of v to w, as Encode returns it.
func Write(w io.Writer, v any) error {
	if w == nil {
		return &ismskit.Error{Err: fielderr.Errorf(ismskit.ErrMissing, "no writer")}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return &ismskit.Error{Err: fmt.Errorf("%w: %w", ismskit.ErrNotEncodable, err)}
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// Read reads r within the byte limit of opts (see ReadAll) and decodes
// what it read with decode, the package's DecodeX, so that every ReadX is
// one line.
func Read[T any](r io.Reader, opts []ismskit.DecodeOption, decode func([]byte, ...ismskit.DecodeOption) (T, error)) (T, error) {
	data, err := ReadAll(r, opts)
	if err != nil {
		var zero T
		return zero, err
	}
	return decode(data, opts...)
}

// Unmarshal decodes data strictly, with the default limits, into *dst,
// for the UnmarshalJSON method of a document type T, which passes itself
// as a method-less copy type P ((*registerJSON)(reg)). On error *dst is
// unchanged; a nil dst is an error, never a panic.
func Unmarshal[P any](data []byte, dst *P) error {
	if dst == nil {
		return &ismskit.Error{Err: fielderr.Errorf(ismskit.ErrMissing, "UnmarshalJSON into a nil pointer")}
	}
	v, err := Decode[P](data, nil)
	if err == nil {
		*dst = v
	}
	return err
}
