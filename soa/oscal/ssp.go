package oscal

import (
	"encoding"
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/internal/oscalmodel"
	"github.com/ismskit/ismskit/iso27002"
	catoscal "github.com/ismskit/ismskit/iso27002/oscal"
	"github.com/ismskit/ismskit/soa"
)

// Namespace is the ns of every property this package adds beyond OSCAL's
// core names; it is iso27002/oscal's Namespace.
const Namespace = oscalmodel.Namespace

// Options controls the references and metadata of the exports. The zero
// value is ready to use: every default comes from the SoA itself, and the
// output is byte-identical from run to run.
type Options struct {
	// LastModified is the metadata last-modified instant. Zero means the
	// SoA's Header.Date: the documents carry the date of the SoA they are
	// made from, and an SoA without a date is an error (ismskit.ErrMissing
	// at "header.date").
	LastModified time.Time `json:"lastModified,omitzero"`
	// Version is the metadata version. Empty means Header.Version, or
	// "1.0" when that is empty.
	Version string `json:"version,omitempty"`
	// CatalogHref locates the OSCAL catalog of the SoA's controls, as
	// iso27002/oscal's ExportCatalog output is saved. The profile imports
	// it. Empty means "catalog.json".
	CatalogHref string `json:"catalogHref,omitempty"`
	// ProfileHref locates the profile of ExportProfile, as it is saved.
	// The system security plan imports it. Empty means "profile.json".
	ProfileHref string `json:"profileHref,omitempty"`
}

func (o Options) catalogHref() string { return or(o.CatalogHref, "catalog.json") }
func (o Options) profileHref() string { return or(o.ProfileHref, "profile.json") }

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// catalogOptions returns the metadata options of iso27002/oscal for s.
func (o Options) catalogOptions(s soa.SoA) catoscal.Options {
	out := catoscal.Options{LastModified: o.LastModified, Version: o.Version}
	if out.LastModified.IsZero() {
		out.LastModified = s.Header.Date.Time()
	}
	if out.Version == "" {
		out.Version = s.Header.Version
	}
	return out
}

// ExportProfile returns the control selection of s, its included
// controls (ISO/IEC 27001:2022 6.1.3 c and d: the necessary controls), as
// an OSCAL 1.2.1 profile importing the catalog at Options.CatalogHref. It
// is iso27002/oscal's ExportProfile applied to the included entries, with
// the SoA's organisation and version in the title. An SoA without any
// included control has no profile (ismskit.ErrNotEncodable), nor an SoA
// without a date and no Options.LastModified (ismskit.ErrMissing).
func ExportProfile(s soa.SoA, opts Options) ([]byte, error) {
	if opts.LastModified.IsZero() && s.Header.Date.IsZero() {
		return nil, &ismskit.Error{Path: "header.date", Err: fielderr.Errorf(ismskit.ErrMissing, "the SoA has no date, which the profile carries as its last-modified")}
	}
	ids := make([]iso27002.ControlID, 0, len(s.Entries))
	for e := range s.Included() {
		ids = append(ids, e.Control)
	}
	return catoscal.ExportProfile(profileTitle(s), opts.catalogHref(), ids, opts.catalogOptions(s))
}

func profileTitle(s soa.SoA) string {
	t := "Applicable controls"
	if s.Header.Organization != "" {
		t += " of " + s.Header.Organization
	}
	if s.Header.Version != "" {
		t += ", Statement of Applicability " + s.Header.Version
	}
	return t
}

