// Package catalog holds the LookML projects a node serves — the embedded
// thelook demo, the built-in system__activity model and projects from disk —
// and their resolved semantic models.
package catalog

import (
	"sync"
)

// Catalog is the set of projects and models a node serves.
type Catalog struct {
	mu sync.RWMutex
}

// New returns an empty catalog.
func New() *Catalog { return &Catalog{} }
