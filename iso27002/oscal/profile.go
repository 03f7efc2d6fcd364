package oscal

import (
	"bytes"
	"context"
	"io"
	"path"
	"slices"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/codec"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/internal/oscalmodel"
	"github.com/ismskit/ismskit/internal/strictjson"
	"github.com/ismskit/ismskit/iso27002"
)

// Selection is an OSCAL profile as ImportProfile read it: which controls
// of which catalogs it imports, how the result is structured, and the
// parameter values it sets. Its alterations (modify/alters) are accepted
// and not applied. The zero value selects nothing.
type Selection struct {
	// Title is the profile's metadata title.
	Title string `json:"title,omitempty"`
	// Imports are the profile's imports, in document order. Required: at
	// least one.
	Imports []Import `json:"imports,omitempty"`
	// Flat is true for the merge directive "flat": the resolved catalog
	// has no groups. Otherwise ("as-is", or no directive) it keeps the
	// groups of the catalog, as NIST's baselines ask.
	Flat bool `json:"flat,omitempty"`
	// Params are the profile's set-parameters: each gives a parameter's id
	// and the fields it sets (values, label, choice, constraints,
	// guidelines, usage, class), which replace the catalog's in
	// ResolveCatalog. Values gives their values for Catalog.Statement.
	Params []Param `json:"params,omitempty"`
	// Version and LastModified are the profile's metadata version and
	// last-modified date-time, which the resolved catalog carries.
	Version      string `json:"version,omitempty"`
	LastModified string `json:"lastModified,omitempty"`
}

// Values returns the values the profile's set-parameters give, by
// parameter id, for Catalog.Statement; nil if they give none.
func (s *Selection) Values() ParamValues {
	if s == nil {
		return nil
	}
	var out ParamValues
	for _, p := range s.Params {
		if len(p.Values) > 0 {
			if out == nil {
				out = ParamValues{}
			}
			out[p.ID] = slices.Clone(p.Values)
		}
	}
	return out
}

// Import is one import of a profile (OSCAL profile "imports"): a catalog or
// profile, and the controls taken from it. The zero value takes nothing.
type Import struct {
	// Href locates the imported catalog or profile, as the profile gives
	// it. Required.
	Href string `json:"href"`
	// All is true for "include-all": every control of the catalog.
	All bool `json:"all,omitempty"`
	// Include and Exclude are the include-controls and exclude-controls
	// selectors. Include is empty when All is true.
	Include []Selector `json:"include,omitempty"`
	Exclude []Selector `json:"exclude,omitempty"`
}

// Selector is one select-control-by-id of a profile. The zero value
// matches no control.
type Selector struct {
	// IDs are OSCAL control ids ("ac-2", "a.5.1").
	IDs []string `json:"ids,omitempty"`
	// Patterns are glob patterns matched against OSCAL control ids
	// ("ac-*"), with path.Match syntax.
	Patterns []string `json:"patterns,omitempty"`
	// WithChildControls is true for with-child-controls "yes": a selected
	// control brings the controls nested in it.
	WithChildControls bool `json:"withChildControls,omitempty"`
}

// ImportProfile reads an OSCAL profile in JSON and returns its control
// selection. Decoding is as strict as ImportCatalog's, with the same
// limits; a profile needs a uuid, metadata and at least one import, each
// import an href and either include-all or include-controls, and every id
// is a token and every pattern a valid glob.
func ImportProfile(data []byte, opts ImportOptions, limits ...ismskit.DecodeOption) (*Selection, error) {
	return ImportProfileContext(context.Background(), data, opts, limits...)
}

// ReadProfile reads an OSCAL profile from r, never past the byte limit of
// limits, and imports it as ImportProfile does.
func ReadProfile(r io.Reader, opts ImportOptions, limits ...ismskit.DecodeOption) (*Selection, error) {
	data, err := codec.ReadAll(r, limits)
	if err != nil {
		return nil, err
	}
	return ImportProfile(data, opts, limits...)
}

