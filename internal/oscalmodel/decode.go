package oscalmodel

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// MaxDepthLimit caps the nesting Decode accepts even when the caller's
// limits remove the depth limit, so that no input can exhaust the stack.
const MaxDepthLimit = 10000

// Decode decodes the JSON document data into v, a non-nil pointer, in one
// pass over the bytes and without an intermediate tree, so that a 3 MB
// catalog costs little more than its own strings and structs.
//
// It is strict, as every ismskit decoder is: an object key that names no
// field of the target struct (matched exactly, case included) is
// ismskit.ErrUnknownField, a key given twice ErrDuplicateField, a value of
// the wrong JSON type ErrType (null included, except for a pointer or a
// slice, which it leaves nil); each
// is reported with its JSON path ("catalog.groups[1].controls[4].tittle")
// and decoding goes on, so that every such problem is reported, up to the
// limit of opts (ismskit.LimitsOf). Malformed JSON (ErrSyntax), anything
// after the value (ErrTrailingData), nesting deeper than the limit
// (ErrTooDeep) and an input over the byte limit (ErrTooLarge) stop the
// decoding, with the byte offset; nesting is never accepted deeper than
// MaxDepthLimit. ctx is checked every few thousand
// values: a cancelled decoding returns an error wrapping ctx.Err().
//
// Supported targets are structs (by their json tags; a tag "-" or no tag
// leaves a field out), pointers, slices, strings, booleans, numbers and
// json.RawMessage (kept as it is, after a check that it is well formed).
// Invalid UTF-8 in a string becomes U+FFFD, as with encoding/json. On
// error, v may be partly filled.
func Decode(ctx context.Context, data []byte, v any, opts ...ismskit.DecodeOption) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return &ismskit.Error{Err: fielderr.Errorf(ismskit.ErrType, "oscalmodel: Decode needs a non-nil pointer, got %T", v)}
	}
	lim := ismskit.LimitsOf(opts...)
	if lim.MaxBytes >= 0 && int64(len(data)) > lim.MaxBytes {
		return &ismskit.Error{Offset: lim.MaxBytes, Err: fielderr.Errorf(ismskit.ErrTooLarge, "input of %d bytes is longer than the limit of %d bytes", len(data), lim.MaxBytes)}
	}
	if ctx == nil {
		ctx = context.Background()
	}
	maxDepth := lim.MaxDepth
	if maxDepth < 0 || maxDepth > MaxDepthLimit {
		maxDepth = MaxDepthLimit
	}
	d := &decoder{data: data, ctx: ctx, maxDepth: maxDepth, types: map[reflect.Type]*structInfo{}, scratch: map[reflect.Type][]reflect.Value{}}
	d.errs.Max = lim.MaxProblems
	d.skipSpace()
	if d.pos >= len(d.data) {
		return &ismskit.Error{Offset: int64(d.pos), Err: fielderr.Errorf(ismskit.ErrSyntax, "malformed JSON: unexpected end of input")}
	}
	if err := d.value(rv.Elem()); err != nil {
		return err
	}
	d.skipSpace()
	if d.pos < len(d.data) {
		d.errs.Add("", &ismskit.Error{Offset: int64(d.pos), Err: fielderr.Errorf(ismskit.ErrTrailingData, "trailing data after the JSON value at offset %d", d.pos)})
	}
	return d.errs.Err()
}

// decoder is the state of one Decode call.
type decoder struct {
	data     []byte
	pos      int
	depth    int
	maxDepth int
	count    int
	ctx      context.Context
	errs     fielderr.List
	path     []seg
	types    map[reflect.Type]*structInfo
	scratch  map[reflect.Type][]reflect.Value // free scratch slices, by slice type
}

// seg is one step of the path to the current value: an object key or,
// with key == "" and index >= 0, an array index.
type seg struct {
	key   string
	index int
}

type structInfo struct {
	fields map[string]int // JSON name -> index in order
	order  []int          // JSON name's field index in the struct
}

var rawMessageType = reflect.TypeFor[json.RawMessage]()

func (d *decoder) info(t reflect.Type) *structInfo {
	if si, ok := d.types[t]; ok {
		return si
	}
	si := &structInfo{fields: map[string]int{}}
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		name, _, _ := strings.Cut(tag, ",")
		if name == "" || name == "-" || !f.IsExported() {
			continue
		}
		si.fields[name] = len(si.order)
		si.order = append(si.order, i)
	}
	d.types[t] = si
	return si
}

// pathString renders the current path as ismskit does ("a.b[2]").
func (d *decoder) pathString() string {
	var p string
	for _, s := range d.path {
		if s.key == "" && s.index >= 0 {
			p = fielderr.Index(p, s.index)
		} else {
			p = fielderr.Key(p, s.key)
		}
	}
	return p
}

