package iso27001

import (
	"encoding/json"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// To2022 converts records kept against ISO/IEC 27001:2013 into records
// against ISO/IEC 27001:2022 with Amd 1:2024, for an organisation in
// transition: every item ID (document evidences, management review
// inputs) and clause ID (document clauses) is replaced by its counterpart
// in 2022 (Item.Counterpart, Clause.Counterpart), so 2013 6.2.f becomes
// 6.2.h and 10.1.f becomes 10.2.f. Items without a 2022 counterpart (2013
// 7.4.d, who communicates) are dropped from the copy and returned, in the
// order met. Running Analyze on the result shows what the 2022 edition
// asks for that the 2013 records lack (6.3, 4.2 c, 6.2 d and g, 9.3.2 c,
// the climate determination of Amd 1:2024, ...).
//
// The input is validated first (Validate's error is returned as it is) and
// is never modified; the result shares no memory with it. Records of
// another edition than 2013 are an *ismskit.Error at "edition" wrapping
// ismskit.ErrUnknownValue.
func To2022(r Records) (Records, []ItemID, error) {
	if r.Edition != Edition2013 {
		return Records{}, nil, fielderr.At("edition", fielderr.Errorf(ismskit.ErrUnknownValue, "To2022 converts 2013 records, not records of edition %s", or(r.Edition.String(), "(none)")))
	}
	if err := r.Validate(); err != nil {
		return Records{}, nil, err
	}
	b, err := json.Marshal(r)
	if err != nil {
		return Records{}, nil, err
	}
	var out Records
	if err := json.Unmarshal(b, &out); err != nil {
		return Records{}, nil, err
	}
	from, to := MustNew(Edition2013), Latest()
	var dropped []ItemID
	mapItem := func(id ItemID) (ItemID, bool) {
		it, _ := from.Item(id) // valid: Validate checked it
		if it.Counterpart.IsValid() {
			if _, ok := to.Item(it.Counterpart); ok {
				return it.Counterpart, true
			}
		}
		dropped = append(dropped, id)
		return ItemID{}, false
	}
	out.Edition, out.Amendments = Edition2022, []Amendment{Amd1of2024}
	for i := range out.Documents {
		d := &out.Documents[i]
		var ev []ItemID
		for _, id := range d.Evidences {
			if n, ok := mapItem(id); ok && !containsItem(ev, n) {
				ev = append(ev, n)
			}
		}
		d.Evidences = ev
		var cl []ClauseID
		for _, id := range d.Clauses {
			c, _ := from.Clause(id)
			if c.Counterpart.IsValid() && !containsClause(cl, c.Counterpart) {
				cl = append(cl, c.Counterpart)
			}
		}
		d.Clauses = cl
	}
	for i := range out.ManagementReviews {
		mr := &out.ManagementReviews[i]
		var in []ReviewInput
		for _, x := range mr.Inputs {
			if n, ok := mapItem(x.Item); ok {
				x.Item = n
				in = append(in, x)
			}
		}
		mr.Inputs = in
	}
	return out, dropped, nil
}

func containsItem(list []ItemID, id ItemID) bool {
	for _, x := range list {
		if x == id {
			return true
		}
	}
	return false
}

func containsClause(list []ClauseID, id ClauseID) bool {
	for _, x := range list {
		if x == id {
			return true
		}
	}
	return false
}

// or returns s, or def when s is empty.
func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
