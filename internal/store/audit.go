package store

import (
	"context"
	"database/sql"

	"github.com/overlookbi/overlook/internal/overlook"
)

// AppendAudit writes a batch of audit events in one transaction.
func (s *Store) AppendAudit(ctx context.Context, events []overlook.AuditEvent) error {
	if len(events) == 0 {
		return nil
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		stmt, err := tx.PrepareContext(ctx, s.q(`INSERT INTO audit_events (created_at, user_id, sudo_user_id, operation, object_type, object_id, status)
			VALUES (?, ?, ?, ?, ?, ?, ?)`))
		if err != nil {
			return wrap("audit", err)
		}
		defer stmt.Close()
		for _, e := range events {
			if _, err := stmt.ExecContext(ctx, e.CreatedAt.UnixMilli(), nullInt(e.UserID), nullInt(e.SudoUserID),
				e.Operation, e.ObjectType, e.ObjectID, e.Status); err != nil {
				return wrap("audit", err)
			}
		}
		return nil
	})
}

// AuditEvents returns the newest audit events first, at most limit.
func (s *Store) AuditEvents(ctx context.Context, limit int) ([]overlook.AuditEvent, error) {
	var out []overlook.AuditEvent
	err := s.eachRow(ctx, `SELECT id, created_at, user_id, sudo_user_id, operation, object_type, object_id, status
		FROM audit_events ORDER BY id DESC`+limitClause(limit, 0), nil, func(sc scanner) error {
		var e overlook.AuditEvent
		var created int64
		var uid, sudo sql.NullInt64
		err := sc.Scan(&e.ID, &created, &uid, &sudo, &e.Operation, &e.ObjectType, &e.ObjectID, &e.Status)
		e.CreatedAt, e.UserID, e.SudoUserID = fromMillis(created), uid.Int64, sudo.Int64
		out = append(out, e)
		return err
	})
	return out, err
}
