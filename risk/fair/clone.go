package fair

import "slices"

// Clone returns a deep copy of s: its estimates, secondary losses and
// extensions share nothing with s.
func (s Scenario) Clone() Scenario {
	s.Nodes = s.Nodes.Clone()
	s.Extensions = s.Extensions.Clone()
	return s
}

// Clone returns a deep copy of n.
func (n Nodes) Clone() Nodes {
	for _, e := range []**Estimate{&n.LEF, &n.TEF, &n.CF, &n.PoA, &n.Vuln, &n.TCap, &n.RS, &n.LM, &n.PL, &n.SR, &n.SLEF, &n.SLM} {
		*e = (*e).clone()
	}
	if n.Secondary != nil {
		n.Secondary = slices.Clone(n.Secondary)
		for i := range n.Secondary {
			n.Secondary[i].SLEF = n.Secondary[i].SLEF.clone()
			n.Secondary[i].SLM = n.Secondary[i].SLM.clone()
		}
	}
	return n
}

// clone copies an estimate and its samples; nil gives nil.
func (e *Estimate) clone() *Estimate {
	if e == nil {
		return nil
	}
	c := *e
	c.Values = slices.Clone(e.Values)
	c.Bins = slices.Clone(e.Bins)
	return &c
}

// Clone returns a deep copy of x, as decoded from JSON (objects, arrays
// and scalars).
func (x Extensions) Clone() Extensions {
	if x == nil {
		return nil
	}
	return cloneJSON(map[string]any(x)).(map[string]any)
}

func cloneJSON(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			out[k] = cloneJSON(x)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = cloneJSON(x)
		}
		return out
	}
	return v
}
