package risk

import (
	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/iso27002"
)

// Validate reports every problem of the register, each as a *ismskit.Error
// with its JSON path and the ID of the list element it is in as its Item
// ("risks[3].likelihood: 7 is outside the scale 1..5",
// "risks[0].treatment.plan[1].owner (R-1/A2): missing value"; see
// the action item), all of them joined; nil means the register is complete
// and coherent. It checks, among others:
//
//   - the criteria (see Criteria.Validate), under "criteria";
//   - IDs present and unique among assets, threats, vulnerabilities,
//     risks, and actions of a plan (ErrMissing, ErrDuplicateID);
//   - every risk has an owner (6.1.2 c 2), a title, a treatment option
//     (6.1.3 a), and a party to share with when the option is share;
//   - references to assets, threats, vulnerabilities, levels and controls
//     resolve (ErrUnknownReference);
//   - likelihoods and impacts lie on the scales, effects in 0..100
//     (ismskit.ErrOutOfRange);
//   - approvals and acceptances are complete and chronological
//     (ismskit.ErrDateOrder), and acceptances name a level of the criteria.
//
// It does not judge the assessment itself; see Check.
func (reg Register) Validate() error {
	var l fielderr.List
	var cl fielderr.List
	reg.Criteria.validate(&cl)
	criteriaOK := cl.Len() == 0
	if err := cl.Err(); err != nil {
		l.Add("criteria", err)
	}
	nl, ni := len(reg.Criteria.Likelihood.Levels), len(reg.Criteria.Impact.Levels)
	levels := make(map[string]bool, len(reg.Criteria.RiskLevels))
	for _, lv := range reg.Criteria.RiskLevels {
		levels[lv.ID] = true
	}

	assets := ids(&l, "assets", len(reg.Assets), func(i int) string { return reg.Assets[i].ID })
	threats := ids(&l, "threats", len(reg.Threats), func(i int) string { return reg.Threats[i].ID })
	vulns := ids(&l, "vulnerabilities", len(reg.Vulnerabilities), func(i int) string { return reg.Vulnerabilities[i].ID })
	ids(&l, "risks", len(reg.Risks), func(i int) string { return reg.Risks[i].ID })

	for i, a := range reg.Assets {
		var el fielderr.List
		required(&el, "name", a.Name)
		required(&el, "owner", a.Owner)
		if !a.Kind.IsValid() {
			el.Add("kind", enumErr("asset kind", string(a.Kind)))
		}
		checkProperties(&el, "properties", a.Properties)
		l.AddItem(fielderr.Index("assets", i), a.ID, el.Err())
	}
	for i, t := range reg.Threats {
		var el fielderr.List
		required(&el, "name", t.Name)
		l.AddItem(fielderr.Index("threats", i), t.ID, el.Err())
	}
	for i, v := range reg.Vulnerabilities {
		var el fielderr.List
		required(&el, "name", v.Name)
		refs(&el, "assets", "asset", v.Assets, assets)
		l.AddItem(fielderr.Index("vulnerabilities", i), v.ID, el.Err())
	}

	scaleOK := criteriaOK || (nl > 0 && ni > 0)
	for i := range reg.Risks {
		r := &reg.Risks[i]
		p := fielderr.Index("risks", i)
		var rl fielderr.List
		validateRisk(&rl, r, scaleOK, nl, ni, levels, assets, threats, vulns, reg.Criteria.Ref())
		l.AddItem(p, r.ID, rl.Err())
	}
	return l.Err()
}

