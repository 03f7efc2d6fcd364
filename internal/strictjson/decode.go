package strictjson

import (
	"encoding"
	"encoding/base64"
	"encoding/json"
	"math"
	"reflect"
	"strconv"

	"github.com/ismskit/ismskit"
)

// value decodes the JSON value at d.pos into v, which is addressable and
// holds the zero value of p.typ.
func (d *decoder) value(p *plan, v reflect.Value) {
	if d.ctx != nil {
		if d.ticks++; d.ticks&4095 == 0 {
			if err := d.ctx.Err(); err != nil {
				d.ctxErr, d.stopped = err, true
				return
			}
		}
	}
	c := d.peek()
	if c == 'n' {
		if d.literal("null") {
			d.null(p, v)
		}
		return
	}
	switch p.kind {
	case kString:
		if c != '"' {
			d.mismatch("string", c)
			return
		}
		v.SetString(d.str())
	case kInt, kUint, kFloat32, kFloat64:
		if c != '-' && (c < '0' || c > '9') {
			d.mismatch(numberWant(p), c)
			return
		}
		start, end, integer := d.scanNumber()
		if !d.stopped {
			d.number(p, v, d.data[start:end], integer)
		}
	case kBool:
		switch c {
		case 't':
			if d.literal("true") {
				v.SetBool(true)
			}
		case 'f':
			d.literal("false")
		default:
			d.mismatch("boolean", c)
		}
	case kStruct:
		if c != '{' {
			d.mismatch("object", c)
			return
		}
		d.object(p, v)
	case kSlice, kArray:
		if c != '[' {
			d.mismatch("array", c)
			return
		}
		d.array(p, v)
	case kPtr:
		if !startsValue(c) {
			d.syntax("looking for beginning of value")
			return
		}
		e := reflect.New(p.elem.typ)
		v.Set(e)
		d.value(p.elem, e.Elem())
	case kMap:
		if c != '{' {
			d.mismatch("object", c)
			return
		}
		d.mapObject(p, v)
	case kText:
		if c != '"' {
			d.mismatch("string", c)
			return
		}
		start, end, flags := d.scanString()
		if !d.stopped {
			d.text(v, d.content(start, end, flags))
		}
	case kUnmarshaler:
		start, end := d.skip(false)
		if !d.stopped {
			d.unmarshalJSON(v, d.data[start:end])
		}
	case kRaw:
		start, end := d.skip(true)
		if !d.stopped {
			v.SetBytes(append([]byte(nil), d.data[start:end]...))
		}
	case kAny:
		x := d.anyValue()
		if x != nil && !d.stopped {
			v.Set(reflect.ValueOf(x))
		}
	case kNumber:
		d.jsonNumber(v, c)
	case kBytes:
		if c != '"' {
			d.mismatch("base64 string", c)
			return
		}
		start, end, flags := d.scanString()
		if !d.stopped {
			d.base64(v, d.content(start, end, flags))
		}
	default: // kIface, kUnsupported
		if !startsValue(c) {
			d.syntax("looking for beginning of value")
			return
		}
		d.reportf(ismskit.ErrType, "cannot decode %s %s into %s", article(jsonType(c)), jsonType(c), p.typ)
		d.skip(false)
	}
}

func article(s string) string {
	switch s[0] {
	case 'a', 'o':
		return "an"
	}
	return "a"
}

func numberWant(p *plan) string {
	if p.kind == kInt || p.kind == kUint {
		return "integer"
	}
	return "number"
}

// null handles a JSON null for a value of plan p: as encoding/json does,
// it leaves the value as it is (here, its zero value) except that it
// calls UnmarshalJSON("null") of an Unmarshaler that is not behind a
// pointer.
func (d *decoder) null(p *plan, v reflect.Value) {
	switch p.kind {
	case kUnmarshaler:
		d.unmarshalJSON(v, []byte("null"))
	case kRaw:
		v.SetBytes([]byte("null"))
	}
}

// mismatch reports a value that starts with c where want belongs, and
// skips it.
func (d *decoder) mismatch(want string, c byte) {
	if !startsValue(c) {
		d.syntax("looking for beginning of value")
		return
	}
	if !d.full() {
		d.problems.Add(d.pathString(), &typeError{want: want, got: jsonType(c)})
	}
	d.skip(false)
}

