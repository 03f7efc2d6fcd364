package regulation

import (
	"encoding/json"
	"io"
	"slices"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/codec"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/soa"
)

// ErrNotMapped: a change drops a control that the built-in mapping does
// not give the requirement.
var ErrNotMapped = ismskit.NewKind("not-mapped", "control not mapped to the requirement")

// Tailoring says which regulations and requirements apply to an
// organisation (ISO/IEC 27001:2022 clause 4.2 c: the requirements of
// interested parties that the ISMS addresses) and how the organisation
// adjusts their mapping to Annex A, each change with its reason. It is a
// document the caller stores: DecodeTailoring reads it, Obligations turns
// it into soa.Obligations for soa.Generate, and CoverageOf uses the same
// mapping.
//
// The zero value applies nothing.
type Tailoring struct {
	// Regulations that apply as a whole: every requirement of each.
	Regulations []Regulation `json:"regulations,omitempty"`
	// Requirements that apply one by one, from regulations not listed
	// whole. An ID that is not a requirement itself takes the
	// requirements under it ("NIS2 Art. 21(2)" takes (a) to (j)).
	Requirements []ID `json:"requirements,omitempty"`
	// Requirements that do not apply although their regulation does,
	// each with the reason.
	Exclusions []Exclusion `json:"exclusions,omitempty"`
	// Controls added to or dropped from a requirement's mapping, each
	// with the reason. The reason of a drop goes into the note of the
	// requirement's obligation; an added control gets an obligation of
	// its own whose note is the reason.
	Changes []Change `json:"changes,omitempty"`
	// IncludeWeak keeps the derived HIPAA pairs reached only through SP
	// 800-53 "-1" policy controls (Mapping.Weak), which are left out
	// otherwise.
	IncludeWeak bool `json:"includeWeak,omitempty"`
	// Edition of the Annex A controls the obligations name: 2022 (also
	// the zero value) or 2013, through the correspondence of the editions
	// (iso27002.From2013; a control new in 2022 has no 2013 control and
	// is named in the note instead).
	Edition iso27002.Edition `json:"edition,omitzero"`
	// User data, kept untouched.
	Extensions json.RawMessage `json:"extensions,omitempty"`
}

// Exclusion says that a requirement of an applicable regulation does not
// apply. The zero value is invalid.
type Exclusion struct {
	// The requirement, or a provision whose requirements are all
	// excluded. Required.
	Requirement ID `json:"requirement"`
	// Why it does not apply. Required.
	Reason string `json:"reason"`
}

// Change adds a control to a requirement's mapping or drops one from
// it. The zero value is invalid.
type Change struct {
	// The requirement, as the catalog holds it. Required.
	Requirement ID `json:"requirement"`
	// Add or Drop. Required.
	Action Action `json:"action"`
	// The control: an Annex A 2022 control, or for Add also an
	// organisation's own control ("acme:ORG-1"). Required.
	Control iso27002.ControlID `json:"control"`
	// Why. Required.
	Reason string `json:"reason"`
}

// DecodeTailoring decodes a Tailoring document from JSON strictly: an
// unknown key, an unknown enum value, a malformed ID, a wrong type or
// trailing data is an *ismskit.Error naming its path, every one of them
// up to the problem limit, joined. opts set the decoder's limits. It
// does not check the content against the catalogs; Validate does.
func DecodeTailoring(data []byte, opts ...ismskit.DecodeOption) (Tailoring, error) {
	t, err := codec.Decode[tailoringJSON](data, opts)
	return Tailoring(t), err
}

// ReadTailoring reads a Tailoring document from r, never past the byte
// limit, and decodes it as DecodeTailoring does.
func ReadTailoring(r io.Reader, opts ...ismskit.DecodeOption) (Tailoring, error) {
	return codec.Read(r, opts, DecodeTailoring)
}

// EncodeTailoring returns the JSON form of t, indented by two spaces and
// ending in a newline; DecodeTailoring reads it back.
func EncodeTailoring(t Tailoring) ([]byte, error) { return codec.Encode(tailoringJSON(t)) }

// WriteTailoring writes the JSON form of t to w, as EncodeTailoring
// returns it.
func WriteTailoring(w io.Writer, t Tailoring) error { return codec.Write(w, tailoringJSON(t)) }

// tailoringJSON is Tailoring without its methods, for decoding.
type tailoringJSON Tailoring

