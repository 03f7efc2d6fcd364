// Package audittest has one-line assertions, built on testify, for the
// tests of GRC products that embed ismskit: an SoA is valid, a risk
// register has no unaccepted residual risk above its criteria, an audit
// programme covers every clause and applicable control, audit records
// validate, no major nonconformity is open, the ISMS is ready for
// certification.
//
// Each Assert function reports a failure with t.Errorf and returns whether
// the assertion held; each Require function stops the test with
// t.FailNow. A failure message says what failed and lists every problem
// with its place (a JSON path, a risk ID, a finding ID), one per line:
//
//	audittest.RequireValidSoA(t, s, soa.ValidateOptions{Register: &reg})
//	audittest.AssertCovers(t, programme, audit.BasisOf(s, nil, highRisk))
//	audittest.RequireReady(t, records, basis, audit.ReadinessInput{Gap: gap}, asOf)
//
// The functions take a testing.TB, so they work in tests, benchmarks and
// fuzz targets, and are safe for concurrent use from parallel tests.
//
// The package cites no clause text; each assertion names the clause it
// checks: 6.1.3 d (SoA), 6.1.3 f (risk acceptance), 9.2.2 (programme
// coverage), 10.2 (open nonconformities).
package audittest