// typeError is ErrType for a value of the wrong JSON type, cheaper to
// build than with fmt.
type typeError struct{ want, got string }

func (e *typeError) Error() string {
	return ismskit.ErrType.Error() + ": want " + e.want + ", got " + e.got
}
func (e *typeError) Unwrap() error { return ismskit.ErrType }

func (d *decoder) unmarshalJSON(v reflect.Value, raw []byte) {
	u, ok := v.Addr().Interface().(json.Unmarshaler)
	if !ok {
		return // not reached: the plan says *T implements it
	}
	if err := u.UnmarshalJSON(raw); err != nil {
		d.report(err)
	}
}

func (d *decoder) text(v reflect.Value, s []byte) {
	u, ok := v.Addr().Interface().(encoding.TextUnmarshaler)
	if !ok {
		return // not reached: the plan says *T implements it
	}
	if err := u.UnmarshalText(s); err != nil {
		d.report(err)
	}
}

func (d *decoder) base64(v reflect.Value, s []byte) {
	b := make([]byte, base64.StdEncoding.DecodedLen(len(s)))
	n, err := base64.StdEncoding.Decode(b, s)
	if err != nil {
		d.reportf(ismskit.ErrType, "want base64 string: %v", err)
		return
	}
	v.SetBytes(b[:n])
}

// jsonNumber decodes a number, or a string that holds one, into a
// json.Number, as encoding/json does.
func (d *decoder) jsonNumber(v reflect.Value, c byte) {
	switch {
	case c == '-' || '0' <= c && c <= '9':
		start, end, _ := d.scanNumber()
		if !d.stopped {
			v.SetString(string(d.data[start:end]))
		}
	case c == '"':
		s := d.str()
		if d.stopped {
			return
		}
		if !validNumber(s) {
			d.reportf(ismskit.ErrType, "%q is not a number", s)
			return
		}
		v.SetString(s)
	default:
		d.mismatch("number", c)
	}
}

// validNumber reports whether s is exactly one JSON number.
func validNumber(s string) bool {
	n := decoder{data: []byte(s), maxDepth: 1}
	if s == "" || s[0] != '-' && (s[0] < '0' || s[0] > '9') {
		return false
	}
	_, end, _ := n.scanNumber()
	return !n.stopped && end == len(s)
}

// number stores the number literal b into v of plan p, a number kind.
func (d *decoder) number(p *plan, v reflect.Value, b []byte, integer bool) {
	switch p.kind {
	case kInt:
		neg := b[0] == '-'
		digits := b
		if neg {
			digits = b[1:]
		}
		u, ok := parseDigits(digits)
		if ok && integer {
			limit := uint64(1)<<(p.bits-1) - 1
			if neg {
				limit++
			}
			if u <= limit {
				n := int64(u)
				if neg {
					n = -n
				}
				v.SetInt(n)
				return
			}
		}
		if !d.full() {
			d.reportf(ismskit.ErrType, "%s is not an integer that fits %s", b, p.typ.Kind())
		}
	case kUint:
		u, ok := parseDigits(b)
		if ok && integer && b[0] != '-' && (p.bits == 64 || u < 1<<p.bits) {
			v.SetUint(u)
			return
		}
		if !d.full() {
			d.reportf(ismskit.ErrType, "%s is not an integer that fits %s", b, p.typ.Kind())
		}
	case kFloat64:
		f, ok := parseFloat(b, 64)
		if !ok {
			if !d.full() {
				d.reportf(ismskit.ErrType, "%s does not fit float64", b)
			}
			return
		}
		v.SetFloat(f)
	case kFloat32:
		f, ok := parseFloat(b, 32)
		if !ok {
			if !d.full() {
				d.reportf(ismskit.ErrType, "%s does not fit float32", b)
			}
			return
		}
		v.SetFloat(f)
	}
}

// parseDigits returns the value of a string of decimal digits, and false
// if there are none, or others, or the value overflows a uint64.
func parseDigits(b []byte) (uint64, bool) {
	if len(b) == 0 {
		return 0, false
	}
	var u uint64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		if u > (math.MaxUint64-9)/10 {
			// Near the top: check exactly.
			hi, lo := u*10, uint64(c-'0')
			if u > math.MaxUint64/10 || hi > math.MaxUint64-lo {
				return 0, false
			}
			u = hi + lo
			continue
		}
		u = u*10 + uint64(c-'0')
	}
	return u, true
}

