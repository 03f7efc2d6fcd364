// Package risk models information security risk assessment and
// treatment as ISO/IEC 27001:2022 clauses 6.1.2 and 6.1.3 require them,
// following the process of ISO/IEC 27005:2022, as plain values and pure
// functions.
//
// # The model
//
// Criteria (6.1.2 a and b) come first: a likelihood and an impact Scale
// of 3 to 10 levels, ordered RiskLevels with colours (a level's index is
// its rank), a Matrix stored as a lookup grid of Cells from (likelihood,
// impact) to a level (so that non-square and non-multiplicative
// matrices work; ProductMatrix, SumMatrix and Standard3x3, Standard4x4,
// Standard5x5 build the common ones), and AcceptanceCriteria with an
// optional Appetite per business unit or asset category and an optional
// maximum age of an acceptance. A criteria set has an ID and a version,
// and every Assessment records them, so results stay comparable.
//
// A Register holds the criteria, the Assets, Threats and
// Vulnerabilities, and the Risks that link them. A Risk has an owner
// (6.1.2 c 2), the properties it affects, an inherent likelihood and
// impact (overall or per property), the controls acting on it
// (AppliedControl, by iso27002.ControlID from any catalog, the user's
// own included), a Treatment (6.1.3 a: modify, retain, avoid, share) with
// its plan of Actions (6.1.3 e), and append-only Approval and Acceptance
// records (6.1.3 f). Risk.ControlUses and Risk.TreatingControls are the
// one rule for which controls treat a risk. Register.Risk, Asset, Threat
// and Vulnerability, Criteria.Level and Criteria.Rank look elements up by
// ID; Register.Clone, Risk.Clone and Criteria.Clone make deep copies; Diff
// lists the risks added, removed and changed between two versions of a
// register, as a ChangeLog that renders as Markdown.
//
// An Assessor, built from criteria by NewAssessor, rates a risk:
// inherent, current (implemented controls) and residual (planned
// treatment) risk, with a documented rule for combining control effects
// (see Assessor.Assess), and the acceptance limit that applies to it.
// AssessRegister rates a whole register into Assessments, which look up
// a risk's assessment by ID. Check runs the consistency checks; Compare,
// SortAssessments and Rank prioritise (6.1.2 e 2); Aggregate groups by
// asset, owner, control theme or control; NewHeatMap lays the risks out
// per cell, highest likelihood first, for a report to draw its own way,
// and HeatMap.SVG and SVGWith draw it. AcceptanceOf tells whether an
// acceptance is valid, stale (the residual rating or criteria changed),
// expired, too old for the criteria or missing at a given date, and
// NeedingAcceptance lists every risk above its limit without a valid
// acceptance (Unaccepted); PlanApproved tells whether the owner approved
// the treatment plan. CheckHistory verifies that a new version of a
// register kept every earlier approval and acceptance.
//
// # Documents
//
// A Register encodes to JSON with lowerCamelCase keys and lower-case
// enum codes (EncodeRegister); JSONSchema returns its JSON Schema.
// DecodeRegister is strict, and so is json.Unmarshal into a Register: an
// unknown key, an unknown enum value, a wrong type or trailing data is a
// *ismskit.Error naming its path. Register.Validate reports every problem,
// each with its path and the ID of the element it is in ("risks[3].likelihood
// (R-4): 7 is outside the scale 1..5"), joined; test the kind with
// errors.Is against the shared kinds (ismskit.ErrOutOfRange,
// ismskit.ErrMissing, ismskit.ErrUnknownReference...) and the package's
// own (ErrInvalidCriteria...). EncodeCSV and DecodeCSV carry the risk
// table as CSV under headings in words, losslessly for every field with
// a column, and EncodeCSV defuses cells a spreadsheet would run as
// formulas; EncodeRegisterCSV adds the computed ratings for the reader,
// which DecodeCSV skips. Extensions objects
// are kept untouched. Every exported type, results included, marshals
// with encoding/json and reads back equal.
//
// Every enumeration (Property, TreatmentOption, Stage, AcceptanceStatus,
// ...) is a typed string whose value is its lower-case code; String
// gives the label for people, and the zero value "" means "not set".
//
// # Scoring methods
//
// The classic matrix method (MatrixMethod) scores a vector such as
// "L:3/I:4" through the criteria; the OWASP, DREAD and CVSS (2.0, 3.0,
// 3.1 and 4.0) methods live in package risk/scoring, behind the same
// interface. A risk may keep one result in Risk.Scoring with the method
// and its version; Validate checks that a CVSS record's version, score
// and severity are its vector's. Assessor.EstimateFromScore maps a
// matrix or CVSS result onto the criteria's likelihood and impact scales
// by a documented, versioned rule (ScoreMappingVersion), and
// Assessor.ScoredEstimate does so for a risk's own record.
// Quantitative FAIR analysis lives in package risk/fair. A risk may carry
// its Open FAIR loss scenario in Risk.Quantitative, which the register
// decodes strictly and Validate checks; fair.Simulate runs it.
//
// # Purity, safety and concurrency
//
// The package does no I/O beyond the reader or writer given, reads no
// clock (functions that depend on time take an asOf argument) and keeps
// no global mutable state: the same input always gives the same output,
// byte for byte. No exported function or method panics on a nil pointer,
// a nil slice or a zero value: it returns an error or a documented zero
// result. Every exported function and method is safe for concurrent use;
// an Assessor is immutable once built, and values are copied on the way
// out.
package risk