// UnmarshalJSON decodes a Tailoring strictly, as DecodeTailoring does
// with the default limits.
func (t *Tailoring) UnmarshalJSON(data []byte) error {
	return codec.Unmarshal(data, (*tailoringJSON)(t))
}

// plan is a Tailoring resolved against the catalogs.
type plan struct {
	applies  map[ID]bool
	excluded map[ID]string
	drops    map[ID][]Change
	adds     map[ID][]Change
	weak     bool
	edition  iso27002.Edition
}

// covered returns the catalog requirements id names: itself, or those
// under it.
func covered(id ID) []Requirement {
	if r, ok := Lookup(id); ok {
		return []Requirement{r}
	}
	var out []Requirement
	for _, r := range theIndex().requirements(id.reg) {
		if id.Contains(r.ID) {
			out = append(out, r)
		}
	}
	return out
}

// Validate checks t against the built-in catalogs and reports every
// problem, each an *ismskit.Error with its path ("changes[2].control")
// and the requirement it concerns, joined:
//
//   - a regulation that is not built in (ismskit.ErrUnknownValue) or
//     listed twice (ismskit.ErrDuplicateID);
//   - a requirement, exclusion or change that names no requirement of the
//     catalogs (ismskit.ErrUnknownReference), or one that does not apply
//     anyway (ismskit.ErrInconsistent);
//   - a missing requirement, control or reason (ismskit.ErrMissing), an
//     undefined action (ismskit.ErrUnknownValue);
//   - a control added that is a 2013 control (ismskit.ErrUnknownControl)
//     or already mapped (ismskit.ErrDuplicateID), a control dropped that
//     is not mapped (ErrNotMapped), a control changed twice
//     (ismskit.ErrDuplicateID);
//   - an edition other than 2013 and 2022 (ismskit.ErrUnknownValue).
//
// It returns nil when t is valid.
func (t Tailoring) Validate() error {
	_, err := t.resolve()
	return err
}

