package checks

import (
	"bytes"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// jsonScanner reads the parts of a large JSON document that a check
// needs and skips the rest, checking as it goes that the whole document
// is well-formed JSON (RFC 8259) and nested no deeper than the limit.
// Unlike the strict decoders of ismskit's own documents, it ignores keys
// it does not know: reports of other tools carry many fields, and more
// with each release. It reads a 100 MB report in well under a second.
type jsonScanner struct {
	data     []byte
	pos      int
	depth    int
	maxDepth int
	err      error // the syntax or depth problem that stopped the scan
	buf      []byte
	lean     bool // skip what the checks do not read (titles, URLs, statuses)
}

func newJSONScanner(data []byte, lim ismskit.Limits) *jsonScanner {
	max := lim.MaxDepth
	if max < 0 || max > 10000 {
		max = 10000
	}
	return &jsonScanner{data: data, maxDepth: max}
}

// stopped reports whether a syntax problem has ended the scan.
func (s *jsonScanner) stopped() bool { return s.err != nil }

// syntax stops the scan with a syntax problem at the current offset.
func (s *jsonScanner) syntax(format string, args ...any) {
	if s.err == nil {
		s.err = &ismskit.Error{Offset: int64(s.pos), Err: fielderr.Errorf(ismskit.ErrSyntax,
			"offset %d: "+format, append([]any{s.pos}, args...)...)}
	}
}

func (s *jsonScanner) ws() {
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case ' ', '\t', '\n', '\r':
			s.pos++
		default:
			return
		}
	}
}

// peek returns the next byte after white space, or 0 at the end.
func (s *jsonScanner) peek() byte {
	s.ws()
	if s.pos < len(s.data) {
		return s.data[s.pos]
	}
	return 0
}