func validateRisk(l *fielderr.List, r *Risk, scaleOK bool, nl, ni int, levels, assets, threats, vulns map[string]bool, ref CriteriaRef) {
	required(l, "title", r.Title)
	required(l, "owner", r.Owner)
	refs(l, "assets", "asset", r.Assets, assets)
	refs(l, "threats", "threat", r.Threats, threats)
	refs(l, "vulnerabilities", "vulnerability", r.Vulnerabilities, vulns)
	checkProperties(l, "properties", r.Properties)

	inScale := func(path string, v, n int) {
		if scaleOK && (v < 1 || v > n) {
			l.Add(path, outOfScale(v, n))
		}
	}
	inScale("likelihood", r.Likelihood, nl)
	if r.Impact != 0 || len(r.PropertyImpacts) == 0 {
		inScale("impact", r.Impact, ni)
	}
	seenProp := map[Property]bool{}
	for k, pi := range r.PropertyImpacts {
		p := fielderr.Index("propertyImpacts", k)
		switch {
		case !pi.Property.IsValid():
			l.Add(p+".property", enumErr("property", string(pi.Property)))
		case seenProp[pi.Property]:
			l.Add(p+".property", errf(ismskit.ErrDuplicateID, "property %q rated twice", string(pi.Property)))
		case !containsProp(r.Properties, pi.Property):
			l.Add(p+".property", errf(ismskit.ErrUnknownReference, "property %q is not among the risk's properties", string(pi.Property)))
		}
		seenProp[pi.Property] = true
		inScale(p+".impact", pi.Impact, ni)
	}

	controls := make(map[iso27002.ControlID]bool, len(r.Controls))
	for k, c := range r.Controls {
		p := fielderr.Index("controls", k)
		if !c.Control.IsValid() {
			l.Add(p+".control", ismskit.ErrMissing)
		} else if controls[c.Control] {
			l.Add(p+".control", errf(ismskit.ErrDuplicateID, "control %s listed twice", c.Control))
		}
		controls[c.Control] = true
		if !c.Status.IsValid() {
			l.Add(p+".status", enumErr("control status", string(c.Status)))
		}
		if c.LikelihoodEffect < 0 || c.LikelihoodEffect > 100 {
			l.Add(p+".likelihoodEffect", errf(ismskit.ErrOutOfRange, "%d is outside 0..100 percent", c.LikelihoodEffect))
		}
		if c.ImpactEffect < 0 || c.ImpactEffect > 100 {
			l.Add(p+".impactEffect", errf(ismskit.ErrOutOfRange, "%d is outside 0..100 percent", c.ImpactEffect))
		}
	}
	if e := r.Current; e != nil {
		inScale("current.likelihood", e.Likelihood, nl)
		inScale("current.impact", e.Impact, ni)
	}
	if e := r.Residual; e != nil {
		inScale("residual.likelihood", e.Likelihood, nl)
		inScale("residual.impact", e.Impact, ni)
	}

	t := r.Treatment
	switch {
	case t.Option == "":
		l.Add("treatment.option", errf(ismskit.ErrMissing, "no treatment option chosen (6.1.3 a)"))
	case !t.Option.IsValid():
		l.Add("treatment.option", enumErr("treatment option", string(t.Option)))
	case t.Option == Share && t.SharedWith == "":
		l.Add("treatment.sharedWith", errf(ismskit.ErrMissing, "the share option needs the party the risk is shared with"))
	case t.Option == Modify && len(r.Controls) == 0:
		l.Add("controls", errf(ismskit.ErrMissing, "the modify option needs at least one control (6.1.3 b)"))
	}
	actions := map[string]bool{}
	for k, a := range t.Plan {
		var al fielderr.List
		if a.ID == "" {
			al.Add("id", ismskit.ErrMissing)
		} else if actions[a.ID] {
			al.Add("id", errf(ismskit.ErrDuplicateID, "action %q listed twice", a.ID))
		}
		actions[a.ID] = true
		required(&al, "title", a.Title)
		required(&al, "owner", a.Owner)
		if !a.Status.IsValid() {
			al.Add("status", enumErr("action status", string(a.Status)))
		}
		for j, c := range a.Controls {
			if !controls[c] {
				al.Add(fielderr.Index("controls", j), errf(ismskit.ErrUnknownReference, "control %s is not among the risk's controls", c))
			}
		}
		l.AddItem(fielderr.Index("treatment.plan", k), actionItem(r.ID, a.ID), al.Err())
	}

	for k, ap := range r.Approvals {
		p := fielderr.Index("approvals", k)
		required(l, p+".by", ap.By)
		if ap.At.IsZero() {
			l.Add(p+".at", ismskit.ErrMissing)
		} else if k > 0 && ap.At.Before(r.Approvals[k-1].At) {
			l.Add(p+".at", errf(ismskit.ErrDateOrder, "approval dated %s before the previous one", ap.At))
		}
	}
	for k, ac := range r.Acceptances {
		p := fielderr.Index("acceptances", k)
		required(l, p+".by", ac.By)
		if ac.At.IsZero() {
			l.Add(p+".at", ismskit.ErrMissing)
		} else if k > 0 && ac.At.Before(r.Acceptances[k-1].At) {
			l.Add(p+".at", errf(ismskit.ErrDateOrder, "acceptance dated %s before the previous one", ac.At))
		}
		if !ac.Expires.IsZero() && !ac.At.IsZero() && !ac.Expires.After(ac.At) {
			l.Add(p+".expires", errf(ismskit.ErrDateOrder, "expiry not after the acceptance"))
		}
		required(l, p+".criteria.id", ac.Criteria.ID)
		required(l, p+".criteria.version", ac.Criteria.Version)
		if ac.Level == "" {
			l.Add(p+".level", ismskit.ErrMissing)
		} else if ac.Criteria == ref && !levels[ac.Level] {
			l.Add(p+".level", errf(ismskit.ErrUnknownReference, "risk level %q", ac.Level))
		}
		if ac.Criteria == ref {
			inScale(p+".likelihood", ac.Likelihood, nl)
			inScale(p+".impact", ac.Impact, ni)
		}
	}
	if s := r.Scoring; s != nil {
		required(l, "scoring.method", s.Method)
		required(l, "scoring.version", s.Version)
		if s.Method == "cvss" {
			l.Add("scoring", checkCVSS(s))
		}
	}
	if q := r.Quantitative; q != nil {
		l.Add("quantitative", q.Validate())
	}
}

