// Command oscal exports ismskit's catalogs and the sample organisation's
// ISMS documents as NIST OSCAL 1.2.1 JSON and imports an OSCAL catalog.
//
//	go run ./examples/oscal                      # writes ./ismskit-out/oscal
//	go run ./examples/oscal -out /tmp/oscal
//	go run ./examples/oscal -import NIST_SP-800-53_rev5_catalog.json -namespace nist-800-53r5
//	go run ./examples/oscal -import NIST_SP-800-53_rev5_catalog.json -export nist.json
//
// It writes to the -out directory (created if needed):
//
//   - iso27002-2022.json and iso27002-2013.json: the Annex A catalogs;
//   - iso27001-2022-clauses.json: clauses 4 to 10 of ISO/IEC 27001:2022
//     with Amd 1:2024;
//   - iso27002-2013-to-2022.json: the correspondence, as a mapping
//     collection;
//   - nimbus-catalog.json: the catalog of the sample organisation, Annex A
//     and its own controls;
//   - nimbus-profile.json: the applicable controls of its Statement of
//     Applicability, a profile of nimbus-catalog.json (soa/oscal);
//   - nimbus-ssp.json: the Statement of Applicability as a system security
//     plan that imports the profile (soa/oscal);
//   - nimbus-assessment-plan.json: its internal audit programme and the
//     checklist of the first audit, as an assessment plan (audit/oscal);
//   - nimbus-assessment-results.json: the findings of the first audit
//     and their corrective actions, as assessment results that import the
//     plan (audit/oscal);
//   - nimbus-poam.json: its open corrective actions and risk treatment
//     actions as a plan of action and milestones (audit/oscal).
//
// Every document is dated by the sample's own documents (the SoA's date,
// the audit's dates), never by the clock. It then prints the CSF 2.0
// coverage of the sample's implemented controls.
//
// With -import FILE it imports an OSCAL catalog (any OSCAL 1.x JSON
// catalog: NIST's, your own) and lists its controls; with -export PATH
// too, it writes the imported catalog back to PATH as OSCAL 1.2.1 JSON,
// as iso27002/oscal's EncodeCatalog writes it: same control ids, labels,
// parameters, parts, links, metadata and back matter. A file that is not
// a valid OSCAL catalog gets a message naming each problem's place and
// exit status 1.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	auditoscal "github.com/ismskit/ismskit/audit/oscal"
	"github.com/ismskit/ismskit/examples/internal/sample"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
	"github.com/ismskit/ismskit/iso27002/nist"
	"github.com/ismskit/ismskit/iso27002/oscal"
	soaoscal "github.com/ismskit/ismskit/soa/oscal"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("oscal", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", filepath.Join(".", "ismskit-out", "oscal"), "directory to write the OSCAL files to")
	imp := fs.String("import", "", "an OSCAL catalog (JSON) to import and list")
	ns := fs.String("namespace", oscal.DefaultNamespace, "namespace of the imported controls' IDs")
	exp := fs.String("export", "", "with -import: write the imported catalog back to this file as OSCAL "+oscal.OSCALVersion)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "oscal: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if *exp != "" && *imp == "" {
		fmt.Fprintln(stderr, "oscal: -export needs -import")
		return 2
	}
	if *imp != "" {
		if err := importCatalog(*imp, *ns, *exp, stdout); err != nil {
			fmt.Fprintln(stderr, "oscal:", err)
			return 1
		}
		return 0
	}
	if err := export(*out, stdout); err != nil {
		fmt.Fprintln(stderr, "oscal:", err)
		return 1
	}
	return 0
}

