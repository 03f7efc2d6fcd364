package iso27001

import (
	"encoding/json"
	"io"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/codec"
)

// Records is what an organisation's ISMS keeps about itself, as one JSON
// document: its context (4.1, 4.2), scope (4.3), roles (5.3), objectives
// (6.2), competence (7.2), the register of documented information (7.5)
// and its management reviews (9.3). Validate checks it against its
// edition; Analyze turns it into a gap analysis.
//
// The zero value is an empty document without an edition, which Validate
// rejects; Records{Edition: Edition2022} is a valid, empty organisation.
type Records struct {
	// Edition is the edition the ISMS follows. Required.
	Edition Edition `json:"edition"`
	// Amendments applied on top of the edition (amd1-2024 for 2022).
	Amendments []Amendment `json:"amendments,omitempty"`
	// Organization is the organisation's name.
	Organization string `json:"organization,omitempty"`
	// Scope is the ISMS scope (4.3).
	Scope Scope `json:"scope,omitzero"`
	// Issues are the internal and external issues (4.1).
	Issues []Issue `json:"issues,omitempty"`
	// Climate is the determination of whether climate change is a relevant
	// issue (4.1, Amd 1:2024).
	Climate *ClimateDetermination `json:"climate,omitempty"`
	// InterestedParties are the interested parties and their requirements
	// (4.2).
	InterestedParties []InterestedParty `json:"interestedParties,omitempty"`
	// Roles are the information security roles (5.3).
	Roles []Role `json:"roles,omitempty"`
	// Objectives are the information security objectives (6.2).
	Objectives []Objective `json:"objectives,omitempty"`
	// Competence holds competence records (7.2).
	Competence []CompetenceRecord `json:"competence,omitempty"`
	// Documents is the register of documented information (7.5).
	Documents []Document `json:"documents,omitempty"`
	// ManagementReviews are the management reviews held (9.3).
	ManagementReviews []ManagementReview `json:"managementReviews,omitempty"`
	// Extensions holds the user's own data as raw JSON, never interpreted
	// (re-encoding may compact its white space).
	Extensions map[string]json.RawMessage `json:"extensions,omitempty"`
}

// Scope is the ISMS scope (4.3). The zero value means no scope recorded.
type Scope struct {
	// 4.3: the scope statement. Required when any other scope field is set.
	Statement string `json:"statement"`
	// 4.3: boundaries (organisational units, sites, services, systems).
	Boundaries []string `json:"boundaries,omitempty"`
	// 4.3: applicability: what the ISMS applies to within the boundaries.
	Applicability string `json:"applicability,omitempty"`
	// 4.3 c: interfaces and dependencies with activities of others.
	Interfaces []Interface `json:"interfaces,omitempty"`
	// 4.3: what is left out of scope, each with its reason.
	Exclusions []Exclusion `json:"exclusions,omitempty"`
	// 4.3: ID of the register document holding the scope, if any.
	DocumentID string `json:"documentId,omitempty"`
}

// IsZero reports whether no scope is recorded.
func (s Scope) IsZero() bool {
	return s.Statement == "" && len(s.Boundaries) == 0 && s.Applicability == "" &&
		len(s.Interfaces) == 0 && len(s.Exclusions) == 0 && s.DocumentID == ""
}

// Interface is an interface or dependency of the ISMS with activities
// performed by others (4.3 c). The zero value is empty and invalid.
type Interface struct {
	// 4.3 c: the other party or activity. Required.
	With string `json:"with"`
	// 4.3 c: what crosses the interface.
	Description string `json:"description,omitempty"`
}

// Exclusion is something deliberately left out of the scope (4.3). The
// zero value is empty and invalid.
type Exclusion struct {
	// What is excluded. Required.
	Subject string `json:"subject"`
	// Why it is excluded. Required.
	Reason string `json:"reason"`
}

// Issue is an internal or external issue (4.1). The zero value is empty and
// invalid.
type Issue struct {
	// ID is unique among the issues. Required.
	ID string `json:"id"`
	// 4.1: internal or external. Required.
	Origin Origin `json:"origin"`
	// 4.1: the issue. Required.
	Description string `json:"description"`
	// 4.1 (Amd 1:2024): the issue is about climate change.
	Climate bool `json:"climate,omitempty"`
}

