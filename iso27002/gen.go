package iso27002

//go:generate go run ../internal/catalogdata/cmd/gencatalog