// problem records a problem at the current path; decoding goes on.
func (d *decoder) problem(kind *ismskit.Kind, format string, args ...any) {
	d.errs.Add(d.pathString(), fielderr.Errorf(kind, format, args...))
}

// fatal returns a problem that stops the decoding, after the ones found so
// far.
func (d *decoder) fatal(kind *ismskit.Kind, format string, args ...any) error {
	d.errs.Add("", &ismskit.Error{Path: d.pathString(), Offset: int64(d.pos), Err: fielderr.Errorf(kind, format, args...)})
	return d.errs.Err()
}

func (d *decoder) syntax(what string) error {
	if d.pos >= len(d.data) {
		return d.fatal(ismskit.ErrSyntax, "malformed JSON: unexpected end of input")
	}
	return d.fatal(ismskit.ErrSyntax, "malformed JSON at offset %d: %s", d.pos, what)
}

func (d *decoder) skipSpace() {
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

// tick counts a value and checks the context now and then.
func (d *decoder) tick() error {
	d.count++
	if d.count&4095 == 0 {
		if err := d.ctx.Err(); err != nil {
			d.errs.Add("", &ismskit.Error{Offset: int64(d.pos), Err: err})
			return d.errs.Err()
		}
	}
	return nil
}

// jsonType names the JSON type of the value at pos.
func (d *decoder) jsonType() string {
	switch c := d.data[d.pos]; {
	case c == '{':
		return "an object"
	case c == '[':
		return "an array"
	case c == '"':
		return "a string"
	case c == 't' || c == 'f':
		return "a boolean"
	case c == 'n':
		return "null"
	}
	return "a number"
}

// value decodes the value at pos into v. It returns an error only for a
// problem that stops the decoding.
func (d *decoder) value(v reflect.Value) error {
	if err := d.tick(); err != nil {
		return err
	}
	if d.pos >= len(d.data) {
		return d.syntax("")
	}
	c := d.data[d.pos]
	if v.Type() == rawMessageType {
		start := d.pos
		if err := d.skip(); err != nil {
			return err
		}
		v.SetBytes(append([]byte(nil), d.data[start:d.pos]...))
		return nil
	}
	switch v.Kind() {
	case reflect.Pointer:
		if c == 'n' {
			if err := d.literal("null"); err != nil {
				return err
			}
			v.SetZero()
			return nil
		}
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		return d.value(v.Elem())
	case reflect.Struct:
		if c != '{' {
			return d.mismatch("an object")
		}
		return d.object(v)
	case reflect.Slice:
		if c == 'n' {
			if err := d.literal("null"); err != nil {
				return err
			}
			v.SetZero()
			return nil
		}
		if c != '[' {
			return d.mismatch("an array")
		}
		return d.array(v)
	case reflect.String:
		if c != '"' {
			return d.mismatch("a string")
		}
		s, err := d.str()
		if err != nil {
			return err
		}
		v.SetString(s)
		return nil
	case reflect.Bool:
		switch c {
		case 't':
			if err := d.literal("true"); err != nil {
				return err
			}
			v.SetBool(true)
			return nil
		case 'f':
			if err := d.literal("false"); err != nil {
				return err
			}
			v.SetBool(false)
			return nil
		}
		return d.mismatch("a boolean")
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		if c != '-' && (c < '0' || c > '9') {
			return d.mismatch("a number")
		}
		lit, err := d.number()
		if err != nil {
			return err
		}
		return d.setNumber(v, lit)
	}
	d.problem(ismskit.ErrType, "oscalmodel: cannot decode into %s", v.Type())
	return d.skip()
}

// mismatch reports a value of the wrong JSON type and skips it.
func (d *decoder) mismatch(want string) error {
	d.problem(ismskit.ErrType, "%s where %s belongs", d.jsonType(), want)
	return d.skip()
}

func (d *decoder) setNumber(v reflect.Value, lit string) error {
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, err := strconv.ParseInt(lit, 10, v.Type().Bits())
		if err != nil {
			d.problem(ismskit.ErrType, "%s does not fit %s", lit, v.Type())
			return nil
		}
		v.SetInt(n)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n, err := strconv.ParseUint(lit, 10, v.Type().Bits())
		if err != nil {
			d.problem(ismskit.ErrType, "%s does not fit %s", lit, v.Type())
			return nil
		}
		v.SetUint(n)
	default:
		f, err := strconv.ParseFloat(lit, v.Type().Bits())
		if err != nil {
			d.problem(ismskit.ErrType, "%s does not fit %s", lit, v.Type())
			return nil
		}
		v.SetFloat(f)
	}
	return nil
}

func (d *decoder) enter() error {
	d.depth++
	if d.maxDepth >= 0 && d.depth > d.maxDepth {
		return d.fatal(ismskit.ErrTooDeep, "nested deeper than %d at offset %d", d.maxDepth, d.pos)
	}
	return nil
}

