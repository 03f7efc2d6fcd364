package oscal

import "github.com/ismskit/ismskit/internal/oscalmodel"

// The parts of the OSCAL 1.2.1 assessment results and plan of action and
// milestones models this package writes. Field order follows NIST's
// schemas.

// The shared OSCAL parts; see internal/oscalmodel.
type (
	metadata         = oscalmodel.Metadata
	prop             = oscalmodel.Prop
	role             = oscalmodel.Role
	party            = oscalmodel.Party
	responsibleParty = oscalmodel.ResponsibleParty
)

type arDoc struct {
	AR *assessmentResults `json:"assessment-results"`
}

type assessmentResults struct {
	UUID     string   `json:"uuid"`
	Metadata metadata `json:"metadata"`
	ImportAP href     `json:"import-ap"`
	Results  []result `json:"results"`
}

type poamDoc struct {
	POAM *poam `json:"plan-of-action-and-milestones"`
}

type poam struct {
	UUID      string     `json:"uuid"`
	Metadata  metadata   `json:"metadata"`
	ImportSSP *href      `json:"import-ssp,omitempty"`
	Risks     []risk     `json:"risks,omitempty"`
	Findings  []finding  `json:"findings,omitempty"`
	POAMItems []poamItem `json:"poam-items"`
}

type href struct {
	Href    string `json:"href"`
	Remarks string `json:"remarks,omitempty"`
}

type result struct {
	UUID             string           `json:"uuid"`
	Title            string           `json:"title"`
	Description      string           `json:"description"`
	Start            string           `json:"start"`
	End              string           `json:"end,omitempty"`
	Props            []prop           `json:"props,omitempty"`
	ReviewedControls reviewedControls `json:"reviewed-controls"`
	Observations     []observation    `json:"observations,omitempty"`
	Risks            []risk           `json:"risks,omitempty"`
	Findings         []finding        `json:"findings,omitempty"`
	Remarks          string           `json:"remarks,omitempty"`
}

type reviewedControls struct {
	ControlSelections []controlSelection `json:"control-selections"`
}

type controlSelection struct {
	Description     string          `json:"description,omitempty"`
	IncludeAll      *struct{}       `json:"include-all,omitempty"`
	IncludeControls []selectControl `json:"include-controls,omitempty"`
	Remarks         string          `json:"remarks,omitempty"`
}

type selectControl struct {
	ControlID string `json:"control-id"`
}

type observation struct {
	UUID        string   `json:"uuid"`
	Title       string   `json:"title,omitempty"`
	Description string   `json:"description"`
	Props       []prop   `json:"props,omitempty"`
	Methods     []string `json:"methods"`
	Types       []string `json:"types,omitempty"`
	Collected   string   `json:"collected"`
}

type finding struct {
	UUID                string       `json:"uuid"`
	Title               string       `json:"title"`
	Description         string       `json:"description"`
	Props               []prop       `json:"props,omitempty"`
	Origins             []origin     `json:"origins,omitempty"`
	Target              target       `json:"target"`
	RelatedObservations []relatedObs `json:"related-observations,omitempty"`
	RelatedRisks        []relatedRsk `json:"related-risks,omitempty"`
}

type origin struct {
	Actors []actor `json:"actors"`
}

type actor struct {
	Type      string `json:"type"`
	ActorUUID string `json:"actor-uuid"`
	RoleID    string `json:"role-id,omitempty"`
}

type target struct {
	Type     string          `json:"type"`
	TargetID string          `json:"target-id"`
	Title    string          `json:"title,omitempty"`
	Status   objectiveStatus `json:"status"`
	Remarks  string          `json:"remarks,omitempty"`
}

type objectiveStatus struct {
	State  string `json:"state"`
	Reason string `json:"reason,omitempty"`
}

type relatedObs struct {
	ObservationUUID string `json:"observation-uuid"`
}

type relatedRsk struct {
	RiskUUID string `json:"risk-uuid"`
}

type relatedFnd struct {
	FindingUUID string `json:"finding-uuid"`
}

