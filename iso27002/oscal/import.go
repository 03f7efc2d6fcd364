package oscal

import (
	"context"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/codec"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/internal/oscalmodel"
	"github.com/ismskit/ismskit/internal/strictjson"
	"github.com/ismskit/ismskit/iso27002"
)

// DefaultNamespace is the namespace of the custom control IDs of an
// imported catalog whose ImportOptions leave Namespace empty.
const DefaultNamespace = "oscal"

// ImportOptions controls ImportCatalog and ImportProfile. The zero value
// is ready to use. The limits of the decoding (size, depth, number of
// problems reported) are ismskit.DecodeOption values, given after the
// options, as for every decoder of ismskit.
type ImportOptions struct {
	// Namespace is the namespace of the custom control IDs the imported
	// controls get: "nist-800-53r5" makes the OSCAL control "ac-2" the
	// control "nist-800-53r5:ac-2". Empty means DefaultNamespace. It is not
	// used for controls that carry ismskit's own "control-id" property.
	Namespace string `json:"namespace,omitempty"`
}

func (o ImportOptions) namespace() string {
	if o.Namespace == "" {
		return DefaultNamespace
	}
	return o.Namespace
}

// importer carries the state of one ImportCatalog call.
type importer struct {
	ns       string
	errs     fielderr.List
	ctlPaths []string // JSON path of each control, by position in controls
	grpPaths []string // JSON path of each group, by position in groups
	controls []iso27002.Control
	groups   []iso27002.Group
	nCtl     int               // controls the first pass saw
	nGrp     int               // groups the first pass saw
	ids      map[string]string // OSCAL control and group ids seen, to their paths
	cat      *Catalog
	owner    map[string]string // part id -> OSCAL id of its control
	moved    map[int][]string  // control position -> hrefs it moved to
}

// ImportCatalog reads an OSCAL catalog in JSON (any OSCAL 1.x catalog:
// NIST SP 800-53 rev 5, a company's own, or one that ExportCatalog wrote)
// and keeps all of it: ISO27002 gives its controls to risk and soa through
// the same API as the built-in catalogs, EncodeCatalog writes it back, and
// the other methods of Catalog read what the iso27002 model has no field
// for.
//
//   - Every control, at any depth (control enhancements such as "ac-2.1"
//     included), becomes a control with the custom ID
//     "<namespace>:<OSCAL id>" ("nist-800-53r5:ac-2"), its title, and its
//     Group set to the id of the group it sits in; Info gives its parent
//     control, class, label and sort id. The text of its "statement" part,
//     with the labels of nested items and every parameter resolved as
//     Catalog.Statement resolves it without values, becomes Text.Control,
//     and that of its "guidance" part Text.Guidance, so Catalog.Search
//     finds them; an "overview" part becomes its Summary.
//   - A control with the "status" property "withdrawn" (in any case: SP
//     800-53 rev 4 writes "Withdrawn") is Withdrawn, with
//     MovedTo naming the controls its "moved-to" and "incorporated-into"
//     links lead to (a link to a statement item leads to the item's
//     control): Search and Select leave it out, and an SoA reports it.
//   - Every group becomes a Group, with the enclosing group as its Parent.
//     A group without an id gets one made from its position ("#2/0"), which
//     can never clash with a token.
//   - A catalog that ExportCatalog wrote (its controls carry the
//     "control-id" property in Namespace) comes back as it went out: ISO
//     IDs, themes, attributes, summaries, titles, groups and licensed text.
//
// Decoding is strict about structure and single-pass: a key that the
// OSCAL schema does not define, a value of the wrong type, trailing data
// or malformed JSON is an error (ismskit.ErrUnknownField, ErrType,
// ErrTrailingData, ErrSyntax). The rules of the schema that matter for the
// catalog are checked too: a missing uuid, metadata or title
// (ismskit.ErrMissing), an id or name that is not a token
// (ismskit.ErrInvalidID), a title over several lines (ErrInvalid), an id
// given twice (ismskit.ErrDuplicateID). limits bound the input's size and
// nesting (ismskit.ErrTooLarge, ErrTooDeep) and the number of problems
// reported. Every problem is a *ismskit.Error with its JSON path
// ("catalog.groups[1].controls[4].id"), all of them joined. ImportCatalog
// never panics, whatever its input.
func ImportCatalog(data []byte, opts ImportOptions, limits ...ismskit.DecodeOption) (*Catalog, error) {
	return ImportCatalogContext(context.Background(), data, opts, limits...)
}

