package oscal

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/internal/strictjson"
	"github.com/ismskit/ismskit/iso27002"
)

// Default limits of an import.
const (
	// DefaultMaxBytes is the largest document ImportCatalog and
	// ImportProfile read unless ImportOptions says otherwise: 64 MiB, about
	// six times NIST's SP 800-53 rev 5 catalog.
	DefaultMaxBytes = 64 << 20
	// DefaultMaxDepth is the deepest nesting of JSON objects and arrays
	// accepted unless ImportOptions says otherwise. OSCAL catalogs nest
	// about 20 deep.
	DefaultMaxDepth = 128
	// MaxDepthLimit caps ImportOptions.MaxDepth, as encoding/json does, so
	// that no input can exhaust the stack.
	MaxDepthLimit = 10000
	// DefaultNamespace is the namespace of the custom control IDs of an
	// imported catalog whose ImportOptions leave Namespace empty.
	DefaultNamespace = "oscal"
)

// ImportOptions controls ImportCatalog and ImportProfile. The zero value
// is ready to use.
type ImportOptions struct {
	// Namespace is the namespace of the custom control IDs the imported
	// controls get: "nist-800-53r5" makes the OSCAL control "ac-2" the
	// control "nist-800-53r5:ac-2". Empty means DefaultNamespace. It is not
	// used for controls that carry ismskit's own "control-id" property.
	Namespace string
	// MaxBytes is the largest document accepted; 0 means DefaultMaxBytes.
	MaxBytes int
	// MaxDepth is the deepest nesting of JSON values accepted; 0 means
	// DefaultMaxDepth, and values above MaxDepthLimit mean MaxDepthLimit.
	MaxDepth int
}

func (o ImportOptions) namespace() string {
	if o.Namespace == "" {
		return DefaultNamespace
	}
	return o.Namespace
}

// precheck enforces the size and depth limits before any parsing, so that
// a huge or deeply nested document costs one linear scan.
func (o ImportOptions) precheck(data []byte) error {
	maxBytes, maxDepth := o.MaxBytes, o.MaxDepth
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	if maxDepth <= 0 {
		maxDepth = DefaultMaxDepth
	}
	maxDepth = min(maxDepth, MaxDepthLimit)
	if len(data) > maxBytes {
		return &ismskit.Error{Err: fmt.Errorf("%w: %d bytes, the limit is %d", ismskit.ErrTooLarge, len(data), maxBytes)}
	}
	depth, inString, escaped := 0, false, false
	for i, c := range data {
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '{' || c == '[':
			depth++
			if depth > maxDepth {
				return &ismskit.Error{Err: fmt.Errorf("%w: nested deeper than %d at offset %d", ismskit.ErrTooLarge, maxDepth, i)}
			}
		case c == '}' || c == ']':
			depth--
		}
	}
	return nil
}

var uuidRE = regexp.MustCompile(`^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[45][0-9A-Fa-f]{3}-[89ABab][0-9A-Fa-f]{3}-[0-9A-Fa-f]{12}$`)

// importer carries the state of one ImportCatalog call.
type importer struct {
	ns       string
	errs     fielderr.List
	ctlPaths []string // JSON path of each control, by position in controls
	grpPaths []string // JSON path of each group, by position in groups
	controls []iso27002.Control
	groups   []iso27002.Group
	ids      map[string]string // OSCAL control and group ids seen, to their paths
}

