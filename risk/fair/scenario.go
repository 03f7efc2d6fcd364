package fair

import (
	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// Nodes are the estimates of an Open FAIR taxonomy (The Open Group's
// O-RT), keyed by the usual abbreviations. Risk = LEF x LM;
// LEF = TEF x Vuln; TEF = CF x PoA; Vuln = P(TCap > RS);
// LM = PL + SR; SR = SLEF x SLM.
//
// A node may be given directly instead of its children, as in pyfair; a
// node given together with any of its descendants is an [ErrConflict],
// since one of them would be silently ignored. A nil field is not given.
// The zero value gives no node and is not a valid scenario.
type Nodes struct {
	// LEF is the loss event frequency, events per year. Give it, or TEF
	// and Vuln (or their children).
	LEF *Estimate `json:"lef,omitempty"`
	// TEF is the threat event frequency, events per year. Give it, or CF
	// and PoA.
	TEF *Estimate `json:"tef,omitempty"`
	// CF is the contact frequency, contacts per year.
	CF *Estimate `json:"cf,omitempty"`
	// PoA is the probability of action: the share of contacts that become
	// threat events, in [0, 1].
	PoA *Estimate `json:"poa,omitempty"`
	// Vuln is the vulnerability: the probability that a threat event
	// becomes a loss event, in [0, 1]. Give it, or TCap and RS.
	Vuln *Estimate `json:"vuln,omitempty"`
	// TCap is the threat capability, on the same scale as RS.
	TCap *Estimate `json:"tcap,omitempty"`
	// RS is the resistance strength (control strength), on the same scale
	// as TCap.
	RS *Estimate `json:"rs,omitempty"`
	// LM is the loss magnitude of one loss event, in money. Give it, or PL
	// (and optionally SR or SLEF and SLM).
	LM *Estimate `json:"lm,omitempty"`
	// PL is the primary loss of one loss event, in money.
	PL *Estimate `json:"pl,omitempty"`
	// SR is the secondary risk of one loss event, in money: the expected
	// loss from secondary stakeholders' reactions. Give it, or SLEF and
	// SLM; absent means none.
	SR *Estimate `json:"sr,omitempty"`
	// SLEF is the secondary loss event frequency: the share of primary
	// loss events that also cause secondary loss, in [0, 1].
	SLEF *Estimate `json:"slef,omitempty"`
	// SLM is the secondary loss magnitude, in money.
	SLM *Estimate `json:"slm,omitempty"`
}

// Scenario is one loss scenario: a threat acting against an asset, with
// the estimates of its FAIR taxonomy. It is a value; the package never
// modifies one. The zero value has no nodes and does not validate.
type Scenario struct {
	// Name identifies the scenario in a portfolio and in treatments.
	// Required in an Analysis; unique there.
	Name string `json:"name,omitempty"`
	// Description is free text.
	Description string `json:"description,omitempty"`
	Nodes
	// Extensions holds user data, kept untouched.
	Extensions map[string]any `json:"extensions,omitempty"`
}

// node identifies one node of the taxonomy.
type node uint8

const (
	nLEF node = iota
	nTEF
	nCF
	nPoA
	nVuln
	nTCap
	nRS
	nLM
	nPL
	nSR
	nSLEF
	nSLM
	numNodes
)

var nodeInfo = [numNodes]struct {
	key      string
	role     role
	children []node
}{
	nLEF:  {"lef", roleFrequency, []node{nTEF, nVuln}},
	nTEF:  {"tef", roleFrequency, []node{nCF, nPoA}},
	nCF:   {"cf", roleFrequency, nil},
	nPoA:  {"poa", roleProbability, nil},
	nVuln: {"vuln", roleProbability, []node{nTCap, nRS}},
	nTCap: {"tcap", roleCapability, nil},
	nRS:   {"rs", roleCapability, nil},
	nLM:   {"lm", roleAmount, []node{nPL, nSR}},
	nPL:   {"pl", roleAmount, nil},
	nSR:   {"sr", roleAmount, []node{nSLEF, nSLM}},
	nSLEF: {"slef", roleProbability, nil},
	nSLM:  {"slm", roleAmount, nil},
}

func (n *Nodes) get(k node) *Estimate {
	switch k {
	case nLEF:
		return n.LEF
	case nTEF:
		return n.TEF
	case nCF:
		return n.CF
	case nPoA:
		return n.PoA
	case nVuln:
		return n.Vuln
	case nTCap:
		return n.TCap
	case nRS:
		return n.RS
	case nLM:
		return n.LM
	case nPL:
		return n.PL
	case nSR:
		return n.SR
	case nSLEF:
		return n.SLEF
	}
	return n.SLM
}

func (n *Nodes) set(k node, e *Estimate) {
	switch k {
	case nLEF:
		n.LEF = e
	case nTEF:
		n.TEF = e
	case nCF:
		n.CF = e
	case nPoA:
		n.PoA = e
	case nVuln:
		n.Vuln = e
	case nTCap:
		n.TCap = e
	case nRS:
		n.RS = e
	case nLM:
		n.LM = e
	case nPL:
		n.PL = e
	case nSR:
		n.SR = e
	case nSLEF:
		n.SLEF = e
	default:
		n.SLM = e
	}
}

// anyGiven reports whether k or one of its descendants is given.
func (n *Nodes) anyGiven(k node) bool {
	if n.get(k) != nil {
		return true
	}
	for _, c := range nodeInfo[k].children {
		if n.anyGiven(c) {
			return true
		}
	}
	return false
}

// Validate reports every problem of the scenario's nodes, joined: each
// estimate's parameters (ErrParameter, with the node and parameter in the
// path, such as "lef.high: low 5 > high 2"), nodes missing from the tree
// (ErrMissing) and nodes given together with their children (ErrConflict).
func (s *Scenario) Validate() error {
	var l fielderr.List
	s.Nodes.check(&l, "")
	return l.Err()
}

func (n *Nodes) check(l *fielderr.List, path string) {
	for k := range numNodes {
		if e := n.get(k); e != nil {
			e.check(l, fielderr.JoinPath(path, nodeInfo[k].key), nodeInfo[k].role)
		}
	}
	n.checkTree(l, path, nLEF, true)
	n.checkTree(l, path, nLM, true)
}

// checkTree checks that k can be computed: given directly with no
// descendant given, or from its children. Secondary risk may be absent.
func (n *Nodes) checkTree(l *fielderr.List, path string, k node, required bool) {
	info := nodeInfo[k]
	if n.get(k) != nil {
		for _, c := range info.children {
			if n.anyGiven(c) {
				l.Add(fielderr.JoinPath(path, nodeInfo[c].key), errorf(ErrConflict,
					"%s is given directly, so %s would be ignored; give one or the other", info.key, nodeInfo[c].key))
			}
		}
		return
	}
	if len(info.children) == 0 || (!required && !n.anyGiven(k)) {
		if required {
			l.Add(fielderr.JoinPath(path, info.key), errorf(ismskit.ErrMissing, "%s is required", info.key))
		}
		return
	}
	if !n.anyGiven(k) {
		l.Add(fielderr.JoinPath(path, info.key), errorf(ismskit.ErrMissing,
			"%s is required (or its children %s and %s)", info.key, nodeInfo[info.children[0]].key, nodeInfo[info.children[1]].key))
		return
	}
	for i, c := range info.children {
		n.checkTree(l, path, c, !(k == nLM && i == 1))
	}
}

// expr is a compiled node: a distribution or an operation on two nodes.
type expr struct {
	op   exprOp
	leaf sampler
	p    float64 // opConst
	x, y *expr
}

type exprOp uint8

const (
	opLeaf exprOp = iota
	opConst
	opMul
	opAdd
	opGreater // 1 where x > y, else 0
)

// compile builds the expression of node k of a validated scenario. In
// Pooled mode the vulnerability from TCap and RS is left as opGreater, and
// the simulation replaces it with the pooled share.
func (n *Nodes) compile(k node) *expr {
	if e := n.get(k); e != nil {
		return &expr{op: opLeaf, leaf: e.sampler(nodeInfo[k].role)}
	}
	ch := nodeInfo[k].children
	switch k {
	case nVuln:
		return &expr{op: opGreater, x: n.compile(ch[0]), y: n.compile(ch[1])}
	case nLM:
		if !n.anyGiven(nSR) {
			return n.compile(nPL)
		}
		return &expr{op: opAdd, x: n.compile(ch[0]), y: n.compile(ch[1])}
	}
	return &expr{op: opMul, x: n.compile(ch[0]), y: n.compile(ch[1])}
}

// apply returns a copy of n with the nodes given in changes replacing
// their counterparts. A changed node drops the descendants of its
// counterpart, and changing a node whose ancestor is given directly in n
// is an ErrConflict, since the change would have no effect.
func (n Nodes) apply(changes *Nodes, l *fielderr.List, path string) Nodes {
	for k := range numNodes {
		e := changes.get(k)
		if e == nil {
			continue
		}
		if a, ok := n.givenAncestor(k); ok {
			l.Add(fielderr.JoinPath(path, nodeInfo[k].key), errorf(ErrConflict,
				"the scenario gives %s directly, so changing %s has no effect", nodeInfo[a].key, nodeInfo[k].key))
			continue
		}
		n.clear(k)
		c := *e
		n.set(k, &c)
	}
	return n
}

func (n *Nodes) clear(k node) {
	n.set(k, nil)
	for _, c := range nodeInfo[k].children {
		n.clear(c)
	}
}

// givenAncestor returns a strict ancestor of k that n gives directly.
func (n *Nodes) givenAncestor(k node) (node, bool) {
	for p := range numNodes {
		for _, c := range nodeInfo[p].children {
			if c == k {
				if n.get(p) != nil {
					return p, true
				}
				return n.givenAncestor(p)
			}
		}
	}
	return 0, false
}

// upper returns a bound on the values node k can take (validated nodes).
func (n *Nodes) upper(k node) float64 {
	if e := n.get(k); e != nil {
		return e.upper(nodeInfo[k].role)
	}
	ch := nodeInfo[k].children
	switch k {
	case nVuln:
		return 1
	case nLM:
		return n.upper(nPL) + n.upper(nSR)
	case nSR:
		if !n.anyGiven(nSR) {
			return 0
		}
	}
	return n.upper(ch[0]) * n.upper(ch[1])
}

// checkEventRate reports a validated scenario whose LEF can exceed
// MaxEventRate, which Event mode cannot simulate in reasonable time.
func (n *Nodes) checkEventRate(l *fielderr.List, path string) {
	if ub := n.upper(nLEF); ub > MaxEventRate {
		l.Add(fielderr.JoinPath(path, "lef"), errorf(ErrParameter,
			"event mode draws a magnitude per event, and LEF may reach %g events a year, above the limit %g", ub, float64(MaxEventRate)))
	}
}
