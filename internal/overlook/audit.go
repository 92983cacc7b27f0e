package overlook

import "time"

// AuditEvent records one mutating request, login or sudo.
type AuditEvent struct {
	ID         int64
	CreatedAt  time.Time
	UserID     int64
	SudoUserID int64
	Operation  string // Looker operationId
	ObjectType string
	ObjectID   string
	Status     int
}
