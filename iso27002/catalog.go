package iso27002

import (
	"iter"
	"slices"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// Catalog is an immutable, ordered set of controls: a built-in edition
// (Catalog2022, Catalog2013), a built-in edition extended with an
// organisation's own controls, or a whole other framework. Every method
// returns copies, so a *Catalog is safe for concurrent use and can be
// shared freely.
//
// Controls are kept in natural order of their IDs (see ControlID.Compare),
// which is the order Controls and Select yield them in.
//
// A nil *Catalog, like the zero Catalog, is an empty catalog of no
// edition: every method works on it and finds no control.
type Catalog struct {
	name     string
	edition  Edition // the one edition of its ISO controls; 0 if none or both
	controls []Control
	dense    bool // controls are exactly a built-in edition's, in order: index arithmetically
	index    map[ControlID]int
	locals   map[string]int // local part of a custom ID -> position, -1 when several share it
	groups   []Group
}

// Group is a grouping of controls within a catalog: a 2022 theme ("5",
// Organizational controls), a 2013 clause ("A.9", Access control) or
// control objective ("A.9.4", whose Parent is "A.9"), or a group of a
// custom framework.
type Group struct {
	// ID identifies the group ("5", "A.9", "A.9.4", "AC"). Required.
	ID string `json:"id"`
	// Title is the group's title. Required.
	Title string `json:"title"`
	// Parent is the ID of the enclosing group ("A.9" for "A.9.4"); empty
	// at the top.
	Parent string `json:"parent,omitempty"`
	// Summary says what the group covers, in the catalog author's words.
	Summary string `json:"summary,omitempty"`
}

var (
	catalog2022 = &Catalog{
		name:     "ISO/IEC 27002:2022",
		edition:  Edition2022,
		controls: controls2022[:],
		dense:    true,
		groups: []Group{
			{ID: "5", Title: "Organizational controls"},
			{ID: "6", Title: "People controls"},
			{ID: "7", Title: "Physical controls"},
			{ID: "8", Title: "Technological controls"},
		},
	}
	catalog2013 = &Catalog{
		name:     "ISO/IEC 27002:2013",
		edition:  Edition2013,
		controls: controls2013[:],
		dense:    true,
		groups:   groups2013[:],
	}
)

// Catalog2022 returns the built-in catalog of ISO/IEC 27002:2022, which is
// also Annex A of ISO/IEC 27001:2022: 93 controls in four themes
// (organizational 5.1-5.37, people 6.1-6.8, physical 7.1-7.14,
// technological 8.1-8.34), each with its five attribute types. It returns
// the same immutable value on every call.
func Catalog2022() *Catalog { return catalog2022 }

// Catalog2013 returns the built-in catalog of ISO/IEC 27002:2013, Annex A
// of ISO/IEC 27001:2013: 114 controls in 14 clauses (A.5-A.18) and 35
// control objectives. It returns the same immutable value on every call.
func Catalog2013() *Catalog { return catalog2013 }

// BuiltIn returns the built-in catalog of an edition, or an error
// wrapping ismskit.ErrUnknownValue for the custom edition (zero) and any
// other value.
func BuiltIn(e Edition) (*Catalog, error) {
	switch e {
	case Edition2022:
		return catalog2022, nil
	case Edition2013:
		return catalog2013, nil
	}
	return nil, fielderr.Errorf(ismskit.ErrUnknownValue, "no built-in catalog for edition %s", e)
}

// CatalogFor returns the catalog that a set of control IDs needs, such as
// the controls a risk register or an SoA refers to:
//
//   - the first of candidates (an organisation's extended catalogs, in
//     order of preference) that holds every ID;
//   - otherwise, when every ID is an ISO ID of one edition, that
//     edition's built-in catalog (Catalog2022 when ids is empty).
//
// Zero IDs are skipped. When no catalog fits, it returns an error listing
// each ID that no candidate holds (custom IDs, wrapping
// ismskit.ErrUnknownControl) or, for ISO IDs of both editions, an error
// wrapping ismskit.ErrInconsistent. A nil ids is an empty set.
//
//	cat, err := iso27002.CatalogFor(slices.Values(ids), acme)
func CatalogFor(ids iter.Seq[ControlID], candidates ...*Catalog) (*Catalog, error) {
	var all []ControlID
	if ids != nil {
		for id := range ids {
			if id.IsValid() {
				all = append(all, id)
			}
		}
	}
next:
	for _, c := range candidates {
		if c == nil {
			continue
		}
		for _, id := range all {
			if !c.Has(id) {
				continue next
			}
		}
		return c, nil
	}
	var errs fielderr.List
	var first [2]ControlID // the first 2013 and 2022 IDs met
	for _, id := range all {
		switch id.Edition() {
		case Edition2013:
			if !first[0].IsValid() {
				first[0] = id
			}
		case Edition2022:
			if !first[1].IsValid() {
				first[1] = id
			}
		default:
			errs.AddItem("", id.String(), fielderr.Errorf(ismskit.ErrUnknownControl, "%s is in none of the catalogs given", id))
		}
	}
	if first[0].IsValid() && first[1].IsValid() {
		errs.Add("", fielderr.Errorf(ismskit.ErrInconsistent, "controls of both editions (%s of 2013, %s of 2022) need one catalog that holds both", first[0], first[1]))
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	if first[0].IsValid() {
		return catalog2013, nil
	}
	return catalog2022, nil
}

// NewCatalog builds a catalog from controls, in any order, and optional
// groups. Use it for an organisation's own framework, or build on a
// built-in edition with Extend.
//
// Every control needs a valid, unique ID and a title; a 2013 control
// carries no theme and no attributes; a 2022 control's theme, if set,
// matches its ID (it is filled in if left zero). A group needs a unique,
// non-empty ID and a title, and its Parent must name another group,
// without cycles.
//
// The catalog's edition (Catalog.Edition) is the edition of its ISO
// controls when they all belong to one; custom controls do not count, so
// a built-in edition with an organisation's controls keeps its edition,
// and a catalog of custom controls only is of the custom edition (zero).
//
// NewCatalog reports every problem, each as a *ismskit.Error with a path
// such as "controls[3].title" that names the control ("5.1") or group it
// is about, joined.
func NewCatalog(name string, controls []Control, groups ...Group) (*Catalog, error) {
	var errs fielderr.List
	cs := slices.Clone(controls)
	index := make(map[ControlID]int, len(cs))
	editions := map[Edition]bool{}
	for i := range cs {
		c := &cs[i]
		p := fielderr.Index("controls", i)
		item := ""
		if c.ID.IsValid() {
			item = c.ID.String()
		}
		add := func(path string, err error) { errs.AddItem(path, item, err) }
		switch {
		case !c.ID.IsValid():
			add(p+".id", fielderr.Errorf(ismskit.ErrMissing, "a control needs an ID"))
		default:
			if j, dup := index[c.ID]; dup {
				add(p+".id", fielderr.Errorf(ismskit.ErrDuplicateID, "%s is also controls[%d]", c.ID, j))
			} else {
				index[c.ID] = i
			}
			if !c.ID.IsCustom() {
				editions[c.ID.Edition()] = true
			}
		}
		if strings.TrimSpace(c.Title) == "" {
			add(p+".title", fielderr.Errorf(ErrInvalidControl, "empty title"))
		}
		if len(c.MovedTo) > 0 {
			c.MovedTo = slices.Clone(c.MovedTo)
			if !c.Withdrawn {
				add(p+".movedTo", fielderr.Errorf(ErrInvalidControl, "only a withdrawn control moves"))
			}
		}
		if c.Theme != 0 && !c.Theme.IsValid() {
			add(p+".theme", fielderr.Errorf(ismskit.ErrUnknownValue, "theme %d", uint8(c.Theme)))
		}
		switch c.ID.Edition() {
		case Edition2013:
			if c.Theme != 0 || c.Attributes != 0 || c.New {
				add(p, fielderr.Errorf(ErrInvalidControl, "a 2013 control has no theme, attributes or new flag"))
			}
		case Edition2022:
			if c.Theme == 0 {
				c.Theme = c.ID.Theme()
			} else if c.Theme != c.ID.Theme() {
				add(p+".theme", fielderr.Errorf(ErrInvalidControl, "%s is in the theme %s, not %s", c.ID, c.ID.Theme(), c.Theme))
			}
		}
	}
	for i := range cs {
		for j, m := range cs[i].MovedTo {
			if _, ok := index[m]; !ok {
				errs.AddItem(fielderr.Index(fielderr.Index("controls", i)+".movedTo", j), cs[i].ID.String(), fielderr.Errorf(ismskit.ErrUnknownControl, "%s is not in the catalog", m))
			}
		}
		slices.SortFunc(cs[i].MovedTo, Compare)
	}
	gids := map[string]bool{}
	for i, g := range groups {
		p := fielderr.Index("groups", i)
		if g.ID == "" || g.Title == "" {
			errs.AddItem(p, g.ID, fielderr.Errorf(ErrInvalidControl, "a group needs an ID and a title"))
		}
		if gids[g.ID] {
			errs.AddItem(p+".id", g.ID, fielderr.Errorf(ismskit.ErrDuplicateID, "group %s given twice", fielderr.Quote(g.ID)))
		}
		gids[g.ID] = true
	}
	parent := make(map[string]string, len(groups))
	for _, g := range groups {
		parent[g.ID] = g.Parent
	}
	for i, g := range groups {
		p := fielderr.Index("groups", i) + ".parent"
		if g.Parent != "" && !gids[g.Parent] {
			errs.AddItem(p, g.ID, fielderr.Errorf(ErrInvalidControl, "no group %s", fielderr.Quote(g.Parent)))
			continue
		}
		// Walk up the parents; coming back to g means a cycle.
		for at, steps := g.Parent, 0; at != "" && steps <= len(groups); at, steps = parent[at], steps+1 {
			if at == g.ID {
				errs.AddItem(p, g.ID, fielderr.Errorf(ErrInvalidControl, "group %s is its own ancestor", fielderr.Quote(g.ID)))
				break
			}
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	if len(cs) == 0 {
		// An empty catalog is the zero Catalog with a name, so that it
		// compares equal to what decoding its JSON gives.
		return &Catalog{name: name, groups: slices.Clone(groups)}, nil
	}
	slices.SortFunc(cs, func(a, b Control) int { return a.ID.Compare(b.ID) })
	cat := &Catalog{name: name, controls: cs, index: index, groups: slices.Clone(groups)}
	for i, c := range cs {
		index[c.ID] = i
		if c.ID.IsCustom() {
			if cat.locals == nil {
				cat.locals = map[string]int{}
			}
			local := c.ID.Local()
			if _, dup := cat.locals[local]; dup {
				cat.locals[local] = -1
			} else {
				cat.locals[local] = i
			}
		}
	}
	if len(editions) == 1 {
		for e := range editions {
			cat.edition = e
		}
	}
	return cat, nil
}

// Extend returns a new catalog holding c's controls and groups plus the
// given ones, such as an organisation's own controls on top of Annex A.
// It checks them as NewCatalog does; in its error paths the new controls
// are numbered after c's own ("controls[93]" is the first new one for
// Catalog2022). c is not modified, and a nil c extends an empty catalog.
//
// The new catalog keeps c's edition when the controls added are custom
// ones: Catalog2022().Extend(...) is of Edition2022, so that a Statement
// of Applicability built from it says 2022, and the documents made from
// it need the extended catalog only to know the custom controls.
//
//	acme, err := iso27002.Catalog2022().Extend("ACME controls", []iso27002.Control{{
//		ID: iso27002.MustParse("CLOUD-1"), Title: "Tenant isolation", Theme: iso27002.Technological,
//	}})
func (c *Catalog) Extend(name string, controls []Control, groups ...Group) (*Catalog, error) {
	if c == nil {
		return NewCatalog(name, controls, groups...)
	}
	all := append(slices.Clone(c.controls), controls...)
	return NewCatalog(name, all, append(slices.Clone(c.groups), groups...)...)
}

// Name returns the catalog's name ("ISO/IEC 27002:2022" for a built-in),
// and "" for a nil catalog.
func (c *Catalog) Name() string {
	if c == nil {
		return ""
	}
	return c.name
}

// Edition returns the edition of the catalog's ISO controls (see
// NewCatalog): Edition2022 for Catalog2022 and for a catalog that extends
// it, and 0 (custom) when it holds custom controls only or controls of
// both editions.
func (c *Catalog) Edition() Edition {
	if c == nil {
		return 0
	}
	return c.edition
}

// Len returns the number of controls.
func (c *Catalog) Len() int {
	if c == nil {
		return 0
	}
	return len(c.controls)
}

// position returns the index of id in c.controls, or -1. A built-in
// edition's controls sit at their IDs' ordinals.
func (c *Catalog) position(id ControlID) int {
	if c == nil {
		return -1
	}
	if c.dense {
		if id.ed != c.edition {
			return -1
		}
		return int(id.ord)
	}
	if i, ok := c.index[id]; ok {
		return i
	}
	return -1
}

// Lookup returns the control with the given ID, and whether the catalog
// holds it.
func (c *Catalog) Lookup(id ControlID) (Control, bool) {
	if c != nil && c.dense {
		if id.ed != c.edition {
			return Control{}, false
		}
		return c.controls[id.ord], true
	}
	return c.lookupMap(id)
}

func (c *Catalog) lookupMap(id ControlID) (Control, bool) {
	if c == nil {
		return Control{}, false
	}
	if i, ok := c.index[id]; ok {
		return c.controls[i].clone(), true
	}
	return Control{}, false
}

// Control returns the control with the given ID, or an error wrapping
// ismskit.ErrUnknownControl.
func (c *Catalog) Control(id ControlID) (Control, error) {
	if ctl, ok := c.Lookup(id); ok {
		return ctl, nil
	}
	return Control{}, c.unknown(id.String())
}

func (c *Catalog) unknown(id string) error {
	if c.Name() == "" {
		return fielderr.Errorf(ismskit.ErrUnknownControl, "%s is not in the catalog", id)
	}
	return fielderr.Errorf(ismskit.ErrUnknownControl, "%s is not in %s", id, c.Name())
}

// Parse parses s as the package's Parse does and returns the ID of the
// control of c that it names, so that a product can read control IDs as
// its own data spells them:
//
//   - an ID that c holds as it is parsed ("5.1", "A.5.1", "CLOUD-1",
//     "cloud:CLOUD-1") is that control;
//   - text without a namespace that is the local part of exactly one
//     custom control of c ("CLOUD-1" when c holds "cloud:CLOUD-1") is
//     that control; when several controls share it, the error wraps
//     ErrAmbiguousID and names them.
//
// Text that Parse rejects is Parse's error; a well-formed ID that c does
// not hold wraps ismskit.ErrUnknownControl.
//
//	id, err := cat.Parse("CLOUD-1") // cloud:CLOUD-1
func (c *Catalog) Parse(s string) (ControlID, error) {
	id, err := Parse(s)
	if err == nil && c.Has(id) {
		return id, nil
	}
	if c != nil && strings.IndexByte(s, ':') < 0 {
		if i, ok := c.locals[s]; ok {
			if i >= 0 {
				return c.controls[i].ID, nil
			}
			var names []string
			for _, ctl := range c.controls {
				if ctl.ID.IsCustom() && ctl.ID.Local() == s {
					names = append(names, ctl.ID.String())
				}
			}
			return ControlID{}, fielderr.Errorf(ErrAmbiguousID, "%s may be any of %s: give its namespace", fielderr.Quote(s), strings.Join(names, ", "))
		}
	}
	if err != nil {
		return ControlID{}, err
	}
	return ControlID{}, c.unknown(id.String())
}

// Has reports whether the catalog holds a control with the given ID.
func (c *Catalog) Has(id ControlID) bool { return c.position(id) >= 0 }

// Controls returns every control, in natural order of ID.
//
//	for ctl := range iso27002.Catalog2022().Controls() { fmt.Println(ctl.ID, ctl.Title) }
func (c *Catalog) Controls() iter.Seq[Control] {
	return func(yield func(Control) bool) {
		if c == nil {
			return
		}
		for i := range c.controls {
			if !yield(c.controls[i].clone()) {
				return
			}
		}
	}
}

// IDs returns every control ID, in natural order.
//
//	for id := range cat.IDs() { ... }
func (c *Catalog) IDs() iter.Seq[ControlID] {
	return func(yield func(ControlID) bool) {
		if c == nil {
			return
		}
		for i := range c.controls {
			if !yield(c.controls[i].ID) {
				return
			}
		}
	}
}

// Groups returns the catalog's groups in document order: the four themes
// of 2022, or each 2013 clause followed by its objectives.
//
//	for g := range iso27002.Catalog2013().Groups() { fmt.Println(g.ID, g.Title) }
func (c *Catalog) Groups() iter.Seq[Group] {
	return func(yield func(Group) bool) {
		if c == nil {
			return
		}
		for _, g := range c.groups {
			if !yield(g) {
				return
			}
		}
	}
}

// Group returns the group with the given ID ("A.9.4", "5").
func (c *Catalog) Group(id string) (Group, bool) {
	if c == nil {
		return Group{}, false
	}
	for _, g := range c.groups {
		if g.ID == id {
			return g, true
		}
	}
	return Group{}, false
}

// Select returns the controls that match every filter, in natural order.
// With no filters it returns every control in force: withdrawn controls
// (Control.Withdrawn) are left out unless a filter is IncludeWithdrawn,
// or built on it with AnyOf or Not.
//
//	for ctl := range cat.Select(iso27002.InTheme(iso27002.Technological), iso27002.HasAttribute(iso27002.Detective)) {
//		fmt.Println(ctl.ID)
//	}
func (c *Catalog) Select(filters ...Filter) iter.Seq[Control] {
	withdrawn := false
	for _, f := range filters {
		withdrawn = withdrawn || f.withdrawn
	}
	return func(yield func(Control) bool) {
		if c == nil {
			return
		}
	next:
		for i := range c.controls {
			ctl := &c.controls[i]
			if ctl.Withdrawn && !withdrawn {
				continue
			}
			for _, f := range filters {
				if !f.matches(ctl) {
					continue next
				}
			}
			if !yield(ctl.clone()) {
				return
			}
		}
	}
}

// Count returns how many controls match every filter, withdrawn controls
// left out as in Select.
func (c *Catalog) Count(filters ...Filter) int {
	n := 0
	for range c.Select(filters...) {
		n++
	}
	return n
}

// Search returns the controls whose ID, titles, summary or licensed text
// hold every word of query, ignoring case, in natural order. An empty
// query matches every control. Withdrawn controls are left out; use
// Select(Matching(query), IncludeWithdrawn()) to find them too.
//
//	for ctl := range cat.Search("backup") { fmt.Println(ctl.ID, ctl.Title) }
func (c *Catalog) Search(query string) iter.Seq[Control] {
	return c.Select(Matching(query))
}

// Filter selects controls for Catalog.Select. Filters combine: Select
// keeps the controls that match all of them; AnyOf and Not build others.
// The zero Filter matches every control.
type Filter struct {
	match     func(*Control) bool
	withdrawn bool // lets Select yield withdrawn controls
}

// IncludeWithdrawn matches every control, and makes Select, Search and
// Count yield withdrawn controls too (Control.Withdrawn), which they
// leave out otherwise:
//
//	for ctl := range cat.Select(iso27002.IncludeWithdrawn(), iso27002.FilterFunc(func(c iso27002.Control) bool { return c.Withdrawn })) { ... }
func IncludeWithdrawn() Filter { return Filter{withdrawn: true} }

func (f Filter) matches(c *Control) bool { return f.match == nil || f.match(c) }

// InTheme matches the controls in any of the given themes.
func InTheme(themes ...Theme) Filter {
	var mask uint16
	for _, t := range themes {
		if t.IsValid() {
			mask |= 1 << t
		}
	}
	return Filter{match: func(c *Control) bool { return c.Theme.IsValid() && mask&(1<<c.Theme) != 0 }}
}

// HasAttribute matches the controls that have every one of the given
// attribute values.
func HasAttribute(values ...Attribute) Filter {
	want := Attributes(values...)
	return Filter{match: func(c *Control) bool { return c.Attributes&want == want }}
}

// HasAnyAttribute matches the controls that have at least one of the
// given attribute values.
func HasAnyAttribute(values ...Attribute) Filter {
	want := Attributes(values...)
	return Filter{match: func(c *Control) bool { return c.Attributes&want != 0 }}
}

// IsNew matches the controls new in ISO/IEC 27002:2022.
func IsNew() Filter { return Filter{match: func(c *Control) bool { return c.New }} }

// InGroup matches the controls in the group with the given ID: a 2013
// clause ("A.9") or objective ("A.9.4"), a 2022 theme number ("8"), or a
// custom control's Group.
func InGroup(id string) Filter {
	return Filter{match: func(c *Control) bool {
		switch c.ID.Edition() {
		case Edition2013:
			return c.ID.Clause() == id || c.ID.Objective() == id
		case Edition2022:
			return len(id) == 1 && Theme(id[0]-'0') == c.Theme
		}
		return c.Group == id || (c.Theme != 0 && len(id) == 1 && Theme(id[0]-'0') == c.Theme)
	}}
}

// Matching matches the controls whose ID, titles, summary or licensed text
// hold every word of query, ignoring case.
func Matching(query string) Filter {
	words := strings.Fields(query)
	return Filter{match: func(c *Control) bool {
		for _, w := range words {
			if !containsFold(c.Title, w) && !containsFold(c.AnnexATitle, w) && !containsFold(c.Summary, w) &&
				!containsFold(c.Text.Control, w) && !containsFold(c.Text.Purpose, w) &&
				!containsFold(c.Text.Guidance, w) && !containsFold(c.Text.Other, w) && !idHasPrefix(c.ID, w) {
				return false
			}
		}
		return true
	}}
}

func idHasPrefix(id ControlID, w string) bool {
	var buf [16]byte
	return strings.HasPrefix(string(id.AppendTo(buf[:0])), w)
}

// FilterFunc matches the controls for which f returns true.
func FilterFunc(f func(Control) bool) Filter {
	if f == nil {
		return Filter{}
	}
	return Filter{match: func(c *Control) bool { return f(*c) }}
}

// AnyOf matches the controls that match at least one of the filters.
func AnyOf(filters ...Filter) Filter {
	filters = slices.Clone(filters)
	withdrawn := false
	for _, f := range filters {
		withdrawn = withdrawn || f.withdrawn
	}
	return Filter{match: func(c *Control) bool {
		for _, f := range filters {
			if f.matches(c) {
				return true
			}
		}
		return false
	}, withdrawn: withdrawn}
}

// Not matches the controls that f does not match.
func Not(f Filter) Filter {
	return Filter{match: func(c *Control) bool { return !f.matches(c) }, withdrawn: f.withdrawn}
}

// containsFold reports whether sub is in s, ignoring ASCII case, without
// allocating.
func containsFold(s, sub string) bool {
	n := len(sub)
	if n == 0 {
		return true
	}
	first := lowerASCII(sub[0])
	for i := 0; i+n <= len(s); i++ {
		if lowerASCII(s[i]) == first && strings.EqualFold(s[i:i+n], sub) {
			return true
		}
	}
	return false
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
