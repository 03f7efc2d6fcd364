package regulation

import (
	"iter"
	"slices"
	"strings"
	"sync"

	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/iso27002/nist"
)

// Requirement is one provision of a built-in regulation: a GDPR article,
// a HIPAA standard or implementation specification or Breach
// Notification Rule provision, a NIS2 measure or reporting obligation, a
// DORA reporting obligation or time limit. Titles are the official ones
// where the act gives one (GDPR articles, CFR headings) and ismskit's
// otherwise; summaries are ismskit's words, never the legal text. The
// zero value is no requirement.
type Requirement struct {
	// ID identifies the provision. Required.
	ID ID `json:"id"`
	// Title is the official title or heading, or a short title in
	// ismskit's words where the act has none (NIS2, DORA).
	Title string `json:"title"`
	// Kind is its place in the regulation's structure.
	Kind Kind `json:"kind"`
	// Parent is the standard an implementation specification belongs
	// to, or the section of a breach rule paragraph; zero at the top.
	Parent ID `json:"parent,omitzero"`
	// Group names the part of the act it is in: "Chapter IV Controller
	// and processor, Section 2 Security of personal data", "164.308
	// Administrative safeguards", "Art. 23 Reporting obligations".
	Group string `json:"group,omitempty"`
	// Summary says what the provision asks, in ismskit's words; empty for
	// the GDPR articles without a security side.
	Summary string `json:"summary,omitempty"`
	// Deadline is the time limit the provision sets, in ismskit's words
	// ("72 hours after becoming aware"), or "". Package notify computes
	// the deadlines.
	Deadline string `json:"deadline,omitempty"`
	// SecurityRelevant marks the provisions an ISMS answers for: every
	// HIPAA, NIS2 and DORA requirement, and the GDPR articles of
	// ismskit's editorial marking (Art. 5, where point (1)(f) is meant,
	// 24, 25, 28, 30, 32 to 35 and 37 to 39).
	SecurityRelevant bool `json:"securityRelevant,omitempty"`
	// Designation is Required or Addressable for HIPAA (45 CFR
	// 164.306(d)); zero for the other regulations.
	Designation Designation `json:"designation,omitzero"`
}

// Mapping is one pair of a requirement and an ISO/IEC 27001:2022 Annex A
// control, with where the pair comes from. The zero value is no pair.
type Mapping struct {
	// The requirement.
	Requirement ID `json:"requirement"`
	// The Annex A control, of the 2022 edition (Controls2013 gives the
	// 2013 controls through the correspondence of the editions).
	Control iso27002.ControlID `json:"control"`
	// Provenance says whether the pair is derived from published pairs
	// or is ismskit's editorial judgement.
	Provenance Provenance `json:"provenance"`
	// Via lists the published pairs a Derived pair rests on: the SP
	// 800-53 controls ("SP 800-53 AC-3") that link a HIPAA citation to the
	// control, or the points of the annex to Implementing Regulation (EU)
	// 2024/2690 ("2024/2690 Annex 5.1.1") that ENISA maps to it. Empty
	// for editorial pairs.
	Via []string `json:"via,omitempty"`
	// Weak marks a derived HIPAA pair reached only through SP 800-53
	// "-1" policy and procedure controls (AC-1, RA-1, ...), which map to
	// many controls. Weak pairs are left out of Controls, obligations and
	// coverage unless a Tailoring asks for them.
	Weak bool `json:"weak,omitempty"`
	// Rationale says, in one line of ismskit's words, why an editorial
	// pair holds. Empty for derived pairs.
	Rationale string `json:"rationale,omitempty"`
}

// requirementRow, mappingRow and sp80053Row are the rows of the
// generated tables (zdata.go), parsed into typed values on first use.
type requirementRow struct {
	id, parent, title, group, summary, deadline string
	kind                                        Kind
	security                                    bool
	designation                                 Designation
}

type mappingRow struct {
	req, control   string
	prov           Provenance
	weak           bool
	via, rationale string // via: items joined with ";"
}

type sp80053Row struct{ req, control string }

