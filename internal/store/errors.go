package store

import "github.com/overlookbi/overlook/internal/overlook"

var (
	errNotFound = overlook.NotFound()
	errConflict = &overlook.Error{Code: overlook.ECONFLICT, Message: "Resource already exists"}
)