// pow10 holds the powers of ten that a float64 represents exactly.
var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// parseFloat converts the JSON number b to a float of the given bits,
// correctly rounded, and reports false if it overflows. Short numbers
// take an exact fast path; the rest go to strconv.ParseFloat, which is
// what encoding/json uses.
func parseFloat(b []byte, bits int) (float64, bool) {
	if bits == 64 {
		if f, ok := fastFloat(b); ok {
			return f, true
		}
	}
	f, err := strconv.ParseFloat(string(b), bits)
	return f, err == nil
}

// fastFloat converts b when its digits form an integer below 2^53 and its
// power of ten is at most 22 either way: then both are exact float64
// values and one multiplication or division rounds correctly.
func fastFloat(b []byte) (float64, bool) {
	i := 0
	neg := b[0] == '-'
	if neg {
		i++
	}
	var m uint64
	digits, exp := 0, 0
	for ; i < len(b) && '0' <= b[i] && b[i] <= '9'; i++ {
		m = m*10 + uint64(b[i]-'0')
		if m != 0 {
			digits++
		}
	}
	if i < len(b) && b[i] == '.' {
		for i++; i < len(b) && '0' <= b[i] && b[i] <= '9'; i++ {
			m = m*10 + uint64(b[i]-'0')
			if m != 0 {
				digits++
			}
			exp--
		}
	}
	if digits > 15 || i < len(b) { // an exponent, or too many digits to be sure
		return 0, false
	}
	f := float64(m)
	switch {
	case exp == 0:
	case exp >= -22:
		f /= pow10[-exp]
	default:
		return 0, false
	}
	if neg {
		f = -f
	}
	return f, true
}

// object decodes the object at d.pos into the struct v of plan p.
func (d *decoder) object(p *plan, v reflect.Value) {
	if !d.enter() {
		return
	}
	seen := len(d.seen)
	for range p.words {
		d.seen = append(d.seen, 0)
	}
	var unknown map[string]bool // the keys that name no field, once there is one
	d.pushKey()
	c := d.peek()
	if c == '}' {
		d.pos++
	} else {
		next := 0 // the field likely to come next: members usually follow the declaration
		for {
			if c != '"' {
				d.syntax("looking for beginning of object key string")
				return
			}
			off := d.pos
			start, end, flags := d.scanString()
			if d.stopped {
				return
			}
			key := d.content(start, end, flags)
			if d.peek() != ':' {
				d.syntax("after object key")
				return
			}
			d.pos++
			d.setKey(off)

			fi := -1
			if next < len(p.fields) && p.fields[next].name == string(key) {
				fi = next
			} else if i, ok := p.byName[string(key)]; ok {
				fi = i
			}
			switch {
			case fi < 0:
				if unknown == nil {
					unknown = map[string]bool{}
				}
				if unknown[string(key)] {
					d.reportKind(ismskit.ErrDuplicateField)
				} else {
					unknown[string(key)] = true
					d.reportKind(ismskit.ErrUnknownField)
				}
				d.skip(false)
			case d.seen[seen+fi/64]&(1<<(fi%64)) != 0:
				d.reportKind(ismskit.ErrDuplicateField)
				d.skip(false)
			default:
				d.seen[seen+fi/64] |= 1 << (fi % 64)
				next = fi + 1
				f := &p.fields[fi]
				fv, ok := d.fieldValue(v, f)
				switch {
				case !ok:
					d.skip(false)
				case f.quoted:
					d.quoted(f.plan, fv)
				default:
					d.value(f.plan, fv)
				}
			}
			if d.stopped {
				return
			}
			c = d.peek()
			if c == ',' {
				d.pos++
				c = d.peek()
				continue
			}
			if c == '}' {
				d.pos++
				break
			}
			d.syntax("after object key:value pair")
			return
		}
	}
	d.seen = d.seen[:seen]
	d.pop()
	d.leave()
}

