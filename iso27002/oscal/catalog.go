package oscal

import (
	"encoding/json"
	"slices"
	"strings"
	"time"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/internal/oscalmodel"
	"github.com/ismskit/ismskit/iso27002"
)

// Catalog is an OSCAL catalog as ImportCatalog read it: the whole
// document, kept so that EncodeCatalog writes it back, and its controls as
// an *iso27002.Catalog (ISO27002) for the risk and soa packages. What the
// iso27002 model has no field for is kept here and read with the methods:
// the OSCAL id, class, label, sort id and parent of each control (Info),
// parameters (Param, Params, Statement), and everything else verbatim for
// the export: statement items, guidance, links, assessment objectives and
// methods, back matter, and the metadata with its parties and roles.
//
// A Catalog is immutable and safe for concurrent use. The zero value and
// a nil *Catalog hold no controls.
type Catalog struct {
	doc      *catalog
	iso      *iso27002.Catalog
	ns       string
	controls map[iso27002.ControlID]*control
	info     map[iso27002.ControlID]ControlInfo
	byOSCAL  map[string]iso27002.ControlID
	params   map[string]*param
}

// ControlInfo is what an OSCAL catalog says about a control beyond the
// fields of iso27002.Control. The zero value describes nothing.
type ControlInfo struct {
	// ID is the control's ID in the iso27002 model ("nist-800-53r5:ac-2.1").
	ID iso27002.ControlID `json:"id,omitzero"`
	// OSCALID is the control's id in the OSCAL document ("ac-2.1").
	OSCALID string `json:"oscalId,omitempty"`
	// Class is the control's class ("SP800-53-enhancement").
	Class string `json:"class,omitempty"`
	// Label is the control's "label" property as the catalog prints it
	// ("AC-2(1)"); with several labels, the one without a class.
	Label string `json:"label,omitempty"`
	// SortID is the control's "sort-id" property ("ac-02.01"), the order a
	// catalog wants its controls listed in.
	SortID string `json:"sortId,omitempty"`
	// Parent is the control this one is nested in (an enhancement's base
	// control: AC-2 for AC-2(1)); zero at the top of a group.
	Parent iso27002.ControlID `json:"parent,omitzero"`
	// Group is the id of the group the control sits in ("ac").
	Group string `json:"group,omitempty"`
}

// Param is a parameter of an OSCAL catalog: a value the organisation
// assigns, which the control text inserts with "{{ insert: param, id }}".
// The zero value is a parameter without an id.
type Param struct {
	// ID identifies the parameter ("ac-1_prm_1"). Required.
	ID string `json:"id"`
	// Class characterises the parameter.
	Class string `json:"class,omitempty"`
	// Label is the placeholder shown when no value is set
	// ("organization-defined personnel or roles").
	Label string `json:"label,omitempty"`
	// Usage describes the purpose and use of the parameter.
	Usage string `json:"usage,omitempty"`
	// Values are the values the catalog itself sets, if any.
	Values []string `json:"values,omitempty"`
	// HowMany is "one" or "one-or-more" for a parameter chosen from
	// Choice; empty when the catalog does not say.
	HowMany string `json:"howMany,omitempty"`
	// Choice lists the values to choose from, for a selection parameter.
	// A choice may itself insert a parameter.
	Choice []string `json:"choice,omitempty"`
	// Constraints restrict the value: each one's description and test
	// expressions.
	Constraints []Constraint `json:"constraints,omitempty"`
	// Guidelines are prose about how to choose a value.
	Guidelines []string `json:"guidelines,omitempty"`
	// DependsOn names another parameter this one depends on (deprecated
	// in OSCAL, kept as the catalog gives it).
	DependsOn string `json:"dependsOn,omitempty"`
	// Aggregates lists the parameters this one is made of (SP 800-53
	// 5.1's organisation-defined parameters, "aggregates" properties in
	// OSCAL's or NIST's RMF namespace).
	Aggregates []string `json:"aggregates,omitempty"`
	// Remarks are the catalog's remarks on the parameter.
	Remarks string `json:"remarks,omitempty"`
}

