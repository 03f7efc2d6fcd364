// Package sample holds the sample risk register of the examples: about
// thirty risks of "Nimbus Ledger", a small invoicing SaaS company, with
// its criteria (5x5, appetite per asset category and business unit),
// assets, threats, vulnerabilities, controls from ISO/IEC 27002:2022 and
// the company's own "nimbus:" controls, treatment plans, approvals and
// acceptances. The risk, SoA and quickstart examples share it.
//
// The data is fictional and written for ismskit. Everything here is safe
// for concurrent use.
package sample

import (
	_ "embed"
	"slices"
)

//go:embed register.json
var registerJSON []byte

// RegisterJSON returns the sample register as JSON, in the form that
// risk.DecodeRegister reads. The bytes are a fresh copy on every call.
func RegisterJSON() []byte { return slices.Clone(registerJSON) }