// kind names the JSON type a value starting with c has, for messages.
func kind(c byte) string {
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

// openObject consumes the '{' of an object and returns true, or returns
// false when the next value is not an object (or the nesting is too
// deep), leaving it unread. Read its members with key.
func (s *jsonScanner) openObject() bool {
	if s.peek() != '{' || s.enter() {
		return false
	}
	s.pos++
	return true
}

// key reads the next key of an object opened with openObject and the
// colon after it; first is true for the first call. It returns false
// after the closing '}', or when the scan stopped. The caller must read
// or skip the member's value before calling key again.
func (s *jsonScanner) key(first bool) ([]byte, bool) {
	if s.stopped() {
		return nil, false
	}
	c := s.peek()
	switch {
	case c == '}' && first:
		s.pos++
		s.depth--
		return nil, false
	case !first && c == '}':
		s.pos++
		s.depth--
		return nil, false
	case !first && c == ',':
		s.pos++
		c = s.peek()
	case !first:
		s.syntax("want ',' or '}' in an object")
		return nil, false
	}
	if c != '"' {
		s.syntax("want an object key")
		return nil, false
	}
	k := s.str()
	if s.stopped() {
		return nil, false
	}
	if s.peek() != ':' {
		s.syntax("want ':' after an object key")
		return nil, false
	}
	s.pos++
	if s.peek() == 0 {
		s.syntax("unexpected end of input")
		return nil, false
	}
	return k, true
}

// openArray consumes the '[' of an array and returns true, or returns
// false when the next value is not an array (or the nesting is too
// deep). Read its elements with elem.
func (s *jsonScanner) openArray() bool {
	if s.peek() != '[' || s.enter() {
		return false
	}
	s.pos++
	return true
}

// elem moves to the next element of an array opened with openArray;
// first is true for the first call. It returns false after the closing
// ']', or when the scan stopped. The caller must read or skip the
// element before calling elem again.
func (s *jsonScanner) elem(first bool) bool {
	if s.stopped() {
		return false
	}
	switch c := s.peek(); {
	case c == ']':
		s.pos++
		s.depth--
		return false
	case first:
	case c == ',':
		s.pos++
	default:
		s.syntax("want ',' or ']' in an array")
		return false
	}
	if s.peek() == 0 {
		s.syntax("unexpected end of input")
		return false
	}
	return true
}

func (s *jsonScanner) enter() bool {
	s.depth++
	if s.depth > s.maxDepth {
		if s.err == nil {
			s.err = &ismskit.Error{Offset: int64(s.pos), Err: fielderr.Errorf(ismskit.ErrTooDeep,
				"offset %d: nested deeper than %d", s.pos, s.maxDepth)}
		}
		return true
	}
	return false
}

// special marks the bytes that end a run of plain string content.
var special = func() (t [256]bool) {
	for c := 0; c < 0x20; c++ {
		t[c] = true
	}
	t['"'], t['\\'] = true, true
	return t
}()

// str reads a string at pos and returns its content, unescaped. The
// result aliases the input when the string has no escapes, and s.buf
// otherwise: it is valid until the next call.
func (s *jsonScanner) str() []byte {
	s.pos++ // the opening quote
	d := s.data
	start := s.pos
	i := s.pos
	for i < len(d) && !special[d[i]] {
		i++
	}
	if i < len(d) && d[i] == '"' {
		s.pos = i + 1
		return d[start:i]
	}
	s.buf = append(s.buf[:0], d[start:i]...)
	for {
		if i >= len(d) {
			s.pos = i
			s.syntax("string not closed")
			return nil
		}
		c := d[i]
		switch {
		case c == '"':
			s.pos = i + 1
			return s.buf
		case c < 0x20:
			s.pos = i
			s.syntax("control character %#02x in a string", c)
			return nil
		case c == '\\':
			if i+1 >= len(d) {
				s.pos = i
				s.syntax("string not closed")
				return nil
			}
			i++
			switch d[i] {
			case '"', '\\', '/':
				s.buf = append(s.buf, d[i])
			case 'b':
				s.buf = append(s.buf, '\b')
			case 'f':
				s.buf = append(s.buf, '\f')
			case 'n':
				s.buf = append(s.buf, '\n')
			case 'r':
				s.buf = append(s.buf, '\r')
			case 't':
				s.buf = append(s.buf, '\t')
			case 'u':
				r, ok := hex4(d, i+1)
				if !ok {
					s.pos = i
					s.syntax("invalid \\u escape")
					return nil
				}
				i += 4
				if utf16.IsSurrogate(r) {
					if r2, ok := hex4(d, i+3); ok && i+2 < len(d) && d[i+1] == '\\' && d[i+2] == 'u' {
						if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
							r = dec
							i += 6
						} else {
							r = utf8.RuneError
						}
					} else {
						r = utf8.RuneError
					}
				}
				s.buf = utf8.AppendRune(s.buf, r)
			default:
				s.pos = i
				s.syntax("invalid escape \\%c", d[i])
				return nil
			}
			i++
		default:
			j := i
			for j < len(d) && !special[d[j]] {
				j++
			}
			s.buf = append(s.buf, d[i:j]...)
			i = j
		}
	}
}

