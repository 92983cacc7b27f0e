package auth

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"

	"github.com/overlookbi/overlook/internal/store"
)

// Web-login lockout: after LockoutFailures failures of one address from
// one IP within LockoutWindow, that pair is refused for LockoutDuration
// (or until an admin deletes the lockout).
const (
	LockoutFailures = 5
	LockoutWindow   = 15 * time.Minute
	LockoutDuration = 15 * time.Minute
)

// lockoutKey names the failures of an address from an IP. It is a digest,
// so keys in URLs carry neither.
func lockoutKey(email, ip string) string {
	sum := sha256.Sum256([]byte("email\x00" + strings.ToLower(strings.TrimSpace(email)) + "\x00" + ip))
	return hex.EncodeToString(sum[:12])
}

// lockedOut reports whether key is locked out now; an elapsed lockout is
// forgotten.
func (s *Service) lockedOut(ctx context.Context, key string) (bool, error) {
	l, err := s.store.LoginLockout(ctx, key)
	if err != nil || l.LockedAt == nil {
		return false, ignoreNotFound(err)
	}
	if s.now().Before(l.LockedAt.Add(LockoutDuration)) {
		return true, nil
	}
	return false, ignoreNotFound(s.store.DeleteLoginLockout(ctx, key))
}

func (s *Service) recordFailure(ctx context.Context, email, ip string, userID int64) error {
	_, err := s.store.RecordLoginFailure(ctx, &store.LoginLockout{Key: lockoutKey(email, ip), AuthType: "email",
		Email: strings.TrimSpace(email), IP: ip, UserID: userID}, s.now().Add(-LockoutWindow), LockoutFailures)
	return err
}

// LoginLockouts lists the lockouts in force.
func (s *Service) LoginLockouts(ctx context.Context) ([]*store.LoginLockout, error) {
	return s.store.LoginLockouts(ctx, s.now().Add(-LockoutDuration))
}

// DeleteLoginLockout lifts a lockout.
func (s *Service) DeleteLoginLockout(ctx context.Context, key string) error {
	return s.store.DeleteLoginLockout(ctx, key)
}
