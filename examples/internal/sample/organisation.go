package sample

import (
	_ "embed"
	"fmt"
	"slices"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/strictjson"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/risk"
)

// The rest of the sample organisation, beside the risk register: the
// company profile with its asset inventory and own controls, its ISMS
// records, its other requirement sources for the SoA and the FAIR
// estimates of its top risks. The quickstart reads all of them.

//go:embed organisation.json
var organisationJSON []byte

//go:embed records.json
var recordsJSON []byte

//go:embed sources.json
var sourcesJSON []byte

//go:embed fair.json
var fairJSON []byte

// Organisation is the profile of the sample company: who it is, the day
// the sample describes, its asset inventory (ISO/IEC 27002:2022 control
// 5.9; the register's assets are among them) and the controls of its own
// that its risks use besides Annex A. The zero value is an empty profile.
type Organisation struct {
	// Name of the company.
	Name string `json:"name"`
	// Description in one sentence.
	Description string `json:"description"`
	// Employees is the headcount.
	Employees int `json:"employees"`
	// AsOf is the day the sample describes; the quickstart runs as of it.
	AsOf ismskit.Date `json:"asOf"`
	// Assets is the whole asset inventory.
	Assets []risk.Asset `json:"assets"`
	// Controls are the company's own "nimbus:" controls.
	Controls []iso27002.Control `json:"controls"`
}

// OrganisationJSON returns the company profile as JSON (a fresh copy).
func OrganisationJSON() []byte { return slices.Clone(organisationJSON) }

// RecordsJSON returns the ISMS records of the company as JSON, in the
// form that iso27001.DecodeRecords reads (a fresh copy).
func RecordsJSON() []byte { return slices.Clone(recordsJSON) }

// SourcesJSON returns the requirement sources and decisions for the SoA
// (GDPR, tax law, customer contracts, the certification goal, the
// company's baseline and its exclusions), in the form that
// soa.DecodeSources reads (a fresh copy).
func SourcesJSON() []byte { return slices.Clone(sourcesJSON) }

// FAIRJSON returns the FAIR analysis of the three risks ranked highest by
// residual level, one scenario per risk named by the risk ID and one
// treatment each, in the form that fair.DecodeAnalysis reads (a fresh
// copy).
func FAIRJSON() []byte { return slices.Clone(fairJSON) }

// LoadOrganisation decodes the company profile strictly.
func LoadOrganisation() (Organisation, error) {
	var o Organisation
	if err := strictjson.Unmarshal(organisationJSON, &o); err != nil {
		return Organisation{}, fmt.Errorf("sample organisation: %w", err)
	}
	return o, nil
}
