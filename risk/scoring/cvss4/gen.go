package cvss4

//go:generate go run ../../../internal/cvssdata/cmd/gencvss4
