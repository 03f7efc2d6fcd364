package strictjson

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// hardMaxDepth bounds the nesting of every decoding, whatever the limits
// say: the decoder recurses on the Go stack once per level of arrays and
// objects decoded into Go values, and that must stay bounded even for
// trusted input with no depth limit.
const hardMaxDepth = 10000

// A decoder is the state of one Unmarshal call: the input, the position
// in it, the path to the value being decoded and the problems found.
type decoder struct {
	data     []byte
	pos      int
	depth    int // arrays and objects open at pos
	maxDepth int
	stopped  bool // a syntax error or a limit ended the decoding
	problems fielderr.List

	ctx    canceller // nil: no cancellation
	ctxErr error     // ctx's error, once it ended the decoding
	ticks  int

	// path holds one segment per open array or object: the key or index
	// of the value being decoded in it. It is turned into text only when
	// a problem is reported.
	path []segment

	buf  []byte   // unescaped strings
	seen []uint64 // the fields given so far of each open struct object

	// The validator's open containers and the keys of its objects.
	frames []frame
	keys   [][]byte
}

// A segment is a step of the path: an object key, found at offset key
// of data (the key's opening quote), or, when key < 0, the array index
// idx.
type segment struct {
	key int
	idx int
}

// pushKey and pushIndex open an object and an array on the path; the
// key or index of each member is set as it comes.
func (d *decoder) pushKey()   { d.path = append(d.path, segment{}) }
func (d *decoder) pushIndex() { d.path = append(d.path, segment{key: -1}) }
func (d *decoder) pop()       { d.path = d.path[:len(d.path)-1] }

func (d *decoder) setKey(off int) { d.path[len(d.path)-1].key = off }
func (d *decoder) setIndex(i int) { d.path[len(d.path)-1].idx = i }

// pathString formats the path in the form of fielderr.Key and
// fielderr.Index: risks[3].likelihood, controls["5.1"].text.
func (d *decoder) pathString() string {
	var b strings.Builder
	for _, s := range d.path {
		var piece string
		if s.key < 0 {
			piece = fielderr.Index("", s.idx)
		} else {
			piece = fielderr.Key("", d.keyAt(s.key))
		}
		if b.Len() > 0 && piece[0] != '[' {
			b.WriteByte('.')
		}
		b.WriteString(piece)
	}
	return b.String()
}

// keyAt returns the string whose opening quote is at data[off], which
// the decoder has scanned already.
func (d *decoder) keyAt(off int) string {
	end := off + 1
	for end < len(d.data) && d.data[end] != '"' {
		if d.data[end] == '\\' {
			end++
		}
		end++
	}
	if end > len(d.data) {
		end = len(d.data)
	}
	return string(unescape(nil, d.data[off+1:end]))
}

// errOmitted stands for a problem beyond MaxProblems: the list only
// counts it, so it is not worth a message and a path.
var errOmitted = &ismskit.Error{Err: ismskit.ErrMoreProblems}

// full reports whether the list of problems is full, and if it is,
// counts one more problem.
func (d *decoder) full() bool {
	if d.problems.Full() {
		d.problems.Add("", errOmitted)
		return true
	}
	return false
}

// report records err, which may be a joined list, at the current path.
func (d *decoder) report(err error) {
	if d.problems.Full() {
		d.problems.Add("", err) // counted, not kept: no path needed
		return
	}
	d.problems.Add(d.pathString(), err)
}

// reportKind records a problem of kind k, without more to say, at the
// current path.
func (d *decoder) reportKind(k *ismskit.Kind) {
	if d.full() {
		return
	}
	d.problems.Add(d.pathString(), k)
}

// reportf records a problem of a kind at the current path. If the list
// is full, the caller should count the problem with full instead: that
// spares formatting a message that is thrown away.
func (d *decoder) reportf(k *ismskit.Kind, format string, args ...any) {
	if d.problems.Full() {
		d.problems.Add("", errOmitted)
		return
	}
	d.problems.Add(d.pathString(), fmt.Errorf("%w: "+format, append([]any{k}, args...)...))
}

