package oscal

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/internal/strictjson"
	"github.com/ismskit/ismskit/iso27002"
)

// Selection is the control selection of an OSCAL profile: which controls
// of which catalogs it imports. It models the profile's imports only; its
// merge and modify directives (parameter settings, alterations) are
// accepted but not kept. The zero value selects nothing.
type Selection struct {
	// Title is the profile's metadata title.
	Title string
	// Imports are the profile's imports, in document order. Required: at
	// least one.
	Imports []Import
}

// Import is one import of a profile (OSCAL profile "imports"): a catalog or
// profile, and the controls taken from it. The zero value takes nothing.
type Import struct {
	// Href locates the imported catalog or profile, as the profile gives
	// it. Required.
	Href string
	// All is true for "include-all": every control of the catalog.
	All bool
	// Include and Exclude are the include-controls and exclude-controls
	// selectors. Include is empty when All is true.
	Include, Exclude []Selector
}

// Selector is one select-control-by-id of a profile. The zero value
// matches no control.
type Selector struct {
	// IDs are OSCAL control ids ("ac-2", "a.5.1").
	IDs []string
	// Patterns are glob patterns matched against OSCAL control ids
	// ("ac-*"), with path.Match syntax.
	Patterns []string
	// WithChildControls is true for with-child-controls "yes": a selected
	// control brings the controls nested in it (in an imported catalog,
	// those whose OSCAL id extends its id with a '.', as "ac-2.1" does
	// "ac-2").
	WithChildControls bool
}

// ImportProfile reads an OSCAL profile in JSON and returns its control
// selection. Decoding is as strict as ImportCatalog's, with the same
// limits; a profile needs a uuid, metadata and at least one import, each
// import an href and either include-all or include-controls, and every id
// is a token and every pattern a valid glob.
func ImportProfile(data []byte, opts ImportOptions) (*Selection, error) {
	if err := opts.precheck(data); err != nil {
		return nil, err
	}
	var doc profileDoc
	if err := strictjson.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	if doc.Profile == nil {
		return nil, &ismskit.Error{Path: "profile", Err: fmt.Errorf("%w: missing", ErrInvalid)}
	}
	pr := doc.Profile
	im := &importer{ids: map[string]string{}}
	if !uuidRE.MatchString(pr.UUID) {
		im.errs.Add("profile.uuid", fmt.Errorf("%w: %q is not a UUID", ErrInvalid, pr.UUID))
	}
	im.metadata("profile.metadata", pr.Metadata)
	sel := &Selection{}
	if pr.Metadata != nil {
		sel.Title = pr.Metadata.Title
	}
	if len(pr.Imports) == 0 {
		im.errs.Add("profile.imports", fmt.Errorf("%w: a profile imports at least one catalog or profile", ErrInvalid))
	}
	for i, in := range pr.Imports {
		p := fielderr.Index("profile.imports", i)
		imp := Import{Href: in.Href, All: in.IncludeAll != nil}
		if in.Href == "" {
			im.errs.Add(p+".href", fmt.Errorf("%w: missing", ErrInvalid))
		}
		if imp.All == (len(in.IncludeControls) > 0) {
			im.errs.Add(p, fmt.Errorf("%w: give either include-all or include-controls", ErrInvalid))
		}
		imp.Include = im.selectors(p+".include-controls", in.IncludeControls)
		imp.Exclude = im.selectors(p+".exclude-controls", in.ExcludeControls)
		sel.Imports = append(sel.Imports, imp)
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
			im.errs.Add(sp+".with-child-controls", fmt.Errorf("%w: %q, want yes or no", ErrInvalid, s.WithChildControls))
		}
		for j, id := range s.WithIDs {
			if !isToken(id) {
				im.errs.Add(fielderr.Index(sp+".with-ids", j), fmt.Errorf("%w: %q is not a token", ErrInvalid, id))
			}
		}
		for j, m := range s.Matching {
			if _, err := path.Match(m.Pattern, ""); err != nil || m.Pattern == "" {
				im.errs.Add(fielderr.Index(sp+".matching", j)+".pattern", fmt.Errorf("%w: %q is not a glob pattern", ErrInvalid, m.Pattern))
			}
			sel.Patterns = append(sel.Patterns, m.Pattern)
		}
		out = append(out, sel)
	}
	return out
}

