package store

import (
	"context"
	"database/sql"
	"time"
)

// LoginLockout counts the failed web logins of one key (an address from
// one IP) and records when it was locked out.
type LoginLockout struct {
	Key      string
	AuthType string
	Email    string
	IP       string
	UserID   int64 // 0 when the address belongs to nobody
	FullName string
	Fails    int64
	FirstAt  time.Time
	LockedAt *time.Time
}

const lockoutColumns = `l.lockout_key, l.auth_type, l.email, l.ip, l.user_id, l.fail_count, l.first_fail_at, l.lockout_at,
	COALESCE(u.first_name, ''), COALESCE(u.last_name, '')`

func scanLockout(sc scanner) (*LoginLockout, error) {
	var l LoginLockout
	var user, locked sql.NullInt64
	var first int64
	var firstName, lastName string
	err := sc.Scan(&l.Key, &l.AuthType, &l.Email, &l.IP, &user, &l.Fails, &first, &locked, &firstName, &lastName)
	l.UserID, l.FirstAt, l.LockedAt = user.Int64, fromMillis(first), optMillis(locked)
	l.FullName = joinName(firstName, lastName)
	return &l, err
}

func joinName(first, last string) string {
	switch {
	case first == "":
		return last
	case last == "":
		return first
	}
	return first + " " + last
}

// LoginLockout returns the failure record of a key.
func (s *Store) LoginLockout(ctx context.Context, key string) (*LoginLockout, error) {
	l, err := scanLockout(s.queryRow(ctx, `SELECT `+lockoutColumns+` FROM user_login_lockouts l
		LEFT JOIN users u ON u.id = l.user_id WHERE l.lockout_key = ?`, key))
	return l, s.mapErr(err)
}

// RecordLoginFailure counts one failure of l.Key. Failures before
// windowStart are forgotten (unless the key is locked out); the key is
// locked out at the max-th failure. It returns the record as it now is.
func (s *Store) RecordLoginFailure(ctx context.Context, l *LoginLockout, windowStart time.Time, max int64) (*LoginLockout, error) {
	now := s.ms()
	err := s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, s.q(`INSERT INTO user_login_lockouts (lockout_key, auth_type, email, ip, user_id, fail_count, first_fail_at)
			VALUES (?, ?, ?, ?, ?, 0, ?)
			ON CONFLICT (lockout_key) DO UPDATE SET
				fail_count = CASE WHEN user_login_lockouts.lockout_at IS NULL AND user_login_lockouts.first_fail_at < ? THEN 0 ELSE user_login_lockouts.fail_count END,
				first_fail_at = CASE WHEN user_login_lockouts.lockout_at IS NULL AND user_login_lockouts.first_fail_at < ? THEN excluded.first_fail_at ELSE user_login_lockouts.first_fail_at END`),
			l.Key, l.AuthType, l.Email, l.IP, nullInt(l.UserID), now, windowStart.UnixMilli(), windowStart.UnixMilli())
		if err != nil {
			return wrap("record failure", err)
		}
		_, err = tx.ExecContext(ctx, s.q(`UPDATE user_login_lockouts SET fail_count = fail_count + 1,
			lockout_at = CASE WHEN lockout_at IS NULL AND fail_count + 1 >= ? THEN ? ELSE lockout_at END
			WHERE lockout_key = ?`), max, now, l.Key)
		return wrap("record failure", err)
	})
	if err != nil {
		return nil, err
	}
	return s.LoginLockout(ctx, l.Key)
}

// LoginLockouts lists the keys locked out since the given time, newest
// first.
func (s *Store) LoginLockouts(ctx context.Context, since time.Time) ([]*LoginLockout, error) {
	var out []*LoginLockout
	err := s.eachRow(ctx, `SELECT `+lockoutColumns+` FROM user_login_lockouts l LEFT JOIN users u ON u.id = l.user_id
		WHERE l.lockout_at IS NOT NULL AND l.lockout_at > ? ORDER BY l.lockout_at DESC, l.lockout_key`,
		[]any{since.UnixMilli()}, func(sc scanner) error {
			l, err := scanLockout(sc)
			out = append(out, l)
			return err
		})
	return out, err
}

// DeleteLoginLockout forgets the failures of a key.
func (s *Store) DeleteLoginLockout(ctx context.Context, key string) error {
	return s.deleteOne(ctx, `DELETE FROM user_login_lockouts WHERE lockout_key = ?`, key)
}

// DeleteUserLoginLockouts forgets every failure recorded against a user.
func (s *Store) DeleteUserLoginLockouts(ctx context.Context, userID int64) error {
	_, err := s.exec(ctx, `DELETE FROM user_login_lockouts WHERE user_id = ?`, userID)
	return wrap("delete lockouts", err)
}
