// Package audit models the audit cycle of an ISMS under ISO/IEC 27001:2022
// clauses 9.2 (internal audit) and 10.2 (nonconformity and corrective
// action): the audit programme over the three-year certification cycle,
// checklists, findings and evidence, corrective actions, readiness scores
// and a certification-readiness verdict, and the audit report. Package
// audit/audittest has one-line assertions for Go test suites.
//
// # The verdict in one call
//
// Evaluate takes an organisation's documents as the other packages decode
// them (Documents: the catalog, the risk register, the Statement of
// Applicability or the sources to generate it from, the ISMS records and
// the audit records) and returns the readiness verdict, the audit report
// and what they were computed from (Evaluation). It does what a caller
// would otherwise do across five packages: generate the SoA, rate the
// risks, take the controls treating high risks, run the gap analysis of
// the ISMS records, validate the SoA and the audit records, and assess.
// The functions below are its steps, for callers who keep some of their
// documents in their own form.
//
// # What is audited
//
// A Basis says what a programme has to cover, as plain values: the edition
// of ISO/IEC 27001 (package iso27001: clauses 4 to 10 and their
// requirement items such as 9.2.2.c), the control catalog (package
// iso27002), the applicable controls of the Statement of Applicability, and
// the high-risk controls, those treating risks above a level the caller
// names. Two adapters fill it from the other packages: BasisOf takes the
// included controls of a soa.SoA, and HighRiskControls the controls that
// treat the risks of a risk.Register rated above a level, by the one rule
// of risk.Risk.TreatingControls (applied controls, and the controls of
// plan actions that are not cancelled). Everything else takes plain
// values, so a product with its own SoA or risk store can use the package
// without them.
//
// # Programme (9.2.2)
//
// A Programme holds Audits over a cycle of at most three years, each with
// its Kind (internal, or the certification body's stage 1, stage 2,
// surveillance and recertification audits), dates (passed in, never read
// from a clock), Scope (clauses, controls, sites, processes) and Auditors,
// who must be independent of what they audit. Plan spreads every
// requirement item and applicable control over the internal audit slots so
// that each is audited at least once and high-risk controls more often
// (DefaultHighRiskAudits, once a year); EvenSlots makes evenly spread
// slots. Both take at most MaxCycleDays slots (one a day), and a count
// outside its limit is an ismskit.ErrOutOfRange or ismskit.ErrTooLarge
// error, never an allocation the caller did not mean.
// Programme.Coverage and CheckCoverage report anything never audited in
// the cycle.
//
// # Checklists, findings and evidence
//
// NewChecklist turns an audit's scope into lines, one per requirement item
// and per applicable control, each with what to check and the evidence to
// look for (written for ismskit, not taken from the standards) and fields
// for the result. A Finding records the Result of a line (major or minor
// nonconformity, observation, opportunity for improvement, conforming, not
// audited), linked to its item or control, the Evidence examined and the
// auditor. Evidence carries the SHA-256 of its content when the caller
// gives the content, so Evidence.Verify can show later that it has not
// changed.
//
// # Corrective actions (10.2)
//
// A CorrectiveAction goes Raised, Corrected (10.2 a), Analysed (b),
// Planned (c: action, owner, due date), Implemented, then Effective or
// Ineffective (d); an ineffective action goes back to Analysed or Planned.
// Advance refuses a transition that skips a step with a *TransitionError
// wrapping ErrIllegalTransition. OverdueActions and IneffectiveActions list
// the actions needing attention as of a date.
//
// # Readiness
//
// Assess scores readiness per clause, per control theme and overall, and
// gives the verdict with its reasons; the formula is documented on
// Readiness; OpenMajors lists the blocking nonconformities. The ISMS is
// not ready while a major nonconformity is open, mandatory documented
// information is missing (from iso27001.Analyze), the SoA does not
// validate (Assess validates the SoA it is given), or a clause has never
// been audited.
//
// # Documents, problems and reports
//
// Records (programme, evidence, findings, corrective actions) is one JSON
// document with lowerCamelCase keys and lower-case enum codes.
// DecodeRecords is strict: an unknown key, an unknown enum value, a wrong
// type or trailing data is an *ismskit.Error naming its path, and so is
// json.Unmarshal of Records or Documents inside a larger payload.
// Records.Validate reports every problem (up to ismskit.DefaultMaxProblems),
// each as an *ismskit.Error with its path and the ID of the element the
// user knows ("findings[2].statement", item "F-3"), wrapping one of the
// kinds (ErrNotInSoA, ismskit.ErrDateOrder, ErrIllegalTransition, ...),
// all joined. JSONSchema returns the document's JSON Schema. NewReport
// builds the audit report, which encodes as JSON (ReportSchema).
// ReportDocument is the report people hand over (9.2.2 f): an executive
// summary with a chart, objectives, criteria, scope and method, auditees
// and auditors, findings with their corrective actions' own text, the
// verdict's reasons as sentences, distribution and sign-off, in HTML and
// Markdown here and PDF in package audit/pdf; ReadinessDocument is the
// verdict on its own, with how its score differs from the gap analysis's
// percentage. They share the look and the Letterhead of every ismskit
// document, and escape every value of the user's.
//
// Every exported type marshals with encoding/json, its zero value
// included, and decodes back to an equal value. The enumerations (Kind,
// Result, State, ReasonKind) share one method set: String in words for
// people ("Major nonconformity"), MarshalText and UnmarshalText with the
// code ("major-nonconformity"; "" for the zero value, which means unset),
// ParseX and IsValid.
//
// # Zero values and nil
//
// No function or method panics on zero values or nil: a zero document is
// reported as missing what it lacks, and the methods of result types
// (Report.Markdown, Checklist.Line, Coverage.Check, ...) treat a nil
// receiver as the zero value.
//
// # Concurrency and determinism
//
// Every function and method is safe for concurrent use: they read their
// arguments, never modify them, and return fresh values the caller owns.
// Nothing reads the clock (dates are passed in), the network or the file
// system, no global state changes, and the same input always gives
// byte-identical output.
package audit
