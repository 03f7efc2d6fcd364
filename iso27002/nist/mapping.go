package nist

import (
	"iter"
	"slices"
	"strings"
	"sync"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/enum"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
)

// Baseline is the SP 800-53B security control baseline that NIST's
// crosswalk gives an SP 800-53 control: the lowest baseline that selects
// it, or none. The zero value is invalid.
type Baseline uint8

// The baselines of the crosswalk's "Security Control Baseline" column.
const (
	BaselineLow         Baseline = iota + 1 // in the low, moderate and high baselines
	BaselineModerate                        // in the moderate and high baselines
	BaselineHigh                            // in the high baseline only
	BaselineNotSelected                     // in no baseline ("Not Selected")
)

var baselines = enum.Table{Type: "Baseline", What: "baseline",
	Codes:  []string{"", "low", "moderate", "high", "not-selected"},
	Labels: []string{"", "Low", "Moderate", "High", "Not selected"}}

// IsValid reports whether b is one of the four baselines.
func (b Baseline) IsValid() bool { return baselines.Valid(int(b)) }

// String returns "Low", "Moderate", "High" or "Not selected", "" for the
// zero value and "Baseline(n)" for any other value.
func (b Baseline) String() string { return baselines.Label(int(b)) }

// MarshalText returns "low", "moderate", "high" or "not-selected", and ""
// for the zero value; any other value is an error wrapping
// ismskit.ErrUnknownValue.
func (b Baseline) MarshalText() ([]byte, error) { return baselines.Marshal(int(b)) }

// UnmarshalText reads what MarshalText returns, exactly; "" gives the
// zero value.
func (b *Baseline) UnmarshalText(t []byte) error { return enum.SetText(&baselines, b, t) }

// ParseBaseline parses a baseline by its code ("not-selected") or label in
// any case ("Not selected"). Anything else is an error wrapping
// ismskit.ErrUnknownValue.
func ParseBaseline(s string) (Baseline, error) { return enum.ParseAs[Baseline](&baselines, s) }

// Ref is the ISO/IEC 27001:2022 element a NIST mapping points at: an
// Annex A control (Control, a 2022 iso27002.ControlID) or a requirement
// clause of 4 to 10 (Clause), never both. The zero Ref names nothing. In
// JSON and text a Ref is its String form ("A.8.8", "6.1.2", "4.2(a)"),
// which ParseRef reads back.
type Ref struct {
	// Control is the Annex A control; zero for a clause.
	Control iso27002.ControlID
	// Clause is the clause of ISO/IEC 27001:2022; zero for a control.
	Clause iso27001.ClauseID
	// Item is the list item of the clause that the CSF source names ('a'
	// in "4.2(a)"), 0 for none. The SP 800-53 crosswalk names none.
	Item byte
}

// IsZero reports whether r names nothing.
func (r Ref) IsZero() bool { return r == Ref{} }

// String returns "A.8.8" for a control, "6.1.2" for a clause, "4.2(a)"
// for a clause item, and "" for the zero Ref.
func (r Ref) String() string {
	switch {
	case r.Control.IsValid():
		return "A." + r.Control.String()
	case r.Clause.IsValid() && r.Item != 0:
		return r.Clause.String() + "(" + string(rune(r.Item)) + ")"
	case r.Clause.IsValid():
		return r.Clause.String()
	}
	return ""
}

// MarshalText returns the String form, "" for the zero Ref. A Ref that
// ParseRef could not read back (a control that is not a 2022 control, a
// control and a clause together, an item that is not a letter a to z) is
// an error wrapping ismskit.ErrNotEncodable.
func (r Ref) MarshalText() ([]byte, error) {
	ok := r.IsZero() ||
		r.Control.Edition() == iso27002.Edition2022 && !r.Clause.IsValid() && r.Item == 0 ||
		!r.Control.IsValid() && r.Clause.IsValid() && (r.Item == 0 || 'a' <= r.Item && r.Item <= 'z')
	if !ok {
		return nil, fielderr.Errorf(ismskit.ErrNotEncodable, "%#v is not an ISO/IEC 27001:2022 control or clause", r)
	}
	return []byte(r.String()), nil
}

