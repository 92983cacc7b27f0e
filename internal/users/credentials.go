package users

import (
	"context"
	"encoding/hex"
	"net/mail"
	"strings"
	"time"

	"github.com/overlookbi/overlook/internal/auth"
	"github.com/overlookbi/overlook/internal/overlook"
)

// Lengths of a new API key, as Looker makes them.
const (
	clientIDLength     = 20
	clientSecretLength = 24
	resetTokenLength   = 32
)

// ResetLifetime is how long a password-reset link works when it expires.
const ResetLifetime = 60 * time.Minute

var errServiceAccountEmail = overlook.Invalid("email", "invalid", "service accounts log in with API keys only")

func checkEmail(email string) error {
	email = strings.TrimSpace(email)
	if email == "" {
		return overlook.Invalid("email", "missing", "email is required")
	}
	a, err := mail.ParseAddress(email)
	if err != nil || a.Address != email || len(email) > maxText {
		return overlook.Invalid("email", "invalid", "%q is not an email address", email)
	}
	return nil
}

// emailTaken turns the store's conflict on an address into a validation
// error naming the field.
func emailTaken(err error) error {
	if overlook.ErrorCode(err) == overlook.ECONFLICT {
		return overlook.Invalid("email", "already_exists", "the email address is already in use")
	}
	return err
}

// mayManageAPI3 lets admins manage anyone's keys, and a user its own when
// it may manage API keys at all.
func mayManageAPI3(p *overlook.Principal, userID int64) error {
	if p.IsAdmin || (p.UserID() == userID && p.User.CanManageAPI3Creds) {
		return nil
	}
	return overlook.Errorf(overlook.EFORBIDDEN, "You may not manage the API keys of this user")
}

// CreateAPI3 makes a new API key for a user and returns it with its secret,
// which is stored only as a hash and never shown again.
func (s *Service) CreateAPI3(ctx context.Context, p *overlook.Principal, userID int64, purpose string) (*overlook.CredentialsAPI3, string, error) {
	if err := mayManageAPI3(p, userID); err != nil {
		return nil, "", err
	}
	if err := checkText("purpose", purpose); err != nil {
		return nil, "", err
	}
	secret := auth.RandomString(clientSecretLength)
	c := &overlook.CredentialsAPI3{UserID: userID, ClientID: auth.RandomString(clientIDLength),
		SecretHash: auth.HashSecret(secret), Purpose: purpose}
	if err := s.st.CreateCredentialsAPI3(ctx, c); err != nil {
		return nil, "", err
	}
	c, err := s.st.CredentialsAPI3(ctx, userID, c.ID)
	return c, secret, err
}

// UpdateAPI3 changes the purpose of an API key.
func (s *Service) UpdateAPI3(ctx context.Context, p *overlook.Principal, userID, id int64, purpose *string) (*overlook.CredentialsAPI3, error) {
	if err := mayManageAPI3(p, userID); err != nil {
		return nil, err
	}
	if purpose != nil {
		if err := checkText("purpose", *purpose); err != nil {
			return nil, err
		}
		if err := s.st.UpdateCredentialsAPI3Purpose(ctx, userID, id, *purpose); err != nil {
			return nil, err
		}
	}
	return s.st.CredentialsAPI3(ctx, userID, id)
}

// DeleteAPI3 removes an API key; the tokens it logged in stop working at
// once.
func (s *Service) DeleteAPI3(ctx context.Context, p *overlook.Principal, userID, id int64) error {
	if err := mayManageAPI3(p, userID); err != nil {
		return err
	}
	err := s.st.DeleteCredentialsAPI3(ctx, userID, id)
	s.auth.Invalidate()
	return err
}

// CreateEmail gives a user an email login; a user has at most one.
func (s *Service) CreateEmail(ctx context.Context, userID int64, c overlook.CredentialsEmail) (*overlook.CredentialsEmail, error) {
	u, err := s.st.User(ctx, userID)
	if err != nil {
		return nil, err
	}
	if u.IsServiceAccount {
		return nil, errServiceAccountEmail
	}
	if u.Email != nil {
		return nil, overlook.Errorf(overlook.ECONFLICT, "The user already has email credentials")
	}
	return s.putEmail(ctx, userID, c)
}

// UpdateEmail changes the address or the forced-reset flag of a user's
// email login.
func (s *Service) UpdateEmail(ctx context.Context, userID int64, email *string, forced *bool) (*overlook.CredentialsEmail, error) {
	c, err := s.st.CredentialsEmail(ctx, userID)
	if err != nil {
		return nil, err
	}
	if email != nil {
		c.Email = *email
	}
	if forced != nil {
		c.ForcedPasswordResetAtNext = *forced
	}
	c.PasswordHash = "" // keep the password
	return s.putEmail(ctx, userID, *c)
}

func (s *Service) putEmail(ctx context.Context, userID int64, c overlook.CredentialsEmail) (*overlook.CredentialsEmail, error) {
	c.Email = strings.TrimSpace(c.Email)
	if err := checkEmail(c.Email); err != nil {
		return nil, err
	}
	c.UserID = userID
	if err := s.st.PutCredentialsEmail(ctx, &c); err != nil {
		return nil, emailTaken(err)
	}
	s.auth.Invalidate()
	return s.st.CredentialsEmail(ctx, userID)
}

// DeleteEmail removes a user's email login.
func (s *Service) DeleteEmail(ctx context.Context, userID int64) error {
	err := s.st.DeleteCredentialsEmail(ctx, userID)
	s.auth.Invalidate()
	return err
}

// ResetPassword starts a password reset: it stores the SHA-256 of a fresh
// one-time token (with an expiry unless expires is false) and returns the
// credentials with the link, under origin, that carries the token.
func (s *Service) ResetPassword(ctx context.Context, userID int64, expires bool, origin string) (*overlook.CredentialsEmail, error) {
	token := auth.RandomString(resetTokenLength)
	var until int64
	if expires {
		until = time.Now().Add(ResetLifetime).UnixMilli()
	}
	if err := s.st.SetPasswordReset(ctx, userID, hex.EncodeToString(auth.HashToken(token)), until); err != nil {
		return nil, err
	}
	c, err := s.st.CredentialsEmail(ctx, userID)
	if err != nil {
		return nil, err
	}
	c.PasswordResetURL = origin + "/password/reset/" + token
	return c, nil
}

// DeleteSession revokes one token of a user.
func (s *Service) DeleteSession(ctx context.Context, userID, id int64) error {
	err := s.st.DeleteUserToken(ctx, userID, id)
	s.auth.Invalidate()
	return err
}
