// Package audittest has one-line assertions, built on testify, for the
// tests of GRC products and compliance repositories that embed ismskit:
// the rules a test suite writes first, each as one call.
//
//   - AssertValidSoA: the SoA validates (clause 6.1.3 d).
//   - AssertNo: an error has no problem of one kind, to hold one rule of a
//     validator without the others.
//   - AssertHighRisksTreated: every risk rated at a level or above is
//     treated by at least one Annex A control (6.1.3 b and c), by the one
//     rule of risk.Risk.TreatingControls.
//   - AssertNoUnacceptedRisk: no residual risk above the criteria lacks
//     its owner's acceptance (6.1.3 f); AssertNoAcceptanceOlderThan: no
//     acceptance in force is older than N months.
//   - AssertCovers: the audit programme covers every requirement item and
//     applicable control in the cycle (9.2.2).
//   - AssertValidRecords: the audit records validate.
//   - AssertNoOpenMajor: no major nonconformity is open;
//     AssertCorrectiveActions: every nonconformity (major, or minor too)
//     has a corrective action (10.2).
//   - AssertReady: the ISMS is ready for certification, from the
//     organisation's documents (audit.Evaluate).
//
// Each Assert function reports a failure with t.Errorf and returns whether
// the assertion held; each Require function stops the test with
// t.FailNow. A failure message says what failed in one line, with counts
// in words ("1 major nonconformity open", "3 problems"), then lists the
// problems with their place (a JSON path and the ID of the element, a risk
// ID, a finding ID), grouped by kind of problem or by clause, at most
// MaxLines a group followed by "and N more":
//
//	audit records are not valid: 3 problems:
//	  missing value (2):
//	    findings[2].statement (F-3): missing value: a minor nonconformity needs a statement
//	    actions[0].owner (CA-1): missing value: the action reached planned
//	  unknown reference (1):
//	    findings[4].auditor (F-5): unknown reference: "Zoe" is not an auditor of audit IA-2
//
// A document that was never loaded (the zero risk.Register, audit.Records
// or audit.Programme) fails the assertion that needs it, with a message
// that says so; nothing panics, and a nil testing.TB makes an assertion
// return false.
//
// The functions take a testing.TB, so they work in tests, benchmarks and
// fuzz targets, and are safe for concurrent use from parallel tests. They
// use the other packages through their public APIs only.
//
// The package cites no clause text; each assertion names the clause it
// checks.
package audittest