// ImportProfileContext is ImportProfile that stops when ctx is done.
func ImportProfileContext(ctx context.Context, data []byte, _ ImportOptions, limits ...ismskit.DecodeOption) (*Selection, error) {
	var doc profileDoc
	if err := strictjson.UnmarshalContext(ctx, data, &doc, limits...); err != nil {
		return nil, err
	}
	if doc.Profile == nil {
		return nil, &ismskit.Error{Path: "profile", Err: fielderr.Errorf(ismskit.ErrMissing, "no profile")}
	}
	pr := doc.Profile
	im := &importer{ids: map[string]string{}}
	im.errs.Max = ismskit.LimitsOf(limits...).MaxProblems
	if !oscalmodel.IsUUID(pr.UUID) {
		im.errs.Add("profile.uuid", fielderr.Errorf(ErrInvalid, "%q is not a UUID", clip(pr.UUID)))
	}
	im.metadata("profile.metadata", pr.Metadata)
	sel := &Selection{}
	if pr.Metadata != nil {
		sel.Title, sel.Version, sel.LastModified = pr.Metadata.Title, pr.Metadata.Version, pr.Metadata.LastModified
	}
	if pr.Merge != nil && pr.Merge.Flat != nil {
		sel.Flat = true
	}
	if len(pr.Imports) == 0 {
		im.errs.Add("profile.imports", fielderr.Errorf(ismskit.ErrMissing, "a profile imports at least one catalog or profile"))
	}
	for i, in := range pr.Imports {
		p := fielderr.Index("profile.imports", i)
		imp := Import{Href: in.Href, All: in.IncludeAll != nil}
		if in.Href == "" {
			im.errs.Add(p+".href", fielderr.Errorf(ismskit.ErrMissing, "no href"))
		}
		if imp.All == (len(in.IncludeControls) > 0) {
			im.errs.Add(p, fielderr.Errorf(ErrInvalid, "give either include-all or include-controls"))
		}
		imp.Include = im.selectors(fielderr.Key(p, "include-controls"), in.IncludeControls)
		imp.Exclude = im.selectors(fielderr.Key(p, "exclude-controls"), in.ExcludeControls)
		sel.Imports = append(sel.Imports, imp)
	}
	if pr.Modify != nil {
		for i, sp := range pr.Modify.SetParameters {
			p := fielderr.Index(fielderr.Key("profile.modify", "set-parameters"), i)
			if !isToken(sp.ParamID) {
				im.errs.Add(fielderr.Key(p, "param-id"), fielderr.Errorf(ismskit.ErrInvalidID, "%q is not a token", clip(sp.ParamID)))
				continue
			}
			sel.Params = append(sel.Params, publicParam(&param{ID: sp.ParamID, Class: sp.Class, DependsOn: sp.DependsOn, Props: sp.Props,
				Label: sp.Label, Usage: sp.Usage, Constraints: sp.Constraints, Guidelines: sp.Guidelines, Values: sp.Values, Select: sp.Select}))
		}
	}
	if err := im.errs.Err(); err != nil {
		return nil, err
	}
	return sel, nil
}

func (im *importer) selectors(p string, in []selectControl) []Selector {
	var out []Selector
	for i, s := range in {
		sp := fielderr.Index(p, i)
		sel := Selector{IDs: s.WithIDs, WithChildControls: s.WithChildControls == "yes"}
		if s.WithChildControls != "" && s.WithChildControls != "yes" && s.WithChildControls != "no" {
			im.errs.Add(fielderr.Key(sp, "with-child-controls"), fielderr.Errorf(ismskit.ErrUnknownValue, "%q, want yes or no", clip(s.WithChildControls)))
		}
		for j, id := range s.WithIDs {
			if !isToken(id) {
				im.errs.Add(fielderr.Index(fielderr.Key(sp, "with-ids"), j), fielderr.Errorf(ismskit.ErrInvalidID, "%q is not a token", clip(id)))
			}
		}
		for j, m := range s.Matching {
			if _, err := path.Match(m.Pattern, ""); err != nil || m.Pattern == "" {
				im.errs.Add(fielderr.Index(sp+".matching", j)+".pattern", fielderr.Errorf(ErrInvalid, "%q is not a glob pattern", clip(m.Pattern)))
			}
			sel.Patterns = append(sel.Patterns, m.Pattern)
		}
		out = append(out, sel)
	}
	return out
}

// tree is the control structure a selection is resolved against: OSCAL
// control ids in document order, their IDs, and their nesting.
type tree struct {
	name     string
	tokens   []string
	ids      map[string]iso27002.ControlID
	parent   map[string]string
	children map[string][]string
}

func (t *tree) add(tok, parent string, id iso27002.ControlID) {
	if _, ok := t.ids[tok]; ok {
		return
	}
	t.ids[tok] = id
	t.tokens = append(t.tokens, tok)
	if parent != "" {
		t.parent[tok] = parent
		t.children[parent] = append(t.children[parent], tok)
	}
}

func newTree(name string) *tree {
	return &tree{name: name, ids: map[string]iso27002.ControlID{}, parent: map[string]string{}, children: map[string][]string{}}
}

