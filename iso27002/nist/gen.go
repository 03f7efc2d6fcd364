package nist

//go:generate go run ../../internal/nistdata/cmd/gennist
