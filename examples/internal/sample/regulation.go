package sample

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"

	"github.com/ismskit/ismskit/soa"
	"github.com/ismskit/ismskit/soa/regulation"
)

// The regulations that apply to the sample company, as a tailoring of
// package soa/regulation: Nimbus Ledger processes personal data (GDPR)
// and, as a medium-sized cloud computing service provider, is an
// important entity under NIS2.

//go:embed tailoring.json
var tailoringJSON []byte

// TailoringJSON returns the company's regulation tailoring as JSON, in
// the form that regulation.DecodeTailoring reads (a fresh copy).
func TailoringJSON() []byte { return slices.Clone(tailoringJSON) }

// Tailoring decodes the company's regulation tailoring strictly.
func Tailoring() (regulation.Tailoring, error) {
	t, err := regulation.DecodeTailoring(tailoringJSON)
	if err != nil {
		return regulation.Tailoring{}, fmt.Errorf("sample tailoring: %w", err)
	}
	return t, nil
}

// Sources returns the requirement sources and decisions of the SoA with
// the GDPR and NIS2 obligations from package soa/regulation: those of
// SourcesJSON, less its hand-written GDPR obligations (IDs "GDPR-..."),
// then the obligations of Tailoring.
func Sources() (soa.Sources, error) {
	src, err := soa.DecodeSources(sourcesJSON)
	if err != nil {
		return soa.Sources{}, fmt.Errorf("sample sources: %w", err)
	}
	t, err := Tailoring()
	if err != nil {
		return soa.Sources{}, err
	}
	obs, err := t.Obligations()
	if err != nil {
		return soa.Sources{}, fmt.Errorf("sample tailoring: %w", err)
	}
	src.Obligations = slices.DeleteFunc(src.Obligations, func(o soa.Obligation) bool { return strings.HasPrefix(o.ID, "GDPR-") })
	src.Obligations = append(src.Obligations, obs...)
	return src, nil
}
