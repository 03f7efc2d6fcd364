package regulation

//go:generate go run ../../internal/regdata/cmd/genreg
