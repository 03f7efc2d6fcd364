package iso27002

import "iter"

// Pair is one line of the correspondence between the editions
// (ISO/IEC 27002:2022 Annex B): the 2013 control From contributed to the
// 2022 control To. In JSON: {"from": "A.5.1.1", "to": "5.1"}. The zero
// Pair is no pair.
type Pair struct {
	// From is the 2013 control.
	From ControlID `json:"from"`
	// To is the 2022 control.
	To ControlID `json:"to"`
}

// Correspondence returns every pair of the 2013-to-2022 correspondence,
// ordered by the 2022 control and then the 2013 control. The relation is
// many-to-many: 5.1 came from A.5.1.1 and A.5.1.2; A.18.2.3 went to 5.36
// and 8.8. Every 2013 control appears at least once; the 11 controls new
// in 2022 never do.
//
//	for p := range iso27002.Correspondence() { fmt.Println(p.From, "->", p.To) }
func Correspondence() iter.Seq[Pair] {
	return func(yield func(Pair) bool) {
		for _, p := range pairs {
			if !yield(Pair{From: controls2013[p[1]].ID, To: controls2022[p[0]].ID}) {
				return
			}
		}
	}
}

// To2022 returns the 2022 controls that the 2013 control id became, in
// natural order. It returns nil for IDs that are not 2013 controls.
func To2022(id ControlID) []ControlID {
	if id.ed != Edition2013 {
		return nil
	}
	i := int(id.ord)
	var out []ControlID
	for _, p := range pairs {
		if int(p[1]) == i {
			out = append(out, controls2022[p[0]].ID)
		}
	}
	return out
}

// From2013 returns the 2013 controls that the 2022 control id came from,
// in natural order. It returns nil for a control new in 2022 and for IDs
// that are not 2022 controls.
func From2013(id ControlID) []ControlID {
	if id.ed != Edition2022 {
		return nil
	}
	i := int(id.ord)
	var out []ControlID
	for _, p := range pairs {
		if int(p[0]) == i {
			out = append(out, controls2013[p[1]].ID)
		}
	}
	return out
}