// ExportSSP returns s as an OSCAL 1.2.1 system security plan in JSON: the
// ISMS is the system, the SoA's included and excluded controls are its
// implemented requirements, and it imports the profile of ExportProfile
// (Options.ProfileHref). See the package documentation for how each
// field of the SoA is kept.
//
// ExportSSP reports every entry OSCAL cannot hold, each as a *ismskit.Error
// with the path of the SoA's field, of kind ismskit.ErrNotEncodable: an
// undecided entry ("entries[4].applicability"), an included entry without
// a status, an entry without a valid control, a property value that is
// empty, over several lines or has surrounding spaces (owner, provider,
// evidence, risk IDs, references), and dates outside OSCAL's years.
func ExportSSP(s soa.SoA, opts Options) ([]byte, error) {
	var errs fielderr.List
	h := s.Header
	org := h.Organization
	if !oscalmodel.IsString(org) {
		errs.Add("header.organization", fielderr.Errorf(ismskit.ErrNotEncodable, "the organisation %q is empty, over several lines or has surrounding spaces", org))
	}
	md, err := metadataOf(s, opts)
	errs.Add("", err)

	thisSystem := oscalmodel.UUID("ssp-component:this-system:" + org)
	doc := &ssp{
		Metadata:      md,
		ImportProfile: importProfile{Href: opts.profileHref()},
		SystemCharacteristics: systemCharacteristics{
			SystemIDs:   []systemID{{IdentifierType: "https://ietf.org/rfc/rfc4122", ID: oscalmodel.UUID("ssp-system:" + org)}},
			SystemName:  org,
			Description: "The information security management system (ISMS) of " + org + ", under ISO/IEC 27001:2022.",
			SystemInformation: systemInformation{InformationTypes: []informationType{{
				Title:       "Information within the ISMS scope",
				Description: "The information the ISMS protects, as its scope (ISO/IEC 27001:2022 clause 4.3) and the risk register describe it.",
			}}},
			Status:                status{State: "operational"},
			AuthorizationBoundary: authorizationBoundary{Description: boundary(h.Scope)},
		},
	}
	if h.Scope != "" {
		doc.SystemCharacteristics.Props = append(doc.SystemCharacteristics.Props, nsProp("scope", h.Scope))
		checkValue(&errs, "header.scope", h.Scope)
	}
	components := []component{{
		UUID: thisSystem, Type: "this-system", Title: org,
		Description: "The ISMS of " + org + " and the controls the organisation operates itself.",
		Status:      status{State: "operational"},
	}}
	providers := map[string]string{} // provider name -> component UUID

	ci := controlImplementation{}
	var included, excluded int
	for i, e := range s.Entries {
		p := fielderr.Index("entries", i)
		ir, err := requirement(e, org, thisSystem, providers, &components)
		errs.Add(p, err)
		if err == nil {
			ci.ImplementedRequirements = append(ci.ImplementedRequirements, ir)
		}
		switch e.Applicability {
		case soa.Included:
			included++
		case soa.Excluded:
			excluded++
		}
	}
	if len(s.Entries) == 0 {
		errs.Add("entries", fielderr.Errorf(ismskit.ErrNotEncodable, "an SoA without entries has no implemented requirements"))
	}
	ci.Description = fmt.Sprintf("The controls of %s as the Statement of Applicability decides them (ISO/IEC 27001:2022 clause 6.1.3 d): %d included, each with its implementation status and the reasons for including it, and %d excluded, each with the justification for excluding it (implementation status not-applicable).", or(h.Catalog, "the catalog"), included, excluded)
	doc.SystemImplementation.Components = components
	doc.ControlImplementation = ci

	var res []resource
	if len(s.Extensions) > 0 {
		res = append(res, extensionResource(org, "", s.Extensions))
	}
	for _, e := range s.Entries {
		if len(e.Extensions) > 0 {
			res = append(res, extensionResource(org, e.Control.String(), e.Extensions))
		}
	}
	if len(res) > 0 {
		doc.BackMatter = &backMatter{Resources: res}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return oscalmodel.EncodeDocument(&sspDoc{SSP: doc}, "ssp", &doc.UUID)
}

func boundary(scope string) string {
	if scope == "" {
		return "The scope of the ISMS (ISO/IEC 27001:2022 clause 4.3)."
	}
	return "The scope of the ISMS (ISO/IEC 27001:2022 clause 4.3), as documented in " + scope + "."
}

func nsProp(name, value string) prop { return prop{Name: name, NS: Namespace, Value: value} }

// checkValue reports a value OSCAL's string datatype cannot hold.
func checkValue(errs *fielderr.List, path, v string) {
	if !oscalmodel.IsString(v) {
		errs.Add(path, fielderr.Errorf(ismskit.ErrNotEncodable, "%q is empty, over several lines or has surrounding spaces", v))
	}
}

func metadataOf(s soa.SoA, opts Options) (metadata, error) {
	h := s.Header
	var errs fielderr.List
	co := opts.catalogOptions(s)
	var lm string
	switch {
	case !opts.LastModified.IsZero():
		var err error
		lm, err = oscalmodel.DateTime(opts.LastModified)
		errs.Add("options.lastModified", err)
	case h.Date.IsZero():
		errs.Add("header.date", fielderr.Errorf(ismskit.ErrMissing, "the SoA has no date, which the system security plan carries as its last-modified"))
	default:
		var err error
		lm, err = oscalmodel.Date(h.Date)
		errs.Add("header.date", err)
	}
	v := or(co.Version, "1.0")
	if !oscalmodel.IsString(v) {
		errs.Add(versionPath(opts), fielderr.Errorf(ismskit.ErrNotEncodable, "version %q is over several lines or has surrounding spaces", v))
	}
	md := metadata{
		Title:        "System security plan of " + h.Organization + ": Statement of Applicability " + h.Version,
		LastModified: lm,
		Version:      v,
		OSCALVersion: oscalmodel.Version,
		Roles:        []role{{ID: "system-owner", Title: "System Owner"}},
		Parties:      []party{{UUID: oscalmodel.UUID("party:" + h.Organization), Type: "organization", Name: h.Organization}},
		Remarks:      "Generated by ismskit from a Statement of Applicability (ISO/IEC 27001:2022 clause 6.1.3 d). Control IDs and titles identify ISO/IEC 27002 controls; all other text is the organisation's or ismskit's own.",
	}
	md.ResponsibleParties = []responsibleParty{{RoleID: "system-owner", PartyUUIDs: []string{md.Parties[0].UUID}}}
	add := func(name, path, v string) {
		if v != "" {
			checkValue(&errs, path, v)
			md.Props = append(md.Props, nsProp(name, v))
		}
	}
	add("soa-version", "header.version", h.Version)
	if d, err := oscalmodel.Date(h.Date); err == nil {
		add("soa-date", "header.date", d)
	} else if !opts.LastModified.IsZero() && !h.Date.IsZero() {
		errs.Add("header.date", err) // otherwise reported as the last-modified
	}
	add("prepared-by", "header.preparedBy", h.PreparedBy)
	add("approved-by", "header.approvedBy", h.ApprovedBy)
	if !h.ApprovedAt.IsZero() {
		d, err := oscalmodel.DateTime(h.ApprovedAt.Time())
		errs.Add("header.approvedAt", err)
		add("approved-at", "header.approvedAt", d)
	}
	add("catalog", "header.catalog", h.Catalog)
	add("edition", "header.edition", h.Edition.String())
	return md, errs.Err()
}

// statusStates maps the SoA's statuses to OSCAL's implementation states.
var statusStates = map[soa.Status]string{
	soa.NotStarted:           "planned",
	soa.Planned:              "planned",
	soa.PartiallyImplemented: "partial",
	soa.Implemented:          "implemented",
	soa.NotApplicable:        "not-applicable",
}

// requirement returns the implemented requirement of one entry, adding
// the component of its provider, if new.
func requirement(e soa.Entry, org, thisSystem string, providers map[string]string, components *[]component) (implementedRequirement, error) {
	var errs fielderr.List
	if !e.Control.IsValid() {
		errs.Add("control", fielderr.Errorf(ismskit.ErrNotEncodable, "the entry names no control"))
		return implementedRequirement{}, errs.Err()
	}
	id := e.Control.String()
	ir := implementedRequirement{
		UUID:      oscalmodel.UUID("ssp-requirement:" + org + ":" + id),
		ControlID: catoscal.ControlToken(e.Control),
	}
	ir.Props = append(ir.Props, prop{Name: "label", Value: id}, nsProp("control-id", id))
	add := func(name, path, v string) {
		if v != "" {
			checkValue(&errs, path, v)
			ir.Props = append(ir.Props, nsProp(name, v))
		}
	}
	add("title", "title", e.Title)
	add("theme", "theme", e.Theme)

	var state string
	switch e.Applicability {
	case soa.Included:
		state = statusStates[e.Status]
		if state == "" {
			errs.Add("status", fielderr.Errorf(ismskit.ErrNotEncodable, "included control %s has no implementation status", id))
		}
	case soa.Excluded:
		state = "not-applicable"
		if strings.TrimSpace(e.Justification) == "" {
			errs.Add("justification", fielderr.Errorf(ismskit.ErrNotEncodable, "excluded control %s has no justification", id))
		}
	case soa.Undecided:
		errs.Add("applicability", fielderr.Errorf(ismskit.ErrNotEncodable, "control %s is undecided; an SSP states decided controls only", id))
	default:
		errs.Add("applicability", fielderr.Errorf(ismskit.ErrNotEncodable, "%s", e.Applicability))
	}
	if e.Applicability.IsValid() {
		ir.Props = append(ir.Props, nsProp("applicability", code(e.Applicability)))
	}
	if e.Status != 0 {
		if !e.Status.IsValid() {
			errs.Add("status", fielderr.Errorf(ismskit.ErrNotEncodable, "%s", e.Status))
		} else {
			ir.Props = append(ir.Props, nsProp("status", code(e.Status)))
		}
	}
	for j, r := range e.Reasons {
		rp := fielderr.Index("reasons", j)
		group := "reason-" + strconv.Itoa(j+1)
		if !r.Kind.IsValid() {
			errs.Add(rp+".kind", fielderr.Errorf(ismskit.ErrNotEncodable, "reason without a valid kind"))
			continue
		}
		rs := nsProp("reason", code(r.Kind))
		rs.Group, rs.Remarks = group, r.Note
		ir.Props = append(ir.Props, rs)
		if r.Reference != "" {
			checkValue(&errs, rp+".reference", r.Reference)
			ref := nsProp("reason-reference", r.Reference)
			ref.Group = group
			ir.Props = append(ir.Props, ref)
		}
		for k, risk := range r.Risks {
			checkValue(&errs, fielderr.Index(rp+".risks", k), risk)
			rk := nsProp("reason-risk", risk)
			rk.Group = group
			ir.Props = append(ir.Props, rk)
		}
	}
	if !e.Responsibility.IsValid() {
		errs.Add("responsibility", fielderr.Errorf(ismskit.ErrNotEncodable, "%s", e.Responsibility))
	}
	ir.Props = append(ir.Props, nsProp("responsibility", code(e.Responsibility)))
	add("provider", "provider", e.Provider)
	add("owner", "owner", e.Owner)
	if !e.TargetDate.IsZero() {
		d, err := oscalmodel.DateTime(e.TargetDate.Time())
		errs.Add("targetDate", err)
		add("target-date", "targetDate", d)
	}
	for j, ev := range e.Evidence {
		checkValue(&errs, fielderr.Index("evidence", j), ev)
		ir.Props = append(ir.Props, nsProp("evidence", ev))
	}
	for j, n := range e.Notes {
		np := nsProp("note", strconv.Itoa(j+1))
		np.Remarks = n
		if strings.TrimSpace(n) == "" {
			errs.Add(fielderr.Index("notes", j), fielderr.Errorf(ismskit.ErrNotEncodable, "an empty note"))
		}
		ir.Props = append(ir.Props, np)
	}
	ir.Remarks = e.Justification

	// The organisation's own part, and the provider's.
	desc := e.Implementation
	if strings.TrimSpace(desc) == "" {
		desc = "The Statement of Applicability describes no implementation."
	}
	own := byComponent{
		ComponentUUID:        thisSystem,
		UUID:                 oscalmodel.UUID("ssp-by-component:" + org + ":" + id + ":this-system"),
		Description:          desc,
		ImplementationStatus: &implementationStatus{State: state, Remarks: e.Justification},
	}
	if e.Provider != "" && (e.Responsibility == soa.Inherited || e.Responsibility == soa.Shared) && oscalmodel.IsString(e.Provider) {
		pc, ok := providers[e.Provider]
		if !ok {
			pc = oscalmodel.UUID("ssp-component:provider:" + org + ":" + e.Provider)
			providers[e.Provider] = pc
			*components = append(*components, component{
				UUID: pc, Type: "system", Title: e.Provider,
				Description: e.Provider + " operates controls that " + org + " inherits or shares.",
				Props:       []prop{nsProp("provider", e.Provider)},
				Status:      status{State: "operational"},
			})
		}
		link := inherited{UUID: oscalmodel.UUID("ssp-inherited:" + org + ":" + id + ":" + e.Provider)}
		prov := byComponent{ComponentUUID: pc, UUID: oscalmodel.UUID("ssp-by-component:" + org + ":" + id + ":" + e.Provider),
			ImplementationStatus: &implementationStatus{State: state}}
		if e.Responsibility == soa.Inherited {
			link.Description = "Inherited from " + e.Provider + ", which operates the control."
			own.Inherited = []inherited{link}
			prov.Description = e.Provider + " operates the control for " + org + "."
		} else {
			link.Description = "Shared with " + e.Provider + ": " + org + " carries out its own part, described above."
			own.Satisfied = []inherited{link}
			prov.Description = e.Provider + " operates its part of the control."
		}
		ir.ByComponents = []byComponent{own, prov}
	} else {
		if e.Responsibility != soa.Own && e.Provider == "" {
			errs.Add("provider", fielderr.Errorf(ismskit.ErrNotEncodable, "a %s control names no provider", e.Responsibility))
		}
		ir.ByComponents = []byComponent{own}
	}
	return ir, errs.Err()
}

// extensionResource keeps the SoA's or an entry's extensions untouched,
// base64-encoded, in a back-matter resource.
func extensionResource(org, control string, ext []byte) resource {
	title, name := "Extensions of the Statement of Applicability", "soa"
	if control != "" {
		title, name = "Extensions of the entry for control "+control, control
	}
	r := resource{
		UUID:   oscalmodel.UUID("ssp-extensions:" + org + ":" + name),
		Title:  title,
		Base64: &base64Data{MediaType: "application/json", Value: base64.StdEncoding.EncodeToString(ext)},
	}
	if control != "" {
		r.Props = []prop{nsProp("control-id", control)}
	}
	return r
}

// versionPath is the path of the version an export writes.
func versionPath(o Options) string {
	if o.Version != "" {
		return "options.version"
	}
	return "header.version"
}

// code returns the text form of an soa enumeration ("implemented"), which
// its String, the label for people, is not.
func code(v encoding.TextMarshaler) string {
	b, _ := v.MarshalText() // callers pass defined values
	return string(b)
}