func export(dir string, w io.Writer) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	implemented, err := sampleControls()
	if err != nil {
		return err
	}
	m, err := loadISMS()
	if err != nil {
		return err
	}
	// Every document is dated by the sample's SoA, from which it is made;
	// the audit documents by the audit's own dates.
	dated := oscal.Options{LastModified: m.soa.Header.Date.Time()}
	opts := soaoscal.Options{CatalogHref: "nimbus-catalog.json", ProfileHref: "nimbus-profile.json"}
	audits := auditoscal.Options{PlanHref: "nimbus-assessment-plan.json", SSPHref: "nimbus-ssp.json"}
	files := []struct {
		name string
		gen  func() ([]byte, error)
	}{
		{"iso27002-2022.json", func() ([]byte, error) { return oscal.ExportCatalog(iso27002.Catalog2022(), dated) }},
		{"iso27002-2013.json", func() ([]byte, error) { return oscal.ExportCatalog(iso27002.Catalog2013(), dated) }},
		{"iso27001-2022-clauses.json", func() ([]byte, error) { return oscal.ExportClauses(iso27001.Latest(), dated) }},
		{"iso27002-2013-to-2022.json", func() ([]byte, error) { return oscal.ExportCorrespondence(oscal.MappingOptions{Options: dated}) }},
		{"nimbus-catalog.json", func() ([]byte, error) { return oscal.ExportCatalog(m.catalog, dated) }},
		{"nimbus-profile.json", func() ([]byte, error) { return soaoscal.ExportProfile(m.soa, opts) }},
		{"nimbus-ssp.json", func() ([]byte, error) { return soaoscal.ExportSSP(m.soa, opts) }},
		{"nimbus-assessment-plan.json", func() ([]byte, error) { return auditoscal.ExportPlan(*m.records, m.checklists, audits) }},
		{"nimbus-assessment-results.json", func() ([]byte, error) { return auditoscal.ExportResults(*m.records, audits) }},
		{"nimbus-poam.json", func() ([]byte, error) {
			o := audits
			o.AsOf = m.soa.Header.Date
			return auditoscal.ExportPOAM(auditoscal.POAMInput{Records: m.records, Register: &m.register}, o)
		}},
	}
	for _, f := range files {
		data, err := f.gen()
		if err != nil {
			return fmt.Errorf("%s: %w", f.name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, f.name), data, 0o644); err != nil {
			return err
		}
		fmt.Fprintf(w, "wrote %s\n", f.name)
	}
	fmt.Fprintf(w, "\nCSF 2.0 coverage of the %d implemented Annex A controls of the sample:\n", len(implemented))
	for _, fc := range nist.CSFCoverage(implemented) {
		fmt.Fprintf(w, "  %s  %2d of %2d subcategories  %5.1f%%\n", fc.Function, fc.Covered, fc.Mapped, fc.Percent)
	}
	return nil
}

// sampleControls returns the Annex A controls the sample register marks
// implemented. It reads only the fields it needs, so it does not depend
// on the risk package's types.
func sampleControls() (implemented []iso27002.ControlID, err error) {
	var reg struct {
		Risks []struct {
			Controls []struct {
				Control string `json:"control"`
				Status  string `json:"status"`
			} `json:"controls"`
		} `json:"risks"`
	}
	if err := json.Unmarshal(sample.RegisterJSON(), &reg); err != nil {
		return nil, fmt.Errorf("sample register: %w", err)
	}
	seen := map[iso27002.ControlID]bool{}
	for _, r := range reg.Risks {
		for _, c := range r.Controls {
			id, err := iso27002.Parse(c.Control)
			if err != nil || id.Edition() != iso27002.Edition2022 {
				continue // the company's own nimbus: controls are not in Annex A
			}
			if c.Status == "implemented" && !seen[id] {
				seen[id] = true
				implemented = append(implemented, id)
			}
		}
	}
	return implemented, nil
}

// importCatalog imports the OSCAL catalog at path, lists its controls
// and, if to is set, writes it back there.
func importCatalog(path, ns, to string, w io.Writer) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	cat, err := oscal.ReadCatalog(f, oscal.ImportOptions{Namespace: ns})
	if err != nil {
		return fmt.Errorf("%s is not a catalog ismskit can import:\n%w", path, err)
	}
	iso := cat.ISO27002()
	withdrawn := iso.Len() - iso.Count()
	fmt.Fprintf(w, "%s (version %s, OSCAL %s): %d controls, %d of them withdrawn\n", cat.Title(), cat.Version(), cat.OSCALVersion(), iso.Len(), withdrawn)
	for ctl := range iso.Controls() {
		info, _ := cat.Info(ctl.ID)
		label := info.Label
		if label == "" {
			label = info.OSCALID
		}
		state := ""
		if ctl.Withdrawn {
			state = " (withdrawn"
			for i, m := range ctl.MovedTo {
				if i == 0 {
					state += ": moved to"
				}
				state += " " + m.String()
			}
			state += ")"
		}
		fmt.Fprintf(w, "%-24s %-10s %s%s\n", ctl.ID, label, ctl.Title, state)
	}
	if to == "" {
		return nil
	}
	data, err := oscal.EncodeCatalog(cat)
	if err != nil {
		return err
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(w, "wrote %s\n", to)
	return nil
}
