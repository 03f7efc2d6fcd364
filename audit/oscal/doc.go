// Package oscal writes an organisation's audit records (package audit) and
// the open actions of its risk treatment plans (package risk) as NIST
// OSCAL 1.2.1 JSON: the internal audits of ISO/IEC 27001:2022 clause 9.2
// as assessment results, and the open corrective actions of clause 10.2
// and treatment actions of clause 6.1.3 e as a plan of action and
// milestones (POA&M).
//
// # Assessment results (9.2)
//
// ExportResults writes one result per audit of the programme that has
// findings, in the programme's order, with its dates, kind, sites and
// processes. The
// audit's scope is the result's reviewed controls: its Annex A controls by
// iso27002/oscal's ControlToken ("a.5.15") and its clauses by ClauseToken
// ("c.9.2"), the ids of iso27002/oscal's catalogs; an audit whose scope
// names neither covers the whole ISMS ("include-all"). The auditors are
// parties in the "assessor" role, the organisation the
// "assessment-customer".
//
// Each finding of an audit is an OSCAL finding whose target is its
// control (type "objective-id", "a.8.8") or requirement item (type
// "statement-id", "c.9.1.p1", the item's part in the clauses catalog).
// Its result maps to the objective status: conforming is satisfied
// (pass); a major or minor nonconformity is not-satisfied (fail); an
// observation or an opportunity for improvement is satisfied (other),
// since neither is a nonconformity; not audited is not-satisfied (other),
// since conformity was not shown. The exact result is kept in a "result"
// property. The auditor is the finding's origin; each evidence record
// examined is an observation (method EXAMINE, collected on the day it was
// examined, with its location and SHA-256 as properties) that the finding
// relates to.
//
// Each nonconformity is also an OSCAL risk of the result, related to its
// finding, which carries its corrective actions: the correction (10.2 a)
// as a mitigating factor, the root cause (10.2 b) in the risk's
// statement, each corrective action (10.2 c) as a remediation with its
// owner, and its due date as a milestone, the effectiveness review
// (10.2 d) as the remediation's remarks, and the history of each action
// as risk-log entries (10.2 f and g). The action's state sets the risk
// status (raised, corrected, analysed: "investigating"; planned,
// implemented, ineffective: "remediating"; every action effective:
// "closed"; no action yet: "open") and the remediation's lifecycle
// ("recommendation" before the action is planned, "planned", then
// "completed" once implemented).
//
// # Plan of action and milestones (10.2, 6.1.3 e)
//
// ExportPOAM writes the work still open: each nonconformity not yet
// closed by effective corrective actions (as of Options.AsOf) as a
// finding and a risk, as above, with a POA&M item per open corrective
// action (or one for a nonconformity without any); and each risk of the
// register with planned or in-progress treatment actions as a risk whose
// remediations are those actions, with their owners, controls and due
// dates (milestones), and a POA&M item per action. The POA&M imports the
// system security plan of package soa/oscal (Options.SSPHref).
//
// Not exported: the records' Extensions, the programme's HighRiskAudits,
// what auditors are responsible for in their own work, and the
// register's assessment data (likelihood, impact, controls, approvals,
// acceptances), which have no place in these two models; the planned
// audits without findings belong to the programme, not to its results.
//
// Properties beyond OSCAL's core names carry the ns of Namespace. UUIDs
// are iso27002/oscal's version 5 UUIDs of the organisation and the IDs of
// the records, so an item keeps its UUID from one export to the next;
// the document's own UUID is derived from its content.
//
// # Errors, determinism and concurrency
//
// Values OSCAL cannot hold and references that lead nowhere are reported
// together, each as a *ismskit.Error with its path in the input, wrapping
// ErrNotRepresentable. Dates come from the records, the register or
// Options, never from the clock, and the same input gives byte-identical
// output. The functions are pure and safe for concurrent use; they do not
// modify their arguments.
package oscal
