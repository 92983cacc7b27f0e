// Package model holds every wire struct of the Looker API 4.0, named exactly
// like Looker's schemas, and the tolerant decoding of request bodies.
//
// zz_wire.go is generated: run `go generate ./internal/api/model` with the
// Looker document beside the checkout (../shared/reference).
package model

//go:generate go run ./wiregen -in ../../../../shared/reference/looker-4.0.oas.json -out zz_wire.go
