package store

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// LookCertification says whether a look is certified or revoked, by whom
// and when.
type LookCertification struct {
	LookID    int64
	Status    string
	Notes     string
	UserID    int64
	UpdatedAt time.Time
}

// SetLookCertification records c for its look, replacing the previous one.
func (s *Store) SetLookCertification(ctx context.Context, c *LookCertification) error {
	c.UpdatedAt = fromMillis(s.ms())
	_, err := s.exec(ctx, `INSERT INTO look_certifications (look_id, status, notes, user_id, updated_at)
		VALUES (?, ?, ?, ?, ?) ON CONFLICT (look_id) DO UPDATE SET status = excluded.status, notes = excluded.notes,
		user_id = excluded.user_id, updated_at = excluded.updated_at`,
		c.LookID, c.Status, c.Notes, nullInt(c.UserID), c.UpdatedAt.UnixMilli())
	return wrap("set look certification", s.mapErr(err))
}

// LookCertificationOf returns a look's certification, or nil if it has
// none.
func (s *Store) LookCertificationOf(ctx context.Context, lookID int64) (*LookCertification, error) {
	c := &LookCertification{LookID: lookID}
	var user sql.NullInt64
	var at int64
	err := s.queryRow(ctx, `SELECT status, notes, user_id, updated_at FROM look_certifications WHERE look_id = ?`, lookID).
		Scan(&c.Status, &c.Notes, &user, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	c.UserID, c.UpdatedAt = user.Int64, fromMillis(at)
	return c, err
}
