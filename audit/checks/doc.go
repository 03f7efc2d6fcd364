// Package checks runs automated control checks that produce evidence:
// pure functions from an evidence snapshot (the exports an organisation
// already has, as files in an fs.FS or as decoded values) to a Result
// that says what was tested, what failed and why, and which inputs were
// read, with their SHA-256. It serves ISO/IEC 27001:2022 clause 9.1
// (monitoring and measurement: what is monitored, the method, when and
// by whom, and the results kept as documented information) and the
// Annex A controls each check tests; package audit/monitor turns results
// into metrics, and package audit/review puts them in front of the
// management review (9.3).
//
// # Checks
//
// A Check has a Definition (ID, title, population, the Annex A controls
// it tests, the input files it reads, how often it should run, the
// options it runs with) and a Check method that takes the content of its
// input files and the day, and returns a Result. Run reads the inputs
// from an fs.FS, never past the byte limit (a 1 GB file is an
// ismskit.ErrTooLarge error, read no further than the limit), records
// their size and SHA-256, and runs the check. A Registry holds checks
// with distinct IDs, built-in and a product's own (a Func, or any type
// with the two methods); Registry.Run runs every check whose input files
// are in a folder. Builtin returns a new registry of the checks below;
// nothing is registered globally.
//
// The built-in checks read real exports, and their options are fields
// of their types (the zero value takes the defaults):
//
//   - IAMMFA (aws-iam-mfa; controls 5.17, 8.5) and IAMUnusedCredentials
//     (aws-iam-unused-credentials; 5.16, 5.18; MaxUnusedDays, 45 by
//     default as the CIS AWS Foundations Benchmark recommends) read the
//     AWS IAM credential report, credential-report.csv
//     (DecodeCredentialReport);
//   - TrivyFixable (trivy-fixable; 8.8; Severities, high and critical by
//     default) reads a Trivy JSON report of schema version 2, trivy.json
//     (DecodeTrivyReport), and counts each (vulnerability, package,
//     installed version) once across the report's results;
//   - TrainingCurrent (training-current; 6.3), AccessReviewsOnTime
//     (access-reviews-on-time; 5.15, 5.18), RestoreTestsPassed
//     (restore-tests-passed; 5.30, 8.13), SuppliersAssessed
//     (suppliers-assessed; 5.19, 5.22) and IncidentsClosedInTarget
//     (incidents-closed-in-target; 5.24, 5.26) read activities.json,
//     ismskit's own format for records no standard export covers
//     (Activities; JSONSchema);
//   - package audit/checks/sbom adds two checks of a CycloneDX SBOM
//     (5.9 inventory, and its components matched against the Trivy
//     report); only its importers compile the CycloneDX library.
//
// Each check also has an Evaluate method on decoded values, for a
// product that holds the report in memory.
//
// # Results and evidence
//
// A Result has the population's size (Total), the failures with the item
// and the reason, the controls, the day it ran for (passed in: nothing
// reads the clock), the frequency, the options, and the inputs with
// their SHA-256. Stale reports a result older than its check's
// frequency. Evidence turns a result into an audit.Evidence record (ID
// "check:aws-iam-mfa:2026-11-28", the digest of its input or of the
// sha256sum-style Manifest of several), which audit findings cite; Cite
// adds the evidence IDs to the entries of a soa.SoA for the controls the
// results test.
//
// # Problems
//
// Every problem is an *ismskit.Error that names its place: in a
// credential report the row and column (rows[3].mfa_active, with the
// user as Item and the line in the message), in a Trivy report the path
// in Trivy's keys (Results[0].Vulnerabilities[2].Severity), in
// activities.json the path in its keys, and under Run the file
// (files["trivy.json"]...). A missing column is ismskit.ErrMissing, a
// Trivy report of another schema version ErrSchemaVersion, malformed
// input ismskit.ErrSyntax. Bad input never panics.
//
// # Enumerations and JSON
//
// Frequency and Severity share one method set: String in words, the
// lower-case code in JSON (MarshalText, UnmarshalText; "" for the zero
// value, which means unset), ParseX and IsValid. Every exported type
// marshals with encoding/json, its zero value included, with
// lowerCamelCase keys.
//
// # Concurrency and determinism
//
// Every function and method is safe for concurrent use: checks read their
// arguments, never modify them, and return fresh values. The same input
// gives the same result, in the order of the input.
package checks
