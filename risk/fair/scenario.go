package fair

import (
	"slices"

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
	// Secondary gives secondary risk as several forms of secondary loss
	// (fines and judgements, reputation, notification...), each with its
	// own frequency and magnitude: SR is the sum of their SLEF x SLM. It
	// replaces SR, SLEF and SLM, which must then be absent; at most
	// MaxSecondary forms.
	Secondary []SecondaryLoss `json:"secondary,omitempty"`
}

// SecondaryLoss is one form of secondary loss of a scenario (O-RT's
// forms of loss as secondary stakeholders cause them). The zero value has
// no estimates and does not validate.
type SecondaryLoss struct {
	// Form names the form of loss ("fines", "reputation"); free text.
	Form string `json:"form,omitempty"`
	// SLEF is the share of primary loss events that also cause this form
	// of secondary loss, in [0, 1]. Required.
	SLEF *Estimate `json:"slef,omitempty"`
	// SLM is the magnitude of this form of secondary loss, in money.
	// Required.
	SLM *Estimate `json:"slm,omitempty"`
}

// MaxSecondary bounds the forms of secondary loss of one scenario.
const MaxSecondary = 64

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
	Extensions Extensions `json:"extensions,omitempty"`
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
	if k == nSR && len(n.Secondary) > 0 {
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
// A nil scenario is an ErrMissing.
func (s *Scenario) Validate() error {
	if s == nil {
		return fielderr.At("", errorf(ismskit.ErrMissing, "no scenario"))
	}
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
	n.checkSecondary(l, path)
	n.checkTree(l, path, nLEF, true)
	n.checkTree(l, path, nLM, true)
}

// checkSecondary checks the forms of secondary loss and their conflicts
// with SR, SLEF and SLM.
func (n *Nodes) checkSecondary(l *fielderr.List, path string) {
	if len(n.Secondary) == 0 {
		return
	}
	sp := fielderr.JoinPath(path, "secondary")
	if len(n.Secondary) > MaxSecondary {
		l.Add(sp, errorf(ismskit.ErrTooLarge, "%d forms of secondary loss are more than the limit %d", len(n.Secondary), MaxSecondary))
		return
	}
	for _, k := range []node{nSR, nSLEF, nSLM} {
		if n.get(k) != nil {
			l.Add(fielderr.JoinPath(path, nodeInfo[k].key), errorf(ErrConflict,
				"secondary gives the forms of secondary loss, so %s would be ignored; give one or the other", nodeInfo[k].key))
		}
	}
	for i, f := range n.Secondary {
		fp := fielderr.Index(sp, i)
		if f.SLEF == nil {
			l.Add(fielderr.JoinPath(fp, "slef"), errorf(ismskit.ErrMissing, "slef is required"))
		} else {
			f.SLEF.check(l, fielderr.JoinPath(fp, "slef"), roleProbability)
		}
		if f.SLM == nil {
			l.Add(fielderr.JoinPath(fp, "slm"), errorf(ismskit.ErrMissing, "slm is required"))
		} else {
			f.SLM.check(l, fielderr.JoinPath(fp, "slm"), roleAmount)
		}
	}
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
		if c == nSR && len(n.Secondary) > 0 {
			continue // checked by checkSecondary
		}
		n.checkTree(l, path, c, !(k == nLM && i == 1))
	}
}

// expr is a compiled node: a distribution or an operation on two nodes.
type expr struct {
	op   exprOp
	leaf sampler
	p    float64 // opConst
	x, y *expr
	rec  int // index of the node's kept draws in the plan, or -1
}

type exprOp uint8

const (
	opLeaf exprOp = iota
	opConst
	opMul
	opAdd
	opGreater // 1 where x > y, else 0
)

// keeper assigns the indexes of kept node draws; a nil keeper keeps none.
type keeper struct {
	keys []string
	mag  []bool // the node is on the magnitude side (one draw per event)
}

func (kp *keeper) keep(key string, mag bool) int {
	if kp == nil {
		return -1
	}
	kp.keys = append(kp.keys, key)
	kp.mag = append(kp.mag, mag)
	return len(kp.keys) - 1
}

