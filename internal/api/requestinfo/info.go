// Package requestinfo carries what the layers of one request learn about it
// (operation, acting user, object) to the access log, metrics and audit,
// which run outside the operation.
package requestinfo

import (
	"context"
	"net/url"
)

// Info is filled in as the request goes through the layers.
type Info struct {
	URL        *url.URL
	Host       string
	Operation  string
	UserID     int64
	SudoUserID int64
	ObjectType string
	ObjectID   string
	// Audit marks requests that write an audit event even if they are not
	// mutating (login_user, failed logins).
	Audit bool
}

type key struct{}

// With returns a context carrying info.
func With(ctx context.Context, info *Info) context.Context {
	return context.WithValue(ctx, key{}, info)
}

// From returns the Info of ctx; a throwaway one when there is none, so
// callers never check for nil.
func From(ctx context.Context) *Info {
	if info, ok := ctx.Value(key{}).(*Info); ok {
		return info
	}
	return &Info{}
}

// SetObject records the object a request acted on.
func SetObject(ctx context.Context, typ, id string) {
	info := From(ctx)
	info.ObjectType, info.ObjectID = typ, id
}
