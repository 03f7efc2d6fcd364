package regulation

import (
	"cmp"
	"strconv"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// ID identifies a provision of a regulation: an article of an EU act
// ("GDPR Art. 32", "NIS2 Art. 21(2)(d)", "DORA Art. 19(4)(a)"), an article
// of DORA's Delegated Regulation (EU) 2025/301 ("DORA RTS Art. 5(1)(a)"),
// or a section of 45 CFR Part 164 for HIPAA ("45 CFR
// 164.308(a)(1)(ii)(A)"), down to its paragraphs and points. It is a
// small comparable value in the style of net/netip: use it as a map key
// and compare it with ==.
//
// An ID knows its regulation, so its text form names the regulation
// (String). Local gives the form used inside one regulation ("Art. 32",
// "21(2)(d)", "164.308(a)(1)(ii)(A)"), which Regulation.ParseID reads back.
// An ID made by a parser is well formed; Lookup tells whether it is a
// requirement of the built-in catalogs.
//
// The zero ID is invalid: IsValid reports false and String returns "".
type ID struct {
	reg  Regulation
	act  uint8    // 0: the regulation itself; 1: DORA's Delegated Regulation (EU) 2025/301
	num  uint16   // article number; for HIPAA the section of 45 CFR Part 164 (308 for 164.308)
	path [5]uint8 // paragraphs and points, 0 for none; their style depends on the depth
	sub  uint8    // the subparagraph of path[0] ("second subparagraph": 2), 0 for none
}

// The styles of a level of an ID: how (3), (c), (iii) and (C) read.
const (
	styleNumber = iota // (1)
	styleLower         // (a)
	styleRoman         // (iv)
	styleUpper         // (A)
)

// The levels of each kind of act: EU acts number their paragraphs, then
// letter their points and number sub-points in roman numerals; 45 CFR
// goes (a), (1), (i), (A), (1).
var (
	euStyles   = []uint8{styleNumber, styleLower, styleRoman}
	hipaaStyle = []uint8{styleLower, styleNumber, styleRoman, styleUpper, styleNumber}
)

func (id ID) styles() []uint8 {
	if id.reg == HIPAA {
		return hipaaStyle
	}
	return euStyles
}

// maxIDLen bounds the text a parser reads, so that a hostile input cannot
// make an error message large.
const maxIDLen = 80

// ParseID parses an ID that names its regulation:
//
//   - "GDPR Art. 32", "GDPR Art. 5(1)(f)", "GDPR Article 33";
//   - "NIS2 Art. 21(2)(d)", "NIS2 21(2)(d)", "NIS2 Art. 23(4) second
//     subparagraph" (a comma before the ordinal is allowed);
//   - "DORA Art. 19(4)(a)", "DORA RTS Art. 5(1)(a)", "DORA RTS 5(4)";
//   - "45 CFR 164.308(a)(1)(ii)(A)", "45 CFR § 164.404(b)", "HIPAA
//     164.312(d)", and a bare "164.312(d)" or "§ 164.312(d)".
//
// The regulation's name may be in any case; paragraphs are numbers
// without leading zeros, points letters, sub-points roman numerals, each
// in parentheses, in the order the act uses. ParseID does not check that
// the provision exists (see Lookup). A malformed input is an
// *ismskit.Error wrapping ismskit.ErrInvalidID.
func ParseID(s string) (ID, error) {
	if len(s) > maxIDLen {
		return ID{}, badID(s, "longer than 80 bytes")
	}
	for _, r := range Regulations() {
		name := r.String()
		if len(s) > len(name) && strings.EqualFold(s[:len(name)], name) && s[len(name)] == ' ' {
			return r.parseLocal(s, s[len(name)+1:])
		}
	}
	if rest, ok := cutFold(s, "45 CFR "); ok {
		return HIPAA.parseLocal(s, rest)
	}
	if strings.HasPrefix(s, "164.") || strings.HasPrefix(s, "§") {
		return HIPAA.parseLocal(s, s)
	}
	return ID{}, badID(s, "want a regulation (GDPR, HIPAA, NIS2, DORA or 45 CFR) before the provision, as in GDPR Art. 32")
}

// MustParseID is like ParseID but panics on error. It is intended for
// tests and literals known to be valid.
func MustParseID(s string) ID {
	id, err := ParseID(s)
	if err != nil {
		panic(err)
	}
	return id
}

// ParseID parses an ID of regulation r in its local form ("Art. 32" for
// GDPR, "21(2)(d)" for NIS2, "RTS 5(1)(a)" for DORA's Delegated
// Regulation, "164.308(a)(1)" for HIPAA) or in the full form ParseID
// reads, which must then name r. Errors are *ismskit.Error values
// wrapping ismskit.ErrInvalidID, or ismskit.ErrUnknownValue for an
// invalid r.
func (r Regulation) ParseID(s string) (ID, error) {
	if !r.IsValid() {
		return ID{}, &ismskit.Error{Err: fielderr.Errorf(ismskit.ErrUnknownValue, "regulation %d is not defined", uint8(r))}
	}
	if len(s) > maxIDLen {
		return ID{}, badID(s, "longer than 80 bytes")
	}
	if id, err := ParseID(s); err == nil {
		if id.reg != r {
			return ID{}, badID(s, "not a provision of "+r.String())
		}
		return id, nil
	}
	return r.parseLocal(s, s)
}

func cutFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}