// Constraint is a constraint on the value of a parameter.
type Constraint struct {
	// Description says what the constraint requires.
	Description string `json:"description,omitempty"`
	// Tests are the expressions that check it.
	Tests []string `json:"tests,omitempty"`
}

// ParamValues sets parameters by their id: {"ac-1_prm_1": {"the CISO"}}.
// A profile's set-parameters give one (Selection.Values); a program can
// build its own. A nil ParamValues sets nothing.
type ParamValues map[string][]string

// ISO27002 returns the catalog's controls as the iso27002 package models
// them, with custom IDs in the import's namespace ("nist-800-53r5:ac-2"),
// for risk registers and Statements of Applicability. A nil Catalog gives
// an empty catalog.
func (c *Catalog) ISO27002() *iso27002.Catalog {
	if c == nil || c.iso == nil {
		return emptyCatalog
	}
	return c.iso
}

var emptyCatalog, _ = iso27002.NewCatalog("", nil)

// Len returns the number of controls, withdrawn ones included.
func (c *Catalog) Len() int { return c.ISO27002().Len() }

// Namespace returns the namespace of the catalog's custom control IDs
// ("nist-800-53r5"), or "" for a nil Catalog.
func (c *Catalog) Namespace() string {
	if c == nil {
		return ""
	}
	return c.ns
}

func (c *Catalog) md() *metadata {
	if c == nil || c.doc == nil || c.doc.Metadata == nil {
		return &metadata{}
	}
	return c.doc.Metadata
}

// Title returns the catalog's metadata title.
func (c *Catalog) Title() string { return c.md().Title }

// Version returns the catalog's own metadata version ("5.0.1").
func (c *Catalog) Version() string { return c.md().Version }

// OSCALVersion returns the OSCAL version the catalog was written in
// ("1.0.0"); EncodeCatalog writes it as OSCALVersion.
func (c *Catalog) OSCALVersion() string { return c.md().OSCALVersion }

// LastModified returns the catalog's own metadata last-modified instant,
// or the zero time if it cannot be read.
func (c *Catalog) LastModified() time.Time {
	t, err := oscalmodel.ParseDateTime(c.md().LastModified)
	if err != nil {
		return time.Time{}
	}
	return t
}

// Info returns what the OSCAL document says about the control id beyond
// the iso27002 model, and whether the catalog holds it.
func (c *Catalog) Info(id iso27002.ControlID) (ControlInfo, bool) {
	if c == nil {
		return ControlInfo{}, false
	}
	in, ok := c.info[id]
	return in, ok
}

// IDOf returns the ID of the control with the OSCAL id oscalID
// ("ac-2.1"), and whether the catalog holds it.
func (c *Catalog) IDOf(oscalID string) (iso27002.ControlID, bool) {
	if c == nil {
		return iso27002.ControlID{}, false
	}
	id, ok := c.byOSCAL[oscalID]
	return id, ok
}

// Param returns the parameter with the given id, wherever the catalog
// declares it (on the catalog, a group or a control), and whether there
// is one.
func (c *Catalog) Param(id string) (Param, bool) {
	if c == nil {
		return Param{}, false
	}
	p, ok := c.params[id]
	if !ok {
		return Param{}, false
	}
	return publicParam(p), true
}

// Params returns the parameters the control id declares, in document
// order; nil for a control without any or not in the catalog.
func (c *Catalog) Params(id iso27002.ControlID) []Param {
	if c == nil {
		return nil
	}
	ctl, ok := c.controls[id]
	if !ok || len(ctl.Params) == 0 {
		return nil
	}
	out := make([]Param, len(ctl.Params))
	for i := range ctl.Params {
		out[i] = publicParam(&ctl.Params[i])
	}
	return out
}

