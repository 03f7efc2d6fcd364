package iso27002

import (
	"cmp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/internal/natural"
)

// Edition is an edition of ISO/IEC 27002, written as its year. The zero
// value is the custom edition: an ID or a catalog of a user's own
// controls only, or of controls of both editions.
type Edition uint16

// The editions whose catalogs are built in.
const (
	Edition2013 Edition = 2013 // ISO/IEC 27002:2013, Annex A of ISO/IEC 27001:2013
	Edition2022 Edition = 2022 // ISO/IEC 27002:2022, Annex A of ISO/IEC 27001:2022
)

// String returns the year ("2022"), or "custom" for the zero Edition;
// "Edition(n)" for any other value.
func (e Edition) String() string {
	switch {
	case e == 0:
		return "custom"
	case e.IsValid():
		return strconv.Itoa(int(e))
	}
	return "Edition(" + strconv.Itoa(int(e)) + ")"
}

// IsValid reports whether e is one of the built-in editions. The zero
// Edition, custom, is not.
func (e Edition) IsValid() bool { return e == Edition2013 || e == Edition2022 }

// MarshalText encodes e as its year, or "custom" for the zero Edition.
// Any other value is an error wrapping ismskit.ErrUnknownValue.
func (e Edition) MarshalText() ([]byte, error) {
	if e != 0 && !e.IsValid() {
		return nil, fielderr.Errorf(ismskit.ErrUnknownValue, "%s is not an edition of ISO/IEC 27002", e)
	}
	return []byte(e.String()), nil
}

// UnmarshalText decodes "2013", "2022" or "custom" with ParseEdition.
func (e *Edition) UnmarshalText(b []byte) error {
	if e == nil {
		return fielderr.NilTarget("iso27002.Edition")
	}
	v, err := ParseEdition(string(b))
	if err != nil {
		return err
	}
	*e = v
	return nil
}

// ParseEdition parses "2013", "2022" or "custom" (the zero Edition).
// Anything else is an error wrapping ismskit.ErrUnknownValue.
func ParseEdition(s string) (Edition, error) {
	switch s {
	case "2013":
		return Edition2013, nil
	case "2022":
		return Edition2022, nil
	case "custom":
		return 0, nil
	}
	return 0, fielderr.Errorf(ismskit.ErrUnknownValue, "edition %s: want 2013, 2022 or custom", fielderr.Quote(s))
}

// ControlID identifies a control. It is a small comparable value, like
// netip.Addr: use it as a map key and compare it with ==.
//
// An ID knows its edition. A 2022 ID is written "5.1" (theme 5, control 1)
// and a 2013 ID "A.5.1.1" (clause A.5, objective A.5.1, control 1); the two
// never compare equal, even where one control became the other. A user's
// own control has a custom ID, which belongs to no edition: either the ID
// as the user's own data spells it ("CLOUD-1", "AC-2"), or one with a
// namespace ("acme:ORG-1", "nist-800-53r5:ac-2") that keeps the controls
// of several frameworks apart. Catalog.Parse resolves "CLOUD-1" to
// "cloud:CLOUD-1" in a catalog that holds that control.
//
// The zero ControlID is invalid: IsValid reports false and String returns
// "invalid ControlID". A ControlID made by Parse always names a control
// that exists in its edition.
type ControlID struct {
	ed     Edition
	a      uint8  // 2022: theme 5..8; 2013: clause 5..18
	b      uint8  // 2022: control number; 2013: objective number
	c      uint8  // 2013: control number within the objective
	ord    uint8  // position in the edition's natural order; a function of the other fields
	custom string // "local" or "namespace:local" for custom IDs
}

// MaxCustomLen is the length limit of a custom ID, in bytes.
const MaxCustomLen = 128

