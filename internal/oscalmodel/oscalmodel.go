// Package oscalmodel holds the parts of NIST's OSCAL 1.2.1 JSON models
// that every ismskit OSCAL exporter writes the same way: document
// metadata, properties, roles, parties and references. Field order
// follows NIST's schemas, so the output reads in the order of OSCAL's
// documentation.
//
// soa/oscal (system security plan) and audit/oscal (assessment results,
// plan of action and milestones) alias these types.
package oscalmodel

// Metadata is an OSCAL document's metadata block.
type Metadata struct {
	Title              string             `json:"title"`
	LastModified       string             `json:"last-modified"`
	Version            string             `json:"version"`
	OSCALVersion       string             `json:"oscal-version"`
	Props              []Prop             `json:"props,omitempty"`
	Roles              []Role             `json:"roles,omitempty"`
	Parties            []Party            `json:"parties,omitempty"`
	ResponsibleParties []ResponsibleParty `json:"responsible-parties,omitempty"`
	Remarks            string             `json:"remarks,omitempty"`
}

// Prop is an OSCAL property: a name/value pair, in a namespace unless it
// is one of OSCAL's own.
type Prop struct {
	Name    string `json:"name"`
	NS      string `json:"ns,omitempty"`
	Value   string `json:"value"`
	Group   string `json:"group,omitempty"`
	Remarks string `json:"remarks,omitempty"`
}

// Role is a role a party can play, such as "system-owner".
type Role struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

// Party is a person or organisation.
type Party struct {
	UUID  string `json:"uuid"`
	Type  string `json:"type"`
	Name  string `json:"name"`
	Props []Prop `json:"props,omitempty"`
}

// ResponsibleParty assigns parties to a role.
type ResponsibleParty struct {
	RoleID     string   `json:"role-id"`
	PartyUUIDs []string `json:"party-uuids"`
}