// fieldValue returns the field f of the struct v, allocating the
// embedded structs it is reached through, or reports why it cannot.
func (d *decoder) fieldValue(v reflect.Value, f *field) (reflect.Value, bool) {
	if len(f.index) == 1 {
		v = v.Field(f.index[0])
	} else {
		for i, x := range f.index {
			if i > 0 && v.Kind() == reflect.Pointer {
				if v.IsNil() {
					if !v.CanSet() {
						d.reportf(ismskit.ErrType, "cannot set embedded pointer to unexported struct %s", v.Type().Elem())
						return v, false
					}
					v.Set(reflect.New(v.Type().Elem()))
				}
				v = v.Elem()
			}
			v = v.Field(x)
		}
	}
	// A tagged embedded struct of an unexported type cannot be set as a
	// whole, but its exported fields can, which is all a struct needs.
	if !v.CanSet() && f.plan.kind != kStruct {
		d.reportf(ismskit.ErrType, "cannot set field %s of an unexported embedded type", f.name)
		return v, false
	}
	return v, true
}

// quoted decodes the value of a field with the ",string" option: a
// string that holds a JSON literal, decoded into v as encoding/json does,
// or null.
func (d *decoder) quoted(p *plan, v reflect.Value) {
	c := d.peek()
	if c == 'n' {
		if d.literal("null") {
			d.null(p, v)
		}
		return
	}
	if c != '"' {
		d.mismatch("string", c)
		return
	}
	start, end, flags := d.scanString()
	if d.stopped {
		return
	}
	lit := d.content(start, end, flags)
	if flags != 0 {
		lit = append([]byte(nil), lit...) // d.buf is needed again below
	}
	inner := decoder{data: lit, maxDepth: 1}
	ic := inner.peek()
	if inner.pos != 0 || !startsValue(ic) || ic == '{' || ic == '[' {
		d.reportf(ismskit.ErrType, "invalid use of the ,string option: %q is not a JSON literal", lit)
		return
	}
	// The literal, checked like any other, must be the whole string.
	var iflags uint8
	switch ic {
	case '"':
		_, _, iflags = inner.scanString()
	case 't':
		inner.literal("true")
	case 'f':
		inner.literal("false")
	case 'n':
		inner.literal("null")
	default:
		inner.scanNumber()
	}
	if inner.stopped || inner.pos != len(lit) {
		d.reportf(ismskit.ErrType, "invalid use of the ,string option: %q is not a JSON literal", lit)
		return
	}
	if ic == 'n' {
		d.null(p, v)
		return
	}
	if p.kind == kPtr {
		e := reflect.New(p.elem.typ)
		v.Set(e)
		p, v = p.elem, e.Elem()
	}
	switch p.kind {
	case kUnmarshaler:
		d.unmarshalJSON(v, lit)
	case kText:
		if ic != '"' {
			d.reportf(ismskit.ErrType, "invalid use of the ,string option: want a quoted string, got %s", jsonType(ic))
			return
		}
		d.text(v, inner.content(1, len(lit)-1, iflags))
	case kString:
		if ic != '"' {
			d.reportf(ismskit.ErrType, "want string, got %s", jsonType(ic))
			return
		}
		v.SetString(string(inner.content(1, len(lit)-1, iflags)))
	case kNumber:
		if ic == '"' {
			s := string(inner.content(1, len(lit)-1, iflags))
			if !validNumber(s) {
				d.reportf(ismskit.ErrType, "%q is not a number", s)
				return
			}
			v.SetString(s)
			return
		}
		if ic != '-' && (ic < '0' || ic > '9') {
			d.reportf(ismskit.ErrType, "want number, got %s", jsonType(ic))
			return
		}
		v.SetString(string(lit))
	case kBool:
		if ic != 't' && ic != 'f' {
			d.reportf(ismskit.ErrType, "want boolean, got %s", jsonType(ic))
			return
		}
		v.SetBool(ic == 't')
	case kInt, kUint, kFloat32, kFloat64:
		if ic != '-' && (ic < '0' || ic > '9') {
			d.reportf(ismskit.ErrType, "want %s, got %s", numberWant(p), jsonType(ic))
			return
		}
		d.number(p, v, lit, isInteger(lit))
	default:
		d.reportf(ismskit.ErrType, "cannot decode a quoted %s into %s", jsonType(ic), p.typ)
	}
}

func isInteger(b []byte) bool {
	for _, c := range b {
		if c == '.' || c == 'e' || c == 'E' {
			return false
		}
	}
	return true
}