func publicParam(p *param) Param {
	out := Param{ID: p.ID, Class: p.Class, Label: p.Label, Usage: p.Usage, Values: slices.Clone(p.Values),
		DependsOn: p.DependsOn, Remarks: p.Remarks}
	if p.Select != nil {
		out.HowMany, out.Choice = p.Select.HowMany, slices.Clone(p.Select.Choice)
	}
	for _, c := range p.Constraints {
		k := Constraint{Description: c.Description}
		for _, t := range c.Tests {
			k.Tests = append(k.Tests, t.Expression)
		}
		out.Constraints = append(out.Constraints, k)
	}
	for _, g := range p.Guidelines {
		out.Guidelines = append(out.Guidelines, g.Prose)
	}
	out.Aggregates = aggregates(p)
	return out
}

// nsRMF is the namespace of the properties NIST's SP 800-53 5.1 gives
// its parameters ("aggregates").
const nsRMF = "http://csrc.nist.gov/ns/rmf"

func aggregates(p *param) []string { return paramProps(p, "aggregates") }

// paramProps returns the values of a parameter's properties named name,
// in OSCAL's namespace or NIST's RMF namespace.
func paramProps(p *param, name string) []string {
	var out []string
	for _, pr := range p.Props {
		if pr.Name == name && (pr.NS == "" || pr.NS == nsRMF) {
			out = append(out, pr.Value)
		}
	}
	return out
}

// Statement returns the statement of the control id, each item on its own
// line after its label ("a. ..."), with every "{{ insert: param, ... }}"
// resolved: to the values of values if it sets the parameter, else to
// the values the catalog sets, else as SP 800-53 prints an open
// parameter: "[Assignment: organization-defined frequency]", or
// "[Selection (one or more): a; b]" for a choice. A parameter made of
// others (Param.Aggregates) takes their values when it has none of its
// own, and a parameter with an "alt-identifier" property (SP 800-53 5.1's
// organisation-defined parameters name their 5.0 ids so) takes the values
// set for that id. A control without a statement gives "". An ID the catalog does not
// hold is an error of kind ismskit.ErrUnknownControl.
func (c *Catalog) Statement(id iso27002.ControlID, values ParamValues) (string, error) {
	if c == nil {
		return "", fielderr.Errorf(ismskit.ErrUnknownControl, "%s: no catalog", id)
	}
	ctl, ok := c.controls[id]
	if !ok {
		return "", fielderr.Errorf(ismskit.ErrUnknownControl, "%s is not in %s", id, c.Title())
	}
	var b strings.Builder
	for i := range ctl.Parts {
		if pt := &ctl.Parts[i]; pt.Name == "statement" && pt.NS == "" {
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(c.flatten(pt, values))
		}
	}
	return b.String(), nil
}

// Render returns text with every "{{ insert: param, ... }}" resolved as
// Statement resolves it.
func (c *Catalog) Render(text string, values ParamValues) string {
	var params map[string]*param
	if c != nil {
		params = c.params
	}
	return render(text, params, values, 0)
}

// flatten returns the prose of a part and its sub-parts, each on its own
// line after its label, with parameters resolved.
func (c *Catalog) flatten(pt *part, values ParamValues) string {
	var params map[string]*param
	if c != nil {
		params = c.params
	}
	return flattenPart(pt, params, values)
}

func flattenPart(pt *part, params map[string]*param, values ParamValues) string {
	if len(pt.Parts) == 0 && labelOf(pt.Props) == "" && !strings.Contains(pt.Prose, "{{") {
		return pt.Prose // kept exactly, as ExportCatalog wrote it
	}
	var b strings.Builder
	var walk func(pt *part, depth int)
	walk = func(pt *part, depth int) {
		line := strings.TrimSpace(render(pt.Prose, params, values, 0))
		if l := labelOf(pt.Props); l != "" {
			line = strings.TrimSpace(l + " " + line)
		}
		if line != "" {
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(line)
		}
		if depth < maxPartDepth {
			for i := range pt.Parts {
				walk(&pt.Parts[i], depth+1)
			}
		}
	}
	walk(pt, 0)
	return b.String()
}

// maxPartDepth bounds the walk of nested parts; the decoder's depth limit
// bounds it too.
const maxPartDepth = 64

