// Package strictjson decodes JSON documents strictly, so that a misspelt
// key never silently drops data, and within limits, so that a hostile
// document cannot exhaust a server's memory or stack.
//
// Unmarshal accepts what encoding/json accepts, minus everything that
// encoding/json would quietly tolerate:
//
//   - an object key that names no field of the target struct, including a
//     key that matches only case-insensitively ("Likelihood" for
//     "likelihood"), is ErrUnknownField; its value is skipped, though still
//     checked for syntax and depth;
//   - a key given twice in one object, struct or map (or twice inside a
//     json.RawMessage or an interface value), is ErrDuplicateField;
//   - a value of the wrong JSON type, or a number that does not fit the
//     target integer or float, is ErrType ("want string, got number"), and
//     decoding goes on with the next value;
//   - anything after the first value is ErrTrailingData;
//   - malformed JSON is ErrSyntax, and ends the decoding;
//   - an error returned by a nested value's UnmarshalJSON or UnmarshalText
//     (an unknown enum value, say) is kept, put under the value's path.
//
// Otherwise the result is what encoding/json.Unmarshal gives: struct
// members by their json tag names with embedded structs flattened as
// encoding/json does, the ",string" option, null leaving a value at its
// zero value, json.Unmarshaler and encoding.TextUnmarshaler, map keys of
// string, integer and TextUnmarshaler types, base64 for []byte, the
// dynamic types of interface values, json.Number and json.RawMessage
// (which gets the exact bytes of its value). Strings are unescaped as
// encoding/json does (invalid UTF-8 and lone surrogates become U+FFFD) and
// never share memory with the input. Stricter than encoding/json, a
// []byte takes only a base64 string and a fixed-size array no more
// elements than it holds.
//
// # Limits
//
// The limits of ismskit.LimitsOf apply: an input longer than MaxBytes is
// ErrTooLarge before any decoding (Read reads no further than one byte
// past the limit); arrays and objects nested deeper than MaxDepth are
// ErrTooDeep, which ends the decoding; the first MaxProblems problems are
// reported and the rest counted in a last ErrMoreProblems entry. Whatever
// the limits, nesting deeper than 10,000 levels is ErrTooDeep: decoding
// recurses on the Go stack once per level of values decoded into Go
// values, and that stays bounded (skipped values, checked without
// recursion, are bounded the same way).
//
// # Errors
//
// Every problem is a *ismskit.Error. A problem with a value carries the
// JSON path of the value ("risks[3].likelihood", `controls["5.1"].text`);
// a problem in the bytes themselves (malformed JSON, nesting too deep,
// trailing data, input too large) carries its byte Offset instead.
// Unmarshal reports all of them, joined, in document order.
//
// # Decoding
//
// Decoding is one pass over the input straight into the Go value, with a
// decoding plan per Go type built once and cached. It decodes into a fresh
// zero value and stores it in the target only on success: on error the
// target is unchanged, unlike with encoding/json. Everything here is safe
// for concurrent use.
package strictjson
