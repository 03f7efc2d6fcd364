// Package audit models the audit cycle of an ISMS under ISO/IEC 27001:2022
// clauses 9.2 (internal audit) and 10.2 (nonconformity and corrective
// action): the audit programme over the three-year certification cycle,
// checklists, findings and evidence, corrective actions, readiness scores
// and a certification-readiness verdict, and the audit report. Package
// audit/audittest has one-line assertions for Go test suites.
//
// # What is audited
//
// A Basis says what a programme has to cover, as plain values: the edition
// of ISO/IEC 27001 (package iso27001: clauses 4 to 10 and their
// requirement items such as 9.2.2.c), the control catalog (package
// iso27002), the applicable controls of the Statement of Applicability, and
// the high-risk controls, those treating risks above a level the caller
// names. Two adapters fill it from the other packages: BasisOf takes the
// included controls of a soa.SoA, and HighRiskControls computes the
// high-risk controls from a risk.Register. Everything else takes plain
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
// (DefaultHighRiskAudits, once a year); Programme.Coverage and
// CheckCoverage report anything never audited in the cycle.
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
// not ready while a major nonconformity is open,
// mandatory documented information is missing (from iso27001.Analyze), the
// SoA does not validate, or a clause has never been audited.
//
// # Documents and reports
//
// Records (programme, evidence, findings, corrective actions) is one JSON
// document with lowerCamelCase keys and lower-case enum strings.
// DecodeRecords is strict: an unknown key, an unknown enum value, a wrong
// type or trailing data is a *ismskit.Error naming its path. Records.Validate
// reports every problem, each as a *ismskit.Error with its path
// ("findings[2].control: ...: not an applicable control of the SoA")
// wrapping one of the sentinel errors (ErrNotInSoA, ErrDateOrder,
// ErrIllegalTransition, ...), all joined. JSONSchema returns the document's
// JSON Schema. NewReport builds the audit report, which renders as
// Markdown, HTML and JSON (ReportSchema).
//
// # Concurrency and determinism
//
// Every function and method is safe for concurrent use: they read their
// arguments, never modify them, and return fresh values the caller owns.
// Nothing reads the clock (dates are passed in), the network or the file
// system, no global state changes, and the same input always gives
// byte-identical output.
package audit
