// Package cvssdiff compares ismskit's CVSS v4.0 and v2.0 scores with
// those of github.com/pandatix/go-cvss on many random vectors, and
// benchmarks both in the same run. It is a module of its own, so that
// the ismskit module does not depend on go-cvss; run it from this
// directory:
//
//	cd risk/scoring/internal/cvssdiff && go test -bench . -benchmem ./...
//
// Where the two disagree, FIRST's specification and calculator decide:
// the tests name each such vector and the score FIRST gives it.
package cvssdiff