// object decodes a JSON object into the struct v.
func (d *decoder) object(v reflect.Value) error {
	if err := d.enter(); err != nil {
		return err
	}
	si := d.info(v.Type())
	var seen uint64
	var seenMore map[int]bool
	if d.open('}') {
		return nil
	}
	for {
		key, err := d.key(true)
		if err != nil {
			return err
		}
		d.path = append(d.path, seg{key: key, index: -1})
		if n, ok := si.fields[key]; ok {
			dup := false
			if n < 64 {
				dup = seen&(1<<n) != 0
				seen |= 1 << n
			} else {
				if seenMore == nil {
					seenMore = map[int]bool{}
				}
				dup = seenMore[n]
				seenMore[n] = true
			}
			if dup {
				d.problem(ismskit.ErrDuplicateField, "%q is given twice", key)
				err = d.skip()
			} else {
				err = d.value(v.Field(si.order[n]))
			}
		} else {
			d.problem(ismskit.ErrUnknownField, "unknown field %q", clip(key))
			err = d.skip()
		}
		if err != nil {
			return err
		}
		d.path = d.path[:len(d.path)-1]
		if done, err := d.sep('}'); done || err != nil {
			return err
		}
	}
}

// key reads an object key and the ':' after it, returning the key if
// keep is set, and passes the space before the value.
func (d *decoder) key(keep bool) (string, error) {
	d.skipSpace()
	if d.pos >= len(d.data) || d.data[d.pos] != '"' {
		return "", d.syntax("want an object key")
	}
	var key string
	var err error
	if keep {
		key, err = d.str()
	} else {
		err = d.skipString()
	}
	if err != nil {
		return "", err
	}
	d.skipSpace()
	if d.pos >= len(d.data) || d.data[d.pos] != ':' {
		return "", d.syntax("want ':' after an object key")
	}
	d.pos++
	d.skipSpace()
	return key, nil
}

// open passes the opening '{' or '[' at pos and reports whether the
// object or array is empty, in which case it passes its end too.
func (d *decoder) open(end byte) bool {
	d.pos++
	d.skipSpace()
	if d.pos < len(d.data) && d.data[d.pos] == end {
		d.pos++
		d.depth--
		return true
	}
	return false
}

// sep passes the separator after a member or element: a ',' (more
// follow) or end, the closing '}' or ']' (done).
func (d *decoder) sep(end byte) (done bool, err error) {
	d.skipSpace()
	if d.pos >= len(d.data) {
		return false, d.syntax("")
	}
	switch d.data[d.pos] {
	case ',':
		d.pos++
		return false, nil
	case end:
		d.pos++
		d.depth--
		return true, nil
	}
	return false, d.syntax("want ',' or '" + string(end) + "'")
}

// array decodes a JSON array into the slice v, appending to it. Elements
// are decoded into a scratch slice that later arrays of the same type
// reuse, and copied into a slice of the exact length at the end, so that
// each array costs one allocation.
func (d *decoder) array(v reflect.Value) error {
	if err := d.enter(); err != nil {
		return err
	}
	if d.open(']') {
		if v.IsNil() {
			v.Set(reflect.MakeSlice(v.Type(), 0, 0))
		}
		return nil
	}
	t := v.Type()
	var buf reflect.Value
	if free := d.scratch[t]; len(free) > 0 {
		buf = free[len(free)-1]
		d.scratch[t] = free[:len(free)-1]
	} else {
		buf = reflect.New(t).Elem()
		buf.Set(reflect.MakeSlice(t, 0, 16))
	}
	n := 0
	for i := 0; ; i++ {
		d.skipSpace()
		if n == buf.Cap() {
			buf.Grow(n)
		}
		buf.SetLen(n + 1)
		buf.Index(n).SetZero()
		d.path = append(d.path, seg{index: i})
		if err := d.value(buf.Index(n)); err != nil {
			return err
		}
		d.path = d.path[:len(d.path)-1]
		n++
		done, err := d.sep(']')
		if err != nil {
			return err
		}
		if done {
			out := reflect.MakeSlice(t, v.Len()+n, v.Len()+n)
			reflect.Copy(out, v)
			reflect.Copy(out.Slice(v.Len(), v.Len()+n), buf)
			v.Set(out)
			buf.SetLen(0)
			d.scratch[t] = append(d.scratch[t], buf)
			return nil
		}
	}
}