// actionItem is the Item of a problem of a treatment plan action: the
// action's ID after its risk's, as "R-3/A1", since action IDs are unique
// only within their plan; "" for an action without an ID, whose problems
// name the risk instead.
func actionItem(riskID, actionID string) string {
	if actionID == "" {
		return ""
	}
	return riskID + "/" + actionID
}

// ids checks that the n IDs given by id are present and unique, and
// returns them as a set.
func ids(l *fielderr.List, path string, n int, id func(int) string) map[string]bool {
	set := make(map[string]bool, n)
	for i := range n {
		s := id(i)
		p := fielderr.Index(path, i) + ".id"
		if s == "" {
			l.Add(p, ismskit.ErrMissing)
			continue
		}
		if set[s] {
			l.AddItem(p, s, errf(ismskit.ErrDuplicateID, "%q is used twice", s))
		}
		set[s] = true
	}
	return set
}

func required(l *fielderr.List, path, v string) {
	if v == "" {
		l.Add(path, ismskit.ErrMissing)
	}
}

func refs(l *fielderr.List, path, kind string, list []string, known map[string]bool) {
	for j, id := range list {
		if !known[id] {
			l.Add(fielderr.Index(path, j), errf(ismskit.ErrUnknownReference, "no %s %q", kind, id))
		}
	}
}

func checkProperties(l *fielderr.List, path string, ps []Property) {
	for j, p := range ps {
		if !p.IsValid() {
			l.Add(fielderr.Index(path, j), enumErr("property", string(p)))
		} else if containsProp(ps[:j], p) {
			l.Add(fielderr.Index(path, j), errf(ismskit.ErrDuplicateID, "property %q listed twice", string(p)))
		}
	}
}

func containsProp(ps []Property, p Property) bool {
	for _, x := range ps {
		if x == p {
			return true
		}
	}
	return false
}

func enumErr(kind, v string) error {
	if v == "" {
		return ismskit.ErrMissing
	}
	return errf(ismskit.ErrUnknownValue, "%q is not a %s", v, kind)
}

// CheckControls reports every control of the register that known does
// not recognise, as a *ismskit.Error wrapping ErrUnknownControl
// ("risks[2].controls[0].control: unknown control 5.99"). known is
// usually a lookup in one or more iso27002 catalogs, the built-in one
// and the user's own:
//
//	err := risk.CheckControls(reg, func(id iso27002.ControlID) bool {
//		_, ok := cat.Lookup(id)
//		return ok
//	})
//
// A nil known is an ismskit.ErrMissing error.
func CheckControls(reg Register, known func(iso27002.ControlID) bool) error {
	if known == nil {
		return &ismskit.Error{Err: errf(ismskit.ErrMissing, "no function to recognise controls")}
	}
	var l fielderr.List
	for i, r := range reg.Risks {
		for k, c := range r.Controls {
			if c.Control.IsValid() && !known(c.Control) {
				l.AddItem(fielderr.Index("risks", i)+fielderr.Index(".controls", k)+".control", r.ID, errf(ismskit.ErrUnknownControl, "unknown control %s", c.Control))
			}
		}
	}
	return l.Err()
}