// parseLocal parses the local form rest of the whole input in.
func (r Regulation) parseLocal(in, rest string) (ID, error) {
	id := ID{reg: r}
	if r == HIPAA {
		if after, ok := strings.CutPrefix(rest, "§"); ok {
			rest = strings.TrimPrefix(after, " ")
		}
		after, ok := strings.CutPrefix(rest, "164.")
		if !ok {
			return ID{}, badID(in, "want a section of 45 CFR Part 164, as in 164.308(a)(1)")
		}
		rest = after
	} else {
		if after, ok := cutFold(rest, "RTS "); ok {
			if r != DORA {
				return ID{}, badID(in, "only DORA has a delegated regulation (RTS)")
			}
			id.act = 1
			rest = after
		}
		for _, p := range []string{"Art. ", "Art.", "Article "} {
			if after, ok := cutFold(rest, p); ok {
				rest = after
				break
			}
		}
	}
	n, width := leadingNumber(rest, 999)
	if width == 0 {
		return ID{}, badID(in, "want an article or section number")
	}
	id.num = uint16(n)
	rest = rest[width:]
	styles := id.styles()
	depth := 0
	for strings.HasPrefix(rest, "(") {
		end := strings.IndexByte(rest, ')')
		if end < 0 {
			return ID{}, badID(in, "unclosed '('")
		}
		if depth == len(styles) {
			return ID{}, badID(in, "too many levels of paragraphs and points")
		}
		v, ok := parseLevel(rest[1:end], styles[depth])
		if !ok {
			return ID{}, badID(in, "want "+styleHint[styles[depth]]+" at level "+strconv.Itoa(depth+1))
		}
		id.path[depth] = v
		depth++
		rest = rest[end+1:]
	}
	if rest != "" && r != HIPAA && depth > 0 {
		rest = strings.TrimPrefix(rest, ",")
		if after, ok := strings.CutPrefix(rest, " "); ok {
			word, tail, _ := strings.Cut(after, " ")
			if o := ordinal(word); o > 0 && tail == "subparagraph" {
				id.sub = uint8(o)
				rest = ""
			}
		}
	}
	if rest != "" {
		return ID{}, badID(in, "unexpected text "+strconv.Quote(clip(rest)))
	}
	return id, nil
}

var styleHint = [...]string{
	styleNumber: "a number such as (2)",
	styleLower:  "a lower-case letter such as (a)",
	styleRoman:  "a roman numeral such as (ii)",
	styleUpper:  "an upper-case letter such as (A)",
}