// ReadCatalog reads an OSCAL catalog from r, never past the byte limit of
// limits, and imports it as ImportCatalog does.
func ReadCatalog(r io.Reader, opts ImportOptions, limits ...ismskit.DecodeOption) (*Catalog, error) {
	data, err := codec.ReadAll(r, limits)
	if err != nil {
		return nil, err
	}
	return ImportCatalog(data, opts, limits...)
}

// ImportCatalogContext is ImportCatalog that stops when ctx is done, with
// an error wrapping ctx.Err(), so that a server can drop an import its
// request no longer needs.
func ImportCatalogContext(ctx context.Context, data []byte, opts ImportOptions, limits ...ismskit.DecodeOption) (*Catalog, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	var doc catalogDoc
	if err := strictjson.UnmarshalContext(ctx, data, &doc, limits...); err != nil {
		return nil, err
	}
	if doc.Catalog == nil {
		return nil, &ismskit.Error{Path: "catalog", Err: fielderr.Errorf(ismskit.ErrMissing, "no catalog")}
	}
	c := doc.Catalog
	im := &importer{ns: opts.namespace(), ids: map[string]string{}, owner: map[string]string{}, moved: map[int][]string{}}
	im.errs.Max = ismskit.LimitsOf(limits...).MaxProblems
	if _, err := iso27002.Parse(im.ns + ":x"); err != nil {
		return nil, &ismskit.Error{Path: "options.namespace", Err: fielderr.Errorf(ismskit.ErrInvalidID, "namespace %q: %v", im.ns, err)}
	}
	im.cat = &Catalog{doc: c, ns: im.ns, controls: map[iso27002.ControlID]*control{}, info: map[iso27002.ControlID]ControlInfo{},
		byOSCAL: map[string]iso27002.ControlID{}, params: map[string]*param{}}
	if !oscalmodel.IsUUID(c.UUID) {
		im.errs.Add("catalog.uuid", fielderr.Errorf(ErrInvalid, "%q is not a UUID", clip(c.UUID)))
	}
	name := im.metadata("catalog.metadata", c.Metadata)
	// First pass: parameters and part ids, which control text refers to.
	im.collect("catalog.params", c.Params, nil, nil)
	for i := range c.Groups {
		im.collectGroup(fielderr.Index("catalog.groups", i), &c.Groups[i])
	}
	for i := range c.Controls {
		im.collectControl(fielderr.Index("catalog.controls", i), &c.Controls[i])
	}
	if err := ctx.Err(); err != nil {
		return nil, &ismskit.Error{Err: err}
	}
	// Second pass: the controls and groups, into slices of the size the
	// first pass counted (grown by appending, the slice of controls, 200
	// bytes each, was reallocated and copied some fifteen times for
	// 20,000 controls).
	// None stays nil, as before.
	if im.nCtl > 0 {
		im.controls, im.ctlPaths = make([]iso27002.Control, 0, im.nCtl), make([]string, 0, im.nCtl)
	}
	if im.nGrp > 0 {
		im.groups, im.grpPaths = make([]iso27002.Group, 0, im.nGrp), make([]string, 0, im.nGrp)
	}
	for i := range c.Groups {
		im.group(fielderr.Index("catalog.groups", i), &c.Groups[i], "", "#"+strconv.Itoa(i))
	}
	for i := range c.Controls {
		im.control(fielderr.Index("catalog.controls", i), &c.Controls[i], "", iso27002.ControlID{})
	}
	im.resolveMoves()
	if err := im.errs.Err(); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, &ismskit.Error{Err: err}
	}
	cat, err := iso27002.NewCatalog(name, im.controls, im.groups...)
	if err != nil {
		return nil, im.remap(err)
	}
	im.cat.iso = cat
	return im.cat, nil
}

func clip(s string) string {
	if len(s) > 64 {
		return s[:61] + "..."
	}
	return s
}

