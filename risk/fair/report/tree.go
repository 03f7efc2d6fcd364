package report

import (
	"slices"
	"strconv"

	"github.com/ismskit/ismskit/risk/fair"
)

// treeRow is one node of a scenario's FAIR tree as the inputs table
// shows it.
type treeRow struct {
	Depth     int
	Key, Name string
	Given     bool
	How       string // how a derived node is computed, or the distribution
	Params    string
	Unit      string
}

// role is what a node's values measure.
type role uint8

const (
	frequency role = iota
	probability
	capability
	money
)

// node is one node of the taxonomy, its estimate and its children.
type node struct {
	key, name string
	role      role
	est       *fair.Estimate
	formula   string
	children  []node
	secondary []fair.SecondaryLoss
}

// taxonomy returns the tree of n's nodes.
func taxonomy(n *fair.Nodes) node {
	return node{key: "Risk", name: "Annual loss", role: money, formula: "LEF × LM", children: []node{
		{key: "LEF", name: "Loss event frequency", role: frequency, est: n.LEF, formula: "TEF × Vuln", children: []node{
			{key: "TEF", name: "Threat event frequency", role: frequency, est: n.TEF, formula: "CF × PoA", children: []node{
				{key: "CF", name: "Contact frequency", role: frequency, est: n.CF},
				{key: "PoA", name: "Probability of action", role: probability, est: n.PoA},
			}},
			{key: "Vuln", name: "Vulnerability", role: probability, est: n.Vuln, formula: "P(TCap > RS)", children: []node{
				{key: "TCap", name: "Threat capability", role: capability, est: n.TCap},
				{key: "RS", name: "Resistance strength", role: capability, est: n.RS},
			}},
		}},
		{key: "LM", name: "Loss magnitude (one event)", role: money, est: n.LM, formula: "PL + SR", children: []node{
			{key: "PL", name: "Primary loss", role: money, est: n.PL},
			{key: "SR", name: "Secondary risk", role: money, est: n.SR, formula: "SLEF × SLM", secondary: n.Secondary, children: []node{
				{key: "SLEF", name: "Secondary loss event frequency (share of events)", role: probability, est: n.SLEF},
				{key: "SLM", name: "Secondary loss magnitude", role: money, est: n.SLM},
			}},
		}},
	}}
}

// given reports whether the node or any node under it is given.
func (n *node) given() bool {
	if n.est != nil || len(n.secondary) > 0 {
		return true
	}
	return slices.ContainsFunc(n.children, func(c node) bool { return c.given() })
}

// tree returns the rows of the inputs table: the nodes given, with their
// estimates, and the nodes computed from them, with the formula; nothing
// when no node is given.
func (d Document) tree(n *fair.Nodes) []treeRow {
	root := taxonomy(n)
	if !root.given() {
		return nil
	}
	var out []treeRow
	var walk func(nd *node, depth int)
	walk = func(nd *node, depth int) {
		if !nd.given() {
			return
		}
		r := treeRow{Depth: depth, Key: nd.key, Name: nd.name, Unit: d.unit(nd.role)}
		if nd.est != nil {
			r.Given = true
			r.How, r.Params = d.describe(nd.est, nd.role)
			out = append(out, r)
			return
		}
		if len(nd.secondary) > 0 {
			r.How = "Sum of SLEF × SLM over the forms of secondary loss"
			out = append(out, r)
			for i, f := range nd.secondary {
				form := f.Form
				if form == "" {
					form = "form " + strconv.Itoa(i+1)
				}
				for _, c := range []node{
					{key: "SLEF", name: "Secondary loss event frequency: " + form, role: probability, est: f.SLEF},
					{key: "SLM", name: "Secondary loss magnitude: " + form, role: money, est: f.SLM},
				} {
					walk(&c, depth+1)
				}
			}
			return
		}
		r.How = "Computed: " + nd.formula
		out = append(out, r)
		for i := range nd.children {
			walk(&nd.children[i], depth+1)
		}
	}
	walk(&root, 0)
	return out
}

// unit names what a node's values measure.
func (d Document) unit(r role) string {
	switch r {
	case frequency:
		return "events a year"
	case probability:
		return "probability"
	case capability:
		return "score"
	}
	if d.Currency != "" {
		return d.Currency
	}
	return "money"
}

// value writes one parameter of an estimate in the node's unit.
func (d Document) value(v float64, r role) string {
	switch r {
	case money:
		return d.money(v)
	case probability:
		return pct(v)
	}
	return strconv.FormatFloat(v, 'g', 4, 64)
}

// describe names an estimate's distribution and writes its parameters.
func (d Document) describe(e *fair.Estimate, r role) (dist, params string) {
	v := func(x float64) string { return d.value(x, r) }
	switch e.Dist {
	case fair.Constant:
		return "Constant", v(e.Value)
	case fair.Uniform:
		return "Uniform", "from " + v(e.Low) + " to " + v(e.High)
	case fair.Triangular:
		return "Triangular", "minimum " + v(e.Low) + ", most likely " + v(e.Mode) + ", maximum " + v(e.High)
	case fair.PERT:
		dist = "PERT, classic"
		if e.Form == fair.Moment {
			dist = "PERT, moment-matched"
		}
		params = "minimum " + v(e.Low) + ", most likely " + v(e.Mode) + ", maximum " + v(e.High)
		if e.Gamma != 0 && e.Gamma != fair.DefaultGamma {
			params += ", γ = " + strconv.FormatFloat(e.Gamma, 'g', -1, 64)
		}
		return dist, params
	case fair.LogNormal:
		return "Lognormal", "90% of values from " + v(e.Low) + " to " + v(e.High)
	case fair.Normal:
		return "Normal, truncated", "mean " + v(e.Mean) + ", standard deviation " + v(e.StdDev) + " before truncation to the node's range"
	case fair.Empirical:
		if len(e.Values) == 0 {
			return "Empirical", "no values"
		}
		return "Empirical", strconv.Itoa(len(e.Values)) + " values from " + v(slices.Min(e.Values)) + " to " + v(slices.Max(e.Values)) + ", each equally likely"
	case fair.Histogram:
		if len(e.Bins) == 0 {
			return "Histogram", "no bins"
		}
		return "Histogram", strconv.Itoa(len(e.Bins)) + " bins from " + v(e.Bins[0].Low) + " to " + v(e.Bins[len(e.Bins)-1].High)
	}
	return e.Dist.String(), ""
}
