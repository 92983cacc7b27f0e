# Overlook: the two commands the README names, and a few more.
GO ?= go

.PHONY: serve test test-short test-go test-compat

# Run the server on the embedded default (./overlook-data, 127.0.0.1:19999).
serve:
	$(GO) run ./cmd/overlook serve

# Every test: Go (store suite on SQLite and PostgreSQL, guard and matrix
# tests, fuzz seed corpora) and the official SDK in compat/.
test: test-go test-compat

test-go:
	$(GO) vet ./...
	$(GO) test -count=1 ./...

test-short:
	$(GO) test -short ./...

test-compat:
	cd compat && ./run