type risk struct {
	UUID              string             `json:"uuid"`
	Title             string             `json:"title"`
	Description       string             `json:"description"`
	Statement         string             `json:"statement"`
	Props             []prop             `json:"props,omitempty"`
	Status            string             `json:"status"`
	MitigatingFactors []mitigatingFactor `json:"mitigating-factors,omitempty"`
	Deadline          string             `json:"deadline,omitempty"`
	Remediations      []response         `json:"remediations,omitempty"`
	RiskLog           *riskLog           `json:"risk-log,omitempty"`
}

type mitigatingFactor struct {
	UUID        string `json:"uuid"`
	Description string `json:"description"`
}

type response struct {
	UUID        string `json:"uuid"`
	Lifecycle   string `json:"lifecycle"`
	Title       string `json:"title"`
	Description string `json:"description"`
	Props       []prop `json:"props,omitempty"`
	Tasks       []task `json:"tasks,omitempty"`
	Remarks     string `json:"remarks,omitempty"`
}

type task struct {
	UUID             string            `json:"uuid"`
	Type             string            `json:"type"`
	Title            string            `json:"title"`
	Description      string            `json:"description,omitempty"`
	Props            []prop            `json:"props,omitempty"`
	Timing           *timing           `json:"timing,omitempty"`
	ResponsibleRoles []responsibleRole `json:"responsible-roles,omitempty"`
	Remarks          string            `json:"remarks,omitempty"`
}

type timing struct {
	OnDate          *onDate    `json:"on-date,omitempty"`
	WithinDateRange *dateRange `json:"within-date-range,omitempty"`
}

type dateRange struct {
	Start string `json:"start"`
	End   string `json:"end"`
}

type responsibleRole struct {
	RoleID     string   `json:"role-id"`
	PartyUUIDs []string `json:"party-uuids,omitempty"`
}

type apDoc struct {
	AP *assessmentPlan `json:"assessment-plan"`
}

type assessmentPlan struct {
	UUID             string            `json:"uuid"`
	Metadata         metadata          `json:"metadata"`
	ImportSSP        href              `json:"import-ssp"`
	LocalDefinitions *localDefinitions `json:"local-definitions,omitempty"`
	ReviewedControls reviewedControls  `json:"reviewed-controls"`
	Tasks            []task            `json:"tasks,omitempty"`
}

type localDefinitions struct {
	ObjectivesAndMethods []localObjective `json:"objectives-and-methods,omitempty"`
	Remarks              string           `json:"remarks,omitempty"`
}

type localObjective struct {
	ControlID   string   `json:"control-id"`
	Description string   `json:"description,omitempty"`
	Props       []prop   `json:"props,omitempty"`
	Parts       []apPart `json:"parts"`
}

type apPart struct {
	ID    string   `json:"id,omitempty"`
	Name  string   `json:"name"`
	NS    string   `json:"ns,omitempty"`
	Class string   `json:"class,omitempty"`
	Props []prop   `json:"props,omitempty"`
	Prose string   `json:"prose,omitempty"`
	Parts []apPart `json:"parts,omitempty"`
}

type onDate struct {
	Date string `json:"date"`
}

type riskLog struct {
	Entries []logEntry `json:"entries"`
}

type logEntry struct {
	UUID             string            `json:"uuid"`
	Title            string            `json:"title,omitempty"`
	Description      string            `json:"description,omitempty"`
	Start            string            `json:"start"`
	Props            []prop            `json:"props,omitempty"`
	StatusChange     string            `json:"status-change,omitempty"`
	RelatedResponses []relatedResponse `json:"related-responses,omitempty"`
}

type relatedResponse struct {
	ResponseUUID string `json:"response-uuid"`
}

type poamItem struct {
	UUID            string       `json:"uuid"`
	Title           string       `json:"title"`
	Description     string       `json:"description"`
	Props           []prop       `json:"props,omitempty"`
	RelatedFindings []relatedFnd `json:"related-findings,omitempty"`
	RelatedRisks    []relatedRsk `json:"related-risks,omitempty"`
	Remarks         string       `json:"remarks,omitempty"`
}
