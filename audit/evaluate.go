package audit

import (
	"reflect"
	"slices"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/codec"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/risk"
	"github.com/ismskit/ismskit/soa"
)

// Documents are an organisation's ISMS documents as the other packages
// decode them: everything Evaluate needs for the certification-readiness
// verdict. Only Audit is required; a zero document is one the
// organisation has not given, and the verdict says what that costs.
//
// In JSON, Documents is one object with a key per document, and decodes
// strictly: an unknown key anywhere, in Documents or in one of the
// documents, is an error with its path ("register.risks[2].likelyhood").
// The zero value holds no document.
type Documents struct {
	// Catalog is the control catalog of the SoA and the register, with the
	// organisation's own controls (iso27002.Catalog.Extend); nil means the
	// built-in catalog of the SoA's edition.
	Catalog *iso27002.Catalog `json:"catalog,omitempty"`
	// Register is the risk register (6.1.2, 6.1.3). The controls treating
	// its high risks are the high-risk controls (see HighRiskAbove), and
	// the SoA's risk-treatment reasons are checked against it. The zero
	// value means no register: no high-risk controls.
	Register risk.Register `json:"register,omitzero"`
	// Sources are the SoA's requirement sources other than the register,
	// and its explicit decisions; they are used only when the SoA is
	// generated.
	Sources soa.Sources `json:"sources,omitzero"`
	// SoA is the Statement of Applicability (6.1.3 d), validated against
	// Catalog and Register. An SoA without entries is generated from
	// Catalog, Register and Sources (soa.Generate) with its Header as
	// given, dated asOf when the header has no date.
	SoA soa.SoA `json:"soa,omitzero"`
	// ISMS are the ISMS records of clauses 4 to 10, whose gap analysis
	// (iso27001.Analyze) finds the mandatory documented information that
	// is missing. The zero value means no gap analysis, which blocks
	// certification (NoGapAnalysis).
	ISMS iso27001.Records `json:"isms,omitzero"`
	// Audit are the audit records (9.2, 10.2). Required.
	Audit Records `json:"audit"`
	// HighRiskAbove is the level ID of the register's criteria above which
	// a risk, rated before any control (risk.Inherent), is high: the
	// controls treating it are audited more often. Empty means the
	// criteria's acceptance level (risk.AcceptanceCriteria.MaxLevel): the
	// risks that may not be retained without the owner's acceptance.
	HighRiskAbove string `json:"highRiskAbove,omitempty"`
}

// documentsJSON is Documents without its methods, for decoding.
type documentsJSON Documents

// UnmarshalJSON decodes documents strictly, with the default limits.
func (d *Documents) UnmarshalJSON(data []byte) error {
	return codec.Unmarshal(data, (*documentsJSON)(d))
}

// Evaluation is the certification-readiness verdict of an organisation's
// documents as of a day, and what it was computed from. Evaluate returns
// it; every value in it is new, and shares no memory with the documents.
// The zero value is an evaluation of nothing.
type Evaluation struct {
	// AsOf is the day evaluated.
	AsOf ismskit.Date `json:"asOf"`
	// Readiness is the verdict with its scores and reasons; see Readiness
	// for the formula.
	Readiness Readiness `json:"readiness"`
	// Report is the audit report as of AsOf (9.2.2 f). Its Readiness is
	// Readiness.
	Report Report `json:"report"`
	// SoA is the Statement of Applicability evaluated: Documents.SoA, or
	// the one generated from the register and the sources.
	SoA soa.SoA `json:"soa"`
	// Basis is what the audit programme must cover: the SoA's applicable
	// controls, the high-risk ones among them, the catalog and the edition
	// of ISO/IEC 27001. Coverage, NewChecklist and Plan take it.
	Basis Basis `json:"basis"`
	// Assessments are the register's risks rated (risk.AssessRegister), in
	// register order; empty without a register.
	Assessments risk.Assessments `json:"assessments"`
	// Gap is the gap analysis of the ISMS records; nil without them.
	Gap *iso27001.GapReport `json:"gap,omitempty"`
}