// metadata checks the metadata and returns the catalog's name.
func (im *importer) metadata(p string, md *metadata) string {
	if md == nil {
		im.errs.Add(p, fielderr.Errorf(ismskit.ErrMissing, "no metadata"))
		return ""
	}
	if !isMarkupLine(md.Title) {
		im.errs.Add(p+".title", fielderr.Errorf(ErrInvalid, "empty or over several lines"))
	}
	for _, f := range []struct{ key, val string }{{"last-modified", md.LastModified}, {"version", md.Version}, {"oscal-version", md.OSCALVersion}} {
		if !isStringValue(f.val) {
			im.errs.Add(fielderr.Key(p, f.key), fielderr.Errorf(ismskit.ErrMissing, "missing or empty"))
		}
	}
	if md.LastModified != "" {
		if _, err := oscalmodel.ParseDateTime(md.LastModified); err != nil {
			im.errs.Add(fielderr.Key(p, "last-modified"), err)
		}
	}
	im.props(p+".props", md.Props)
	name := md.Title
	for _, pr := range md.Props {
		if pr.NS == Namespace && pr.Name == "catalog-name" {
			name = pr.Value
		}
	}
	return name
}

// props checks the properties that the schema constrains.
func (im *importer) props(p string, props []prop) {
	if propsOK(props) {
		return
	}
	for i, pr := range props {
		pp := fielderr.Index(p, i)
		if !isToken(pr.Name) {
			im.errs.Add(pp+".name", fielderr.Errorf(ismskit.ErrInvalidID, "%q is not a token", clip(pr.Name)))
		}
		if !isStringValue(pr.Value) {
			im.errs.Add(pp+".value", fielderr.Errorf(ErrInvalid, "empty or with surrounding spaces"))
		}
	}
}

// checkID records an OSCAL id and reports it if it is not a token or was
// seen before.
func (im *importer) checkID(p, id string) {
	switch prev, dup := im.ids[id]; {
	case !isToken(id):
		im.errs.Add(p, fielderr.Errorf(ismskit.ErrInvalidID, "%q is not a token", clip(id)))
	case dup:
		im.errs.Add(p, fielderr.Errorf(ismskit.ErrDuplicateID, "%q is also %s", clip(id), prev))
	default:
		im.ids[id] = p
	}
}

// collect records parameters and the owners of part ids.
func (im *importer) collect(p string, params []param, parts []part, owner *string) {
	for i := range params {
		pm := &params[i]
		switch _, dup := im.cat.params[pm.ID]; {
		case !isToken(pm.ID):
			im.errs.Add(fielderr.Index(p, i)+".id", fielderr.Errorf(ismskit.ErrInvalidID, "%q is not a token", clip(pm.ID)))
		case dup:
			im.errs.Add(fielderr.Index(p, i)+".id", fielderr.Errorf(ismskit.ErrDuplicateID, "parameter %q is declared twice", clip(pm.ID)))
		default:
			im.cat.params[pm.ID] = pm
		}
		if !propsOK(pm.Props) {
			im.props(fielderr.Index(p, i)+".props", pm.Props)
		}
		if pm.Select != nil && pm.Select.HowMany != "" && pm.Select.HowMany != "one" && pm.Select.HowMany != "one-or-more" {
			im.errs.Add(fielderr.Key(fielderr.Index(p, i)+".select", "how-many"), fielderr.Errorf(ismskit.ErrUnknownValue, "%q, want one or one-or-more", clip(pm.Select.HowMany)))
		}
	}
	if owner != nil {
		var walk func(parts []part)
		walk = func(parts []part) {
			for i := range parts {
				if parts[i].ID != "" {
					im.owner[parts[i].ID] = *owner
				}
				walk(parts[i].Parts)
			}
		}
		walk(parts)
	}
}

func (im *importer) collectGroup(p string, g *group) {
	im.nGrp++
	im.collect(p+".params", g.Params, nil, nil)
	for i := range g.Groups {
		im.collectGroup(fielderr.Index(p+".groups", i), &g.Groups[i])
	}
	for i := range g.Controls {
		im.collectControl(fielderr.Index(p+".controls", i), &g.Controls[i])
	}
}

func (im *importer) collectControl(p string, c *control) {
	im.nCtl++
	im.collect(p+".params", c.Params, c.Parts, &c.ID)
	for i := range c.Controls {
		im.collectControl(fielderr.Index(p+".controls", i), &c.Controls[i])
	}
}

