// Package oscalmodel holds the parts of NIST's OSCAL 1.2.1 JSON models
// that every ismskit OSCAL package reads or writes the same way: document
// metadata (with its roles, parties, locations, revisions and actions),
// properties, links and back matter; the encoding of a document with its
// content-derived UUID (EncodeDocument); the datatypes (IsToken, IsString,
// IsLine, DateTime, UUID); and a strict, single-pass JSON decoder for the
// models (Decode).
//
// Field order follows NIST's schemas, so the output reads in the order of
// OSCAL's documentation. Every optional field is omitted when empty, so a
// document keeps exactly the keys it was read with.
//
// iso27002/oscal (catalog, profile, mapping), soa/oscal (system security
// plan) and audit/oscal (assessment plan, assessment results, plan of
// action and milestones) use these types. Everything here is safe for
// concurrent use.
package oscalmodel

// Version is the OSCAL version ismskit writes.
const Version = "1.2.1"

// Namespace is the URI of ismskit's own OSCAL names (properties and parts
// beyond OSCAL's core names carry it as their ns).
const Namespace = "https://github.com/ismskit/ns/oscal"

// Metadata is an OSCAL document's metadata block.
type Metadata struct {
	Title              string             `json:"title"`
	Published          string             `json:"published,omitempty"`
	LastModified       string             `json:"last-modified"`
	Version            string             `json:"version"`
	OSCALVersion       string             `json:"oscal-version"`
	Revisions          []Revision         `json:"revisions,omitempty"`
	DocumentIDs        []DocumentID       `json:"document-ids,omitempty"`
	Props              []Prop             `json:"props,omitempty"`
	Links              []Link             `json:"links,omitempty"`
	Roles              []Role             `json:"roles,omitempty"`
	Locations          []Location         `json:"locations,omitempty"`
	Parties            []Party            `json:"parties,omitempty"`
	ResponsibleParties []ResponsibleParty `json:"responsible-parties,omitempty"`
	Actions            []Action           `json:"actions,omitempty"`
	Remarks            string             `json:"remarks,omitempty"`
}

// Revision is an entry of a document's revision history.
type Revision struct {
	Title        string `json:"title,omitempty"`
	Published    string `json:"published,omitempty"`
	LastModified string `json:"last-modified,omitempty"`
	Version      string `json:"version"`
	OSCALVersion string `json:"oscal-version,omitempty"`
	Props        []Prop `json:"props,omitempty"`
	Links        []Link `json:"links,omitempty"`
	Remarks      string `json:"remarks,omitempty"`
}

// DocumentID is an identifier of a document in a scheme (a DOI).
type DocumentID struct {
	Scheme     string `json:"scheme,omitempty"`
	Identifier string `json:"identifier"`
}

// Prop is an OSCAL property: a name/value pair, in a namespace unless it
// is one of OSCAL's own.
type Prop struct {
	Name    string `json:"name"`
	UUID    string `json:"uuid,omitempty"`
	NS      string `json:"ns,omitempty"`
	Value   string `json:"value"`
	Class   string `json:"class,omitempty"`
	Group   string `json:"group,omitempty"`
	Remarks string `json:"remarks,omitempty"`
}

// Link is a reference to a resource, a control or a part: "#ac-2",
// "#<resource uuid>", a URL.
type Link struct {
	Href             string `json:"href"`
	Rel              string `json:"rel,omitempty"`
	MediaType        string `json:"media-type,omitempty"`
	ResourceFragment string `json:"resource-fragment,omitempty"`
	Text             string `json:"text,omitempty"`
}

// Role is a role a party can play, such as "system-owner".
type Role struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	ShortName   string `json:"short-name,omitempty"`
	Description string `json:"description,omitempty"`
	Props       []Prop `json:"props,omitempty"`
	Links       []Link `json:"links,omitempty"`
	Remarks     string `json:"remarks,omitempty"`
}

// Location is a place, with its address.
type Location struct {
	UUID             string            `json:"uuid"`
	Title            string            `json:"title,omitempty"`
	Address          *Address          `json:"address,omitempty"`
	EmailAddresses   []string          `json:"email-addresses,omitempty"`
	TelephoneNumbers []TelephoneNumber `json:"telephone-numbers,omitempty"`
	URLs             []string          `json:"urls,omitempty"`
	Props            []Prop            `json:"props,omitempty"`
	Links            []Link            `json:"links,omitempty"`
	Remarks          string            `json:"remarks,omitempty"`
}