func hex4(d []byte, i int) (rune, bool) {
	if i+4 > len(d) {
		return 0, false
	}
	var r rune
	for _, c := range d[i : i+4] {
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

// skipString skips a string at pos, checking it without copying.
func (s *jsonScanner) skipString() {
	d := s.data
	i := s.pos + 1
	for {
		for i < len(d) && !special[d[i]] {
			i++
		}
		if i >= len(d) {
			s.pos = i
			s.syntax("string not closed")
			return
		}
		switch c := d[i]; {
		case c == '"':
			s.pos = i + 1
			return
		case c == '\\':
			if i+1 >= len(d) {
				s.pos = i
				s.syntax("string not closed")
				return
			}
			switch d[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if _, ok := hex4(d, i+2); !ok {
					s.pos = i
					s.syntax("invalid \\u escape")
					return
				}
				i += 6
			default:
				s.pos = i
				s.syntax("invalid escape \\%c", d[i+1])
				return
			}
		default:
			s.pos = i
			s.syntax("control character %#02x in a string", c)
			return
		}
	}
}

// number reads a number at pos and returns its text.
func (s *jsonScanner) number() []byte {
	d := s.data
	start := s.pos
	i := s.pos
	if i < len(d) && d[i] == '-' {
		i++
	}
	digits := func() bool {
		j := i
		for i < len(d) && d[i] >= '0' && d[i] <= '9' {
			i++
		}
		return i > j
	}
	switch {
	case i < len(d) && d[i] == '0':
		i++
	case !digits():
		s.pos = i
		s.syntax("invalid number")
		return nil
	}
	if i < len(d) && d[i] == '.' {
		i++
		if !digits() {
			s.pos = i
			s.syntax("invalid number")
			return nil
		}
	}
	if i < len(d) && (d[i] == 'e' || d[i] == 'E') {
		i++
		if i < len(d) && (d[i] == '+' || d[i] == '-') {
			i++
		}
		if !digits() {
			s.pos = i
			s.syntax("invalid number")
			return nil
		}
	}
	s.pos = i
	return d[start:i]
}

func (s *jsonScanner) literal(word string) {
	if !bytes.HasPrefix(s.data[s.pos:], []byte(word)) {
		s.syntax("invalid literal")
		return
	}
	s.pos += len(word)
}

// skip skips any value at pos, checking its syntax and depth.
func (s *jsonScanner) skip() {
	switch c := s.peek(); c {
	case '{':
		if !s.openObject() {
			return
		}
		for _, ok := s.key(true); ok; _, ok = s.key(false) {
			s.skip()
		}
	case '[':
		if !s.openArray() {
			return
		}
		for ok := s.elem(true); ok; ok = s.elem(false) {
			s.skip()
		}
	case '"':
		s.skipString()
	case 't':
		s.literal("true")
	case 'f':
		s.literal("false")
	case 'n':
		s.literal("null")
	case 0:
		s.syntax("unexpected end of input")
	default:
		if c == '-' || c >= '0' && c <= '9' {
			s.number()
			return
		}
		s.syntax("invalid character %q looking for the beginning of a value", c)
	}
}

// end checks that nothing but white space follows the document.
func (s *jsonScanner) end() {
	if s.stopped() {
		return
	}
	if s.peek() != 0 {
		s.err = &ismskit.Error{Offset: int64(s.pos), Err: fielderr.Errorf(ismskit.ErrTrailingData,
			"offset %d: data after the JSON document", s.pos)}
	}
}

// text reads a string value, or reports a type problem at the path that
// at returns (called only then) and skips the value; null reads as "".
func (s *jsonScanner) text(l *fielderr.List, at func() string) string {
	switch c := s.peek(); c {
	case '"':
		b := s.str()
		if utf8.Valid(b) {
			return string(b)
		}
		return string(bytes.ToValidUTF8(b, []byte("\uFFFD")))
	case 'n':
		s.literal("null")
		return ""
	default:
		if c != 0 {
			l.Add(at(), fielderr.Errorf(ismskit.ErrType, "want a string, got %s", kind(c)))
		}
		s.skip()
		return ""
	}
}

// integer reads an integer value, or reports a type problem at path and
// skips the value.
func (s *jsonScanner) integer(l *fielderr.List, path string) (int, bool) {
	c := s.peek()
	if c == 0 {
		s.skip()
		return 0, false
	}
	if c != '-' && (c < '0' || c > '9') {
		l.Add(path, fielderr.Errorf(ismskit.ErrType, "want a number, got %s", kind(c)))
		s.skip()
		return 0, false
	}
	b := s.number()
	if s.stopped() {
		return 0, false
	}
	n, err := strconv.Atoi(string(b))
	if err != nil {
		l.Add(path, fielderr.Errorf(ismskit.ErrType, "%s is not a whole number", clip(string(b))))
		return 0, false
	}
	return n, true
}