// ClimateDetermination records the decision, required by Amd 1:2024 in
// 4.1, on whether climate change is a relevant issue. The zero value says
// "not relevant" without a rationale, which Validate rejects.
type ClimateDetermination struct {
	// 4.1 (Amd 1:2024): whether climate change is a relevant issue.
	Relevant bool `json:"relevant"`
	// Why. Required.
	Rationale string `json:"rationale"`
	// When the determination was made.
	Date ismskit.Date `json:"date,omitzero"`
}

// InterestedParty is an interested party and what it requires (4.2). The
// zero value is empty and invalid.
type InterestedParty struct {
	// ID is unique among the parties. Required.
	ID string `json:"id"`
	// 4.2 a: the party. Required.
	Name string `json:"name"`
	// Internal or external.
	Origin Origin `json:"origin,omitzero"`
	// 4.2 b: the party's relevant requirements.
	Requirements []PartyRequirement `json:"requirements,omitempty"`
}

// PartyRequirement is one requirement of an interested party (4.2 b). The
// zero value is empty and invalid.
type PartyRequirement struct {
	// 4.2 b: the requirement. Required.
	Description string `json:"description"`
	// 4.2 c (2022): whether the ISMS addresses it; nil means not yet
	// decided.
	Addressed *bool `json:"addressed,omitempty"`
	// Amd 1:2024 4.2 note: the requirement is about climate change.
	Climate bool `json:"climate,omitempty"`
}

// Role is a role with information security responsibilities (5.3). The
// zero value is empty and invalid.
type Role struct {
	// The role. Required.
	Name string `json:"name"`
	// Who holds it.
	Holder string `json:"holder,omitempty"`
	// 5.3: responsibilities.
	Responsibilities []string `json:"responsibilities,omitempty"`
	// 5.3: authorities.
	Authorities []string `json:"authorities,omitempty"`
	// 5.3 a: responsible for the ISMS conforming to the standard.
	Conformance bool `json:"conformance,omitempty"`
	// 5.3 b: responsible for reporting ISMS performance to top management.
	ReportsPerformance bool `json:"reportsPerformance,omitempty"`
}

// Objective is an information security objective with its plan (6.2). The
// zero value is empty and invalid.
type Objective struct {
	// ID is unique among the objectives. Required.
	ID string `json:"id"`
	// 6.2: the objective. Required.
	Description string `json:"description"`
	// 6.2 b: what is measured. Required, with Target.
	Metric string `json:"metric"`
	// 6.2 b: the value the metric should reach. Required, with Metric.
	Target string `json:"target"`
	// 6.2 d (2022): how and how often progress is monitored.
	Monitoring string `json:"monitoring,omitempty"`
	// 6.2 h (2022) / f (2013): what will be done.
	Plan string `json:"plan,omitempty"`
	// 6.2 i / g: resources required.
	Resources string `json:"resources,omitempty"`
	// 6.2 j / h: who is responsible.
	Owner string `json:"owner,omitempty"`
	// 6.2 k / i: when it will be completed.
	Due ismskit.Date `json:"due,omitzero"`
	// 6.2 l / j: how the results will be evaluated.
	Evaluation string `json:"evaluation,omitempty"`
}

// CompetenceRecord records the competence of a person for a role (7.2).
// The zero value is empty and invalid.
type CompetenceRecord struct {
	// Who. Required.
	Person string `json:"person"`
	// The role or work concerned.
	Role string `json:"role,omitempty"`
	// 7.2 a: the competence needed. Required.
	Competence string `json:"competence"`
	// 7.2 b: the education, training or experience that shows it.
	Basis string `json:"basis,omitempty"`
	// 7.2 c: actions taken to acquire the competence, and their evaluation.
	Actions []string `json:"actions,omitempty"`
	// When it was assessed.
	Date ismskit.Date `json:"date,omitzero"`
	// 7.2 d: ID of the register document holding the evidence.
	DocumentID string `json:"documentId,omitempty"`
}