// index is built once, on first use, from the generated tables and never
// modified afterwards.
type index struct {
	reqs  []Requirement
	pos   map[ID]int
	first [DORA + 2]int // reqs[first[r]:first[r+1]] are the requirements of r
	maps  [][]Mapping   // per requirement, in control order
	sp    map[ID][]nist.SP80053ID
	bad   []string // rows that did not parse or name nothing; the tests require none
}

var theIndex = sync.OnceValue(func() *index {
	ix := &index{pos: make(map[ID]int, len(requirementRows)), sp: map[ID][]nist.SP80053ID{}}
	ix.reqs = make([]Requirement, 0, len(requirementRows))
	for _, r := range requirementRows {
		id, err := ParseID(r.id)
		var parent ID
		if err == nil && r.parent != "" {
			parent, err = ParseID(r.parent)
		}
		if err != nil || len(ix.reqs) > 0 && ix.reqs[len(ix.reqs)-1].ID.Compare(id) >= 0 {
			ix.bad = append(ix.bad, r.id)
			continue
		}
		ix.pos[id] = len(ix.reqs)
		ix.reqs = append(ix.reqs, Requirement{ID: id, Title: r.title, Kind: r.kind, Parent: parent, Group: r.group,
			Summary: r.summary, Deadline: r.deadline, SecurityRelevant: r.security, Designation: r.designation})
	}
	reg := Regulation(0)
	for i, r := range ix.reqs {
		for reg < r.ID.reg {
			reg++
			ix.first[reg] = i
		}
	}
	for reg < DORA+1 {
		reg++
		ix.first[reg] = len(ix.reqs)
	}
	ix.maps = make([][]Mapping, len(ix.reqs))
	for _, r := range mappingRows {
		id, err1 := ParseID(r.req)
		ctl, err2 := iso27002.Parse(r.control)
		i, ok := ix.pos[id]
		if err1 != nil || err2 != nil || !ok || ctl.Edition() != iso27002.Edition2022 {
			ix.bad = append(ix.bad, r.req+" "+r.control)
			continue
		}
		m := Mapping{Requirement: id, Control: ctl, Provenance: r.prov, Weak: r.weak, Rationale: r.rationale}
		if r.via != "" {
			m.Via = strings.Split(r.via, ";")
		}
		ix.maps[i] = append(ix.maps[i], m)
	}
	for i := range ix.maps {
		slices.SortStableFunc(ix.maps[i], func(a, b Mapping) int { return a.Control.Compare(b.Control) })
	}
	for _, r := range sp80053Rows {
		id, err1 := ParseID(r.req)
		c, err2 := nist.ParseSP80053(r.control)
		if _, ok := ix.pos[id]; err1 != nil || err2 != nil || !ok {
			ix.bad = append(ix.bad, r.req+" "+r.control)
			continue
		}
		ix.sp[id] = append(ix.sp[id], c)
	}
	return ix
})

// requirements returns the requirements of r, shared: callers copy.
func (ix *index) requirements(r Regulation) []Requirement {
	if !r.IsValid() {
		return nil
	}
	return ix.reqs[ix.first[r]:ix.first[r+1]]
}

// Requirements returns the requirements of r in the order of the text
// (ID.Compare): the 99 GDPR articles; the 65 Security Rule and 22 Breach
// Notification Rule entries of HIPAA; the 21 NIS2 entries of Art. 21(2)
// and 23; the 13 DORA entries of Art. 19 and of Art. 5 of Delegated
// Regulation (EU) 2025/301. An invalid r has none.
//
//	for req := range regulation.GDPR.Requirements() { fmt.Println(req.ID, req.Title) }
func (r Regulation) Requirements() iter.Seq[Requirement] {
	return func(yield func(Requirement) bool) {
		for _, req := range theIndex().requirements(r) {
			if !yield(req) {
				return
			}
		}
	}
}

// Len returns the number of requirements of r: 99 for the GDPR, 87 for
// HIPAA, 21 for NIS2, 13 for DORA; 0 for an invalid r.
func (r Regulation) Len() int { return len(theIndex().requirements(r)) }