// Evaluate gives the certification-readiness verdict of an
// organisation's documents as of the day asOf, in one call. It does what
// a caller would otherwise do by hand across five packages:
//
//  1. generates the SoA when d.SoA has no entries (soa.Generate);
//  2. rates the register's risks (risk.AssessRegister) and takes the
//     controls treating those above d.HighRiskAbove as the high-risk
//     controls (HighRiskControls);
//  3. takes the SoA's included controls as the applicable ones (BasisOf);
//  4. runs the gap analysis of the ISMS records (iso27001.Analyze);
//  5. validates the audit records against that basis, validates the SoA
//     against the catalog and the register, and computes the readiness
//     (Assess) and the audit report (NewReport).
//
// An SoA that does not validate is not an error: it is a reason the ISMS
// is not ready (InvalidSoA), as are a missing gap analysis, missing
// documented information, open major nonconformities and clauses never
// audited. A document that cannot be used is an error, with every problem
// found, each at a path rooted at the document's key in Documents'
// JSON form: "register.risks[2].likelihood" for a risk that cannot be
// rated, "isms.documents[1].id" for ISMS records that do not
// validate, "audit.findings[2].statement" (item "F-3") for audit records
// that do not validate, "sources.decisions[0].control" for an SoA that
// cannot be generated (the paths of soa.Generate),
// "highRiskAbove" for a level the criteria lack, "catalog" for a Catalog
// made with new instead of a constructor, and "asOf" for the zero Date.
//
// Controls treating a high risk that the SoA does not include are left out
// of the high-risk controls (the SoA's validation reports them).
//
//	ev, err := audit.Evaluate(audit.Documents{Register: reg, SoA: s, ISMS: isms, Audit: records}, asOf)
//	if err != nil { ... }
//	fmt.Println(ev.Readiness.Ready, ev.Readiness.Overall.Score)
func Evaluate(d Documents, asOf ismskit.Date) (*Evaluation, error) {
	var l fielderr.List
	if asOf.IsZero() {
		l.Add("asOf", ismskit.ErrMissing)
	}
	if d.Catalog != nil && isZero(d.Catalog) {
		l.Add("catalog", fielderr.Errorf(ismskit.ErrMissing, "a zero Catalog (get one from iso27002.NewCatalog)"))
		return nil, l.Err()
	}

	// The SoA, given or generated.
	s := d.SoA.Clone()
	if len(s.Entries) == 0 {
		h := d.SoA.Header
		if h.Date.IsZero() {
			h.Date = asOf
		}
		var err error
		s, err = soa.Generate(soa.Input{Catalog: d.Catalog, Header: h, Register: d.Register, Sources: d.Sources})
		l.Add("", err) // at "register..." and "sources...", as in Documents
	}

	// The register's ratings and high-risk controls.
	var reg *risk.Register
	as := []risk.Assessment{}
	var high []iso27002.ControlID
	if !reflect.ValueOf(d.Register).IsZero() {
		reg = &d.Register
	}
	if len(d.Register.Risks) > 0 {
		level := d.HighRiskAbove
		if level == "" {
			level = d.Register.Criteria.Acceptance.MaxLevel
		}
		rank, lerr := levelRank(d.Register.Criteria, level)
		l.Add("highRiskAbove", lerr)
		var err error
		as, err = risk.AssessRegister(d.Register)
		l.Add("register", err)
		if lerr == nil {
			high = highRisk(d.Register, as, rank, risk.Inherent)
		}
	}
	if as == nil {
		as = []risk.Assessment{}
	}
	b := BasisOf(s, d.Catalog, nil)
	for _, c := range high {
		if slices.Contains(b.Applicable, c) {
			b.HighRisk = append(b.HighRisk, c)
		}
	}

	// The gap analysis of the ISMS records.
	var gap *iso27001.GapReport
	if !reflect.ValueOf(d.ISMS).IsZero() {
		var err error
		gap, err = iso27001.Analyze(d.ISMS, asOf)
		l.Add("isms", err)
	}

	// The audit records against the basis.
	rb, err := d.Audit.check(b)
	l.Add("audit", err)
	if err := l.Err(); err != nil {
		return nil, err
	}
	in := ReadinessInput{Gap: gap, SoA: &s, Register: reg}
	rd := d.Audit.assess(rb, b, in, asOf)
	rep := d.Audit.report(rb, rd.clone())
	return &Evaluation{AsOf: asOf, Readiness: *rd, Report: *rep, SoA: s, Basis: b, Assessments: as, Gap: gap}, nil
}
