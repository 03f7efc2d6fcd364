package nist

import (
	"fmt"
	"iter"
	"strconv"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/enum"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// SP80053ID identifies a control ("AC-2") or control enhancement
// ("AC-2(1)") of NIST SP 800-53 Rev. 5. It is a small comparable value in
// the style of net/netip. The zero value is invalid.
type SP80053ID struct {
	fam [2]byte
	num uint8
	enh uint8
}

// ParseSP80053 parses an SP 800-53 control ID in any of the spellings
// NIST uses: "AC-2", "AC-02", "ac-2", "AC-2(1)", "AC-02(01)", and OSCAL's
// "ac-2.1". The family is two ASCII letters; numbers run from 1 to 99.
// It does not check that the control exists.
func ParseSP80053(s string) (SP80053ID, error) {
	bad := func(msg string) (SP80053ID, error) {
		return SP80053ID{}, fielderr.Errorf(ismskit.ErrInvalidID, "SP 800-53 control %s: %s", fielderr.Quote(s), msg)
	}
	if len(s) < 4 || s[2] != '-' || !isLetter(s[0]) || !isLetter(s[1]) {
		return bad("want a family of two letters, a dash and a number, as in AC-2")
	}
	id := SP80053ID{fam: [2]byte{upper(s[0]), upper(s[1])}}
	rest := s[3:]
	num, enh, hasEnh := rest, "", false
	if i := strings.IndexAny(rest, "(."); i >= 0 {
		num, enh, hasEnh = rest[:i], rest[i+1:], true
		if rest[i] == '(' {
			if !strings.HasSuffix(enh, ")") {
				return bad("unclosed '('")
			}
			enh = strings.TrimSuffix(enh, ")")
		}
	}
	n, ok := number(num)
	if !ok {
		return bad("the control number is not 1 to 99")
	}
	id.num = n
	if hasEnh {
		e, ok := number(enh)
		if !ok {
			return bad("the enhancement number is not 1 to 99")
		}
		id.enh = e
	}
	return id, nil
}

// MustParseSP80053 is like ParseSP80053 but panics on error. It is meant
// for tests and literals known to be valid.
func MustParseSP80053(s string) SP80053ID {
	id, err := ParseSP80053(s)
	if err != nil {
		panic(err)
	}
	return id
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func upper(c byte) byte {
	if 'a' <= c && c <= 'z' {
		return c - 'a' + 'A'
	}
	return c
}

// number parses 1 to 99, with at most one leading zero ("02").
func number(s string) (uint8, bool) {
	if len(s) == 0 || len(s) > 2 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return uint8(n), n > 0
}

// IsValid reports whether id is a control ID; false only for the zero
// value.
func (id SP80053ID) IsValid() bool { return id.num != 0 }

// Family returns the control family ("AC").
func (id SP80053ID) Family() string {
	if !id.IsValid() {
		return ""
	}
	return string(id.fam[:])
}

// IsEnhancement reports whether id is a control enhancement ("AC-2(1)").
func (id SP80053ID) IsEnhancement() bool { return id.enh != 0 }

// Base returns the control of an enhancement ("AC-2" for "AC-2(1)"), and
// id itself for a control.
func (id SP80053ID) Base() SP80053ID { return SP80053ID{fam: id.fam, num: id.num} }

// String returns the form of SP 800-53's text, "AC-2" or "AC-2(1)", and
// "" for the zero value.
func (id SP80053ID) String() string {
	if !id.IsValid() {
		return ""
	}
	s := string(id.fam[:]) + "-" + strconv.Itoa(int(id.num))
	if id.enh != 0 {
		s += "(" + strconv.Itoa(int(id.enh)) + ")"
	}
	return s
}

// OSCALID returns the id of the control in NIST's OSCAL catalog, "ac-2"
// or "ac-2.1", and "" for the zero value.
func (id SP80053ID) OSCALID() string {
	if !id.IsValid() {
		return ""
	}
	s := strings.ToLower(string(id.fam[:])) + "-" + strconv.Itoa(int(id.num))
	if id.enh != 0 {
		s += "." + strconv.Itoa(int(id.enh))
	}
	return s
}

// MarshalText encodes id as String does.
func (id SP80053ID) MarshalText() ([]byte, error) { return []byte(id.String()), nil }

// UnmarshalText decodes any spelling ParseSP80053 accepts; empty text
// gives the zero value.
func (id *SP80053ID) UnmarshalText(b []byte) error {
	if id == nil {
		return fielderr.NilTarget("nist.SP80053ID")
	}
	if len(b) == 0 {
		*id = SP80053ID{}
		return nil
	}
	v, err := ParseSP80053(string(b))
	if err != nil {
		return err
	}
	*id = v
	return nil
}

// Compare orders IDs by family, control number and enhancement number
// (AC-2 < AC-2(1) < AC-2(10) < AC-3); the zero value sorts first.
func (id SP80053ID) Compare(o SP80053ID) int {
	switch {
	case id.fam != o.fam:
		return strings.Compare(string(id.fam[:]), string(o.fam[:]))
	case id.num != o.num:
		return int(id.num) - int(o.num)
	}
	return int(id.enh) - int(o.enh)
}

// CSFLevel is the level of an element of the CSF 2.0 Core. The zero
// value is invalid.
type CSFLevel uint8

// The three levels of the Core.
const (
	Function    CSFLevel = iota + 1 // "GV"
	Category                        // "GV.OC"
	Subcategory                     // "GV.OC-01"
)

var levels = enum.Table{Type: "CSFLevel", What: "CSF level",
	Codes:  []string{"", "function", "category", "subcategory"},
	Labels: []string{"", "Function", "Category", "Subcategory"}}

// IsValid reports whether l is one of the three levels.
func (l CSFLevel) IsValid() bool { return levels.Valid(int(l)) }

// String returns "Function", "Category" or "Subcategory", "" for the zero
// value and "CSFLevel(n)" for any other value.
func (l CSFLevel) String() string { return levels.Label(int(l)) }

// MarshalText returns "function", "category" or "subcategory", and "" for
// the zero value; any other value is an error wrapping
// ismskit.ErrUnknownValue.
func (l CSFLevel) MarshalText() ([]byte, error) { return levels.Marshal(int(l)) }

// UnmarshalText reads what MarshalText returns, exactly; "" gives the
// zero value.
func (l *CSFLevel) UnmarshalText(b []byte) error { return enum.SetText(&levels, l, b) }

// ParseCSFLevel parses a level by its code ("subcategory") or label in
// any case. Anything else is an error wrapping ismskit.ErrUnknownValue.
func ParseCSFLevel(s string) (CSFLevel, error) { return enum.ParseAs[CSFLevel](&levels, s) }

// The six functions of CSF 2.0 in the Core's order.
var functions = [...]string{"GV", "ID", "PR", "DE", "RS", "RC"}

// Functions returns the six CSF 2.0 functions in the Core's order: GV
// (Govern), ID (Identify), PR (Protect), DE (Detect), RS (Respond), RC
// (Recover).
//
//	for fn := range nist.Functions() { fmt.Println(fn) }
func Functions() iter.Seq[CSFID] {
	return func(yield func(CSFID) bool) {
		for i := range functions {
			if !yield(CSFID{fn: uint8(i + 1)}) {
				return
			}
		}
	}
}

// CSFID identifies an element of the NIST Cybersecurity Framework 2.0
// Core: a function ("PR"), a category ("PR.AA") or a subcategory
// ("PR.AA-01"). It is a small comparable value; the zero value is
// invalid.
type CSFID struct {
	fn  uint8 // 1..6, index into functions plus one
	cat [2]byte
	sub uint8
}

// ParseCSF parses a CSF 2.0 element ID: "PR", "PR.AA" or "PR.AA-01" (the
// subcategory number has two digits, as in the Core). Letters may be in
// any case. It does not check that the element exists.
func ParseCSF(s string) (CSFID, error) {
	bad := func(msg string) (CSFID, error) {
		return CSFID{}, fielderr.Errorf(ismskit.ErrInvalidID, "CSF element %s: %s", fielderr.Quote(s), msg)
	}
	if len(s) < 2 {
		return bad("want a function (PR), category (PR.AA) or subcategory (PR.AA-01)")
	}
	var id CSFID
	for i, f := range functions {
		if upper(s[0]) == f[0] && upper(s[1]) == f[1] {
			id.fn = uint8(i + 1)
		}
	}
	if id.fn == 0 {
		return bad("the function is not GV, ID, PR, DE, RS or RC")
	}
	rest := s[2:]
	if rest == "" {
		return id, nil
	}
	if len(rest) < 3 || rest[0] != '.' || !isLetter(rest[1]) || !isLetter(rest[2]) {
		return bad("want a dot and two letters after the function")
	}
	id.cat = [2]byte{upper(rest[1]), upper(rest[2])}
	rest = rest[3:]
	if rest == "" {
		return id, nil
	}
	if len(rest) != 3 || rest[0] != '-' {
		return bad("want a dash and two digits after the category")
	}
	n, ok := number(rest[1:])
	if !ok || rest[1] < '0' || rest[1] > '9' {
		return bad("the subcategory number is not 01 to 99")
	}
	id.sub = n
	return id, nil
}

// MustParseCSF is like ParseCSF but panics on error. It is meant for
// tests and literals known to be valid.
func MustParseCSF(s string) CSFID {
	id, err := ParseCSF(s)
	if err != nil {
		panic(err)
	}
	return id
}

// IsValid reports whether id is an element ID; false only for the zero
// value.
func (id CSFID) IsValid() bool { return id.fn != 0 }

// Level returns the element's level, 0 for the zero value.
func (id CSFID) Level() CSFLevel {
	switch {
	case !id.IsValid():
		return 0
	case id.cat == [2]byte{}:
		return Function
	case id.sub == 0:
		return Category
	}
	return Subcategory
}

// Function returns the function the element belongs to ("PR" for
// "PR.AA-01").
func (id CSFID) Function() CSFID { return CSFID{fn: id.fn} }

// Category returns the category of a subcategory ("PR.AA" for
// "PR.AA-01"), the category itself, and the zero value for a function.
func (id CSFID) Category() CSFID {
	if id.cat == [2]byte{} {
		return CSFID{}
	}
	return CSFID{fn: id.fn, cat: id.cat}
}

// Contains reports whether o is id or an element under it (PR contains
// PR.AA and PR.AA-01).
func (id CSFID) Contains(o CSFID) bool {
	switch id.Level() {
	case Function:
		return o.fn == id.fn
	case Category:
		return o.fn == id.fn && o.cat == id.cat
	case Subcategory:
		return o == id
	}
	return false
}

// String returns "PR", "PR.AA" or "PR.AA-01", and "" for the zero value.
func (id CSFID) String() string {
	if !id.IsValid() {
		return ""
	}
	s := functions[id.fn-1]
	if id.cat != [2]byte{} {
		s += "." + string(id.cat[:])
	}
	if id.sub != 0 {
		s += fmt.Sprintf("-%02d", id.sub)
	}
	return s
}

// MarshalText encodes id as String does.
func (id CSFID) MarshalText() ([]byte, error) { return []byte(id.String()), nil }

// UnmarshalText decodes what ParseCSF accepts; empty text gives the zero
// value.
func (id *CSFID) UnmarshalText(b []byte) error {
	if id == nil {
		return fielderr.NilTarget("nist.CSFID")
	}
	if len(b) == 0 {
		*id = CSFID{}
		return nil
	}
	v, err := ParseCSF(string(b))
	if err != nil {
		return err
	}
	*id = v
	return nil
}

// Compare orders elements by function in the Core's order (GV, ID, PR,
// DE, RS, RC), then category alphabetically, then subcategory number; a
// function sorts before its categories and a category before its
// subcategories.
func (id CSFID) Compare(o CSFID) int {
	switch {
	case id.fn != o.fn:
		return int(id.fn) - int(o.fn)
	case id.cat != o.cat:
		return strings.Compare(string(id.cat[:]), string(o.cat[:]))
	}
	return int(id.sub) - int(o.sub)
}
