package audit

import (
	"fmt"

	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
)

// Coverage says how often a programme's internal audits cover each
// requirement item and each applicable control. Clause 9.2.2 asks for a
// programme that audits the whole ISMS at planned intervals; ismskit reads
// that as every requirement item and applicable control at least once in
// the cycle, and the high-risk controls more often. The zero value, and a
// nil *Coverage, cover nothing and miss nothing.
type Coverage struct {
	// Items has one line per requirement item of the edition (notes
	// excluded), in the order of the standard.
	Items []ItemCoverage `json:"items"`
	// Controls has one line per applicable control, in natural order.
	Controls []ControlCoverage `json:"controls"`
	// HighRiskAudits is how many audits each high-risk control needs.
	HighRiskAudits int `json:"highRiskAudits"`
}

// ItemCoverage is how often a requirement item is audited.
// The zero value is an item audited by no audit.
type ItemCoverage struct {
	// The requirement item.
	Item iso27001.ItemID `json:"item"`
	// IDs of the internal audits whose scope includes the item's clause.
	Audits []string `json:"audits"`
}

// ControlCoverage is how often an applicable control is audited.
// The zero value is a control audited by no audit.
type ControlCoverage struct {
	// The applicable control.
	Control iso27002.ControlID `json:"control"`
	// The control treats a risk above the caller's level.
	HighRisk bool `json:"highRisk,omitempty"`
	// IDs of the internal audits whose scope includes the control.
	Audits []string `json:"audits"`
}

// Coverage computes how often the programme's internal audits cover each
// requirement item of b's edition and each applicable control of b's SoA.
// It returns an error only when b itself is invalid (an applicable control
// the catalog lacks, a high-risk control that is not applicable); see
// Coverage.Check for what the programme misses.
func (p Programme) Coverage(b Basis) (*Coverage, error) {
	rb, err := b.resolve()
	if err != nil {
		return nil, err
	}
	return p.coverage(rb), nil
}

func (p Programme) coverage(b *basis) *Coverage {
	c := &Coverage{HighRiskAudits: p.highRiskAudits(),
		Items: make([]ItemCoverage, len(b.items)), Controls: make([]ControlCoverage, len(b.applicable))}
	for i, it := range b.items {
		c.Items[i] = ItemCoverage{Item: it.ID, Audits: []string{}}
	}
	idx := make(map[iso27002.ControlID]int, len(b.applicable))
	for i, id := range b.applicable {
		c.Controls[i] = ControlCoverage{Control: id, HighRisk: b.highRisk[id], Audits: []string{}}
		idx[id] = i
	}
	for _, a := range p.Audits {
		if a.Kind != Internal {
			continue
		}
		for i := range c.Items {
			if a.Scope.coversItem(c.Items[i].Item) {
				c.Items[i].Audits = append(c.Items[i].Audits, a.ID)
			}
		}
		seen := make(map[iso27002.ControlID]bool, len(a.Scope.Controls))
		for _, id := range a.Scope.Controls {
			if i, ok := idx[id]; ok && !seen[id] {
				seen[id] = true
				c.Controls[i].Audits = append(c.Controls[i].Audits, a.ID)
			}
		}
	}
	return c
}

// Check reports everything the programme never audits in the cycle, each
// at `items["6.1.3.d"]` or `controls["5.7"]` wrapping ErrNotCovered, and
// every high-risk control audited fewer than HighRiskAudits times, wrapping
// ErrUnderAudited; all joined. It returns nil when the programme covers
// everything.
func (c *Coverage) Check() error {
	if c == nil {
		return nil
	}
	var l fielderr.List
	for _, it := range c.Items {
		if len(it.Audits) == 0 {
			l.Add(fielderr.Key("items", it.Item.String()), ErrNotCovered)
		}
	}
	for _, ct := range c.Controls {
		path := fielderr.Key("controls", ct.Control.String())
		switch {
		case len(ct.Audits) == 0:
			l.Add(path, ErrNotCovered)
		case ct.HighRisk && len(ct.Audits) < c.HighRiskAudits:
			l.Add(path,
				fmt.Errorf("%w: %d of %d audits", ErrUnderAudited, len(ct.Audits), c.HighRiskAudits))
		}
	}
	return l.Err()
}

// Uncovered returns the requirement items and controls that no audit
// covers, as strings ("6.1.3.d", "5.7"), items first.
func (c *Coverage) Uncovered() []string {
	if c == nil {
		return nil
	}
	var out []string
	for _, it := range c.Items {
		if len(it.Audits) == 0 {
			out = append(out, it.Item.String())
		}
	}
	for _, ct := range c.Controls {
		if len(ct.Audits) == 0 {
			out = append(out, ct.Control.String())
		}
	}
	return out
}

// CheckCoverage is Coverage followed by Coverage.Check: it reports b's own
// problems and everything the programme misses, all joined.
func (p Programme) CheckCoverage(b Basis) error {
	c, err := p.Coverage(b)
	if err != nil {
		return err
	}
	return c.Check()
}