func (im *importer) group(p string, g *group, parent, auto string) {
	id := g.ID
	if id == "" {
		id = auto
	} else {
		im.checkID(p+".id", g.ID)
	}
	if !isMarkupLine(g.Title) {
		im.errs.Add(p+".title", fielderr.Errorf(ErrInvalid, "empty or over several lines"))
	}
	im.props(p+".props", g.Props)
	for _, pr := range g.Props {
		if pr.NS == Namespace && pr.Name == "group-id" {
			id = pr.Value
		}
	}
	summary, _ := im.parts(p+".parts", g.Parts)
	im.groups = append(im.groups, iso27002.Group{ID: id, Title: g.Title, Parent: parent, Summary: summary})
	im.grpPaths = append(im.grpPaths, p)
	for i := range g.Groups {
		im.group(fielderr.Index(p+".groups", i), &g.Groups[i], id, auto+"/"+strconv.Itoa(i))
	}
	for i := range g.Controls {
		im.control(fielderr.Index(p+".controls", i), &g.Controls[i], id, iso27002.ControlID{})
	}
}

// parts reads a list of parts: it returns the summary (ismskit's summary
// part or OSCAL's overview) and the licensed or catalog text.
func (im *importer) parts(p string, parts []part) (summary string, text iso27002.LicensedText) {
	for i := range parts {
		pt := &parts[i]
		if !partOK(pt, 0) {
			im.checkPart(fielderr.Index(p, i), pt, 0)
		}
		ours := pt.NS == Namespace
		switch {
		case ours && pt.Name == "summary", pt.NS == "" && pt.Name == "overview" && summary == "":
			summary = pt.Prose
		case ours && pt.Name == "purpose":
			text.Purpose = pt.Prose
		case ours && pt.Name == "other":
			text.Other = pt.Prose
		case pt.NS == "" && pt.Name == "statement":
			text.Control = joinText(text.Control, flattenPart(pt, im.cat.params, nil))
		case pt.NS == "" && pt.Name == "guidance":
			text.Guidance = joinText(text.Guidance, flattenPart(pt, im.cat.params, nil))
		}
	}
	return summary, text
}

// propsOK reports whether every property is valid, without building
// paths.
func propsOK(props []prop) bool {
	for _, pr := range props {
		if !isToken(pr.Name) || !isStringValue(pr.Value) {
			return false
		}
	}
	return true
}

// partOK reports whether a part and its sub-parts are valid, without
// building paths.
func partOK(pt *part, depth int) bool {
	if !isToken(pt.Name) || pt.ID != "" && !isToken(pt.ID) || pt.Title != "" && !isMarkupLine(pt.Title) || !propsOK(pt.Props) {
		return false
	}
	if depth < maxPartDepth {
		for i := range pt.Parts {
			if !partOK(&pt.Parts[i], depth+1) {
				return false
			}
		}
	}
	return true
}

func (im *importer) checkPart(p string, pt *part, depth int) {
	if partOK(pt, depth) {
		return
	}
	if !isToken(pt.Name) {
		im.errs.Add(p+".name", fielderr.Errorf(ismskit.ErrInvalidID, "%q is not a token", clip(pt.Name)))
	}
	if pt.ID != "" && !isToken(pt.ID) {
		im.errs.Add(p+".id", fielderr.Errorf(ismskit.ErrInvalidID, "%q is not a token", clip(pt.ID)))
	}
	if pt.Title != "" && !isMarkupLine(pt.Title) {
		im.errs.Add(p+".title", fielderr.Errorf(ErrInvalid, "over several lines"))
	}
	im.props(p+".props", pt.Props)
	if depth < maxPartDepth {
		for i := range pt.Parts {
			im.checkPart(fielderr.Index(p+".parts", i), &pt.Parts[i], depth+1)
		}
	}
}

func joinText(a, b string) string {
	if a == "" || b == "" {
		return a + b
	}
	return a + "\n" + b
}