// Resolve returns the IDs of the controls of cat that the selection
// selects, in natural order and each once, taking every import as an
// import of cat. OSCAL ids are matched to cat's controls both ways this
// package writes and reads them: ControlToken ("a.5.1" for 5.1) and, for
// custom IDs in the namespace of opts, the part after the colon ("ac-2"
// for "nist-800-53r5:ac-2"). An id that names no control of cat is an
// error wrapping ErrUnknownControl with the path of the id, and every one
// is reported.
func (s *Selection) Resolve(cat *iso27002.Catalog, opts ImportOptions) ([]iso27002.ControlID, error) {
	if cat == nil {
		return nil, fmt.Errorf("%w: nil catalog", ErrInvalid)
	}
	ns := opts.namespace()
	byToken := map[string]iso27002.ControlID{}
	var tokens []string
	add := func(tok string, id iso27002.ControlID) {
		if _, ok := byToken[tok]; !ok {
			byToken[tok] = id
			tokens = append(tokens, tok)
		}
	}
	for id := range cat.IDs() {
		add(ControlToken(id), id)
		if id.IsCustom() && id.Namespace() == ns {
			add(strings.TrimPrefix(id.String(), ns+":"), id)
		}
	}
	var errs fielderr.List
	apply := func(p string, sels []Selector, set map[iso27002.ControlID]bool, val bool) {
		for i, sel := range sels {
			sp := fielderr.Index(p, i)
			mark := func(tok string) {
				set[byToken[tok]] = val
				if sel.WithChildControls {
					for _, t := range tokens {
						if strings.HasPrefix(t, tok+".") {
							set[byToken[t]] = val
						}
					}
				}
			}
			for j, id := range sel.IDs {
				if _, ok := byToken[id]; !ok {
					errs.Add(fielderr.Index(sp+".with-ids", j), fmt.Errorf("%w: %q is not in %s", ismskit.ErrUnknownControl, id, cat.Name()))
					continue
				}
				mark(id)
			}
			for _, pat := range sel.Patterns {
				for _, t := range tokens {
					if ok, _ := path.Match(pat, t); ok {
						mark(t)
					}
				}
			}
		}
	}
	chosen := map[iso27002.ControlID]bool{}
	for i, in := range s.Imports {
		p := fielderr.Index("profile.imports", i)
		inc := map[iso27002.ControlID]bool{}
		if in.All {
			for id := range cat.IDs() {
				inc[id] = true
			}
		}
		apply(p+".include-controls", in.Include, inc, true)
		apply(p+".exclude-controls", in.Exclude, inc, false)
		for id, ok := range inc {
			if ok {
				chosen[id] = true
			}
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	out := make([]iso27002.ControlID, 0, len(chosen))
	for id := range chosen {
		out = append(out, id)
	}
	slices.SortFunc(out, iso27002.Compare)
	return out, nil
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
		return nil, fielderr.At("metadata", err)
	}
	if catalogHref == "" {
		return nil, fmt.Errorf("%w: empty catalog href", ErrNotRepresentable)
	}
	sorted := slices.Clone(ids)
	slices.SortFunc(sorted, iso27002.Compare)
	sorted = slices.Compact(sorted)
	var with []string
	var errs fielderr.List
	for i, id := range sorted {
		if !id.IsValid() {
			errs.Add(fielderr.Index("ids", i), fmt.Errorf("%w: the zero ControlID", ErrNotRepresentable))
			continue
		}
		with = append(with, ControlToken(id))
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	imp := profileImport{Href: catalogHref}
	if len(with) == 0 {
		return nil, fmt.Errorf("%w: a profile selects at least one control", ErrNotRepresentable)
	}
	imp.IncludeControls = []selectControl{{WithIDs: with}}
	pr := &profile{Metadata: md, Imports: []profileImport{imp}}
	return finish(&profileDoc{Profile: pr}, "profile", &pr.UUID)
}