// stop records a problem in the bytes at offset off and ends the
// decoding. Like every problem in the bytes rather than in a value, it
// has an Offset and no Path.
func (d *decoder) stop(k *ismskit.Kind, off int, format string, args ...any) {
	if d.stopped {
		return
	}
	d.stopped = true
	if d.full() {
		return
	}
	d.problems.Add("", &ismskit.Error{Offset: int64(off), Err: fielderr.Errorf(k, format, args...)})
}

// syntax reports malformed JSON at d.pos, where context says what was
// expected, and ends the decoding.
func (d *decoder) syntax(context string) {
	if d.pos >= len(d.data) {
		d.stop(ismskit.ErrSyntax, d.pos, "malformed JSON: unexpected end of input at offset %d", d.pos)
		return
	}
	d.stop(ismskit.ErrSyntax, d.pos, "malformed JSON: invalid character %s %s at offset %d", quoteChar(d.data[d.pos]), context, d.pos)
}

func quoteChar(c byte) string {
	switch {
	case c == '\'':
		return `'\''`
	case c == '"':
		return `'"'`
	case c >= 0x20 && c < 0x7f:
		return "'" + string(rune(c)) + "'"
	}
	return fmt.Sprintf("%#02x", c)
}

// enter opens the array or object at d.pos, or reports ErrTooDeep.
func (d *decoder) enter() bool {
	d.depth++
	if d.depth > d.maxDepth {
		d.stop(ismskit.ErrTooDeep, d.pos, "JSON nested deeper than %d levels at offset %d", d.maxDepth, d.pos)
		return false
	}
	d.pos++
	return true
}

func (d *decoder) leave() { d.depth-- }

// peek skips white space and returns the byte at d.pos, or 0 at the end.
func (d *decoder) peek() byte {
	for d.pos < len(d.data) {
		c := d.data[d.pos]
		if c > ' ' {
			return c
		}
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return c
		}
		d.pos++
	}
	return 0
}

// startsValue reports whether c can start a JSON value.
func startsValue(c byte) bool {
	switch c {
	case '{', '[', '"', 't', 'f', 'n', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return true
	}
	return false
}

// jsonType names the type of the value that c starts.
func jsonType(c byte) string {
	switch c {
	case '{':
		return "object"
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	}
	return "number"
}

// literal consumes the literal word (true, false or null) at d.pos.
func (d *decoder) literal(word string) bool {
	rest := d.data[d.pos:]
	if len(rest) >= len(word) && string(rest[:len(word)]) == word {
		d.pos += len(word)
		return true
	}
	for i := 0; i < len(word); i++ {
		if i >= len(rest) || rest[i] != word[i] {
			d.pos += i
			break
		}
	}
	d.syntax("in literal " + word)
	return false
}

// String flags.
const (
	strEscaped  = 1 // holds a backslash escape
	strNonASCII = 2 // holds a byte >= 0x80
)

