package looker40

import (
	"context"
	"net/http"
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/access"
	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

func init() { register(registerLookCertification) }

type lookCertificationInput struct {
	LookID string `path:"look_id" doc:"Id of the look"`
	FieldsParam
	Body model.Body[model.Certification]
}

func registerLookCertification(api huma.API, b *Backend) {
	handle(api, op{ID: "update_look_certification", Method: http.MethodPatch, Path: "/looks/{look_id}/certification",
		Tag: tagLook, Perm: access.AdminOnly, Summary: "Certify a look, or revoke its certification"}, b.updateLookCertification)
}

func (b *Backend) updateLookCertification(ctx context.Context, in *lookCertificationInput) (*Out[model.Look], error) {
	l, err := b.lookParam(ctx, in.LookID)
	if err != nil {
		return nil, err
	}
	status := strings.TrimSpace(orZero(in.Body.Value.CertificationStatus))
	if status != "certified" && status != "revoked" {
		return nil, overlook.Invalid("certification_status", "invalid", "certification_status must be certified or revoked")
	}
	c := &store.LookCertification{LookID: l.ID, Status: status, Notes: orZero(in.Body.Value.Notes),
		UserID: overlook.PrincipalFrom(ctx).UserID()}
	if err := b.Store.SetLookCertification(ctx, c); err != nil {
		return nil, err
	}
	return ok(b.lookList(ctx, []*store.Look{l})[0])
}

// certificationWire is a look's certification as Looker shows it; nil when
// it has none.
func (b *Backend) certificationWire(ctx context.Context, lookID int64) *model.Certification {
	c, err := b.Store.LookCertificationOf(ctx, lookID)
	if err != nil || c == nil {
		return nil
	}
	w := &model.Certification{CertificationStatus: ptr(c.Status), Notes: optText(c.Notes), UpdatedAt: timeString(c.UpdatedAt)}
	if u := b.creatorWire(ctx, c.UserID); u != nil {
		w.UserName = u.DisplayName
	}
	return w
}