func (t Tailoring) resolve() (*plan, error) {
	var l fielderr.List
	p := &plan{applies: map[ID]bool{}, excluded: map[ID]string{}, drops: map[ID][]Change{}, adds: map[ID][]Change{},
		weak: t.IncludeWeak, edition: t.Edition}
	switch t.Edition {
	case 0, iso27002.Edition2022, iso27002.Edition2013:
	default:
		l.Add("edition", fielderr.Errorf(ismskit.ErrUnknownValue, "edition %s: want 2013 or 2022", t.Edition))
	}
	seenReg := map[Regulation]bool{}
	for i, r := range t.Regulations {
		path := fielderr.Index("regulations", i)
		switch {
		case !r.IsValid():
			l.Add(path, fielderr.Errorf(ismskit.ErrUnknownValue, "regulation %d is not built in", uint8(r)))
		case seenReg[r]:
			l.Add(path, fielderr.Errorf(ismskit.ErrDuplicateID, "%s is listed twice", r))
		default:
			seenReg[r] = true
			for _, req := range theIndex().requirements(r) {
				p.applies[req.ID] = true
			}
		}
	}
	seenID := map[ID]bool{}
	for i, id := range t.Requirements {
		path := fielderr.Index("requirements", i)
		reqs := covered(id)
		switch {
		case !id.IsValid():
			l.Add(path, fielderr.Errorf(ismskit.ErrMissing, "the requirement is missing"))
		case len(reqs) == 0:
			l.AddItem(path, id.String(), fielderr.Errorf(ismskit.ErrUnknownReference, "%s is not a requirement of the built-in catalogs", id))
		case seenID[id]:
			l.AddItem(path, id.String(), fielderr.Errorf(ismskit.ErrDuplicateID, "%s is listed twice", id))
		}
		seenID[id] = true
		for _, r := range reqs {
			p.applies[r.ID] = true
		}
	}
	for i, e := range t.Exclusions {
		path := fielderr.Index("exclusions", i)
		reqs := covered(e.Requirement)
		switch {
		case !e.Requirement.IsValid():
			l.Add(path+".requirement", fielderr.Errorf(ismskit.ErrMissing, "the requirement is missing"))
		case len(reqs) == 0:
			l.AddItem(path+".requirement", e.Requirement.String(), fielderr.Errorf(ismskit.ErrUnknownReference, "%s is not a requirement of the built-in catalogs", e.Requirement))
		case !slices.ContainsFunc(reqs, func(r Requirement) bool { return p.applies[r.ID] }):
			l.AddItem(path+".requirement", e.Requirement.String(), fielderr.Errorf(ismskit.ErrInconsistent, "%s is excluded but does not apply anyway", e.Requirement))
		}
		if strings.TrimSpace(e.Reason) == "" {
			l.AddItem(path+".reason", e.Requirement.String(), fielderr.Errorf(ismskit.ErrMissing, "an exclusion needs its reason"))
		}
		for _, r := range reqs {
			p.excluded[r.ID] = e.Reason
		}
	}
	seenChange := map[[2]string]int{}
	for i, c := range t.Changes {
		path := fielderr.Index("changes", i)
		item := c.Requirement.String()
		_, known := Lookup(c.Requirement)
		reqOK := false
		switch {
		case !c.Requirement.IsValid():
			l.Add(path+".requirement", fielderr.Errorf(ismskit.ErrMissing, "the requirement is missing"))
		case !known:
			l.AddItem(path+".requirement", item, fielderr.Errorf(ismskit.ErrUnknownReference, "%s is not a requirement of the built-in catalogs", c.Requirement))
		case !p.applicable(c.Requirement):
			l.AddItem(path+".requirement", item, fielderr.Errorf(ismskit.ErrInconsistent, "%s is changed but does not apply", c.Requirement))
		default:
			reqOK = true
		}
		if strings.TrimSpace(c.Reason) == "" {
			l.AddItem(path+".reason", item, fielderr.Errorf(ismskit.ErrMissing, "a change needs its reason"))
		}
		if !c.Control.IsValid() {
			l.AddItem(path+".control", item, fielderr.Errorf(ismskit.ErrMissing, "the control is missing"))
			continue
		}
		if !c.Action.IsValid() {
			l.AddItem(path+".action", item, fielderr.Errorf(ismskit.ErrUnknownValue, "action %d: want add or drop", uint8(c.Action)))
			continue
		}
		if !reqOK {
			continue
		}
		key := [2]string{item, c.Control.String()}
		if j, dup := seenChange[key]; dup {
			l.AddItem(path+".control", item, fielderr.Errorf(ismskit.ErrDuplicateID, "%s of %s is changed twice (also changes[%d])", c.Control, c.Requirement, j))
			continue
		}
		seenChange[key] = i
		mapped := slices.ContainsFunc(Mappings(c.Requirement), func(m Mapping) bool { return m.Control == c.Control })
		strong := slices.Contains(Controls(c.Requirement), c.Control)
		switch c.Action {
		case Add:
			switch {
			case c.Control.Edition() == iso27002.Edition2013:
				l.AddItem(path+".control", item, fielderr.Errorf(ismskit.ErrUnknownControl, "%s is a 2013 control: name its 2022 control or an organisation's own", c.Control))
			case strong || mapped && t.IncludeWeak:
				l.AddItem(path+".control", item, fielderr.Errorf(ismskit.ErrDuplicateID, "%s is already mapped to %s", c.Control, c.Requirement))
			default:
				p.adds[c.Requirement] = append(p.adds[c.Requirement], c)
			}
		default: // Drop
			if !mapped {
				l.AddItem(path+".control", item, fielderr.Errorf(ErrNotMapped, "%s is not mapped to %s", c.Control, c.Requirement))
			} else {
				p.drops[c.Requirement] = append(p.drops[c.Requirement], c)
			}
		}
	}
	return p, l.Err()
}

// applicable reports whether the requirement applies and is not excluded.
func (p *plan) applicable(id ID) bool { return p.applies[id] && p.excluded[id] == "" }

// mapped returns the requirement's 2022 controls after the tailoring:
// the built-in ones (weak ones only if asked for) less the dropped ones,
// and the used pairs.
func (p *plan) mapped(id ID) ([]iso27002.ControlID, []Mapping) {
	var out []iso27002.ControlID
	var used []Mapping
	for _, m := range Mappings(id) {
		if m.Weak && !p.weak || slices.ContainsFunc(p.drops[id], func(c Change) bool { return c.Control == m.Control }) {
			continue
		}
		out = append(out, m.Control)
		used = append(used, m)
	}
	return out, used
}