// plain[c] is true for the bytes that stand for themselves in a string
// and need no further look: printable ASCII but the quote and backslash.
var plain = func() (t [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

const (
	lsb = 0x0101010101010101
	msb = 0x8080808080808080
)

// scanString scans the string whose opening quote is at d.pos and
// leaves d.pos after its closing quote. It returns the bounds of its
// content and whether it holds escapes or non-ASCII bytes.
func (d *decoder) scanString() (start, end int, flags uint8) {
	data := d.data
	i := d.pos + 1
	start = i
	for {
		// Eight bytes at a time while none is special: a quote, a
		// backslash, a control character or a non-ASCII byte.
		for i+8 <= len(data) {
			x := binary.LittleEndian.Uint64(data[i:])
			q := x ^ lsb*'"'
			b := x ^ lsb*'\\'
			if ((x-lsb*0x20)&^x|(q-lsb)&^q|(b-lsb)&^b|x)&msb != 0 {
				break
			}
			i += 8
		}
		for i < len(data) && plain[data[i]] {
			i++
		}
		if i >= len(data) {
			d.pos = i
			d.syntax("in string")
			return start, i, flags
		}
		switch c := data[i]; {
		case c == '"':
			d.pos = i + 1
			return start, i, flags
		case c == '\\':
			flags |= strEscaped
			if i+1 >= len(data) {
				d.pos = i + 1
				d.syntax("in string escape")
				return start, i, flags
			}
			switch data[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				for k := i + 2; k < i+6; k++ {
					if k >= len(data) || !isHex(data[k]) {
						d.pos = k
						d.syntax(`in \u hexadecimal character escape`)
						return start, i, flags
					}
				}
				i += 6
			default:
				d.pos = i + 1
				d.syntax("in string escape code")
				return start, i, flags
			}
		case c < 0x20:
			d.pos = i
			d.syntax("in string literal")
			return start, i, flags
		default:
			flags |= strNonASCII
			i++
		}
	}
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// content returns the text of a string scanned by scanString: a slice of
// data when it needs no change, else the unescaped text in d.buf, valid
// until the next call.
func (d *decoder) content(start, end int, flags uint8) []byte {
	s := d.data[start:end]
	if flags == 0 || flags == strNonASCII && utf8.Valid(s) {
		return s
	}
	d.buf = unescape(d.buf[:0], s)
	return d.buf
}

// str scans the string at d.pos and returns a copy of its text.
func (d *decoder) str() string {
	start, end, flags := d.scanString()
	if d.stopped {
		return ""
	}
	return string(d.content(start, end, flags))
}

// unescape appends the text of the string content s (without quotes),
// which scanString has checked, to b: escapes are decoded, and invalid
// UTF-8 and lone surrogates become U+FFFD, as encoding/json does.
func unescape(b, s []byte) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s):
			switch s[i+1] {
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
				r := hex4(s[i+2:])
				i += 6
				if utf16.IsSurrogate(r) {
					if r2 := u4(s[i:]); r2 >= 0 {
						if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
							b = utf8.AppendRune(b, dec)
							i += 6
							continue
						}
					}
					r = utf8.RuneError
				}
				b = utf8.AppendRune(b, r)
				continue
			default: // " \ /
				b = append(b, s[i+1])
			}
			i += 2
		case c < utf8.RuneSelf:
			b = append(b, c)
			i++
		default:
			r, size := utf8.DecodeRune(s[i:])
			if r == utf8.RuneError && size == 1 {
				b = utf8.AppendRune(b, utf8.RuneError)
			} else {
				b = append(b, s[i:i+size]...)
			}
			i += size
		}
	}
	return b
}

// u4 returns the code unit of the \uXXXX escape at the start of s, or -1.
func u4(s []byte) rune {
	if len(s) < 6 || s[0] != '\\' || s[1] != 'u' {
		return -1
	}
	for _, c := range s[2:6] {
		if !isHex(c) {
			return -1
		}
	}
	return hex4(s[2:])
}

// hex4 decodes the four hex digits at the start of s, which are there.
func hex4(s []byte) rune {
	var r rune
	for _, c := range s[:4] {
		switch {
		case c <= '9':
			c -= '0'
		case c >= 'a':
			c -= 'a' - 10
		default:
			c -= 'A' - 10
		}
		r = r<<4 | rune(c)
	}
	return r
}

// scanNumber scans the number at d.pos, leaving d.pos after it, and
// returns its bounds and whether it is written as an integer (no
// fraction, no exponent).
func (d *decoder) scanNumber() (start, end int, integer bool) {
	data := d.data
	i := d.pos
	start = i
	integer = true
	if i < len(data) && data[i] == '-' {
		i++
	}
	switch {
	case i < len(data) && data[i] == '0':
		i++
	case i < len(data) && '1' <= data[i] && data[i] <= '9':
		i++
		for i < len(data) && '0' <= data[i] && data[i] <= '9' {
			i++
		}
	default:
		d.pos = i
		d.syntax("in numeric literal")
		return start, i, false
	}
	if i < len(data) && data[i] == '.' {
		integer = false
		i++
		if i >= len(data) || data[i] < '0' || data[i] > '9' {
			d.pos = i
			d.syntax("after decimal point in numeric literal")
			return start, i, false
		}
		for i < len(data) && '0' <= data[i] && data[i] <= '9' {
			i++
		}
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		integer = false
		i++
		if i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		if i >= len(data) || data[i] < '0' || data[i] > '9' {
			d.pos = i
			d.syntax("in exponent of numeric literal")
			return start, i, false
		}
		for i < len(data) && '0' <= data[i] && data[i] <= '9' {
			i++
		}
	}
	d.pos = i
	return start, i, integer
}