// Address is a postal address.
type Address struct {
	Type       string   `json:"type,omitempty"`
	AddrLines  []string `json:"addr-lines,omitempty"`
	City       string   `json:"city,omitempty"`
	State      string   `json:"state,omitempty"`
	PostalCode string   `json:"postal-code,omitempty"`
	Country    string   `json:"country,omitempty"`
}

// TelephoneNumber is a telephone number and its kind.
type TelephoneNumber struct {
	Type   string `json:"type,omitempty"`
	Number string `json:"number"`
}

// Party is a person or organisation.
type Party struct {
	UUID                  string            `json:"uuid"`
	Type                  string            `json:"type"`
	Name                  string            `json:"name,omitempty"`
	ShortName             string            `json:"short-name,omitempty"`
	ExternalIDs           []ExternalID      `json:"external-ids,omitempty"`
	Props                 []Prop            `json:"props,omitempty"`
	Links                 []Link            `json:"links,omitempty"`
	EmailAddresses        []string          `json:"email-addresses,omitempty"`
	TelephoneNumbers      []TelephoneNumber `json:"telephone-numbers,omitempty"`
	Addresses             []Address         `json:"addresses,omitempty"`
	LocationUUIDs         []string          `json:"location-uuids,omitempty"`
	MemberOfOrganizations []string          `json:"member-of-organizations,omitempty"`
	Remarks               string            `json:"remarks,omitempty"`
}

// ExternalID is an identifier of a party in another scheme (an ORCID).
type ExternalID struct {
	Scheme string `json:"scheme"`
	ID     string `json:"id"`
}

// ResponsibleParty assigns parties to a role.
type ResponsibleParty struct {
	RoleID     string   `json:"role-id"`
	PartyUUIDs []string `json:"party-uuids"`
	Props      []Prop   `json:"props,omitempty"`
	Links      []Link   `json:"links,omitempty"`
	Remarks    string   `json:"remarks,omitempty"`
}

// Action is an action taken on a document (an approval, a review).
type Action struct {
	UUID               string             `json:"uuid"`
	Date               string             `json:"date,omitempty"`
	Type               string             `json:"type"`
	System             string             `json:"system"`
	Props              []Prop             `json:"props,omitempty"`
	Links              []Link             `json:"links,omitempty"`
	ResponsibleParties []ResponsibleParty `json:"responsible-parties,omitempty"`
	Remarks            string             `json:"remarks,omitempty"`
}

// BackMatter holds the resources a document refers to.
type BackMatter struct {
	Resources []Resource `json:"resources,omitempty"`
}

// Resource is a document, a citation or embedded data that a document
// refers to by "#" and its UUID.
type Resource struct {
	UUID        string       `json:"uuid"`
	Title       string       `json:"title,omitempty"`
	Description string       `json:"description,omitempty"`
	Props       []Prop       `json:"props,omitempty"`
	DocumentIDs []DocumentID `json:"document-ids,omitempty"`
	Citation    *Citation    `json:"citation,omitempty"`
	RLinks      []RLink      `json:"rlinks,omitempty"`
	Base64      *Base64      `json:"base64,omitempty"`
	Remarks     string       `json:"remarks,omitempty"`
}

// Citation is a bibliographic reference.
type Citation struct {
	Text  string `json:"text"`
	Props []Prop `json:"props,omitempty"`
	Links []Link `json:"links,omitempty"`
}

// RLink is where a resource can be found, with its hashes.
type RLink struct {
	Href      string `json:"href"`
	MediaType string `json:"media-type,omitempty"`
	Hashes    []Hash `json:"hashes,omitempty"`
}

// Hash is a cryptographic digest.
type Hash struct {
	Algorithm string `json:"algorithm"`
	Value     string `json:"value"`
}

// Base64 is data embedded in a resource.
type Base64 struct {
	Filename  string `json:"filename,omitempty"`
	MediaType string `json:"media-type,omitempty"`
	Value     string `json:"value"`
}
