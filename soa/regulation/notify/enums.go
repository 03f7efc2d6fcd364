package notify

import "github.com/ismskit/ismskit/internal/enum"

// The enumerations of the package (Report, Recipient) share one method
// set: String in words for people, MarshalText and UnmarshalText with the
// lower-case code of JSON ("" for the zero value, which means unset),
// ParseX and IsValid. Errors wrap ismskit.ErrUnknownValue.

// Report is the kind of a notification or report a regime requires. The
// zero value is unset.
type Report uint8

// The reports, regime by regime.
const (
	// AuthorityNotification: GDPR Art. 33(1), the controller to the
	// supervisory authority.
	AuthorityNotification Report = iota + 1
	// ControllerNotification: GDPR Art. 33(2), a processor to its
	// controller.
	ControllerNotification
	// DataSubjectCommunication: GDPR Art. 34, the controller to the data
	// subjects, when the breach is likely to result in a high risk.
	DataSubjectCommunication
	// EarlyWarning: NIS2 Art. 23(4)(a).
	EarlyWarning
	// IncidentNotification: NIS2 Art. 23(4)(b), or its second
	// subparagraph for trust service providers.
	IncidentNotification
	// ProgressReport: NIS2 Art. 23(4)(e), in place of the final report
	// while the incident is still being handled.
	ProgressReport
	// FinalReport: NIS2 Art. 23(4)(d) or (e); DORA Art. 19(4)(c).
	FinalReport
	// InitialNotification: DORA Art. 19(4)(a).
	InitialNotification
	// IntermediateReport: DORA Art. 19(4)(b).
	IntermediateReport
	// ClientInformation: DORA Art. 19(3), when the incident affects the
	// financial interests of clients.
	ClientInformation
	// IndividualNotice: HIPAA 45 CFR 164.404, the covered entity to each
	// affected individual.
	IndividualNotice
	// MediaNotice: HIPAA 45 CFR 164.406, when more than 500 residents of a
	// State or jurisdiction are affected.
	MediaNotice
	// SecretaryNotice: HIPAA 45 CFR 164.408(b), to the Secretary of HHS
	// for 500 or more individuals.
	SecretaryNotice
	// AnnualReport: HIPAA 45 CFR 164.408(c), the yearly report to the
	// Secretary of HHS of the logged breaches of fewer than 500
	// individuals.
	AnnualReport
	// CoveredEntityNotice: HIPAA 45 CFR 164.410, a business associate to
	// the covered entity.
	CoveredEntityNotice
)

var reports = &enum.Set[Report]{Type: "Report", What: "report",
	Codes: []string{"", "authority-notification", "controller-notification", "data-subject-communication",
		"early-warning", "incident-notification", "progress-report", "final-report",
		"initial-notification", "intermediate-report", "client-information",
		"individual-notice", "media-notice", "secretary-notice", "annual-report", "covered-entity-notice"},
	Labels: []string{"", "Notification of the supervisory authority", "Notification of the controller", "Communication to the data subjects",
		"Early warning", "Incident notification", "Progress report", "Final report",
		"Initial notification", "Intermediate report", "Information of clients",
		"Notice to individuals", "Notice to the media", "Notice to the Secretary", "Annual report to the Secretary", "Notice to the covered entity"}}

// Reports returns the reports in order.
func Reports() []Report { return reports.All() }

// ParseReport parses a report's code ("early-warning").
func ParseReport(s string) (Report, error) { return reports.Parse(s) }

// IsValid reports whether r is one of the constants.
func (r Report) IsValid() bool { return reports.Valid(r) }

// String returns the report in words ("Early warning").
func (r Report) String() string { return reports.Label(r) }

// MarshalText returns the code; "" for the zero value.
func (r Report) MarshalText() ([]byte, error) { return reports.Marshal(r) }

// UnmarshalText reads the code; empty text is the zero value.
func (r *Report) UnmarshalText(text []byte) error { return reports.Unmarshal(r, text) }

// Recipient is who receives a notification. The zero value is unset.
type Recipient uint8

// The recipients.
const (
	SupervisoryAuthority Recipient = iota + 1 // GDPR: the lead or competent data protection authority
	Controller                                // GDPR: the controller a processor works for
	DataSubjects                              // GDPR: the people whose data were breached
	CSIRT                                     // NIS2: the CSIRT or, where applicable, the competent authority
	CompetentAuthority                        // DORA: the financial entity's competent authority
	Clients                                   // DORA: the clients whose financial interests are affected
	Individuals                               // HIPAA: each individual whose unsecured PHI was breached
	Media                                     // HIPAA: prominent media outlets serving the State or jurisdiction
	Secretary                                 // HIPAA: the Secretary of Health and Human Services
	CoveredEntity                             // HIPAA: the covered entity a business associate works for
)

var recipients = &enum.Set[Recipient]{Type: "Recipient", What: "recipient",
	Codes: []string{"", "supervisory-authority", "controller", "data-subjects", "csirt", "competent-authority", "clients",
		"individuals", "media", "secretary", "covered-entity"},
	Labels: []string{"", "Supervisory authority", "Controller", "Data subjects", "CSIRT or competent authority", "Competent authority", "Clients",
		"Affected individuals", "Media", "Secretary of HHS", "Covered entity"}}

// Recipients returns the recipients in order.
func Recipients() []Recipient { return recipients.All() }

// ParseRecipient parses a recipient's code ("csirt").
func ParseRecipient(s string) (Recipient, error) { return recipients.Parse(s) }

// IsValid reports whether r is one of the constants.
func (r Recipient) IsValid() bool { return recipients.Valid(r) }

// String returns the recipient in words ("CSIRT or competent authority").
func (r Recipient) String() string { return recipients.Label(r) }

// MarshalText returns the code; "" for the zero value.
func (r Recipient) MarshalText() ([]byte, error) { return recipients.Marshal(r) }

// UnmarshalText reads the code; empty text is the zero value.
func (r *Recipient) UnmarshalText(text []byte) error { return recipients.Unmarshal(r, text) }