// Document is an entry of the register of documented information (7.5):
// a document or a record, with its control data. The zero value is empty
// and invalid.
type Document struct {
	// 7.5.2 a: identifier, unique in the register. Required.
	ID string `json:"id"`
	// 7.5.2 a: title. Required.
	Title string `json:"title"`
	// 7.5.3 e: version.
	Version string `json:"version,omitempty"`
	// Owner responsible for the document.
	Owner string `json:"owner,omitempty"`
	// Maintained (a document) or retained (a record).
	Kind DocKind `json:"kind,omitzero"`
	// 7.5.2 c: date of approval; zero while the document is a draft.
	Approved ismskit.Date `json:"approved,omitzero"`
	// 7.5.2 c: who approved it.
	ApprovedBy string `json:"approvedBy,omitempty"`
	// Next review date; past it (as of the analysis date) the document is
	// expired. Must not be before Approved.
	ReviewDue ismskit.Date `json:"reviewDue,omitzero"`
	// 7.5.3 f: retention rule, e.g. "3 years after superseded".
	Retention string `json:"retention,omitempty"`
	// The requirement items the document evidences, e.g. "6.1.3.d".
	Evidences []ItemID `json:"evidences,omitempty"`
	// Clauses the document relates to, for reference.
	Clauses []ClauseID `json:"clauses,omitempty"`
}

// ManagementReview is one management review (9.3). The zero value is empty
// and invalid.
type ManagementReview struct {
	// ID is unique among the reviews. Required.
	ID string `json:"id"`
	// When it was held. Required.
	Date ismskit.Date `json:"date"`
	// Who took part.
	Attendees []string `json:"attendees,omitempty"`
	// 9.3.2 (2022) / 9.3 a-f (2013): the inputs considered.
	Inputs []ReviewInput `json:"inputs,omitempty"`
	// 9.3.3 (2022) / 9.3 (2013): decisions taken.
	Outputs []ReviewOutput `json:"outputs,omitempty"`
	// ID of the register document holding the minutes.
	DocumentID string `json:"documentId,omitempty"`
}

// ReviewInput is one input a management review considered. The zero value
// is empty and invalid.
type ReviewInput struct {
	// The input item, e.g. "9.3.2.c" (2022) or "9.3.b" (2013). Required.
	Item ItemID `json:"item"`
	// What was presented.
	Summary string `json:"summary,omitempty"`
}

// ReviewOutput is one decision of a management review (9.3.3). The zero
// value is empty and invalid.
type ReviewOutput struct {
	// Improvement or change. Required.
	Kind OutputKind `json:"kind"`
	// The decision. Required.
	Decision string `json:"decision"`
	// Who carries it out.
	Owner string `json:"owner,omitempty"`
	// By when.
	Due ismskit.Date `json:"due,omitzero"`
}

// DecodeRecords decodes a Records JSON document strictly: an unknown or
// duplicated key, a wrong JSON type, an unknown enum value, a malformed
// ID or date, and data after the document are each reported as an
// *ismskit.Error with its path, all of them up to the problem limit,
// joined. opts set the decoder's limits. It does not validate the
// content; call Validate for that.
func DecodeRecords(data []byte, opts ...ismskit.DecodeOption) (Records, error) {
	r, err := codec.Decode[recordsJSON](data, opts)
	return Records(r), err
}

// ReadRecords reads a Records document from r, never past the byte limit,
// and decodes it as DecodeRecords does.
func ReadRecords(r io.Reader, opts ...ismskit.DecodeOption) (Records, error) {
	return codec.Read(r, opts, DecodeRecords)
}

// EncodeRecords returns the JSON form of r, indented by two spaces and
// ending in a newline; DecodeRecords reads it back.
func EncodeRecords(r Records) ([]byte, error) { return codec.Encode(recordsJSON(r)) }

// WriteRecords writes the JSON form of r to w, as EncodeRecords returns
// it.
func WriteRecords(w io.Writer, r Records) error { return codec.Write(w, recordsJSON(r)) }

// recordsJSON is Records without its methods, for decoding.
type recordsJSON Records

// UnmarshalJSON decodes records strictly, as DecodeRecords does with the
// default limits, so that records inside a larger document that
// encoding/json decodes are as strict as records decoded on their own.
func (r *Records) UnmarshalJSON(data []byte) error {
	return codec.Unmarshal(data, (*recordsJSON)(r))
}

// Standard returns the edition and amendments the records follow.
// Errors are those of New.
func (r Records) Standard() (*Standard, error) {
	return New(r.Edition, r.Amendments...)
}