// ImportCatalog reads an OSCAL catalog in JSON (any OSCAL 1.x catalog:
// NIST SP 800-53 rev 5, a company's own, or one that ExportCatalog wrote)
// and returns it as an iso27002.Catalog, which risk and soa use through
// the same API as the built-in catalogs.
//
//   - Every control, at any depth (control enhancements such as "ac-2.1"
//     included), becomes a control with the custom ID
//     "<namespace>:<OSCAL id>" ("nist-800-53r5:ac-2"), its title, and its
//     Group set to the id of the group it sits in. The prose of its
//     "statement" part, with the labels of nested parts, becomes
//     Text.Control and that of its "guidance" part Text.Guidance, so
//     Catalog.Search finds them; an "overview" part becomes its Summary.
//   - Every group becomes a Group, with the enclosing group as its Parent.
//     A group without an id gets one made from its position ("#2/0"), which
//     can never clash with a token. JSON nesting cannot express a cycle,
//     so there is none to find.
//   - A catalog that ExportCatalog wrote (its controls carry the
//     "control-id" property in Namespace) comes back as it went out: ISO
//     IDs, themes, attributes, summaries, titles, groups and licensed text.
//
// Decoding is strict about structure: a key that the OSCAL schema does not
// define, a value of the wrong type, trailing data or malformed JSON is an
// error (ErrUnknownField, ErrType, ErrTrailingData, ErrSyntax). The rules
// of the schema that matter for the catalog are checked too (ErrInvalid: a
// missing uuid, metadata or title, an id that is not a token;
// ErrDuplicateID), as are the limits of opts (ErrTooLarge). Parameters,
// links, back matter and properties of other namespaces are accepted as
// the schema allows and not kept. Every problem is a *ismskit.Error with its
// JSON path ("catalog.groups[1].controls[4].id"), and all of them are
// reported, joined. ImportCatalog never panics, whatever its input.
func ImportCatalog(data []byte, opts ImportOptions) (*iso27002.Catalog, error) {
	if err := opts.precheck(data); err != nil {
		return nil, err
	}
	var doc catalogDoc
	if err := strictjson.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	if doc.Catalog == nil {
		return nil, &ismskit.Error{Path: "catalog", Err: fmt.Errorf("%w: missing", ErrInvalid)}
	}
	c := doc.Catalog
	im := &importer{ns: opts.namespace(), ids: map[string]string{}}
	if _, err := iso27002.Parse(im.ns + ":x"); err != nil {
		return nil, fmt.Errorf("%w: namespace %q: %w", ErrInvalid, im.ns, err)
	}
	if !uuidRE.MatchString(c.UUID) {
		im.errs.Add("catalog.uuid", fmt.Errorf("%w: %q is not a UUID", ErrInvalid, c.UUID))
	}
	name := im.metadata("catalog.metadata", c.Metadata)
	for i := range c.Groups {
		im.group(fielderr.Index("catalog.groups", i), &c.Groups[i], "", "#"+strconv.Itoa(i))
	}
	for i := range c.Controls {
		im.control(fielderr.Index("catalog.controls", i), &c.Controls[i], "")
	}
	if err := im.errs.Err(); err != nil {
		return nil, err
	}
	cat, err := iso27002.NewCatalog(name, im.controls, im.groups...)
	if err != nil {
		return nil, im.remap(err)
	}
	return cat, nil
}

