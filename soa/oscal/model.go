package oscal

import "github.com/ismskit/ismskit/internal/oscalmodel"

// The parts of the OSCAL 1.2.1 system security plan model this package
// writes. Field order follows NIST's schema, so the output reads in the
// order of OSCAL's documentation.

// The shared OSCAL parts; see internal/oscalmodel.
type (
	metadata         = oscalmodel.Metadata
	prop             = oscalmodel.Prop
	role             = oscalmodel.Role
	party            = oscalmodel.Party
	responsibleParty = oscalmodel.ResponsibleParty
)

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