// A frame is an array or object open in the validator.
type frame struct {
	object bool
	keys   int                 // the first of its keys in d.keys
	set    map[string]struct{} // its keys, once it has many
}

// setAfter is how many keys an object may have before the validator
// looks duplicates up in a map instead of comparing with each.
const setAfter = 16

// skip consumes the value at d.pos, checking its syntax and depth
// without recursion, and returns its bounds. With dups it also reports
// a key given twice in one object.
func (d *decoder) skip(dups bool) (start, end int) {
	c := d.peek()
	start = d.pos
	base := len(d.frames)
	// On success every container opened here is closed again, and the
	// depth, path and keys are as they were; after a problem the
	// decoding stops and they no longer matter.
	for {
		// A value.
		switch {
		case c == '{' || c == '[':
			if !d.enter() {
				return start, d.pos
			}
			f := frame{object: c == '{', keys: len(d.keys)}
			d.frames = append(d.frames, f)
			if f.object {
				d.pushKey()
			} else {
				d.pushIndex()
			}
			c = d.peek()
			if c == '}' && f.object || c == ']' && !f.object {
				d.pos++
				d.closeFrame()
				break // the container is a complete value
			}
			if f.object && !d.key(dups) {
				return start, d.pos
			}
			if f.object {
				c = d.peek()
			}
			continue
		case c == '"':
			d.scanString()
		case c == 't':
			d.literal("true")
		case c == 'f':
			d.literal("false")
		case c == 'n':
			d.literal("null")
		case c == '-' || '0' <= c && c <= '9':
			d.scanNumber()
		default:
			d.syntax("looking for beginning of value")
		}
		if d.stopped {
			return start, d.pos
		}
		// After a value: a comma, or the ends of containers.
		for {
			if len(d.frames) == base {
				return start, d.pos
			}
			top := &d.frames[len(d.frames)-1]
			c = d.peek()
			if c == ',' {
				d.pos++
				if top.object {
					if !d.key(dups) {
						return start, d.pos
					}
				} else {
					d.path[len(d.path)-1].idx++
				}
				c = d.peek()
				break
			}
			if c == '}' && top.object || c == ']' && !top.object {
				d.pos++
				d.closeFrame()
				continue
			}
			if top.object {
				d.syntax("after object key:value pair")
			} else {
				d.syntax("after array element")
			}
			return start, d.pos
		}
	}
}

func (d *decoder) closeFrame() {
	f := d.frames[len(d.frames)-1]
	d.keys = d.keys[:f.keys]
	d.frames = d.frames[:len(d.frames)-1]
	d.pop()
	d.leave()
}

// key scans an object key and its colon in the validator, and with dups
// reports it if the object has it already.
func (d *decoder) key(dups bool) bool {
	if d.peek() != '"' {
		d.syntax("looking for beginning of object key string")
		return false
	}
	off := d.pos
	start, end, flags := d.scanString()
	if d.stopped {
		return false
	}
	d.setKey(off)
	if dups {
		k := d.data[start:end]
		if flags != 0 {
			k = unescape(nil, k)
		}
		f := &d.frames[len(d.frames)-1]
		dup := false
		if f.set != nil {
			_, dup = f.set[string(k)]
			if !dup {
				f.set[string(k)] = struct{}{}
			}
		} else {
			for _, o := range d.keys[f.keys:] {
				if bytes.Equal(o, k) {
					dup = true
					break
				}
			}
			if !dup {
				d.keys = append(d.keys, k)
				if len(d.keys)-f.keys > setAfter {
					f.set = make(map[string]struct{}, 2*setAfter)
					for _, o := range d.keys[f.keys:] {
						f.set[string(o)] = struct{}{}
					}
				}
			}
		}
		if dup {
			d.reportKind(ismskit.ErrDuplicateField)
		}
	}
	if d.peek() != ':' {
		d.syntax("after object key")
		return false
	}
	d.pos++
	return true
}
