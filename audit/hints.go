package audit

import (
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
)

// Evidence hints: what an auditor asks to see, written for ismskit. They
// are suggestions, not the standards' text.

// clauseHints maps a clause with requirement items (or its top-level
// clause) to what shows it works in practice.
var clauseHints = map[string][]string{
	"4.1":   {"A dated list of internal and external issues, with who reviewed it and when", "Minutes or notes showing the issues feed the risk assessment"},
	"4.2":   {"The register of interested parties and what each expects", "A decision, per expectation, on whether the ISMS addresses it"},
	"4.3":   {"The approved scope document with boundaries, interfaces and exclusions", "A check that the certificate scope and the scope document say the same"},
	"4.4":   {"A process map or ISMS manual showing how the processes interact", "Change records showing the ISMS is kept up to date"},
	"5.1":   {"Management review minutes and budget decisions that show top management's involvement", "Communications from leadership about information security"},
	"5.2":   {"The approved, current policy with its version and approval date", "Proof it was communicated (intranet page, acknowledgements)"},
	"5.3":   {"Role descriptions or a RACI naming who is responsible for the ISMS and for reporting on it", "Appointment letters or organisation charts"},
	"6.1.1": {"The method used to find risks and opportunities for the ISMS", "Actions planned for them and how their effect is checked"},
	"6.1.2": {"The risk assessment method and criteria, approved before use", "The latest risk assessment with owners, ratings and priorities", "A repeat assessment that gives comparable results"},
	"6.1.3": {"The treatment plan with options, controls and owners", "The Statement of Applicability, approved, with reasons for inclusion and exclusion", "Risk owners' approval of the plan and acceptance of residual risk"},
	"6.2":   {"Measurable objectives with owners, targets, due dates and resources", "Progress reports against the objectives"},
	"6.3":   {"Change requests for the ISMS with their assessment and approval"},
	"7.1":   {"Budget, staffing and tooling decisions for the ISMS"},
	"7.2":   {"Competence requirements per role and training or qualification records", "Evaluation of whether training worked"},
	"7.3":   {"Awareness material and attendance records", "Interviews with staff about the policy and their part in it"},
	"7.4":   {"A communication plan: what, when, to whom, by whom, how"},
	"7.5.1": {"The register of documented information required by the standard and by the organisation"},
	"7.5.2": {"Documents with identification, version, review and approval"},
	"7.5.3": {"Access, distribution, storage, retention and disposal rules for documents", "Control of external documents and of obsolete versions"},
	"8.1":   {"Operating procedures and records that processes ran as planned", "Control of outsourced processes and of planned changes"},
	"8.2":   {"Risk assessments repeated at planned intervals or after major changes, with their results"},
	"8.3":   {"Records of treatment plan implementation and its results"},
	"9.1":   {"What is measured, by whom, how often, and who analyses the results", "Recent measurement results and their evaluation"},
	"9.2.1": {"Internal audit reports covering the whole ISMS over the cycle"},
	"9.2.2": {"The audit programme with criteria, scope, frequency and methods", "Evidence that auditors were independent of what they audited", "Audit results reported to management"},
	"9.3.1": {"Management review minutes at planned intervals"},
	"9.3.2": {"Review inputs: status of actions, changes, feedback, audit and measurement results, risk treatment status"},
	"9.3.3": {"Decisions on improvement and changes to the ISMS, with owners"},
	"10.1":  {"Improvement records: actions taken on audits, incidents and reviews"},
	"10.2":  {"The nonconformity log with corrections, root causes and corrective actions", "Effectiveness reviews of closed actions"},
}

// docHints says what to look for when an item asks for documented
// information.
var docHints = map[iso27001.DocKind]string{
	iso27001.Maintained: "The current, approved document, its version and its owner",
	iso27001.Retained:   "Dated records kept as evidence, retrievable on request",
}

// capabilityHints maps a 2022 operational capability to what shows a
// control of that capability at work.
var capabilityHints = map[iso27002.Attribute]string{
	iso27002.Governance:                         "Approved policies, assigned responsibilities and their periodic review",
	iso27002.AssetManagement:                    "An up-to-date inventory with owners and a sample traced to reality",
	iso27002.InformationProtection:              "Classification labels, handling rules and a sample of protected information",
	iso27002.HumanResourceSecurity:              "HR records: screening, agreements, training and leaver checklists",
	iso27002.PhysicalSecurity:                   "Site visit: entry controls, visitor logs, secure areas and equipment",
	iso27002.SystemAndNetworkSecurity:           "Configuration exports, network diagrams and a sample of security logs",
	iso27002.ApplicationSecurity:                "Secure development rules, code review and test records for a recent release",
	iso27002.SecureConfiguration:                "Baseline configurations and a comparison with a sample of live systems",
	iso27002.IdentityAndAccessManagement:        "Access requests, approvals and the latest access review for a sample of systems",
	iso27002.ThreatAndVulnerabilityManagement:   "Vulnerability scan results, patch records and threat information used",
	iso27002.Continuity:                         "Continuity plans, backup logs and the results of the last restore or exercise",
	iso27002.SupplierRelationshipsSecurity:      "Supplier agreements with security clauses and the latest supplier reviews",
	iso27002.LegalAndCompliance:                 "The register of legal and contractual requirements and compliance checks",
	iso27002.InformationSecurityEventManagement: "Incident tickets from the period, with reports, decisions and lessons learnt",
	iso27002.InformationSecurityAssurance:       "Independent reviews, test reports and their follow-up",
}

// itemHints returns the evidence hints for a requirement item.
func itemHints(it iso27001.Item) []string {
	var out []string
	if h, ok := docHints[it.Documented]; ok {
		out = append(out, h)
	}
	c := it.ID.Clause()
	for ; c.IsValid(); c = c.Parent() {
		if h, ok := clauseHints[c.String()]; ok {
			out = append(out, h...)
			break
		}
	}
	if len(out) == 0 {
		out = append(out, "Records or interviews showing the requirement is met in practice")
	}
	return out
}

// controlHints returns the evidence hints for a control.
func controlHints(c iso27002.Control) []string {
	out := []string{"Where the control is described (policy, procedure or standard) and who owns it"}
	for a := range c.Attributes.Of(iso27002.OperationalCapability) {
		if h, ok := capabilityHints[a]; ok {
			out = append(out, h)
		}
	}
	if c.Attributes.Has(iso27002.Detective) {
		out = append(out, "Alerts or reports the control produced in the period and how they were handled")
	}
	if len(out) == 1 {
		out = append(out, "Records from the period showing the control operated as described")
	}
	return out
}
