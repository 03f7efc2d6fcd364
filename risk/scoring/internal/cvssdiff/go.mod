module github.com/ismskit/ismskit/risk/scoring/internal/cvssdiff

go 1.26.0

replace github.com/ismskit/ismskit => ../../../..

require (
	github.com/ismskit/ismskit v0.0.0-00010101000000-000000000000
	github.com/pandatix/go-cvss v0.6.4
)
