package scheduler

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	mail "github.com/wneessen/go-mail"
)

// Email sends deliveries through one SMTP server, configured by a URL:
// smtp://[user:pass@]host[:port]?from=addr (STARTTLS when offered),
// smtp+plain://… (never TLS, for a local relay) or smtps://… (TLS from
// the start).
type Email struct {
	host     string
	port     int
	from     string
	user     string
	password string
	policy   mail.TLSPolicy
	ssl      bool
}

// NewEmail reads an SMTP URL.
func NewEmail(raw string) (*Email, error) {
	u, err := url.Parse(raw)
	if err != nil || u.Hostname() == "" {
		return nil, fmt.Errorf("smtp url %q: want smtp://host[:port]?from=address", raw)
	}
	e := &Email{host: u.Hostname(), from: u.Query().Get("from"), policy: mail.TLSOpportunistic, port: 25}
	switch u.Scheme {
	case "smtp":
	case "smtp+plain":
		e.policy = mail.NoTLS
	case "smtps":
		e.ssl, e.port = true, 465
	default:
		return nil, fmt.Errorf("smtp url scheme %q: want smtp, smtp+plain or smtps", u.Scheme)
	}
	if p := u.Port(); p != "" {
		if e.port, err = strconv.Atoi(p); err != nil {
			return nil, fmt.Errorf("smtp url port %q", p)
		}
	}
	if e.from == "" {
		return nil, fmt.Errorf("smtp url %q: the from parameter is required", u.Redacted())
	}
	if u.User != nil {
		e.user = u.User.Username()
		e.password, _ = u.User.Password()
	}
	return e, nil
}

// Send mails m to the destination's addresses (comma separated). The
// Message-ID derives from the delivery id, so a repeat is recognisable.
func (e *Email) Send(ctx context.Context, m Message) error {
	msg := mail.NewMsg()
	if err := msg.From(e.from); err != nil {
		return err
	}
	if err := msg.To(splitAddresses(m.Dest.Address)...); err != nil {
		return fmt.Errorf("email address: %w", err)
	}
	msg.Subject(subject(m))
	msg.SetMessageIDWithValue(m.DeliveryID + "@overlook")
	msg.SetGenHeader(mail.Header(HeaderDelivery), m.DeliveryID)
	msg.SetDate()
	msg.SetBodyString(mail.TypeTextPlain, m.Dest.Message)
	if a := m.Attachment; a != nil {
		if err := msg.AttachReader(a.Filename, bytes.NewReader(a.Body)); err != nil {
			return err
		}
	}
	c, err := mail.NewClient(e.host, e.options()...)
	if err != nil {
		return err
	}
	return c.DialAndSendWithContext(ctx, msg)
}

func (e *Email) options() []mail.Option {
	opts := []mail.Option{mail.WithPort(e.port), mail.WithTLSPolicy(e.policy)}
	if e.ssl {
		opts = append(opts, mail.WithSSL())
	}
	if e.user != "" {
		opts = append(opts, mail.WithSMTPAuth(mail.SMTPAuthPlain), mail.WithUsername(e.user), mail.WithPassword(e.password))
	}
	return opts
}

func splitAddresses(s string) []string {
	var out []string
	for _, a := range strings.Split(s, ",") {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}

func subject(m Message) string {
	if m.Plan.Name != "" {
		return m.Plan.Name
	}
	return "Scheduled delivery " + m.DeliveryID
}
