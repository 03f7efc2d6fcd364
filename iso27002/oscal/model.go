package oscal

import "encoding/json"

// The OSCAL 1.2.1 JSON models this package reads and writes. Every object
// lists every key NIST's schema allows for it, so strict decoding rejects
// exactly the keys the schema rejects; the parts of a document that the
// package does not interpret (parameters, back matter, parties, ...) are
// kept as raw JSON and only checked for well-formedness.

// catalogDoc is the root of an OSCAL catalog document.
type catalogDoc struct {
	Schema  string   `json:"$schema,omitempty"`
	Catalog *catalog `json:"catalog"`
}

type catalog struct {
	UUID       string          `json:"uuid"`
	Metadata   *metadata       `json:"metadata"`
	Params     json.RawMessage `json:"params,omitempty"`
	Controls   []control       `json:"controls,omitempty"`
	Groups     []group         `json:"groups,omitempty"`
	BackMatter json.RawMessage `json:"back-matter,omitempty"`
}

type metadata struct {
	Title              string          `json:"title"`
	Published          string          `json:"published,omitempty"`
	LastModified       string          `json:"last-modified"`
	Version            string          `json:"version"`
	OSCALVersion       string          `json:"oscal-version"`
	Revisions          json.RawMessage `json:"revisions,omitempty"`
	DocumentIDs        json.RawMessage `json:"document-ids,omitempty"`
	Props              []prop          `json:"props,omitempty"`
	Links              []link          `json:"links,omitempty"`
	Roles              json.RawMessage `json:"roles,omitempty"`
	Locations          json.RawMessage `json:"locations,omitempty"`
	Parties            json.RawMessage `json:"parties,omitempty"`
	ResponsibleParties json.RawMessage `json:"responsible-parties,omitempty"`
	Actions            json.RawMessage `json:"actions,omitempty"`
	Remarks            string          `json:"remarks,omitempty"`
}

type group struct {
	ID       string          `json:"id,omitempty"`
	Class    string          `json:"class,omitempty"`
	Title    string          `json:"title"`
	Params   json.RawMessage `json:"params,omitempty"`
	Props    []prop          `json:"props,omitempty"`
	Links    []link          `json:"links,omitempty"`
	Parts    []part          `json:"parts,omitempty"`
	Groups   []group         `json:"groups,omitempty"`
	Controls []control       `json:"controls,omitempty"`
}

type control struct {
	ID       string          `json:"id"`
	Class    string          `json:"class,omitempty"`
	Title    string          `json:"title"`
	Params   json.RawMessage `json:"params,omitempty"`
	Props    []prop          `json:"props,omitempty"`
	Links    []link          `json:"links,omitempty"`
	Parts    []part          `json:"parts,omitempty"`
	Controls []control       `json:"controls,omitempty"`
}

type part struct {
	ID    string `json:"id,omitempty"`
	Name  string `json:"name"`
	NS    string `json:"ns,omitempty"`
	Class string `json:"class,omitempty"`
	Title string `json:"title,omitempty"`
	Props []prop `json:"props,omitempty"`
	Prose string `json:"prose,omitempty"`
	Parts []part `json:"parts,omitempty"`
	Links []link `json:"links,omitempty"`
}

type prop struct {
	Name    string `json:"name"`
	UUID    string `json:"uuid,omitempty"`
	NS      string `json:"ns,omitempty"`
	Value   string `json:"value"`
	Class   string `json:"class,omitempty"`
	Group   string `json:"group,omitempty"`
	Remarks string `json:"remarks,omitempty"`
}

type link struct {
	Href             string `json:"href"`
	Rel              string `json:"rel,omitempty"`
	MediaType        string `json:"media-type,omitempty"`
	ResourceFragment string `json:"resource-fragment,omitempty"`
	Text             string `json:"text,omitempty"`
}

// profileDoc is the root of an OSCAL profile document.
type profileDoc struct {
	Schema  string   `json:"$schema,omitempty"`
	Profile *profile `json:"profile"`
}

type profile struct {
	UUID       string          `json:"uuid"`
	Metadata   *metadata       `json:"metadata"`
	Imports    []profileImport `json:"imports"`
	Merge      json.RawMessage `json:"merge,omitempty"`
	Modify     json.RawMessage `json:"modify,omitempty"`
	BackMatter json.RawMessage `json:"back-matter,omitempty"`
}

type profileImport struct {
	Href            string          `json:"href"`
	IncludeAll      *struct{}       `json:"include-all,omitempty"`
	IncludeControls []selectControl `json:"include-controls,omitempty"`
	ExcludeControls []selectControl `json:"exclude-controls,omitempty"`
}

type selectControl struct {
	WithChildControls string     `json:"with-child-controls,omitempty"`
	WithIDs           []string   `json:"with-ids,omitempty"`
	Matching          []matching `json:"matching,omitempty"`
}

type matching struct {
	Pattern string `json:"pattern,omitempty"`
	Remarks string `json:"remarks,omitempty"`
}

// mappingDoc is the root of an OSCAL mapping collection (new in OSCAL
// 1.2.0).
type mappingDoc struct {
	Schema            string             `json:"$schema,omitempty"`
	MappingCollection *mappingCollection `json:"mapping-collection"`
}

type mappingCollection struct {
	UUID       string            `json:"uuid"`
	Metadata   *metadata         `json:"metadata"`
	Provenance mappingProvenance `json:"provenance"`
	Mappings   []mapping         `json:"mappings"`
}

type mappingProvenance struct {
	Method             string `json:"method"`
	MatchingRationale  string `json:"matching-rationale"`
	Status             string `json:"status"`
	MappingDescription string `json:"mapping-description"`
	Remarks            string `json:"remarks,omitempty"`
}

type mapping struct {
	UUID           string      `json:"uuid"`
	SourceResource resourceRef `json:"source-resource"`
	TargetResource resourceRef `json:"target-resource"`
	Maps           []mapEntry  `json:"maps"`
	Props          []prop      `json:"props,omitempty"`
	Remarks        string      `json:"remarks,omitempty"`
}

type resourceRef struct {
	Type string `json:"type"`
	Href string `json:"href"`
}

type mapEntry struct {
	UUID         string        `json:"uuid"`
	NS           string        `json:"ns,omitempty"`
	Relationship string        `json:"relationship"`
	Sources      []mappingItem `json:"sources"`
	Targets      []mappingItem `json:"targets"`
	Props        []prop        `json:"props,omitempty"`
	Remarks      string        `json:"remarks,omitempty"`
}

type mappingItem struct {
	Type  string `json:"type"`
	IDRef string `json:"id-ref"`
}