func (im *importer) control(p string, c *control, groupID string, parent iso27002.ControlID) {
	im.checkID(p+".id", c.ID)
	if !isMarkupLine(c.Title) {
		im.errs.Add(p+".title", fielderr.Errorf(ErrInvalid, "empty or over several lines"))
	}
	im.props(p+".props", c.Props)
	ctl := iso27002.Control{Title: c.Title}
	ours := false
	for i, pr := range c.Props {
		if pr.NS == "" && pr.Name == "status" && strings.EqualFold(pr.Value, "withdrawn") {
			ctl.Withdrawn = true
		}
		if pr.NS != Namespace {
			continue
		}
		pp := fielderr.Index(p+".props", i) + ".value"
		switch pr.Name {
		case "control-id":
			id, err := iso27002.Parse(pr.Value)
			im.errs.Add(pp, err)
			ctl.ID, ours = id, err == nil
		case "theme":
			t, err := iso27002.ParseTheme(pr.Value)
			im.errs.Add(pp, err)
			ctl.Theme = t
		case "group":
			ctl.Group = pr.Value
		case "new":
			ctl.New = pr.Value == "true"
			if pr.Value != "true" && pr.Value != "false" {
				im.errs.Add(pp, fielderr.Errorf(ismskit.ErrUnknownValue, "%q, want true or false", clip(pr.Value)))
			}
		case "annex-a-title":
			ctl.AnnexATitle = pr.Value
		default:
			for t := range iso27002.AttributeTypes() {
				if pr.Name != attrPropNames[t] {
					continue
				}
				a, err := iso27002.ParseAttribute(pr.Value)
				if err == nil && a.Type() != t {
					err = fielderr.Errorf(ismskit.ErrUnknownValue, "%s is not a value of %s", a, t)
				}
				im.errs.Add(pp, err)
				ctl.Attributes = ctl.Attributes.With(a)
			}
		}
	}
	ctl.Summary, ctl.Text = im.parts(p+".parts", c.Parts)
	if !ours {
		id, err := iso27002.Parse(im.ns + ":" + c.ID)
		if err != nil && isToken(c.ID) {
			im.errs.Add(p+".id", err)
		}
		ctl.ID = id
		if ctl.Group == "" {
			ctl.Group = groupID
		}
	}
	if ctl.Withdrawn {
		for _, l := range c.Links {
			if l.Rel == "moved-to" || l.Rel == "incorporated-into" {
				im.moved[len(im.controls)] = append(im.moved[len(im.controls)], l.Href)
			}
		}
	}
	if ctl.ID.IsValid() && isToken(c.ID) {
		if _, dup := im.cat.controls[ctl.ID]; !dup {
			im.cat.controls[ctl.ID] = c
			im.cat.byOSCAL[c.ID] = ctl.ID
			im.cat.info[ctl.ID] = ControlInfo{ID: ctl.ID, OSCALID: c.ID, Class: c.Class, Label: labelOf(c.Props),
				SortID: propOf(c.Props, "sort-id"), Parent: parent, Group: ctl.Group}
		}
	}
	im.controls = append(im.controls, ctl)
	im.ctlPaths = append(im.ctlPaths, p)
	for i := range c.Controls {
		im.control(fielderr.Index(p+".controls", i), &c.Controls[i], groupID, ctl.ID)
	}
}

// resolveMoves sets MovedTo of the withdrawn controls from the targets of
// their links: "#ac-2" is control ac-2, "#ac-2_smt.k" the control whose
// statement holds that item. A link elsewhere (another document) is kept
// in the OSCAL document only.
func (im *importer) resolveMoves() {
	for i, hrefs := range im.moved {
		var to []iso27002.ControlID
		for _, h := range hrefs {
			frag, ok := strings.CutPrefix(h, "#")
			if !ok {
				continue
			}
			if o, ok := im.owner[frag]; ok {
				frag = o
			}
			if id, ok := im.cat.byOSCAL[frag]; ok && !slices.Contains(to, id) {
				to = append(to, id)
			}
		}
		im.controls[i].MovedTo = to
	}
}

// remap rewrites the paths of iso27002.NewCatalog's errors
// ("controls[3].theme", "groups[1].parent") into JSON paths of the
// document.
func (im *importer) remap(err error) error {
	var out fielderr.List
	for _, fe := range ismskit.Problems(err) {
		done := false
		for _, t := range []struct {
			prefix string
			paths  []string
		}{{"controls[", im.ctlPaths}, {"groups[", im.grpPaths}} {
			if rest, ok := strings.CutPrefix(fe.Path, t.prefix); ok {
				if n, tail, ok := strings.Cut(rest, "]"); ok {
					if i, e := strconv.Atoi(n); e == nil && i >= 0 && i < len(t.paths) {
						out.Add("", &ismskit.Error{Path: t.paths[i] + tail, Err: fe.Err})
						done = true
						break
					}
				}
			}
		}
		if !done {
			out.Add("", &ismskit.Error{Path: fielderr.JoinPath("catalog", fe.Path), Err: fe.Err})
		}
	}
	return out.Err()
}
