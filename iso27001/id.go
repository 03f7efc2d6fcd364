package iso27001

import (
	"strconv"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// ClauseID identifies a clause or subclause of ISO/IEC 27001 clauses 4 to
// 10: "4", "6.1", "6.1.3". It is a small comparable value, in the style of
// netip.Addr, usable as a map key.
//
// A ClauseID is a number, not an edition's clause: "6.1.3" names the same
// place in the 2013 and 2022 editions, and "6.3" is a well-formed ID even
// though only the 2022 edition has that clause. Standard.Clause and
// Standard.CheckClause say whether an edition has it.
//
// The zero value is not a valid ID; IsValid reports false for it and
// String returns "".
type ClauseID struct {
	p [3]uint8 // levels; trailing zeros are absent levels
}

// ParseClauseID parses "4" to "10" followed by up to two further levels of
// 1 to 99 ("6.1.3"), without leading zeros or spaces. Errors wrap
// ismskit.ErrInvalidID and quote the input, cut to 40 bytes.
func ParseClauseID(s string) (ClauseID, error) {
	id, ok := parseClause(s)
	if !ok {
		return ClauseID{}, fielderr.Errorf(ismskit.ErrInvalidID, "clause %s: want 4 to 10 with up to two sub-levels, as in 6.1.3", fielderr.Quote(s))
	}
	return id, nil
}

// MustParseClauseID is ParseClauseID that panics on error. It is intended
// for tests and hard-coded literals.
func MustParseClauseID(s string) ClauseID {
	id, err := ParseClauseID(s)
	if err != nil {
		panic(err)
	}
	return id
}

func parseClause(s string) (ClauseID, bool) {
	var id ClauseID
	level, n, digits := 0, 0, 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == '.' {
			if digits == 0 || level >= 3 || n > 99 || (level == 0 && (n < 4 || n > 10)) || n == 0 {
				return ClauseID{}, false
			}
			id.p[level] = uint8(n)
			level++
			n, digits = 0, 0
			continue
		}
		c := s[i]
		if c < '0' || c > '9' || (digits == 0 && c == '0') || digits >= 2 {
			return ClauseID{}, false
		}
		n = n*10 + int(c-'0')
		digits++
	}
	return id, true
}

// IsValid reports whether id is a well-formed clause ID (not the zero
// value).
func (id ClauseID) IsValid() bool { return id.p[0] != 0 }

// Depth is the number of levels: 1 for "6", 3 for "6.1.3", 0 for the zero
// value.
func (id ClauseID) Depth() int {
	d := 0
	for d < 3 && id.p[d] != 0 {
		d++
	}
	return d
}

// Parent returns the enclosing clause ("6.1" for "6.1.3"), or the zero
// value for a top-level clause and for the zero value.
func (id ClauseID) Parent() ClauseID {
	d := id.Depth()
	if d <= 1 {
		return ClauseID{}
	}
	id.p[d-1] = 0
	return id
}

// Top returns the top-level clause (4 to 10) that id belongs to.
func (id ClauseID) Top() ClauseID { return ClauseID{p: [3]uint8{id.p[0]}} }

// Contains reports whether other is id or lies under it.
func (id ClauseID) Contains(other ClauseID) bool {
	d := id.Depth()
	if d == 0 {
		return false
	}
	for i := 0; i < d; i++ {
		if id.p[i] != other.p[i] {
			return false
		}
	}
	return true
}

// String returns the dotted form ("6.1.3"), or "" for the zero value.
func (id ClauseID) String() string { return string(id.AppendTo(nil)) }

// AppendTo appends the String form of id to b.
func (id ClauseID) AppendTo(b []byte) []byte {
	for i := 0; i < 3 && id.p[i] != 0; i++ {
		if i > 0 {
			b = append(b, '.')
		}
		b = strconv.AppendUint(b, uint64(id.p[i]), 10)
	}
	return b
}

// MarshalText returns the String form; the zero value gives empty text.
func (id ClauseID) MarshalText() ([]byte, error) { return id.AppendTo(nil), nil }

// UnmarshalText parses text with ParseClauseID; empty text gives the zero
// value, as in netip.
func (id *ClauseID) UnmarshalText(text []byte) error {
	if id == nil {
		return fielderr.NilTarget("iso27001.ClauseID")
	}
	if len(text) == 0 {
		*id = ClauseID{}
		return nil
	}
	v, err := ParseClauseID(string(text))
	if err != nil {
		return err
	}
	*id = v
	return nil
}

// Compare returns -1, 0 or +1 as id sorts before, equal to or after other
// in the order of the standard ("5.2" < "5.10"; a clause before its
// subclauses), which is also natural order on the strings. The zero value
// sorts first.
func (id ClauseID) Compare(other ClauseID) int {
	for i := 0; i < 3; i++ {
		if id.p[i] != other.p[i] {
			if id.p[i] < other.p[i] {
				return -1
			}
			return 1
		}
	}
	return 0
}