// UnmarshalText reads a Ref with ParseRef; "" gives the zero Ref.
func (r *Ref) UnmarshalText(text []byte) error {
	if r == nil {
		return fielderr.NilTarget("nist.Ref")
	}
	if len(text) == 0 {
		*r = Ref{}
		return nil
	}
	v, err := ParseRef(string(text))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// ParseRef parses what Ref.String returns: "A.8.8" (an Annex A control of
// ISO/IEC 27001:2022), "6.1.2" (a clause of 4 to 10) or "4.2(a)" (a list
// item of a clause). A control or clause that ISO/IEC 27001:2022 lacks is
// an error wrapping ismskit.ErrInvalidID or ismskit.ErrUnknownControl.
func ParseRef(s string) (Ref, error) {
	var item byte
	if n := len(s); n > 3 && s[n-3] == '(' && s[n-1] == ')' && 'a' <= s[n-2] && s[n-2] <= 'z' && !strings.HasPrefix(s, "A.") {
		item, s = s[n-2], s[:n-3]
	}
	return parseRef(s, item)
}

// compareRef orders Annex A controls before clauses, each in natural
// order, items after their clause.
func compareRef(a, b Ref) int {
	switch {
	case a.Control.IsValid() != b.Control.IsValid():
		if a.Control.IsValid() {
			return -1
		}
		return 1
	case a.Control.IsValid():
		return a.Control.Compare(b.Control)
	case a.Clause != b.Clause:
		return a.Clause.Compare(b.Clause)
	}
	return int(a.Item) - int(b.Item)
}

// SP80053Pair is one pair of NIST's crosswalk of SP 800-53 Rev. 5 to
// ISO/IEC 27001:2022 (OLIR, updated 2023-10-12). The source gives no
// relationship type. The zero value is no pair.
type SP80053Pair struct {
	// Control is the SP 800-53 control or enhancement.
	Control SP80053ID `json:"control"`
	// ISO is the ISO/IEC 27001:2022 clause or Annex A control.
	ISO Ref `json:"iso"`
	// Baseline is the control's baseline in the crosswalk.
	Baseline Baseline `json:"baseline"`
}

// CSFPair is one informative reference from the CSF 2.0 Core to
// ISO/IEC 27001:2022 (CSF 2.0 Reference Tool export). The zero value is
// no pair.
type CSFPair struct {
	// Element is the function, category or subcategory that gives the
	// reference. References are not copied down: a reference given by the
	// category GV.OC is not one of GV.OC-01.
	Element CSFID `json:"element"`
	// ISO is the element referred to; the zero Ref where the source names
	// none ("All applicable controls" for PR, see Note).
	ISO Ref `json:"iso"`
	// Note flags an oddity of the source and how it was read: "6.11" read
	// as 6.1.1, "6.13" as 6.1.3, "All applicable controls". Empty for
	// ordinary lines.
	Note string `json:"note,omitempty"`
}

// sp80053Row and csfRow are the generated tables' rows (zmappings.go).
type sp80053Row struct {
	control, iso string
	baseline     Baseline
}

type csfRow struct {
	element, iso string
	item         byte
	note         string
}

// index is built once, on first use, from the generated tables; it is
// never modified afterwards.
type index struct {
	sp    []SP80053Pair
	csf   []CSFPair
	bad   []string // rows that did not parse; the tests require none
	subAs map[CSFID]bool
}

var theIndex = sync.OnceValue(func() *index {
	ix := &index{subAs: map[CSFID]bool{}}
	for _, r := range sp80053Rows {
		c, err1 := ParseSP80053(r.control)
		ref, err2 := parseRef(r.iso, 0)
		if err1 != nil || err2 != nil {
			ix.bad = append(ix.bad, r.control+" "+r.iso)
			continue
		}
		ix.sp = append(ix.sp, SP80053Pair{Control: c, ISO: ref, Baseline: r.baseline})
	}
	for _, r := range csfRows {
		e, err1 := ParseCSF(r.element)
		var ref Ref
		var err2 error
		if r.iso != "" {
			ref, err2 = parseRef(r.iso, r.item)
		}
		if err1 != nil || err2 != nil {
			ix.bad = append(ix.bad, r.element+" "+r.iso)
			continue
		}
		ix.csf = append(ix.csf, CSFPair{Element: e, ISO: ref, Note: r.note})
	}
	return ix
})

func parseRef(s string, item byte) (Ref, error) {
	if strings.HasPrefix(s, "A.") {
		id, err := iso27002.Parse(s)
		if err == nil && id.Edition() != iso27002.Edition2022 {
			err = fielderr.Errorf(ismskit.ErrInvalidID, "%s is not an Annex A control of ISO/IEC 27001:2022", fielderr.Quote(s))
		}
		if err != nil {
			return Ref{}, err
		}
		return Ref{Control: id}, nil
	}
	id, err := iso27001.ParseClauseID(s)
	if err == nil {
		err = iso27001.MustNew(iso27001.Edition2022).CheckClause(id)
	}
	if err != nil {
		return Ref{}, err
	}
	return Ref{Clause: id, Item: item}, nil
}

// SP80053Pairs returns the 643 pairs of the SP 800-53 crosswalk, in the
// source's order (by family and control).
//
//	for p := range nist.SP80053Pairs() { fmt.Println(p.Control, p.ISO) }
func SP80053Pairs() iter.Seq[SP80053Pair] {
	return func(yield func(SP80053Pair) bool) {
		for _, p := range theIndex().sp {
			if !yield(p) {
				return
			}
		}
	}
}

// CSFPairs returns the 415 ISO/IEC 27001:2022 references of the CSF 2.0
// Core, in the source's order, including the one that names no element
// (see CSFPair.Note).
//
//	for p := range nist.CSFPairs() { fmt.Println(p.Element, p.ISO) }
func CSFPairs() iter.Seq[CSFPair] {
	return func(yield func(CSFPair) bool) {
		for _, p := range theIndex().csf {
			if !yield(p) {
				return
			}
		}
	}
}

// SP80053ForControl returns the SP 800-53 controls that NIST's crosswalk
// maps to the Annex A control id ("which 800-53 controls does 8.8 map
// to"), in order, each once. A 2013 ID is first translated to its 2022
// controls (iso27002.To2022). It returns nil for a control with none.
func SP80053ForControl(id iso27002.ControlID) []SP80053ID {
	want := map[iso27002.ControlID]bool{}
	for _, c := range to2022(id) {
		want[c] = true
	}
	var out []SP80053ID
	for _, p := range theIndex().sp {
		if p.ISO.Control.IsValid() && want[p.ISO.Control] {
			out = append(out, p.Control)
		}
	}
	return sortedUnique(out, SP80053ID.Compare)
}

// SP80053ForClause returns the SP 800-53 controls mapped to a clause of
// ISO/IEC 27001:2022 or any of its subclauses (9.2 takes 9.2.1 and 9.2.2
// along), in order, each once.
func SP80053ForClause(id iso27001.ClauseID) []SP80053ID {
	var out []SP80053ID
	for _, p := range theIndex().sp {
		if p.ISO.Clause.IsValid() && id.Contains(p.ISO.Clause) {
			out = append(out, p.Control)
		}
	}
	return sortedUnique(out, SP80053ID.Compare)
}

// ISOForSP80053 returns the ISO/IEC 27001:2022 elements that NIST's
// crosswalk maps the SP 800-53 control id to: Annex A controls first,
// then clauses, in natural order. An enhancement has its own pairs (the
// crosswalk maps 48 of them); ask for its Base for the control's.
func ISOForSP80053(id SP80053ID) []Ref {
	var out []Ref
	for _, p := range theIndex().sp {
		if p.Control == id {
			out = append(out, p.ISO)
		}
	}
	return sortedUnique(out, compareRef)
}

// CSFForControl returns the CSF 2.0 elements (functions, categories,
// subcategories) whose informative references name the Annex A control
// id, in the Core's order. A 2013 ID is first translated to its 2022
// controls.
func CSFForControl(id iso27002.ControlID) []CSFID {
	want := map[iso27002.ControlID]bool{}
	for _, c := range to2022(id) {
		want[c] = true
	}
	var out []CSFID
	for _, p := range theIndex().csf {
		if p.ISO.Control.IsValid() && want[p.ISO.Control] {
			out = append(out, p.Element)
		}
	}
	return sortedUnique(out, CSFID.Compare)
}

// CSFForClause returns the CSF 2.0 elements whose informative references
// name a clause of ISO/IEC 27001:2022 or any of its subclauses or items,
// in the Core's order.
func CSFForClause(id iso27001.ClauseID) []CSFID {
	var out []CSFID
	for _, p := range theIndex().csf {
		if p.ISO.Clause.IsValid() && id.Contains(p.ISO.Clause) {
			out = append(out, p.Element)
		}
	}
	return sortedUnique(out, CSFID.Compare)
}

// ISOForCSF returns the ISO/IEC 27001:2022 elements that the CSF 2.0
// element id refers to ("which ISO controls cover PR.AA-01"): Annex A
// controls first, then clauses, in natural order. Only the element's own
// references count; those of its category or function, or of its
// subcategories, do not (use ISOUnderCSF for a whole function or
// category).
func ISOForCSF(id CSFID) []Ref {
	var out []Ref
	for _, p := range theIndex().csf {
		if p.Element == id && !p.ISO.IsZero() {
			out = append(out, p.ISO)
		}
	}
	return sortedUnique(out, compareRef)
}

// ISOUnderCSF returns the ISO/IEC 27001:2022 elements referred to by id
// or any element under it (PR takes every PR category and subcategory
// along), in the order of ISOForCSF.
func ISOUnderCSF(id CSFID) []Ref {
	var out []Ref
	for _, p := range theIndex().csf {
		if id.Contains(p.Element) && !p.ISO.IsZero() {
			out = append(out, p.ISO)
		}
	}
	return sortedUnique(out, compareRef)
}

func to2022(id iso27002.ControlID) []iso27002.ControlID {
	switch id.Edition() {
	case iso27002.Edition2022:
		return []iso27002.ControlID{id}
	case iso27002.Edition2013:
		return iso27002.To2022(id)
	}
	return nil
}

func sortedUnique[T comparable](s []T, cmp func(a, b T) int) []T {
	slices.SortFunc(s, cmp)
	return slices.Compact(s)
}

// FunctionCoverage is how far a set of implemented Annex A controls
// covers one CSF 2.0 function, counted over its subcategories. The zero
// value is no function.
type FunctionCoverage struct {
	// Function is the CSF function ("PR").
	Function CSFID `json:"function"`
	// Mapped is the number of the function's subcategories whose
	// informative references name at least one Annex A control; the
	// others (none, or clauses only) cannot be covered by controls and
	// are not counted.
	Mapped int `json:"mapped"`
	// Covered is the number of those subcategories that name at least one
	// implemented control.
	Covered int `json:"covered"`
	// Percent is 100 * Covered / Mapped, and 0 when Mapped is 0.
	Percent float64 `json:"percent"`
	// Uncovered lists the mapped subcategories not covered, in the Core's
	// order.
	Uncovered []CSFID `json:"uncovered,omitempty"`
}

// CSFCoverage returns, for each of the six CSF 2.0 functions in the
// Core's order, how many of its subcategories the implemented Annex A
// controls cover (for example the controls a Statement of Applicability
// marks implemented). A subcategory is covered when at least one Annex A
// control its own informative references name is implemented. 2013 IDs
// count through their 2022 controls (iso27002.To2022); custom IDs and
// clauses play no part. The input is not modified, and its order and
// duplicates do not matter.
func CSFCoverage(implemented []iso27002.ControlID) []FunctionCoverage {
	have := map[iso27002.ControlID]bool{}
	for _, id := range implemented {
		for _, c := range to2022(id) {
			have[c] = true
		}
	}
	mapped := map[CSFID]bool{}
	covered := map[CSFID]bool{}
	for _, p := range theIndex().csf {
		if p.Element.Level() != Subcategory || !p.ISO.Control.IsValid() {
			continue
		}
		mapped[p.Element] = true
		if have[p.ISO.Control] {
			covered[p.Element] = true
		}
	}
	subs := make([]CSFID, 0, len(mapped))
	for s := range mapped {
		subs = append(subs, s)
	}
	slices.SortFunc(subs, CSFID.Compare)
	var res []FunctionCoverage
	for fn := range Functions() {
		fc := FunctionCoverage{Function: fn}
		for _, s := range subs {
			if !fn.Contains(s) {
				continue
			}
			fc.Mapped++
			if covered[s] {
				fc.Covered++
			} else {
				fc.Uncovered = append(fc.Uncovered, s)
			}
		}
		if fc.Mapped > 0 {
			fc.Percent = 100 * float64(fc.Covered) / float64(fc.Mapped)
		}
		res = append(res, fc)
	}
	return res
}
