// Package oscal writes an organisation's audit records (package audit) and
// the open actions of its risk treatment plans (package risk) as NIST
// OSCAL 1.2.1 JSON: the audit programme of ISO/IEC 27001:2022 clause
// 9.2.2 and its checklists as an assessment plan, the internal audits of
// clause 9.2 as assessment results that import it, and the open
// corrective actions of clause 10.2 and treatment actions of clause
// 6.1.3 e as a plan of action and milestones (POA&M).
//
// # Assessment plan (9.2.2)
//
// ExportPlan writes the programme as an assessment plan: each audit a
// task with its dates, the controls and requirements the audits cover as
// the reviewed controls, and each line of the checklists an assessment
// objective of the plan's local definitions ("a.8.8_obj" for a control,
// "c.9.1.p1_obj" for a requirement item), with the check in ismskit's
// words as its prose and the evidence to look for as properties. It
// imports the system security plan of soa/oscal (Options.SSPHref), and
// the assessment results import it (Options.PlanHref), so the import-ap
// of the results names a plan that exists.
//
// # Assessment results (9.2)
//
// ExportResults writes one result per audit of the programme that has
// findings, in the programme's order, with its dates, kind, sites and
// processes. The audit's scope is the result's reviewed controls, always
// named as controls of iso27002/oscal's catalogs: its Annex A controls by
// ControlToken ("a.5.15"), and its clauses by the ids of the clauses
// catalog of ExportClauses: a subclause with the subclauses under it
// ("c.9.2", "c.9.2.1", "c.9.2.2"), and a clause 4 to 10, which that
// catalog writes as a group, by the subclauses it holds. An audit whose
// scope names neither covers the whole ISMS ("include-all"). The auditors
// are parties in the "assessor" role, the organisation the
// "assessment-customer".
//
// Each finding of an audit is an OSCAL finding whose target is what it
// names: a finding about a control targets the assessment objective the
// plan defines for that control (type "objective-id", "a.8.8_obj"), and a
// finding about a requirement item targets the item's statement part in
// the clauses catalog (type "statement-id", "c.9.1.p1").
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
// are version 5 UUIDs of the organisation and the IDs of
// the records, so an item keeps its UUID from one export to the next;
// the document's own UUID is derived from its content.
//
// # Errors, determinism and concurrency
//
// Values OSCAL cannot hold and references that lead nowhere are reported
// together, each as a *ismskit.Error with its path in the input, of kind
// ismskit.ErrNotEncodable, ErrMissing or ErrUnknownReference. Dates come
// from the documents they are made from, never from the clock and never
// from a default: the plan's last-modified is the programme's CycleStart,
// the results' the latest date the records report, the POA&M's its
// Options.AsOf; without any, Options.LastModified is required
// (ismskit.ErrMissing). The same input gives byte-identical output. The functions are pure and safe for concurrent use; they do not
// modify their arguments.
package oscal