// ItemID identifies one requirement item of a clause: the checklist unit
// an auditor checks. Its forms are
//
//	6.1.3.d    a lettered item, as lettered in the standard
//	6.1.2.c.1  a numbered point of a lettered item
//	8.1.p2     the 2nd unlettered requirement of a clause (ismskit's numbering)
//	4.2.n2     an informative note (not a requirement), numbered as in the standard
//
// As with ClauseID, the ID is edition-neutral; Standard.Item says whether
// an edition has it. The zero value is invalid.
type ItemID struct {
	c      ClauseID
	kind   byte // 'l' letter, 'p' paragraph, 'n' note; 0 for the zero value
	letter byte // 'a'..'z' for kind 'l'
	n      uint8
}

// ParseItemID parses an item ID in one of the forms documented on ItemID.
// Errors wrap ismskit.ErrInvalidID and quote the input, cut to 40 bytes.
func ParseItemID(s string) (ItemID, error) {
	id, ok := parseItem(s)
	if !ok {
		return ItemID{}, fielderr.Errorf(ismskit.ErrInvalidID, "requirement item %s: want a form such as 6.1.3.d, 6.1.2.c.1 or 8.1.p2", fielderr.Quote(s))
	}
	return id, nil
}

// MustParseItemID is ParseItemID that panics on error. It is intended for
// tests and hard-coded literals.
func MustParseItemID(s string) ItemID {
	id, err := ParseItemID(s)
	if err != nil {
		panic(err)
	}
	return id
}

func parseItem(s string) (ItemID, bool) {
	// The clause part ends at the first '.' followed by a non-digit.
	end := -1
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '.' && (s[i+1] < '0' || s[i+1] > '9') {
			end = i
			break
		}
	}
	if end <= 0 {
		return ItemID{}, false
	}
	c, ok := parseClause(s[:end])
	if !ok {
		return ItemID{}, false
	}
	rest := s[end+1:]
	id := ItemID{c: c}
	switch {
	case len(rest) == 1 && rest[0] >= 'a' && rest[0] <= 'z':
		id.kind, id.letter = 'l', rest[0]
	case len(rest) == 3 && rest[0] >= 'a' && rest[0] <= 'z' && rest[1] == '.' && rest[2] >= '1' && rest[2] <= '9':
		id.kind, id.letter, id.n = 'l', rest[0], rest[2]-'0'
	case (len(rest) == 2 || len(rest) == 3) && (rest[0] == 'p' || rest[0] == 'n'):
		n := 0
		for i := 1; i < len(rest); i++ {
			d := rest[i]
			if d < '0' || d > '9' || (i == 1 && d == '0') {
				return ItemID{}, false
			}
			n = n*10 + int(d-'0')
		}
		id.kind, id.n = rest[0], uint8(n)
	default:
		return ItemID{}, false
	}
	return id, true
}

// IsValid reports whether id is a well-formed item ID (not the zero value).
func (id ItemID) IsValid() bool { return id.kind != 0 }

// Clause returns the clause the item belongs to.
func (id ItemID) Clause() ClauseID { return id.c }

// IsNote reports whether id names an informative note ("4.2.n2").
func (id ItemID) IsNote() bool { return id.kind == 'n' }

// Parent returns the lettered item that a numbered point belongs to
// ("6.1.2.c" for "6.1.2.c.1"), or the zero value for other IDs.
func (id ItemID) Parent() ItemID {
	if id.kind != 'l' || id.n == 0 {
		return ItemID{}
	}
	id.n = 0
	return id
}

// String returns the text form ("6.1.3.d"), or "" for the zero value.
func (id ItemID) String() string { return string(id.AppendTo(nil)) }

// AppendTo appends the String form of id to b.
func (id ItemID) AppendTo(b []byte) []byte {
	if id.kind == 0 {
		return b
	}
	b = id.c.AppendTo(b)
	b = append(b, '.')
	switch id.kind {
	case 'l':
		b = append(b, id.letter)
		if id.n != 0 {
			b = append(b, '.', '0'+id.n)
		}
	default:
		b = append(b, id.kind)
		b = strconv.AppendUint(b, uint64(id.n), 10)
	}
	return b
}

// MarshalText returns the String form; the zero value gives empty text.
func (id ItemID) MarshalText() ([]byte, error) { return id.AppendTo(nil), nil }

// UnmarshalText parses text with ParseItemID; empty text gives the zero
// value.
func (id *ItemID) UnmarshalText(text []byte) error {
	if id == nil {
		return fielderr.NilTarget("iso27001.ItemID")
	}
	if len(text) == 0 {
		*id = ItemID{}
		return nil
	}
	v, err := ParseItemID(string(text))
	if err != nil {
		return err
	}
	*id = v
	return nil
}

// Compare orders item IDs: by clause, then lettered items (a before b, an
// item before its numbered points), then unlettered requirements (p1, p2,
// ...), then notes. Standard.Items yields items in the order of the
// standard's text instead, where unlettered requirements may come first.
func (id ItemID) Compare(other ItemID) int {
	if c := id.c.Compare(other.c); c != 0 {
		return c
	}
	rank := func(k byte) int {
		switch k {
		case 'l':
			return 1
		case 'p':
			return 2
		case 'n':
			return 3
		}
		return 0
	}
	if a, b := rank(id.kind), rank(other.kind); a != b {
		return cmp3(a, b)
	}
	if id.letter != other.letter {
		return cmp3(int(id.letter), int(other.letter))
	}
	return cmp3(int(id.n), int(other.n))
}

func cmp3(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
