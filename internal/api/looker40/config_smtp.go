package looker40

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/access"
	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/scheduler"
)

// The outgoing mail server of scheduled deliveries and alerts: set through
// the API (kept in the metadata DB, the password sealed), or the node's
// OVERLOOK_SMTP_URL when default_smtp is true or nothing was set.

func init() { register(registerConfigSMTP) }

func registerConfigSMTP(api huma.API, b *Backend) {
	handle(api, op{ID: "set_smtp_settings", Method: http.MethodPost, Path: "/smtp_settings", Tag: tagConfig,
		Perm: access.AdminOnly, Summary: "Set the mail server deliveries go through", Status: http.StatusNoContent}, b.setSMTPSettings)
	handle(api, op{ID: "smtp_status", Method: http.MethodGet, Path: "/smtp_status", Tag: tagConfig,
		Perm: access.AdminOnly, Summary: "Whether this node reaches its mail server"}, b.smtpStatus)
}

type smtpSettingsInput struct {
	Body model.Body[model.SmtpSettings]
}

func (b *Backend) setSMTPSettings(ctx context.Context, in *smtpSettingsInput) (*Empty, error) {
	w := in.Body.Value
	if v := deref(w.AuthType); v != "" && v != "plain" && v != "login" {
		return nil, overlook.Invalid("auth_type", "unsupported", "only password authentication (plain) is supported")
	}
	set := scheduler.MailSettings{Default: deref(w.DefaultSmtp), Host: deref(w.Address), Port: int(deref(w.Port)),
		From: deref(w.From), User: deref(w.UserName), Password: deref(w.Password), StartTLS: deref(w.EnableStarttlsAuto)}
	return &Empty{}, b.Mail.Save(ctx, set)
}

func (b *Backend) smtpStatus(ctx context.Context, _ *struct{ FieldsParam }) (*Out[model.SmtpStatus], error) {
	st := b.Mail.Status(ctx)
	node := model.SmtpNodeStatus{IsValid: &st.Valid, Message: &st.Message, Hostname: &st.Hostname}
	return ok(model.SmtpStatus{IsValid: &st.Valid, NodeCount: ptr(int64(1)), NodeStatus: []model.SmtpNodeStatus{node}})
}
