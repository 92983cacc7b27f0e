package looker40_test

import (
	"net/http"
	"testing"

	"github.com/overlookbi/overlook/internal/server/servertest"
)

func TestLookCertification(t *testing.T) {
	inst := servertest.Start(t)
	thelookSQLite(t, inst)
	u := newContentUsers(t, inst)
	q := createQuery(t, inst, u.admin, brandCount(nil))
	var l wireItem
	want(t, inst, http.MethodPost, "/looks", u.admin, map[string]any{"title": "Certified brands", "query_id": q.ID,
		"folder_id": u.sharedFolder}, http.StatusOK, &l)

	type certified struct {
		Cert *struct {
			Status   string `json:"certification_status"`
			Notes    string `json:"notes"`
			UserName string `json:"user_name"`
			At       string `json:"updated_at"`
		} `json:"certification_metadata"`
	}
	var got certified
	want(t, inst, http.MethodGet, "/looks/"+l.ID, u.admin, nil, http.StatusOK, &got)
	if got.Cert != nil {
		t.Fatalf("a new look is certified: %+v", got.Cert)
	}
	path := "/looks/" + l.ID + "/certification"
	want(t, inst, http.MethodPatch, path, u.admin, map[string]any{"certification_status": "certified", "notes": "checked"},
		http.StatusOK, &got)
	if got.Cert == nil || got.Cert.Status != "certified" || got.Cert.Notes != "checked" || got.Cert.UserName == "" || got.Cert.At == "" {
		t.Fatalf("certify answered %+v", got.Cert)
	}
	want(t, inst, http.MethodPatch, path, u.admin, map[string]any{"certification_status": "revoked"}, http.StatusOK, nil)
	want(t, inst, http.MethodGet, "/looks/"+l.ID, u.viewer, nil, http.StatusOK, &got)
	if got.Cert == nil || got.Cert.Status != "revoked" {
		t.Fatalf("the viewer sees %+v", got.Cert)
	}
	for _, bad := range []any{map[string]any{"certification_status": "maybe"}, map[string]any{}, `{"certification_status": 1}`} {
		res := inst.Do(t, http.MethodPatch, api+path, u.admin, bad)
		if res.Status != http.StatusUnprocessableEntity {
			t.Errorf("certify with %v: %d %s", bad, res.Status, res.Body)
		}
	}
	want(t, inst, http.MethodPatch, path, u.viewer, map[string]any{"certification_status": "certified"}, http.StatusForbidden, nil)
	want(t, inst, http.MethodPatch, "/looks/999999/certification", u.admin, map[string]any{"certification_status": "certified"},
		http.StatusNotFound, nil)
}