// Parse parses a control ID:
//
//   - "5.1" to "8.34", or with the Annex A prefix "A.5.1", is a 2022 control;
//   - "A.5.1.1" to "A.18.2.3" (the prefix may be left out) is a 2013 control;
//   - "namespace:local" is a custom control with a namespace: the namespace
//     is ASCII letters, digits, '-', '_' and '.', starting with a letter or
//     digit; the local part is any printable text without spaces;
//   - any other text that starts with an ASCII letter and holds only
//     letters, digits, '-', '_' and '.' ("CLOUD-1", "AC-2", "ORG.7") is a
//     custom control without a namespace, except text starting with "A."
//     (or "a."), which is kept for Annex A IDs.
//
// A custom ID is at most MaxCustomLen bytes. Text starting with a digit or
// with "A." is an ISO ID or nothing: a well-formed ISO ID that names no
// control of its edition, such as "5.38" or "A.5.1.3", is an error wrapping
// ismskit.ErrUnknownControl; any other malformed input wraps
// ismskit.ErrInvalidID. Errors quote the input, cut to 40 bytes.
func Parse(s string) (ControlID, error) {
	if strings.IndexByte(s, ':') >= 0 {
		return parseCustom(s)
	}
	if s != "" && isLetter(s[0]) && !hasAnnexPrefix(s) {
		return parseLocal(s)
	}
	rest := s
	prefixed := strings.HasPrefix(rest, "A.")
	if prefixed {
		rest = rest[2:]
	}
	var parts [3]uint8
	n := 0
	for {
		if n == len(parts) {
			return ControlID{}, parseErr(s, "too many parts", ismskit.ErrInvalidID)
		}
		v, i, ok := leadingNumber(rest)
		if !ok {
			return ControlID{}, parseErr(s, "want numbers separated by dots, as in 5.1 or A.5.1.1", ismskit.ErrInvalidID)
		}
		parts[n] = v
		n++
		rest = rest[i:]
		if rest == "" {
			break
		}
		if rest[0] != '.' {
			return ControlID{}, parseErr(s, "unexpected character "+strconv.QuoteRune(firstRune(rest)), ismskit.ErrInvalidID)
		}
		rest = rest[1:]
	}
	switch n {
	case 2:
		id := ControlID{ed: Edition2022, a: parts[0], b: parts[1]}
		i := index2022(id)
		if i < 0 {
			return ControlID{}, parseErr(s, "no such control in the 2022 edition", ismskit.ErrUnknownControl)
		}
		id.ord = uint8(i)
		return id, nil
	case 3:
		id := ControlID{ed: Edition2013, a: parts[0], b: parts[1], c: parts[2]}
		i := index2013(id)
		if i < 0 {
			return ControlID{}, parseErr(s, "no such control in the 2013 edition", ismskit.ErrUnknownControl)
		}
		id.ord = uint8(i)
		return id, nil
	}
	if prefixed {
		return ControlID{}, parseErr(s, "a clause, not a control: want 5.1 (2022) or A.5.1.1 (2013)", ismskit.ErrInvalidID)
	}
	return ControlID{}, parseErr(s, "want 5.1 (2022) or A.5.1.1 (2013)", ismskit.ErrInvalidID)
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// hasAnnexPrefix reports whether s starts with "A." or "a.", the prefix
// kept for Annex A IDs.
func hasAnnexPrefix(s string) bool { return len(s) >= 2 && s[0]|0x20 == 'a' && s[1] == '.' }

// leadingNumber reads a decimal number of 1 to 3 digits without a leading
// zero, at most 255, from the start of s.
func leadingNumber(s string) (v uint8, n int, ok bool) {
	var x int
	for n < len(s) && n < 4 && isDigit(s[n]) {
		x = x*10 + int(s[n]-'0')
		n++
	}
	if n == 0 || n == 4 || x > 255 || (s[0] == '0') {
		return 0, 0, false
	}
	return uint8(x), n, true
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// parseLocal parses a custom ID without a namespace; s starts with a
// letter and not with "A.".
func parseLocal(s string) (ControlID, error) {
	if len(s) > MaxCustomLen {
		return ControlID{}, parseErr(s, "longer than 128 bytes", ismskit.ErrInvalidID)
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; !isLetter(c) && !isDigit(c) && c != '-' && c != '_' && c != '.' {
			return ControlID{}, parseErr(s, "a custom ID without a namespace holds only letters, digits, '-', '_' and '.'", ismskit.ErrInvalidID)
		}
	}
	return ControlID{custom: s}, nil
}

func parseCustom(s string) (ControlID, error) {
	ns, local, _ := strings.Cut(s, ":")
	switch {
	case len(s) > MaxCustomLen:
		return ControlID{}, parseErr(s, "longer than 128 bytes", ismskit.ErrInvalidID)
	case ns == "":
		return ControlID{}, parseErr(s, "empty namespace before ':'", ismskit.ErrInvalidID)
	case local == "":
		return ControlID{}, parseErr(s, "empty control ID after ':'", ismskit.ErrInvalidID)
	}
	for i := 0; i < len(ns); i++ {
		c := ns[i]
		alnum := isLetter(c) || isDigit(c)
		if !alnum && (i == 0 || c != '-' && c != '_' && c != '.') {
			return ControlID{}, parseErr(s, "namespace may hold only letters, digits, '-', '_' and '.', starting with a letter or digit", ismskit.ErrInvalidID)
		}
	}
	if !utf8.ValidString(local) {
		return ControlID{}, parseErr(s, "not valid UTF-8", ismskit.ErrInvalidID)
	}
	for _, r := range local {
		if unicode.IsSpace(r) || !unicode.IsPrint(r) {
			return ControlID{}, parseErr(s, "control ID may not hold spaces or control characters", ismskit.ErrInvalidID)
		}
	}
	return ControlID{custom: s}, nil
}

// MustParse is like Parse but panics on error. It is intended for tests and
// for literals known to be valid.
func MustParse(s string) ControlID {
	id, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return id
}

// IsValid reports whether id is a control ID; it is false only for the
// zero ControlID.
func (id ControlID) IsValid() bool { return id.ed != 0 || id.custom != "" }

// Edition returns the edition of a 2013 or 2022 ID, and 0 for custom and
// zero IDs.
func (id ControlID) Edition() Edition { return id.ed }

// IsCustom reports whether id is a user's own ID, with or without a
// namespace.
func (id ControlID) IsCustom() bool { return id.custom != "" }

// Namespace returns the namespace of a custom ID ("acme" for
// "acme:ORG-1"), and "" for a custom ID without one ("CLOUD-1") and for
// ISO IDs.
func (id ControlID) Namespace() string {
	ns, _, ok := strings.Cut(id.custom, ":")
	if !ok {
		return ""
	}
	return ns
}

// Local returns a custom ID without its namespace ("ORG-1" for
// "acme:ORG-1", "CLOUD-1" for "CLOUD-1"), and "" for ISO IDs.
func (id ControlID) Local() string {
	if i := strings.IndexByte(id.custom, ':'); i >= 0 {
		return id.custom[i+1:]
	}
	return id.custom
}

// Theme returns the theme of a 2022 control (Organizational for 5.x), and
// 0 for other IDs.
func (id ControlID) Theme() Theme {
	if id.ed != Edition2022 {
		return 0
	}
	return Theme(id.a)
}

// Clause returns the Annex A clause of a 2013 control ("A.9" for
// A.9.4.1), and "" for other IDs.
func (id ControlID) Clause() string {
	if id.ed != Edition2013 {
		return ""
	}
	return "A." + strconv.Itoa(int(id.a))
}

// Objective returns the control objective of a 2013 control ("A.9.4" for
// A.9.4.1), and "" for other IDs.
func (id ControlID) Objective() string {
	if id.ed != Edition2013 {
		return ""
	}
	return "A." + strconv.Itoa(int(id.a)) + "." + strconv.Itoa(int(id.b))
}

// String returns the canonical form: "5.1", "A.5.1.1", "CLOUD-1" or
// "ns:local", and "invalid ControlID" for the zero value.
func (id ControlID) String() string {
	if !id.IsValid() {
		return "invalid ControlID"
	}
	if id.custom != "" {
		return id.custom
	}
	var buf [12]byte
	return string(id.AppendTo(buf[:0]))
}

// AppendTo appends the canonical form of id to b (nothing for the zero
// value) and returns the extended buffer.
func (id ControlID) AppendTo(b []byte) []byte {
	switch {
	case id.custom != "":
		return append(b, id.custom...)
	case id.ed == Edition2022:
		b = strconv.AppendUint(b, uint64(id.a), 10)
		b = append(b, '.')
		return strconv.AppendUint(b, uint64(id.b), 10)
	case id.ed == Edition2013:
		b = append(b, 'A', '.')
		b = strconv.AppendUint(b, uint64(id.a), 10)
		b = append(b, '.')
		b = strconv.AppendUint(b, uint64(id.b), 10)
		b = append(b, '.')
		return strconv.AppendUint(b, uint64(id.c), 10)
	}
	return b
}

// MarshalText implements encoding.TextMarshaler. The zero ControlID
// encodes as the empty string.
func (id ControlID) MarshalText() ([]byte, error) { return id.AppendTo(nil), nil }

// UnmarshalText implements encoding.TextUnmarshaler with Parse; the empty
// string decodes as the zero ControlID.
func (id *ControlID) UnmarshalText(b []byte) error {
	if id == nil {
		return fielderr.NilTarget("iso27002.ControlID")
	}
	if len(b) == 0 {
		*id = ControlID{}
		return nil
	}
	v, err := Parse(string(b))
	if err != nil {
		return err
	}
	*id = v
	return nil
}

// Compare returns -1, 0 or +1 as id sorts before, equal to or after other.
// The order is: the zero ID, then 2013 IDs, then 2022 IDs, then custom IDs;
// within each, natural order (5.2 before 5.10; custom IDs by namespace,
// then naturally by the rest). Use it with slices.SortFunc.
func (id ControlID) Compare(other ControlID) int {
	if r := cmp.Compare(id.rank(), other.rank()); r != 0 {
		return r
	}
	if id.custom != "" {
		return natural.Compare(id.custom, other.custom)
	}
	if r := cmp.Compare(int(id.a), int(other.a)); r != 0 {
		return r
	}
	if r := cmp.Compare(int(id.b), int(other.b)); r != 0 {
		return r
	}
	return cmp.Compare(int(id.c), int(other.c))
}

// Compare is ControlID.Compare as a function, for slices.SortFunc.
func Compare(a, b ControlID) int { return a.Compare(b) }

func (id ControlID) rank() int {
	switch {
	case id.custom != "":
		return 3
	case id.ed == Edition2022:
		return 2
	case id.ed == Edition2013:
		return 1
	}
	return 0
}

// index2022 returns the position of a 2022 ID in the edition's natural
// order, or -1 if the edition has no such control.
func index2022(id ControlID) int {
	t := int(id.a) - 5
	if t < 0 || t >= len(themeSizes2022) || id.b == 0 || int(id.b) > int(themeSizes2022[t]) {
		return -1
	}
	return int(themeOffsets2022[t]) + int(id.b) - 1
}

// index2013 returns the position of a 2013 ID in the edition's natural
// order, or -1 if the edition has no such control.
func index2013(id ControlID) int {
	cl := int(id.a) - 5
	if cl < 0 || cl >= len(objectiveSizes2013) {
		return -1
	}
	objs := objectiveSizes2013[cl]
	o := int(id.b) - 1
	if o < 0 || o >= len(objs) || id.c == 0 || id.c > objs[o] {
		return -1
	}
	return int(objectiveOffsets2013[cl][o]) + int(id.c) - 1
}

func parseErr(in, msg string, kind *ismskit.Kind) error {
	return fielderr.Errorf(kind, "control ID %s: %s", fielderr.Quote(in), msg)
}
