// Package nistdata holds NIST's mappings of ISO/IEC 27001:2022 to NIST SP
// 800-53 Rev. 5 and to the NIST Cybersecurity Framework 2.0, as TSV
// extracts of NIST's own files (see README.md for their sources and
// licence), and generates the Go tables of package iso27002/nist from
// them (cmd/gennist, run by go generate ./iso27002/nist). Load80053
// and LoadCSF check every line of the extracts; Generate writes
// iso27002/nist/zmappings.go.
//
// Everything here is safe for concurrent use.
package nistdata
