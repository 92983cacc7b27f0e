// Package content decides who may see and change saved content — folders,
// looks, dashboards, boards — and serves the operations on folders and on
// content metadata. Every read, list, search and run of content goes
// through it, so no route can bypass object-level access.
package content

import (
	"github.com/overlookbi/overlook/internal/store"
)

// Service is the content service.
type Service struct {
	st *store.Store
}

// New returns the content service over st.
func New(st *store.Store) *Service { return &Service{st: st} }