// metadata checks the metadata and returns the catalog's name.
func (im *importer) metadata(p string, md *metadata) string {
	if md == nil {
		im.errs.Add(p, fmt.Errorf("%w: missing", ErrInvalid))
		return ""
	}
	if !isMarkupLine(md.Title) {
		im.errs.Add(p+".title", fmt.Errorf("%w: empty or over several lines", ErrInvalid))
	}
	for _, f := range []struct{ key, val string }{{"last-modified", md.LastModified}, {"version", md.Version}, {"oscal-version", md.OSCALVersion}} {
		if !isStringValue(f.val) {
			im.errs.Add(p+"."+f.key, fmt.Errorf("%w: missing or empty", ErrInvalid))
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
	for i, pr := range props {
		pp := fielderr.Index(p, i)
		if !isToken(pr.Name) {
			im.errs.Add(pp+".name", fmt.Errorf("%w: %q is not a token", ErrInvalid, pr.Name))
		}
		if !isStringValue(pr.Value) {
			im.errs.Add(pp+".value", fmt.Errorf("%w: empty or with surrounding spaces", ErrInvalid))
		}
	}
}

// checkID records an OSCAL id and reports it if it is not a token or was
// seen before.
func (im *importer) checkID(p, id string) {
	switch prev, dup := im.ids[id]; {
	case !isToken(id):
		im.errs.Add(p, fmt.Errorf("%w: %q is not a token", ErrInvalid, id))
	case dup:
		im.errs.Add(p, fmt.Errorf("%w: %q is also %s", ismskit.ErrDuplicateID, id, prev))
	default:
		im.ids[id] = p
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
		im.errs.Add(p+".title", fmt.Errorf("%w: empty or over several lines", ErrInvalid))
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
		im.control(fielderr.Index(p+".controls", i), &g.Controls[i], id)
	}
}

// parts reads a list of parts: it returns the summary (ismskit's summary
// part or OSCAL's overview) and the licensed or catalog text.
func (im *importer) parts(p string, parts []part) (summary string, text iso27002.LicensedText) {
	for i := range parts {
		pt := &parts[i]
		pp := fielderr.Index(p, i)
		im.checkPart(pp, pt)
		ours := pt.NS == Namespace
		switch {
		case ours && pt.Name == "summary", pt.NS == "" && pt.Name == "overview" && summary == "":
			summary = pt.Prose
		case ours && pt.Name == "purpose":
			text.Purpose = pt.Prose
		case ours && pt.Name == "other":
			text.Other = pt.Prose
		case pt.NS == "" && pt.Name == "statement":
			text.Control = joinText(text.Control, flatten(pt))
		case pt.NS == "" && pt.Name == "guidance":
			text.Guidance = joinText(text.Guidance, flatten(pt))
		}
	}
	return summary, text
}

func (im *importer) checkPart(p string, pt *part) {
	if !isToken(pt.Name) {
		im.errs.Add(p+".name", fmt.Errorf("%w: %q is not a token", ErrInvalid, pt.Name))
	}
	if pt.ID != "" && !isToken(pt.ID) {
		im.errs.Add(p+".id", fmt.Errorf("%w: %q is not a token", ErrInvalid, pt.ID))
	}
	if pt.Title != "" && !isMarkupLine(pt.Title) {
		im.errs.Add(p+".title", fmt.Errorf("%w: over several lines", ErrInvalid))
	}
	im.props(p+".props", pt.Props)
	for i := range pt.Parts {
		im.checkPart(fielderr.Index(p+".parts", i), &pt.Parts[i])
	}
}

// flatten returns the prose of a part and its sub-parts, each sub-part on
// its own line after its label ("a. ..."), depth first.
func flatten(pt *part) string {
	if len(pt.Parts) == 0 && !hasLabel(pt) {
		return pt.Prose // kept exactly, as ExportCatalog wrote it
	}
	var b strings.Builder
	var walk func(pt *part)
	walk = func(pt *part) {
		line := strings.TrimSpace(pt.Prose)
		for _, pr := range pt.Props {
			if pr.Name == "label" && pr.NS == "" {
				line = strings.TrimSpace(pr.Value + " " + line)
			}
		}
		if line != "" {
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(line)
		}
		for i := range pt.Parts {
			walk(&pt.Parts[i])
		}
	}
	walk(pt)
	return b.String()
}

func hasLabel(pt *part) bool {
	for _, pr := range pt.Props {
		if pr.Name == "label" && pr.NS == "" {
			return true
		}
	}
	return false
}

func joinText(a, b string) string {
	if a == "" || b == "" {
		return a + b
	}
	return a + "\n" + b
}

func (im *importer) control(p string, c *control, groupID string) {
	im.checkID(p+".id", c.ID)
	if !isMarkupLine(c.Title) {
		im.errs.Add(p+".title", fmt.Errorf("%w: empty or over several lines", ErrInvalid))
	}
	im.props(p+".props", c.Props)
	ctl := iso27002.Control{Title: c.Title}
	ours := false
	var errs fielderr.List
	for i, pr := range c.Props {
		if pr.NS != Namespace {
			continue
		}
		pp := fielderr.Index(p+".props", i) + ".value"
		switch pr.Name {
		case "control-id":
			id, err := iso27002.Parse(pr.Value)
			errs.Add(pp, err)
			ctl.ID, ours = id, err == nil
		case "theme":
			t, err := iso27002.ParseTheme(pr.Value)
			errs.Add(pp, err)
			ctl.Theme = t
		case "group":
			ctl.Group = pr.Value
		case "new":
			ctl.New = pr.Value == "true"
			if pr.Value != "true" && pr.Value != "false" {
				errs.Add(pp, fmt.Errorf("%w: %q, want true or false", ismskit.ErrUnknownValue, pr.Value))
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
					err = fmt.Errorf("%w: %s is not a value of %s", ismskit.ErrUnknownValue, a, t.Title())
				}
				errs.Add(pp, err)
				ctl.Attributes = ctl.Attributes.With(a)
			}
		}
	}
	im.errs.Add("", errs.Err())
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
	im.controls = append(im.controls, ctl)
	im.ctlPaths = append(im.ctlPaths, p)
	for i := range c.Controls {
		im.control(fielderr.Index(p+".controls", i), &c.Controls[i], groupID)
	}
}

// remap rewrites the paths of iso27002.NewCatalog's errors
// ("controls[3].theme", "groups[1].parent") into JSON paths of the
// document.
func (im *importer) remap(err error) error {
	var out []error
	var walk func(err error)
	walk = func(err error) {
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range j.Unwrap() {
				walk(e)
			}
			return
		}
		var fe *ismskit.Error
		if errors.As(err, &fe) {
			for _, t := range []struct {
				prefix string
				paths  []string
			}{{"controls[", im.ctlPaths}, {"groups[", im.grpPaths}} {
				if rest, ok := strings.CutPrefix(fe.Path, t.prefix); ok {
					if n, tail, ok := strings.Cut(rest, "]"); ok {
						if i, e := strconv.Atoi(n); e == nil && i >= 0 && i < len(t.paths) {
							out = append(out, &ismskit.Error{Path: t.paths[i] + tail, Err: fe.Err})
							return
						}
					}
				}
			}
			out = append(out, &ismskit.Error{Path: "catalog." + fe.Path, Err: fe.Err})
			return
		}
		out = append(out, &ismskit.Error{Path: "catalog", Err: err})
	}
	walk(err)
	return errors.Join(out...)
}