// Lookup returns the requirement id names, and whether the built-in
// catalogs hold it. Paragraphs that are not requirements of their own
// ("GDPR Art. 33(1)") are not found; see ID.Contains.
func Lookup(id ID) (Requirement, bool) {
	ix := theIndex()
	if i, ok := ix.pos[id]; ok {
		return ix.reqs[i], true
	}
	return Requirement{}, false
}

// Mappings returns every Annex A control mapped to the requirement id,
// weak pairs included, in natural order of the controls; nil for an ID
// the catalogs do not hold or a requirement without controls.
func Mappings(id ID) []Mapping {
	ix := theIndex()
	i, ok := ix.pos[id]
	if !ok {
		return nil
	}
	return cloneMappings(ix.maps[i])
}

func cloneMappings(ms []Mapping) []Mapping {
	if len(ms) == 0 {
		return nil
	}
	out := make([]Mapping, len(ms))
	for i, m := range ms {
		m.Via = slices.Clone(m.Via)
		out[i] = m
	}
	return out
}

// Mappings returns every pair of the requirements of r, weak ones
// included, by requirement in the order of the text and then by control.
//
//	for m := range regulation.NIS2.Mappings() { fmt.Println(m.Requirement, m.Control, m.Provenance) }
func (r Regulation) Mappings() iter.Seq[Mapping] {
	return func(yield func(Mapping) bool) {
		ix := theIndex()
		if !r.IsValid() {
			return
		}
		for i := ix.first[r]; i < ix.first[r+1]; i++ {
			for _, m := range ix.maps[i] {
				m.Via = slices.Clone(m.Via)
				if !yield(m) {
					return
				}
			}
		}
	}
}

// Controls returns the ISO/IEC 27001:2022 Annex A controls mapped to the
// requirement id, weak pairs left out, in natural order; nil for none.
func Controls(id ID) []iso27002.ControlID {
	var out []iso27002.ControlID
	ix := theIndex()
	if i, ok := ix.pos[id]; ok {
		for _, m := range ix.maps[i] {
			if !m.Weak {
				out = append(out, m.Control)
			}
		}
	}
	return out
}

// Controls2013 returns the ISO/IEC 27001:2013 Annex A controls that the
// controls of Controls(id) came from (iso27002.From2013), in natural
// order, each once. A control new in 2022 has no 2013 control and adds
// none.
func Controls2013(id ID) []iso27002.ControlID { return to2013(Controls(id)) }

// to2013 returns the 2013 predecessors of 2022 controls, in natural
// order, each once; other IDs pass through unchanged.
func to2013(cs []iso27002.ControlID) []iso27002.ControlID {
	var out []iso27002.ControlID
	for _, c := range cs {
		if c.Edition() == iso27002.Edition2022 {
			out = append(out, iso27002.From2013(c)...)
		} else {
			out = append(out, c)
		}
	}
	slices.SortFunc(out, iso27002.Compare)
	return slices.Compact(out)
}

// RequirementsFor returns the requirements of every built-in regulation
// that the Annex A control c is mapped to, weak pairs left out, by
// regulation and in the order of the text ("which laws does 8.24
// serve"). A 2013 control counts through the 2022 controls it became
// (iso27002.To2022).
func RequirementsFor(c iso27002.ControlID) []ID {
	want := map[iso27002.ControlID]bool{c: true}
	if c.Edition() == iso27002.Edition2013 {
		for _, n := range iso27002.To2022(c) {
			want[n] = true
		}
	}
	ix := theIndex()
	var out []ID
	for i, ms := range ix.maps {
		for _, m := range ms {
			if !m.Weak && want[m.Control] {
				out = append(out, ix.reqs[i].ID)
				break
			}
		}
	}
	return out
}

// SP80053 returns the NIST SP 800-53 Rev. 5 controls that NIST SP
// 800-66r2 maps the HIPAA Security Rule citation id to, in the
// crosswalk's order: the published pairs the Derived HIPAA pairs are
// joined from (package iso27002/nist maps each control on to ISO/IEC
// 27001:2022). It returns nil for other IDs.
func SP80053(id ID) []nist.SP80053ID { return slices.Clone(theIndex().sp[id]) }