// skip passes over one well-formed value, within the depth limit.
func (d *decoder) skip() error {
	if d.pos >= len(d.data) {
		return d.syntax("")
	}
	switch c := d.data[d.pos]; {
	case c == '{' || c == '[':
		if err := d.enter(); err != nil {
			return err
		}
		end := byte('}')
		if c == '[' {
			end = ']'
		}
		if d.open(end) {
			return nil
		}
		for {
			d.skipSpace()
			if c == '{' {
				if _, err := d.key(false); err != nil {
					return err
				}
			}
			if err := d.tick(); err != nil {
				return err
			}
			if err := d.skip(); err != nil {
				return err
			}
			if done, err := d.sep(end); done || err != nil {
				return err
			}
		}
	case c == '"':
		return d.skipString()
	case c == 't':
		return d.literal("true")
	case c == 'f':
		return d.literal("false")
	case c == 'n':
		return d.literal("null")
	case c == '-' || '0' <= c && c <= '9':
		_, err := d.number()
		return err
	}
	return d.syntax("unexpected " + strconv.QuoteRune(rune(d.data[d.pos])))
}

func (d *decoder) literal(word string) error {
	if !strings.HasPrefix(string(d.data[d.pos:min(len(d.data), d.pos+len(word))]), word) {
		return d.syntax("want " + word)
	}
	d.pos += len(word)
	return nil
}

// number scans a JSON number and returns its literal.
func (d *decoder) number() (string, error) {
	start := d.pos
	p := d.pos
	digits := func() int {
		n := 0
		for p < len(d.data) && '0' <= d.data[p] && d.data[p] <= '9' {
			p++
			n++
		}
		return n
	}
	if p < len(d.data) && d.data[p] == '-' {
		p++
	}
	if p < len(d.data) && d.data[p] == '0' {
		p++
	} else if digits() == 0 {
		d.pos = p
		return "", d.syntax("malformed number")
	}
	if p < len(d.data) && d.data[p] == '.' {
		p++
		if digits() == 0 {
			d.pos = p
			return "", d.syntax("malformed number")
		}
	}
	if p < len(d.data) && (d.data[p] == 'e' || d.data[p] == 'E') {
		p++
		if p < len(d.data) && (d.data[p] == '+' || d.data[p] == '-') {
			p++
		}
		if digits() == 0 {
			d.pos = p
			return "", d.syntax("malformed number")
		}
	}
	d.pos = p
	return string(d.data[start:p]), nil
}

func (d *decoder) skipString() error {
	p := d.pos + 1
	for p < len(d.data) {
		switch c := d.data[p]; {
		case c == '"':
			d.pos = p + 1
			return nil
		case c == '\\':
			p += 2
		case c < 0x20:
			d.pos = p
			return d.syntax("control character in a string")
		default:
			p++
		}
	}
	d.pos = len(d.data)
	return d.syntax("")
}

// str decodes the string at pos.
func (d *decoder) str() (string, error) {
	start := d.pos + 1
	p := start
	ascii := true
	for p < len(d.data) {
		c := d.data[p]
		switch {
		case c == '"':
			d.pos = p + 1
			b := d.data[start:p]
			if !ascii && !utf8.Valid(b) {
				return strings.ToValidUTF8(string(b), "\uFFFD"), nil
			}
			return string(b), nil
		case c == '\\':
			return d.strSlow(start)
		case c < 0x20:
			d.pos = p
			return "", d.syntax("control character in a string")
		case c >= 0x80:
			ascii = false
		}
		p++
	}
	d.pos = len(d.data)
	return "", d.syntax("")
}

// strSlow decodes a string with escapes.
func (d *decoder) strSlow(start int) (string, error) {
	var b []byte
	p := start
	for p < len(d.data) {
		c := d.data[p]
		switch {
		case c == '"':
			d.pos = p + 1
			if !utf8.Valid(b) {
				return strings.ToValidUTF8(string(b), "\uFFFD"), nil
			}
			return string(b), nil
		case c < 0x20:
			d.pos = p
			return "", d.syntax("control character in a string")
		case c != '\\':
			b = append(b, c)
			p++
			continue
		}
		if p+1 >= len(d.data) {
			break
		}
		e := d.data[p+1]
		p += 2
		switch e {
		case '"', '\\', '/':
			b = append(b, e)
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			r, ok := hex4(d.data, p)
			if !ok {
				d.pos = p
				return "", d.syntax("malformed \\u escape")
			}
			p += 4
			if utf16.IsSurrogate(r) {
				if r2, ok := hex4(d.data, p+2); ok && p+1 < len(d.data) && d.data[p] == '\\' && d.data[p+1] == 'u' {
					if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
						p += 6
						b = utf8.AppendRune(b, dec)
						continue
					}
				}
				r = utf8.RuneError
			}
			b = utf8.AppendRune(b, r)
		default:
			d.pos = p - 1
			return "", d.syntax("malformed escape")
		}
	}
	d.pos = len(d.data)
	return "", d.syntax("")
}

func hex4(b []byte, p int) (rune, bool) {
	if p+4 > len(b) {
		return 0, false
	}
	var r rune
	for _, c := range b[p : p+4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// IsCanceled reports whether err comes from a cancelled or expired
// context.
func IsCanceled(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}
