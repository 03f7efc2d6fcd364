package oscal

// The parts of the OSCAL 1.2.1 system security plan model this package
// writes. Field order follows NIST's schema, so the output reads in the
// order of OSCAL's documentation.

type sspDoc struct {
	SSP *ssp `json:"system-security-plan"`
}

type ssp struct {
	UUID                  string                `json:"uuid"`
	Metadata              metadata              `json:"metadata"`
	ImportProfile         importProfile         `json:"import-profile"`
	SystemCharacteristics systemCharacteristics `json:"system-characteristics"`
	SystemImplementation  systemImplementation  `json:"system-implementation"`
	ControlImplementation controlImplementation `json:"control-implementation"`
	BackMatter            *backMatter           `json:"back-matter,omitempty"`
}

type metadata struct {
	Title              string             `json:"title"`
	LastModified       string             `json:"last-modified"`
	Version            string             `json:"version"`
	OSCALVersion       string             `json:"oscal-version"`
	Props              []prop             `json:"props,omitempty"`
	Roles              []role             `json:"roles,omitempty"`
	Parties            []party            `json:"parties,omitempty"`
	ResponsibleParties []responsibleParty `json:"responsible-parties,omitempty"`
	Remarks            string             `json:"remarks,omitempty"`
}

type prop struct {
	Name    string `json:"name"`
	NS      string `json:"ns,omitempty"`
	Value   string `json:"value"`
	Group   string `json:"group,omitempty"`
	Remarks string `json:"remarks,omitempty"`
}

type role struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

type party struct {
	UUID string `json:"uuid"`
	Type string `json:"type"`
	Name string `json:"name"`
}

type responsibleParty struct {
	RoleID     string   `json:"role-id"`
	PartyUUIDs []string `json:"party-uuids"`
}

type importProfile struct {
	Href string `json:"href"`
}

type systemCharacteristics struct {
	SystemIDs             []systemID            `json:"system-ids"`
	SystemName            string                `json:"system-name"`
	Description           string                `json:"description"`
	Props                 []prop                `json:"props,omitempty"`
	SystemInformation     systemInformation     `json:"system-information"`
	Status                status                `json:"status"`
	AuthorizationBoundary authorizationBoundary `json:"authorization-boundary"`
}

type systemID struct {
	IdentifierType string `json:"identifier-type,omitempty"`
	ID             string `json:"id"`
}

type systemInformation struct {
	InformationTypes []informationType `json:"information-types"`
}

type informationType struct {
	Title       string `json:"title"`
	Description string `json:"description"`
}

type status struct {
	State string `json:"state"`
}

type authorizationBoundary struct {
	Description string `json:"description"`
}

type systemImplementation struct {
	Components []component `json:"components"`
}

type component struct {
	UUID        string `json:"uuid"`
	Type        string `json:"type"`
	Title       string `json:"title"`
	Description string `json:"description"`
	Props       []prop `json:"props,omitempty"`
	Status      status `json:"status"`
}

type controlImplementation struct {
	Description             string                   `json:"description"`
	ImplementedRequirements []implementedRequirement `json:"implemented-requirements"`
}

type implementedRequirement struct {
	UUID         string        `json:"uuid"`
	ControlID    string        `json:"control-id"`
	Props        []prop        `json:"props,omitempty"`
	ByComponents []byComponent `json:"by-components,omitempty"`
	Remarks      string        `json:"remarks,omitempty"`
}

type byComponent struct {
	ComponentUUID        string                `json:"component-uuid"`
	UUID                 string                `json:"uuid"`
	Description          string                `json:"description"`
	ImplementationStatus *implementationStatus `json:"implementation-status,omitempty"`
	Inherited            []inherited           `json:"inherited,omitempty"`
	Satisfied            []inherited           `json:"satisfied,omitempty"`
}

type implementationStatus struct {
	State   string `json:"state"`
	Remarks string `json:"remarks,omitempty"`
}

// inherited is both OSCAL's inherited and satisfied objects, in the forms
// this package writes (a UUID and a description).
type inherited struct {
	UUID        string `json:"uuid"`
	Description string `json:"description"`
}

type backMatter struct {
	Resources []resource `json:"resources"`
}

type resource struct {
	UUID    string      `json:"uuid"`
	Title   string      `json:"title,omitempty"`
	Props   []prop      `json:"props,omitempty"`
	Base64  *base64Data `json:"base64,omitempty"`
	Remarks string      `json:"remarks,omitempty"`
}

type base64Data struct {
	Filename  string `json:"filename,omitempty"`
	MediaType string `json:"media-type,omitempty"`
	Value     string `json:"value"`
}
