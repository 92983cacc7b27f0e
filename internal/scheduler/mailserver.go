package scheduler

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	mail "github.com/wneessen/go-mail"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

// ErrNoMailServer is the failure of an email delivery when neither the
// API nor OVERLOOK_SMTP_URL configured a mail server.
var ErrNoMailServer = errors.New("no mail server is configured (set_smtp_settings or OVERLOOK_SMTP_URL)")

// mailSetting is the settings row the API's mail server is kept in.
const mailSetting = "smtp_settings"

// sealPurpose binds the sealed SMTP password to this use.
const sealPurpose = "smtp password"

// Sealer encrypts secrets at rest (the connections service).
type Sealer interface {
	SealSecret(plain, purpose string) ([]byte, error)
	OpenSecret(sealed []byte, purpose string) (string, error)
}

// MailSettings is a mail server set through the API. Default means "the
// node's own server" (OVERLOOK_SMTP_URL); nothing else is then kept.
type MailSettings struct {
	Default  bool   `json:"default_smtp"`
	Host     string `json:"address"`
	Port     int    `json:"port"`
	From     string `json:"from"`
	User     string `json:"user_name,omitempty"`
	Password string `json:"-"`
	Sealed   []byte `json:"password_sealed,omitempty"`
	StartTLS bool   `json:"enable_starttls_auto"`
}

// MailServer is the node's email Sender: the server set through the API
// when there is one, else the one of OVERLOOK_SMTP_URL (fallback, may be
// nil). It reads the setting on every send, so every node follows a change.
type MailServer struct {
	Store    *store.Store
	Seal     Sealer
	Fallback *Email
}

// Send mails m through the current server.
func (s *MailServer) Send(ctx context.Context, m Message) error {
	e, err := s.Current(ctx)
	if err != nil {
		return err
	}
	return e.Send(ctx, m)
}

// Current is the server deliveries go through now.
func (s *MailServer) Current(ctx context.Context) (*Email, error) {
	set, err := s.load(ctx)
	if err != nil {
		return nil, err
	}
	if set == nil || set.Default {
		if s.Fallback == nil {
			return nil, ErrNoMailServer
		}
		return s.Fallback, nil
	}
	return set.email()
}

// Save checks set and keeps it; an empty password keeps the stored one
// for the same server and user.
func (s *MailServer) Save(ctx context.Context, set MailSettings) error {
	if set.Default {
		return s.put(ctx, MailSettings{Default: true})
	}
	if set.Port == 0 {
		set.Port = 25
	}
	if set.Password == "" {
		if old, err := s.load(ctx); err == nil && old != nil && old.Host == set.Host && old.User == set.User {
			set.Sealed = old.Sealed
		}
	} else {
		sealed, err := s.Seal.SealSecret(set.Password, sealPurpose)
		if err != nil {
			return err
		}
		set.Sealed = sealed
	}
	if _, err := set.email(); err != nil {
		return err
	}
	return s.put(ctx, set)
}

func (s *MailServer) put(ctx context.Context, set MailSettings) error {
	b, err := json.Marshal(set)
	if err != nil {
		return err
	}
	return s.Store.PutSetting(ctx, mailSetting, string(b))
}

func (s *MailServer) load(ctx context.Context) (*MailSettings, error) {
	all, err := s.Store.Settings(ctx)
	if err != nil {
		return nil, err
	}
	text, ok := all[mailSetting]
	if !ok {
		return nil, nil
	}
	var set MailSettings
	if err := json.Unmarshal([]byte(text), &set); err != nil {
		return nil, fmt.Errorf("stored mail server: %w", err)
	}
	if len(set.Sealed) > 0 {
		if set.Password, err = s.Seal.OpenSecret(set.Sealed, sealPurpose); err != nil {
			return nil, fmt.Errorf("stored mail server password: %w", err)
		}
	}
	return &set, nil
}

// email checks the settings and builds their sender.
func (set MailSettings) email() (*Email, error) {
	var bad []overlook.FieldError
	problem := func(field, msg string) {
		bad = append(bad, overlook.FieldError{Field: field, Code: "invalid", Message: msg})
	}
	if strings.TrimSpace(set.Host) == "" || strings.ContainsAny(set.Host, "/:@ ") {
		problem("address", "must be a host name or IP address")
	}
	if set.Port < 1 || set.Port > 65535 {
		problem("port", "must be between 1 and 65535")
	}
	if set.From == "" {
		problem("from", "is required")
	} else if err := mail.NewMsg().From(set.From); err != nil {
		problem("from", "is not an email address")
	}
	if len(bad) > 0 {
		return nil, &overlook.Error{Code: overlook.EINVALID, Message: "Validation Failed", Details: bad}
	}
	e := &Email{host: set.Host, port: set.Port, from: set.From, user: set.User, password: set.Password, policy: mail.NoTLS}
	if set.StartTLS {
		e.policy = mail.TLSMandatory
	}
	if set.Port == 465 {
		e.ssl = true
	}
	return e, nil
}

// MailStatus is one node's check of the current server.
type MailStatus struct {
	Valid    bool
	Message  string
	Hostname string
}

// Status connects to the current server (and authenticates, if it has a
// user) without sending anything.
func (s *MailServer) Status(ctx context.Context) MailStatus {
	host, _ := os.Hostname()
	st := MailStatus{Hostname: host}
	e, err := s.Current(ctx)
	if err == nil {
		err = e.Check(ctx)
	}
	if err != nil {
		st.Message = err.Error()
		return st
	}
	st.Valid, st.Message = true, "connected to "+e.host
	return st
}

// Check dials the server and says hello, within 10 seconds.
func (e *Email) Check(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	c, err := mail.NewClient(e.host, e.options()...)
	if err != nil {
		return err
	}
	if err := c.DialWithContext(ctx); err != nil {
		return err
	}
	return c.Close()
}