// leadingNumber reads a decimal number of 1 to max without a leading zero
// from the start of s and returns it with the number of bytes read, or
// width 0.
func leadingNumber(s string, max int) (n, width int) {
	for width < len(s) && width < 4 && '0' <= s[width] && s[width] <= '9' {
		n = n*10 + int(s[width]-'0')
		width++
	}
	if width == 0 || s[0] == '0' || n > max || width < len(s) && '0' <= s[width] && s[width] <= '9' {
		return 0, 0
	}
	return n, width
}

// parseLevel reads the text between parentheses in the given style.
func parseLevel(s string, style uint8) (uint8, bool) {
	switch style {
	case styleNumber:
		n, w := leadingNumber(s, 99)
		return uint8(n), w > 0 && w == len(s)
	case styleLower, styleUpper:
		base := byte('a')
		if style == styleUpper {
			base = 'A'
		}
		if len(s) != 1 || s[0] < base || s[0] > base+25 {
			return 0, false
		}
		return s[0] - base + 1, true
	case styleRoman:
		for i := 1; i < len(romans); i++ {
			if romans[i] == s {
				return uint8(i), true
			}
		}
	}
	return 0, false
}

// romans are the roman numerals 1 to 39 in lower case.
var romans = func() []string {
	tens := []string{"", "x", "xx", "xxx"}
	ones := []string{"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"}
	out := make([]string, 40)
	for i := 1; i < 40; i++ {
		out[i] = tens[i/10] + ones[i%10]
	}
	return out
}()

var ordinals = [...]string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}

func ordinal(w string) int {
	for i := 1; i < len(ordinals); i++ {
		if strings.EqualFold(w, ordinals[i]) {
			return i
		}
	}
	return 0
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}

func badID(in, msg string) error {
	return &ismskit.Error{Err: fielderr.Errorf(ismskit.ErrInvalidID, "provision %q: %s", clip(in), msg)}
}

// IsValid reports whether id names a provision; it is false only for
// the zero ID.
func (id ID) IsValid() bool { return id.reg.IsValid() && id.num != 0 }

// Regulation returns the regulation of id, 0 for the zero ID.
func (id ID) Regulation() Regulation { return id.reg }

// Local returns the form of id inside its regulation: "Art. 32" for
// GDPR, "21(2)(d)" for NIS2, "19(4)(a)" and "RTS 5(1)(a)" for DORA,
// "164.308(a)(1)" for HIPAA; "" for the zero ID. Regulation.ParseID reads
// it back.
func (id ID) Local() string {
	if !id.IsValid() {
		return ""
	}
	var b []byte
	switch {
	case id.reg == HIPAA:
		b = append(b, "164."...)
	case id.reg == GDPR:
		b = append(b, "Art. "...)
	case id.act == 1:
		b = append(b, "RTS "...)
	}
	return string(id.appendProvision(b))
}

// appendProvision appends the number, the levels and the subparagraph.
func (id ID) appendProvision(b []byte) []byte {
	b = strconv.AppendUint(b, uint64(id.num), 10)
	styles := id.styles()
	for d, v := range id.path {
		if v == 0 || d >= len(styles) {
			break
		}
		b = append(b, '(')
		switch styles[d] {
		case styleNumber:
			b = strconv.AppendUint(b, uint64(v), 10)
		case styleLower:
			b = append(b, 'a'+v-1)
		case styleUpper:
			b = append(b, 'A'+v-1)
		case styleRoman:
			if int(v) < len(romans) {
				b = append(b, romans[v]...)
			}
		}
		b = append(b, ')')
	}
	if id.sub != 0 && int(id.sub) < len(ordinals) {
		b = append(b, ' ')
		b = append(b, ordinals[id.sub]...)
		b = append(b, " subparagraph"...)
	}
	return b
}