// array decodes the array at d.pos into the slice or array v of plan p.
func (d *decoder) array(p *plan, v reflect.Value) {
	if !d.enter() {
		return
	}
	d.pushIndex()
	c := d.peek()
	n := 0
	if c == ']' {
		d.pos++
	} else {
		for {
			d.setIndex(n)
			switch {
			case p.kind == kSlice:
				if n >= v.Cap() {
					// Double, as append does for small slices: for long
					// ones append grows by a quarter, copying each
					// element about five times.
					v.Grow(max(1, n))
				}
				v.SetLen(n + 1)
				d.value(p.elem, v.Index(n))
			case n < p.n:
				d.value(p.elem, v.Index(n))
			default:
				d.skip(false) // reported below, once
			}
			if d.stopped {
				return
			}
			n++
			c = d.peek()
			if c == ',' {
				d.pos++
				continue
			}
			if c == ']' {
				d.pos++
				break
			}
			d.syntax("after array element")
			return
		}
	}
	d.pop()
	d.leave()
	if p.kind == kSlice && n == 0 {
		v.Set(reflect.MakeSlice(p.typ, 0, 0)) // [] is an empty slice, not nil
	}
	if p.kind == kArray && n > p.n {
		d.reportf(ismskit.ErrType, "%d elements for an array of %d", n, p.n)
	}
}

// mapObject decodes the object at d.pos into the map v of plan p.
func (d *decoder) mapObject(p *plan, v reflect.Value) {
	if !p.keyOK {
		d.reportf(ismskit.ErrType, "cannot decode an object into %s: keys of type %s are not supported", p.typ, p.typ.Key())
		d.skip(false)
		return
	}
	if !d.enter() {
		return
	}
	v.Set(reflect.MakeMap(p.typ))
	kt := p.typ.Key()
	var kv reflect.Value // the key, reused for string and integer kinds
	switch p.key {
	case keyString, keyInt, keyUint:
		kv = reflect.New(kt).Elem()
	}
	ev := reflect.New(p.elem.typ).Elem() // the value, reused
	used := false
	d.pushKey()
	c := d.peek()
	if c == '}' {
		d.pos++
	} else {
		for {
			if c != '"' {
				d.syntax("looking for beginning of object key string")
				return
			}
			off := d.pos
			start, end, flags := d.scanString()
			if d.stopped {
				return
			}
			key := d.content(start, end, flags)
			d.setKey(off)
			k, ok := d.convertKey(p, kv, key, d.data[off:d.pos])
			if d.peek() != ':' {
				d.syntax("after object key")
				return
			}
			d.pos++
			switch {
			case !ok:
				d.skip(false)
			case v.MapIndex(k).IsValid():
				d.reportKind(ismskit.ErrDuplicateField)
				d.skip(false)
			default:
				if used {
					ev.SetZero()
				}
				used = true
				d.value(p.elem, ev)
				v.SetMapIndex(k, ev)
			}
			if d.stopped {
				return
			}
			c = d.peek()
			if c == ',' {
				d.pos++
				c = d.peek()
				continue
			}
			if c == '}' {
				d.pos++
				break
			}
			d.syntax("after object key:value pair")
			return
		}
	}
	d.pop()
	d.leave()
}

// convertKey converts the object key text (raw, with its quotes) to a key of
// map plan p, or reports why it cannot.
func (d *decoder) convertKey(p *plan, kv reflect.Value, text, raw []byte) (reflect.Value, bool) {
	switch p.key {
	case keyString:
		kv.SetString(string(text))
		return kv, true
	case keyInt:
		n, err := strconv.ParseInt(string(text), 10, 64)
		if err == nil && !kv.OverflowInt(n) {
			kv.SetInt(n)
			return kv, true
		}
	case keyUint:
		n, err := strconv.ParseUint(string(text), 10, 64)
		if err == nil && !kv.OverflowUint(n) {
			kv.SetUint(n)
			return kv, true
		}
	case keyText:
		k := reflect.New(p.typ.Key())
		if err := k.Interface().(encoding.TextUnmarshaler).UnmarshalText(text); err != nil {
			d.report(err)
			return k, false
		}
		return k.Elem(), true
	case keyJSON:
		k := reflect.New(p.typ.Key())
		if err := k.Interface().(json.Unmarshaler).UnmarshalJSON(raw); err != nil {
			d.report(err)
			return k, false
		}
		return k.Elem(), true
	}
	d.reportf(ismskit.ErrType, "key %q is not an integer that fits %s", text, p.typ.Key().Kind())
	return kv, false
}
