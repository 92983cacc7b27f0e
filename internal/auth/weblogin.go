package auth

import (
	"context"
	"encoding/hex"
	"time"

	"github.com/overlookbi/overlook/internal/overlook"
)

// Password rules for the reset form.
const (
	MinPasswordLength = 8
	MaxPasswordLength = 1024
	// forcedResetLifetime is how long the reset link made for a user whose
	// password must change at login works.
	forcedResetLifetime = 15 * time.Minute
)

// Errors of the web login. Unknown addresses and wrong passwords give the
// same one.
var (
	ErrBadLogin  = &overlook.Error{Code: overlook.EUNAUTHORIZED, Message: "Invalid email or password."}
	ErrLockedOut = &overlook.Error{Code: overlook.ETOOMANY, Message: "Too many failed logins. Try again later."}
)

// WebLogin is a successful email/password login: a session token, or,
// when the password must be changed first, a one-time reset token.
type WebLogin struct {
	Session    *AccessToken
	ResetToken string
}

// LoginEmail checks an email and password from the login form (from the
// client address ip) and opens a web session.
func (s *Service) LoginEmail(ctx context.Context, email, password, ip string) (*WebLogin, error) {
	key := lockoutKey(email, ip)
	if locked, err := s.lockedOut(ctx, key); err != nil || locked {
		return nil, orErr(err, ErrLockedOut)
	}
	cred, err := s.store.CredentialsEmailByEmail(ctx, email)
	if err != nil && !overlook.IsNotFound(err) {
		return nil, err
	}
	hash := dummyHash
	if err == nil && cred.PasswordHash != "" {
		hash = cred.PasswordHash
	}
	ok := VerifySecret(hash, password) && err == nil && cred.PasswordHash != "" && !cred.IsDisabled
	var userID int64
	if err == nil {
		userID = cred.UserID
	}
	if ok {
		u, uerr := s.store.User(ctx, cred.UserID)
		ok = uerr == nil && !u.IsDisabled
	}
	if !ok {
		if err := s.recordFailure(ctx, email, ip, userID); err != nil {
			return nil, err
		}
		return nil, ErrBadLogin
	}
	if err := ignoreNotFound(s.store.DeleteLoginLockout(ctx, key)); err != nil {
		return nil, err
	}
	if cred.ForcedPasswordResetAtNext {
		token := RandomString(32)
		until := s.now().Add(forcedResetLifetime).UnixMilli()
		if err := s.store.SetPasswordReset(ctx, cred.UserID, hex.EncodeToString(HashToken(token)), until); err != nil {
			return nil, err
		}
		return &WebLogin{ResetToken: token}, nil
	}
	if err := s.store.SetLoggedIn(ctx, cred.UserID); err != nil {
		return nil, err
	}
	tok, err := s.IssueToken(ctx, cred.UserID)
	if err != nil {
		return nil, err
	}
	return &WebLogin{Session: tok}, nil
}

// ResetPassword sets a new password with a one-time reset token (from
// create_user_credentials_email_password_reset or a forced reset) and
// spends the token. It lifts the user's lockouts.
func (s *Service) ResetPassword(ctx context.Context, token, password string) error {
	if n := len(password); n < MinPasswordLength || n > MaxPasswordLength {
		return overlook.Invalid("password", "invalid", "the password must have %d to %d characters", MinPasswordLength, MaxPasswordLength)
	}
	if token == "" {
		return overlook.NotFound()
	}
	userID, err := s.store.RedeemPasswordReset(ctx, hex.EncodeToString(HashToken(token)), HashSecret(password))
	if err != nil {
		return err
	}
	s.Invalidate()
	return s.store.DeleteUserLoginLockouts(ctx, userID)
}

func ignoreNotFound(err error) error {
	if overlook.IsNotFound(err) {
		return nil
	}
	return err
}

func orErr(err, otherwise error) error {
	if err != nil {
		return err
	}
	return otherwise
}