// resolve returns the OSCAL ids the selection selects, with the controls
// they are nested in, as NIST's profile resolution carries them, in
// document order.
func (s *Selection) resolve(t *tree) ([]string, error) {
	var errs fielderr.List
	apply := func(p string, sels []Selector, set map[string]bool, val bool) {
		for i, sel := range sels {
			sp := fielderr.Index(p, i)
			var mark func(tok string, depth int)
			mark = func(tok string, depth int) {
				set[tok] = val
				if sel.WithChildControls && depth < maxPartDepth {
					for _, ch := range t.children[tok] {
						mark(ch, depth+1)
					}
				}
			}
			for j, id := range sel.IDs {
				if _, ok := t.ids[id]; !ok {
					errs.Add(fielderr.Index(fielderr.Key(sp, "with-ids"), j), fielderr.Errorf(ismskit.ErrUnknownControl, "%q is not in %s", clip(id), t.name))
					continue
				}
				mark(id, 0)
			}
			for _, pat := range sel.Patterns {
				for _, tok := range t.tokens {
					if ok, _ := path.Match(pat, tok); ok {
						mark(tok, 0)
					}
				}
			}
		}
	}
	chosen := map[string]bool{}
	for i, in := range s.Imports {
		p := fielderr.Index("profile.imports", i)
		inc := map[string]bool{}
		if in.All {
			for _, tok := range t.tokens {
				inc[tok] = true
			}
		}
		apply(fielderr.Key(p, "include-controls"), in.Include, inc, true)
		apply(fielderr.Key(p, "exclude-controls"), in.Exclude, inc, false)
		for tok, ok := range inc {
			if ok {
				chosen[tok] = true
				for a, n := t.parent[tok], 0; a != "" && n < maxPartDepth; a, n = t.parent[a], n+1 {
					chosen[a] = true
				}
			}
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	out := make([]string, 0, len(chosen))
	for _, tok := range t.tokens {
		if chosen[tok] {
			out = append(out, tok)
		}
	}
	return out, nil
}

// Resolve returns the IDs of the controls of cat that the selection
// selects, in natural order and each once, taking every import as an
// import of cat, with the controls a selected control is nested in, as
// NIST's resolution of the SP 800-53 PRIVACY baseline carries them. OSCAL
// ids are matched to cat's controls both ways this package writes and
// reads them: ControlToken ("a.5.1" for 5.1) and, for custom IDs in the
// namespace of opts, the part after the colon ("ac-2" for
// "nist-800-53r5:ac-2"); a control nests in the control whose id its own
// extends with a '.' ("ac-2.1" in "ac-2"). An id that names no control of
// cat is an error of kind ismskit.ErrUnknownControl with the path of the
// id, and every one is reported. For a catalog that ImportCatalog read,
// ResolveCatalog uses the catalog's own ids and nesting.
func (s *Selection) Resolve(cat *iso27002.Catalog, opts ImportOptions) ([]iso27002.ControlID, error) {
	if s == nil {
		return nil, nil
	}
	if cat == nil {
		return nil, &ismskit.Error{Err: fielderr.Errorf(ismskit.ErrMissing, "no catalog")}
	}
	ns := opts.namespace()
	t := newTree(cat.Name())
	var toks []string
	byTok := map[string]iso27002.ControlID{}
	for id := range cat.IDs() {
		for _, tok := range []string{ControlToken(id), customToken(id, ns)} {
			if _, ok := byTok[tok]; tok != "" && !ok {
				byTok[tok] = id
				toks = append(toks, tok)
			}
		}
	}
	for _, tok := range toks {
		parent := ""
		if i := strings.LastIndexByte(tok, '.'); i > 0 && byTok[tok[:i]] != byTok[tok] {
			if _, ok := byTok[tok[:i]]; ok {
				parent = tok[:i]
			}
		}
		t.add(tok, parent, byTok[tok])
	}
	sel, err := s.resolve(t)
	if err != nil {
		return nil, err
	}
	out := make([]iso27002.ControlID, 0, len(sel))
	for _, tok := range sel {
		out = append(out, t.ids[tok])
	}
	slices.SortFunc(out, iso27002.Compare)
	return slices.Compact(out), nil
}

func customToken(id iso27002.ControlID, ns string) string {
	if id.IsCustom() && id.Namespace() == ns {
		return strings.TrimPrefix(id.String(), ns+":")
	}
	return ""
}

// ResolveCatalog resolves the selection against c, as OSCAL's profile
// resolution does, and returns the resolved catalog: the selected
// controls, with the controls they are nested in (as NIST's PRIVACY 5.1.1
// resolution carries them), each as c holds it; the groups of c that hold
// them, in c's order (none for a flat merge); c's catalog-level
// parameters; the profile's set-parameters (Params) applied to the
// parameters; the back-matter resources the kept content refers to; and
// the profile's title, version and last-modified, with a "source-profile"
// link to profileHref if it is given. Its controls keep c's namespace. An id that
// names no control of c is an error of kind ismskit.ErrUnknownControl.
func (s *Selection) ResolveCatalog(c *Catalog, profileHref string) (*Catalog, error) {
	if s == nil || c == nil || c.doc == nil {
		return nil, &ismskit.Error{Err: fielderr.Errorf(ismskit.ErrMissing, "no selection or no catalog")}
	}
	t := newTree(c.Title())
	var walk func(cs []control, parent string, depth int)
	walk = func(cs []control, parent string, depth int) {
		for i := range cs {
			t.add(cs[i].ID, parent, c.byOSCAL[cs[i].ID])
			if depth < maxPartDepth {
				walk(cs[i].Controls, cs[i].ID, depth+1)
			}
		}
	}
	var walkGroups func(gs []group, depth int)
	walkGroups = func(gs []group, depth int) {
		for i := range gs {
			walk(gs[i].Controls, "", 0)
			if depth < maxPartDepth {
				walkGroups(gs[i].Groups, depth+1)
			}
		}
	}
	walk(c.doc.Controls, "", 0)
	walkGroups(c.doc.Groups, 0)
	sel, err := s.resolve(t)
	if err != nil {
		return nil, err
	}
	keep := make(map[string]bool, len(sel))
	for _, tok := range sel {
		keep[tok] = true
	}
	r := &resolver{keep: keep, set: map[string]Param{}}
	for _, sp := range s.Params {
		r.set[sp.ID] = sp
	}
	out := &catalog{Params: r.params(c.doc.Params)}
	if s.Flat {
		var flat func(cs []control, depth int)
		flat = func(cs []control, depth int) {
			for i := range cs {
				if keep[cs[i].ID] {
					out.Controls = append(out.Controls, r.control(&cs[i], 0))
				} else if depth < maxPartDepth {
					flat(cs[i].Controls, depth+1)
				}
			}
		}
		var flatGroups func(gs []group, depth int)
		flatGroups = func(gs []group, depth int) {
			for i := range gs {
				flat(gs[i].Controls, 0)
				if depth < maxPartDepth {
					flatGroups(gs[i].Groups, depth+1)
				}
			}
		}
		flat(c.doc.Controls, 0)
		flatGroups(c.doc.Groups, 0)
	} else {
		out.Controls = r.controls(c.doc.Controls, 0)
		out.Groups = r.groups(c.doc.Groups, 0)
	}
	md := &metadata{Title: s.Title, LastModified: s.LastModified, Version: s.Version, OSCALVersion: OSCALVersion,
		Props: []prop{{Name: "resolution-tool", Value: "ismskit"}}}
	if md.Title == "" {
		md.Title = "Resolution of a profile of " + c.Title()
	}
	if md.LastModified == "" {
		md.LastModified = c.md().LastModified
	}
	if md.Version == "" {
		md.Version = c.md().Version
	}
	if profileHref != "" {
		md.Links = []link{{Href: profileHref, Rel: "source-profile"}}
	}
	out.Metadata = md
	var size int
	// About 6 kB a control in NIST's resolved baselines, where most
	// controls kept are base controls, with their guidance.
	out.BackMatter, size = referenced(c.doc.BackMatter, out, 6<<10*len(keep)+64<<10)
	if size > 0 { // the kept content, and room for the resources it refers to
		size += size/4 + 64<<10
	}
	data, err := finish(&catalogDoc{Catalog: out}, "resolved-catalog", &out.UUID, size)
	if err != nil {
		return nil, err
	}
	return ImportCatalog(data, ImportOptions{Namespace: c.ns}, ismskit.MaxBytes(-1), ismskit.MaxDepth(-1))
}

// resolver copies the kept parts of a catalog.
type resolver struct {
	keep map[string]bool
	set  map[string]Param
}

func (r *resolver) controls(cs []control, depth int) []control {
	var out []control
	for i := range cs {
		if r.keep[cs[i].ID] {
			out = append(out, r.control(&cs[i], depth))
		}
	}
	return out
}

func (r *resolver) control(c *control, depth int) control {
	out := *c
	out.Params = r.params(c.Params)
	out.Controls = nil
	if depth < maxPartDepth {
		out.Controls = r.controls(c.Controls, depth+1)
	}
	return out
}

func (r *resolver) groups(gs []group, depth int) []group {
	var out []group
	for i := range gs {
		g := gs[i]
		g.Params = r.params(g.Params)
		g.Controls = r.controls(gs[i].Controls, 0)
		g.Groups = nil
		if depth < maxPartDepth {
			g.Groups = r.groups(gs[i].Groups, depth+1)
		}
		if len(g.Controls) > 0 || len(g.Groups) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// params applies the profile's set-parameters: each field it gives
// replaces the parameter's.
func (r *resolver) params(ps []param) []param {
	if len(ps) == 0 || len(r.set) == 0 {
		return ps
	}
	out := slices.Clone(ps)
	for i := range out {
		sp, ok := r.set[out[i].ID]
		if !ok {
			continue
		}
		p := &out[i]
		if sp.Class != "" {
			p.Class = sp.Class
		}
		if sp.DependsOn != "" {
			p.DependsOn = sp.DependsOn
		}
		if sp.Label != "" {
			p.Label = sp.Label
		}
		if sp.Usage != "" {
			p.Usage = sp.Usage
		}
		if len(sp.Constraints) > 0 {
			p.Constraints = nil
			for _, c := range sp.Constraints {
				k := constraint{Description: c.Description}
				for _, e := range c.Tests {
					k.Tests = append(k.Tests, constraintTest{Expression: e})
				}
				p.Constraints = append(p.Constraints, k)
			}
		}
		if len(sp.Guidelines) > 0 {
			p.Guidelines = nil
			for _, g := range sp.Guidelines {
				p.Guidelines = append(p.Guidelines, guideline{Prose: g})
			}
		}
		if len(sp.Values) > 0 {
			p.Values = slices.Clone(sp.Values)
		}
		if len(sp.Choice) > 0 || sp.HowMany != "" {
			p.Select = &selection{HowMany: sp.HowMany, Choice: slices.Clone(sp.Choice)}
		}
	}
	return out
}

// referenced returns the resources of bm that the catalog refers to with
// "#" and their UUID, in a link or in the markdown of its prose, in bm's
// order, from one scan of the encoded catalog, whose buffer starts at
// size bytes; and the length of that encoding, 0 if it made none.
func referenced(bm *backMatter, c *catalog, size int) (*backMatter, int) {
	if bm == nil || len(bm.Resources) == 0 {
		return nil, 0
	}
	data, err := oscalmodel.EncodeSized(c, size)
	if err != nil {
		return nil, 0
	}
	refs := map[string]bool{}
	for rest := data; ; {
		i := bytes.IndexByte(rest, '#')
		if i < 0 {
			break
		}
		rest = rest[i+1:]
		if len(rest) >= 36 && oscalmodel.IsUUID(string(rest[:36])) {
			refs[strings.ToLower(string(rest[:36]))] = true
		}
	}
	var out backMatter
	for _, r := range bm.Resources {
		if refs[strings.ToLower(r.UUID)] {
			out.Resources = append(out.Resources, r)
		}
	}
	if len(out.Resources) == 0 {
		return nil, len(data)
	}
	return &out, len(data)
}

// ExportProfile returns an OSCAL 1.2.1 profile in JSON that selects the
// given controls, by their ControlToken ids, from the catalog at
// catalogHref (for example "iso27002-2022.json", as ExportCatalog's output
// is saved). The ids are written in natural order, each once, so the same
// selection in any order gives byte-identical output. It is the inverse of
// ImportProfile followed by Resolve.
func ExportProfile(title, catalogHref string, ids []iso27002.ControlID, opts Options) ([]byte, error) {
	md, err := opts.meta(title)
	if err != nil {
		return nil, err
	}
	if catalogHref == "" {
		return nil, &ismskit.Error{Path: "catalogHref", Err: fielderr.Errorf(ismskit.ErrMissing, "empty catalog href")}
	}
	sorted := slices.Clone(ids)
	slices.SortFunc(sorted, iso27002.Compare)
	sorted = slices.Compact(sorted)
	var with []string
	var errs fielderr.List
	for i, id := range sorted {
		if !id.IsValid() {
			errs.Add(fielderr.Index("ids", i), fielderr.Errorf(ismskit.ErrNotEncodable, "the zero ControlID"))
			continue
		}
		with = append(with, ControlToken(id))
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	imp := profileImport{Href: catalogHref}
	if len(with) == 0 {
		return nil, fielderr.Errorf(ismskit.ErrNotEncodable, "a profile selects at least one control")
	}
	imp.IncludeControls = []selectControl{{WithIDs: with}}
	pr := &profile{Metadata: md, Imports: []profileImport{imp}}
	return finish(&profileDoc{Profile: pr}, "profile", &pr.UUID, 0)
}
