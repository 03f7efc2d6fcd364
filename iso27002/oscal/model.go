package oscal

import (
	"encoding/json"

	"github.com/ismskit/ismskit/internal/oscalmodel"
)

// The OSCAL 1.2.1 JSON models this package reads and writes. Every object
// lists every key NIST's schema allows for it, so strict decoding rejects
// exactly the keys the schema rejects, and every optional key is left out
// when empty, so an imported document is written back with the keys it
// had. Field order follows the schema.

// The shared OSCAL parts; see internal/oscalmodel.
type (
	metadata   = oscalmodel.Metadata
	prop       = oscalmodel.Prop
	link       = oscalmodel.Link
	backMatter = oscalmodel.BackMatter
)

// catalogDoc is the root of an OSCAL catalog document.
type catalogDoc struct {
	Schema  string   `json:"$schema,omitempty"`
	Catalog *catalog `json:"catalog"`
}

type catalog struct {
	UUID       string      `json:"uuid"`
	Metadata   *metadata   `json:"metadata"`
	Params     []param     `json:"params,omitempty"`
	Controls   []control   `json:"controls,omitempty"`
	Groups     []group     `json:"groups,omitempty"`
	BackMatter *backMatter `json:"back-matter,omitempty"`
}

type group struct {
	ID       string    `json:"id,omitempty"`
	Class    string    `json:"class,omitempty"`
	Title    string    `json:"title"`
	Params   []param   `json:"params,omitempty"`
	Props    []prop    `json:"props,omitempty"`
	Links    []link    `json:"links,omitempty"`
	Parts    []part    `json:"parts,omitempty"`
	Groups   []group   `json:"groups,omitempty"`
	Controls []control `json:"controls,omitempty"`
}

type control struct {
	ID       string    `json:"id"`
	Class    string    `json:"class,omitempty"`
	Title    string    `json:"title"`
	Params   []param   `json:"params,omitempty"`
	Props    []prop    `json:"props,omitempty"`
	Links    []link    `json:"links,omitempty"`
	Parts    []part    `json:"parts,omitempty"`
	Controls []control `json:"controls,omitempty"`
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

type param struct {
	ID          string       `json:"id"`
	Class       string       `json:"class,omitempty"`
	DependsOn   string       `json:"depends-on,omitempty"`
	Props       []prop       `json:"props,omitempty"`
	Links       []link       `json:"links,omitempty"`
	Label       string       `json:"label,omitempty"`
	Usage       string       `json:"usage,omitempty"`
	Constraints []constraint `json:"constraints,omitempty"`
	Guidelines  []guideline  `json:"guidelines,omitempty"`
	Values      []string     `json:"values,omitempty"`
	Select      *selection   `json:"select,omitempty"`
	Remarks     string       `json:"remarks,omitempty"`
}

type constraint struct {
	Description string           `json:"description,omitempty"`
	Tests       []constraintTest `json:"tests,omitempty"`
}

type constraintTest struct {
	Expression string `json:"expression"`
	Remarks    string `json:"remarks,omitempty"`
}

type guideline struct {
	Prose string `json:"prose"`
}

type selection struct {
	HowMany string   `json:"how-many,omitempty"`
	Choice  []string `json:"choice,omitempty"`
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
	Merge      *merge          `json:"merge,omitempty"`
	Modify     *modify         `json:"modify,omitempty"`
	BackMatter *backMatter     `json:"back-matter,omitempty"`
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

type merge struct {
	Combine *struct {
		Method string `json:"method,omitempty"`
	} `json:"combine,omitempty"`
	Flat   *struct{} `json:"flat,omitempty"`
	AsIs   *bool     `json:"as-is,omitempty"`
	Custom *struct {
		Groups         []customGroup    `json:"groups,omitempty"`
		InsertControls []insertControls `json:"insert-controls,omitempty"`
	} `json:"custom,omitempty"`
}

type customGroup struct {
	ID             string           `json:"id,omitempty"`
	Class          string           `json:"class,omitempty"`
	Title          string           `json:"title"`
	Params         []param          `json:"params,omitempty"`
	Props          []prop           `json:"props,omitempty"`
	Links          []link           `json:"links,omitempty"`
	Parts          []part           `json:"parts,omitempty"`
	Groups         []customGroup    `json:"groups,omitempty"`
	InsertControls []insertControls `json:"insert-controls,omitempty"`
}

type insertControls struct {
	Order           string          `json:"order,omitempty"`
	IncludeAll      *struct{}       `json:"include-all,omitempty"`
	IncludeControls []selectControl `json:"include-controls,omitempty"`
	ExcludeControls []selectControl `json:"exclude-controls,omitempty"`
}

type modify struct {
	SetParameters []setParameter `json:"set-parameters,omitempty"`
	Alters        []alter        `json:"alters,omitempty"`
}

type setParameter struct {
	ParamID     string       `json:"param-id"`
	Class       string       `json:"class,omitempty"`
	DependsOn   string       `json:"depends-on,omitempty"`
	Props       []prop       `json:"props,omitempty"`
	Links       []link       `json:"links,omitempty"`
	Label       string       `json:"label,omitempty"`
	Usage       string       `json:"usage,omitempty"`
	Constraints []constraint `json:"constraints,omitempty"`
	Guidelines  []guideline  `json:"guidelines,omitempty"`
	Values      []string     `json:"values,omitempty"`
	Select      *selection   `json:"select,omitempty"`
}

type alter struct {
	ControlID string            `json:"control-id"`
	Removes   []json.RawMessage `json:"removes,omitempty"`
	Adds      []json.RawMessage `json:"adds,omitempty"`
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