// labelOf returns the OSCAL "label" property without a class, or the
// first label.
func labelOf(props []prop) string {
	first := ""
	for _, p := range props {
		if p.Name == "label" && p.NS == "" {
			if p.Class == "" {
				return p.Value
			}
			if first == "" {
				first = p.Value
			}
		}
	}
	return first
}

func propOf(props []prop, name string) string {
	for _, p := range props {
		if p.Name == name && p.NS == "" {
			return p.Value
		}
	}
	return ""
}

// render resolves the parameter insertions of text.
func render(text string, params map[string]*param, values ParamValues, depth int) string {
	if !strings.Contains(text, "{{") {
		return text
	}
	var b strings.Builder
	for {
		i := strings.Index(text, "{{")
		if i < 0 {
			b.WriteString(text)
			return b.String()
		}
		j := strings.Index(text[i:], "}}")
		if j < 0 {
			b.WriteString(text)
			return b.String()
		}
		b.WriteString(text[:i])
		inner := text[i+2 : i+j]
		text = text[i+j+2:]
		kind, id, ok := strings.Cut(strings.TrimSpace(inner), ",")
		if !ok || strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(kind), "insert:")) != "param" || !strings.HasPrefix(strings.TrimSpace(kind), "insert:") {
			b.WriteString("{{" + inner + "}}")
			continue
		}
		b.WriteString(paramText(strings.TrimSpace(id), params, values, depth))
	}
}

// paramText is the text a parameter insertion stands for.
func paramText(id string, params map[string]*param, values ParamValues, depth int) string {
	if vs, ok := values[id]; ok && len(vs) > 0 {
		return strings.Join(vs, ", ")
	}
	p, ok := params[id]
	if !ok || depth > 8 {
		return "[Assignment: " + id + "]"
	}
	for _, alt := range paramProps(p, "alt-identifier") {
		if vs := values[alt]; len(vs) > 0 {
			return strings.Join(vs, ", ")
		}
	}
	if len(p.Values) > 0 {
		return strings.Join(p.Values, ", ")
	}
	if ag := aggregates(p); len(ag) > 0 {
		var vs []string
		for _, a := range ag {
			if v, ok := values[a]; ok && len(v) > 0 {
				vs = append(vs, v...)
			} else if q, ok := params[a]; ok && len(q.Values) > 0 {
				vs = append(vs, q.Values...)
			}
		}
		if len(vs) > 0 {
			return strings.Join(vs, ", ")
		}
	}
	if p.Select != nil && len(p.Select.Choice) > 0 {
		choices := make([]string, len(p.Select.Choice))
		for i, ch := range p.Select.Choice {
			choices[i] = strings.TrimSpace(render(ch, params, values, depth+1))
		}
		head := "[Selection: "
		if p.Select.HowMany == "one-or-more" {
			head = "[Selection (one or more): "
		}
		return head + strings.Join(choices, "; ") + "]"
	}
	if p.Label != "" {
		return "[Assignment: " + render(p.Label, params, values, depth+1) + "]"
	}
	return "[Assignment: " + id + "]"
}

// MarshalJSON returns the catalog as OSCAL JSON, as EncodeCatalog writes
// it; a nil or zero Catalog is null.
func (c *Catalog) MarshalJSON() ([]byte, error) {
	if c == nil || c.doc == nil {
		return []byte("null"), nil
	}
	return EncodeCatalog(c)
}

// UnmarshalJSON reads OSCAL JSON as ImportCatalog does, with
// DefaultNamespace and the default limits; null leaves c unchanged.
func (c *Catalog) UnmarshalJSON(data []byte) error {
	if c == nil {
		return fielderr.Errorf(ismskit.ErrMissing, "UnmarshalJSON into a nil *Catalog")
	}
	if string(data) == "null" {
		return nil
	}
	cat, err := ImportCatalog(data, ImportOptions{})
	if err != nil {
		return err
	}
	*c = *cat
	return nil
}

var _ json.Marshaler = (*Catalog)(nil)