// Reference returns how an SoA reason cites the requirement: its ID and
// title, "GDPR Art. 32 (Security of processing)", "HIPAA 45 CFR
// 164.312(d) (Person or entity authentication)".
func (r Requirement) Reference() string {
	if !r.ID.IsValid() {
		return ""
	}
	s := r.ID.String()
	if r.ID.reg == HIPAA {
		s = "HIPAA " + s
	}
	if r.Title != "" {
		s += " (" + r.Title + ")"
	}
	return s
}

// Obligations returns the obligations of the applicable requirements for
// soa.Generate (soa.Sources.Obligations), so that every control they call
// for gets a legal or regulatory reason citing the requirement:
//
//   - one obligation per applicable requirement with controls, in the
//     order of the regulations and of the text: ID the requirement's ID
//     ("GDPR Art. 32"), Kind the regulation's ReasonKind, Reference its
//     ID and title, Controls its mapped controls after the tailoring, and
//     a Note saying where the mapping comes from and which controls were
//     dropped, with the reasons;
//   - one more per control added, with the ID "GDPR Art. 32 + 8.16", the
//     same kind and reference, and the reason as its note.
//
// A requirement without controls (a definition, a GDPR article without a
// security side) gives no obligation. It returns nil and every problem
// Validate reports when t is not valid.
func (t Tailoring) Obligations() ([]soa.Obligation, error) {
	p, err := t.resolve()
	if err != nil {
		return nil, err
	}
	var out []soa.Obligation
	for _, req := range theIndex().reqs {
		if !p.applicable(req.ID) {
			continue
		}
		kind := req.ID.reg.ReasonKind()
		ctls, used := p.mapped(req.ID)
		var notes []string
		if n := provenanceNote(used); n != "" {
			notes = append(notes, n)
		}
		for _, c := range p.drops[req.ID] {
			notes = append(notes, c.Control.String()+" left out: "+c.Reason)
		}
		ctls, lost := p.inEdition(ctls)
		if len(lost) > 0 {
			notes = append(notes, "no 2013 control for "+joinIDs(lost)+" (new in 2022)")
		}
		if len(ctls) > 0 {
			out = append(out, soa.Obligation{ID: req.ID.String(), Kind: kind, Reference: req.Reference(),
				Note: strings.Join(notes, "; "), Controls: ctls})
		}
		for _, c := range p.adds[req.ID] {
			added, lost := p.inEdition([]iso27002.ControlID{c.Control})
			note := "added by the organisation: " + c.Reason
			if len(lost) > 0 {
				note += "; no 2013 control for " + joinIDs(lost) + " (new in 2022)"
			}
			if len(added) > 0 {
				out = append(out, soa.Obligation{ID: req.ID.String() + " + " + c.Control.String(), Kind: kind,
					Reference: req.Reference(), Note: note, Controls: added})
			}
		}
	}
	return out, nil
}

// inEdition returns 2022 controls in the plan's edition, and the 2022
// controls that have no 2013 control.
func (p *plan) inEdition(cs []iso27002.ControlID) (out, lost []iso27002.ControlID) {
	if p.edition != iso27002.Edition2013 {
		return cs, nil
	}
	for _, c := range cs {
		if c.Edition() == iso27002.Edition2022 && len(iso27002.From2013(c)) == 0 {
			lost = append(lost, c)
		}
	}
	return to2013(cs), lost
}

// provenanceNote says in a few words where the used pairs come from.
func provenanceNote(used []Mapping) string {
	var hipaa, enisa, editorial bool
	for _, m := range used {
		switch {
		case m.Provenance == Editorial:
			editorial = true
		case len(m.Via) > 0 && strings.HasPrefix(m.Via[0], "SP 800-53"):
			hipaa = true
		case len(m.Via) > 0:
			enisa = true
		}
	}
	var parts []string
	if hipaa {
		parts = append(parts, "derived from NIST SP 800-66r2 via SP 800-53")
	}
	if enisa {
		parts = append(parts, "derived from ENISA's mapping of the annex to Implementing Regulation (EU) 2024/2690")
	}
	if editorial {
		parts = append(parts, "ismskit's editorial mapping")
	}
	if len(parts) == 0 {
		return ""
	}
	return "Annex A mapping: " + strings.Join(parts, " and ")
}

func joinIDs(cs []iso27002.ControlID) string {
	s := make([]string, len(cs))
	for i, c := range cs {
		s[i] = c.String()
	}
	return strings.Join(s, ", ")
}
