// Package connections manages database connections: their configurations
// in the metadata store (credentials encrypted at rest), the per-dialect
// allowlist of options, and the open warehouse engines.
package connections

import (
	"github.com/overlookbi/overlook/internal/store"
)

// Service manages connections.
type Service struct {
	store *store.Store
	key   []byte // AES-256 key for credentials at rest
}

// New returns a connection service; key encrypts credentials at rest.
func New(st *store.Store, key []byte) *Service { return &Service{store: st, key: key} }
