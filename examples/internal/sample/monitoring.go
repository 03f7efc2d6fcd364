package sample

import (
	"embed"
	"fmt"
	"io/fs"
	"slices"

	"github.com/ismskit/ismskit/audit/review"
	"github.com/ismskit/ismskit/internal/strictjson"
)

// What the company monitors and reviews (ISO/IEC 27001:2022 9.1, 9.2,
// 9.3, 10.1): its evidence folder of exports as of the sample's day, its
// metrics with five months of results, its audit records, its
// improvement register, its ISMS records as they stood at the previous
// management review, and the feedback and meeting of the management
// review that ends the quickstart's cycle.

//go:embed evidence
var evidence embed.FS

//go:embed monitoring.json
var monitoringJSON []byte

//go:embed audit.json
var auditJSON []byte

//go:embed improvements.json
var improvementsJSON []byte

//go:embed records-baseline.json
var baselineJSON []byte

//go:embed review.json
var reviewJSON []byte

// EvidenceFiles returns the company's evidence folder as of the sample's
// day: the AWS IAM credential report (credential-report.csv), the Trivy
// report of its production image (trivy.json), the image's CycloneDX
// SBOM (sbom.cdx.json) and its activity records (activities.json), the
// inputs of the checks of package audit/checks. The same files are in
// the directory examples/internal/sample/evidence.
func EvidenceFiles() fs.FS {
	sub, err := fs.Sub(evidence, "evidence")
	if err != nil {
		panic(err) // the directory is embedded: a bug of this package
	}
	return sub
}

// MonitoringJSON returns the company's metrics and their results from
// June to October 2026, in the form that monitor.DecodeRecords reads (a
// fresh copy).
func MonitoringJSON() []byte { return slices.Clone(monitoringJSON) }

// AuditJSON returns the company's audit records (the programme, findings
// and corrective actions the quickstart's internal audit step produces),
// in the form that audit.DecodeRecords reads (a fresh copy).
func AuditJSON() []byte { return slices.Clone(auditJSON) }

// ImprovementsJSON returns the company's improvement register before the
// review, in the form that review.DecodeRegister reads (a fresh copy).
func ImprovementsJSON() []byte { return slices.Clone(improvementsJSON) }

// BaselineRecordsJSON returns the company's ISMS records as they stood at
// its previous management review, in the form that
// iso27001.DecodeRecords reads (a fresh copy).
func BaselineRecordsJSON() []byte { return slices.Clone(baselineJSON) }

// Review is what the sample's management review brings beside the
// documents: the feedback of interested parties and the meeting with its
// decisions. The zero value is empty.
type Review struct {
	// Feedback from interested parties (9.3.2 e).
	Feedback []review.Feedback `json:"feedback"`
	// Meeting of top management on the pack (9.3.3).
	Meeting review.Meeting `json:"meeting"`
}

// LoadReview decodes the review's feedback and meeting strictly.
func LoadReview() (Review, error) {
	var r Review
	if err := strictjson.Unmarshal(reviewJSON, &r); err != nil {
		return Review{}, fmt.Errorf("sample review: %w", err)
	}
	return r, nil
}