// String returns the full form that ParseID reads: "GDPR Art. 32", "NIS2
// Art. 21(2)(d)", "DORA RTS Art. 5(1)(a)", "45 CFR 164.308(a)(1)"; "" for
// the zero ID.
func (id ID) String() string { return string(id.AppendTo(nil)) }

// AppendTo appends the String form of id to b and returns the extended
// buffer.
func (id ID) AppendTo(b []byte) []byte {
	if !id.IsValid() {
		return b
	}
	if id.reg == HIPAA {
		b = append(b, "45 CFR 164."...)
		return id.appendProvision(b)
	}
	b = append(b, id.reg.String()...)
	if id.act == 1 {
		b = append(b, " RTS"...)
	}
	b = append(b, " Art. "...)
	return id.appendProvision(b)
}

// Citation returns the formal citation of id: "Regulation (EU) 2016/679,
// Art. 32", "Directive (EU) 2022/2555, Art. 21(2)(d)", "Delegated
// Regulation (EU) 2025/301, Art. 5(1)(a)", "45 CFR 164.308(a)(1)"; "" for
// the zero ID.
func (id ID) Citation() string {
	if !id.IsValid() {
		return ""
	}
	if id.reg == HIPAA {
		return id.String()
	}
	act := id.reg.act()
	if id.act == 1 {
		act = "Delegated Regulation (EU) 2025/301"
	}
	return string(id.appendProvision([]byte(act + ", Art. ")))
}

// Contains reports whether o is id or a paragraph or point under it:
// "GDPR Art. 33" contains "GDPR Art. 33(1)", and "NIS2 Art. 23(4)"
// contains "NIS2 Art. 23(4)(a)" and its second subparagraph.
func (id ID) Contains(o ID) bool {
	if !id.IsValid() || id.reg != o.reg || id.act != o.act || id.num != o.num {
		return false
	}
	for d, v := range id.path {
		if v != 0 && o.path[d] != v {
			return false
		}
	}
	switch {
	case id.sub != 0:
		return o.sub == id.sub
	case id.path[1] != 0:
		return o.sub == 0 // points belong to the first subparagraph
	}
	return true
}

// MarshalText implements encoding.TextMarshaler with the String form; the
// zero ID encodes as "".
func (id ID) MarshalText() ([]byte, error) { return id.AppendTo(nil), nil }

// UnmarshalText implements encoding.TextUnmarshaler with ParseID; empty
// text decodes as the zero ID.
func (id *ID) UnmarshalText(text []byte) error {
	if id == nil {
		return &ismskit.Error{Err: fielderr.Errorf(ismskit.ErrMissing, "ID.UnmarshalText: nil receiver")}
	}
	if len(text) == 0 {
		*id = ID{}
		return nil
	}
	v, err := ParseID(string(text))
	if err != nil {
		return err
	}
	*id = v
	return nil
}

// Compare returns -1, 0 or +1 as id sorts before, equal to or after o:
// by regulation (GDPR, HIPAA, NIS2, DORA), then DORA before its delegated
// regulation, then in the order of the text: article or section, then
// paragraph, then its subparagraphs, then points (Art. 23(4) < 23(4)(a) <
// 23(4)(e) < 23(4) second subparagraph < 23(5)). The zero ID sorts first.
func (id ID) Compare(o ID) int {
	if c := cmp.Compare(id.reg, o.reg); c != 0 {
		return c
	}
	if c := cmp.Compare(id.act, o.act); c != 0 {
		return c
	}
	if c := cmp.Compare(id.num, o.num); c != 0 {
		return c
	}
	if c := cmp.Compare(id.path[0], o.path[0]); c != 0 {
		return c
	}
	if c := cmp.Compare(id.sub, o.sub); c != 0 {
		return c
	}
	for d := 1; d < len(id.path); d++ {
		if c := cmp.Compare(id.path[d], o.path[d]); c != 0 {
			return c
		}
	}
	return 0
}