// compile builds the expression of node k of a validated scenario. In
// Pooled mode the vulnerability from TCap and RS is left as opGreater, and
// the simulation replaces it with the pooled share.
func (n *Nodes) compile(k node, c *compiler, kp *keeper) *expr {
	mag := k >= nLM
	key := nodeInfo[k].key
	if e := n.get(k); e != nil {
		return &expr{op: opLeaf, leaf: e.sampler(nodeInfo[k].role, c), rec: kp.keep(key, mag)}
	}
	ch := nodeInfo[k].children
	switch k {
	case nVuln:
		x, y := n.compile(ch[0], c, kp), n.compile(ch[1], c, kp)
		return &expr{op: opGreater, x: x, y: y, rec: kp.keep(key, mag)}
	case nLM:
		if !n.anyGiven(nSR) {
			return n.compile(nPL, c, kp)
		}
		x, y := n.compile(ch[0], c, kp), n.compile(ch[1], c, kp)
		return &expr{op: opAdd, x: x, y: y, rec: kp.keep(key, mag)}
	case nSR:
		if len(n.Secondary) > 0 {
			var sum *expr
			for i, f := range n.Secondary {
				fk := fielderr.Index("secondary", i)
				x := &expr{op: opLeaf, leaf: f.SLEF.sampler(roleProbability, c), rec: kp.keep(fk+".slef", true)}
				y := &expr{op: opLeaf, leaf: f.SLM.sampler(roleAmount, c), rec: kp.keep(fk+".slm", true)}
				term := &expr{op: opMul, x: x, y: y, rec: kp.keep(fk, true)}
				if sum == nil {
					sum = term
				} else {
					sum = &expr{op: opAdd, x: sum, y: term, rec: -1}
				}
			}
			if len(n.Secondary) > 1 {
				sum.rec = kp.keep(key, mag)
			}
			return sum
		}
	}
	x, y := n.compile(ch[0], c, kp), n.compile(ch[1], c, kp)
	return &expr{op: opMul, x: x, y: y, rec: kp.keep(key, mag)}
}

// leaf is one estimate given in a scenario, for the sensitivity analysis.
type leaf struct {
	key  string
	role role
	est  *Estimate
	set  func(n *Nodes, e *Estimate) // puts a replacement in a copy of the nodes
}

// leaves returns the estimates a validated scenario gives, in node order
// with the forms of secondary loss last.
func (n *Nodes) leaves() []leaf {
	var out []leaf
	for k := range numNodes {
		if e := n.get(k); e != nil {
			out = append(out, leaf{key: nodeInfo[k].key, role: nodeInfo[k].role, est: e,
				set: func(m *Nodes, e *Estimate) { m.set(k, e) }})
		}
	}
	for i, f := range n.Secondary {
		fk := fielderr.Index("secondary", i)
		out = append(out,
			leaf{key: fk + ".slef", role: roleProbability, est: f.SLEF, set: func(m *Nodes, e *Estimate) {
				m.Secondary = slices.Clone(m.Secondary)
				m.Secondary[i].SLEF = e
			}},
			leaf{key: fk + ".slm", role: roleAmount, est: f.SLM, set: func(m *Nodes, e *Estimate) {
				m.Secondary = slices.Clone(m.Secondary)
				m.Secondary[i].SLM = e
			}})
	}
	return out
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
	if changes.Secondary != nil {
		if a, ok := n.givenAncestor(nSR); ok || n.get(nSR) != nil {
			if !ok {
				a = nSR
			}
			l.Add(fielderr.JoinPath(path, "secondary"), errorf(ErrConflict,
				"the scenario gives %s directly, so changing secondary has no effect", nodeInfo[a].key))
		} else {
			n.clear(nSR)
			n.Secondary = slices.Clone(changes.Secondary)
		}
	}
	return n
}

func (n *Nodes) clear(k node) {
	n.set(k, nil)
	if k == nSR || k == nLM {
		n.Secondary = nil
	}
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
		if len(n.Secondary) > 0 {
			var u float64
			for _, f := range n.Secondary {
				u += f.SLEF.upper(roleProbability) * f.SLM.upper(roleAmount)
			}
			return u
		}
	}
	return n.upper(ch[0]) * n.upper(ch[1])
}

// meanBound returns a bound on the mean of the frequency node k of a
// validated scenario: the product of its children's means, with 1 for a
// vulnerability computed from TCap and RS.
func (n *Nodes) meanBound(k node) float64 {
	if e := n.get(k); e != nil {
		m, _ := e.moments(nodeInfo[k].role)
		return m
	}
	if k == nVuln {
		return 1
	}
	ch := nodeInfo[k].children
	return n.meanBound(ch[0]) * n.meanBound(ch[1])
}

// checkRate reports a validated scenario whose LEF the mode cannot take:
// above MaxEventRate in Event mode, which could not be simulated in
// reasonable time, or above 1 in Bernoulli mode, where it is a
// probability.
func (n *Nodes) checkRate(l *fielderr.List, path string, mode FrequencyMode) {
	ub := n.upper(nLEF)
	switch {
	case mode == Event && ub > MaxEventRate:
		l.Add(fielderr.JoinPath(path, "lef"), errorf(ErrParameter,
			"event mode draws a magnitude per event, and LEF may reach %g events a year, above the limit %g", ub, float64(MaxEventRate)))
	case mode == Bernoulli && ub > 1:
		l.Add(fielderr.JoinPath(path, "lef"), errorf(ErrParameter,
			"bernoulli mode reads LEF as the probability of a loss event in a year, and LEF may reach %g, above 1", ub))
	}
}
