package api_test

import (
	"context"
	"net/http"
	"regexp"
	"strconv"
	"testing"

	"github.com/overlookbi/overlook/internal/access"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/server/servertest"
)

// principal is one kind of caller of the matrix.
type principal struct {
	name string
	// token returns a fresh token for one case ("" for anonymous), so that
	// a case that logs out or changes the session leaves the others alone.
	token func(t *testing.T) string
	// grants is what the caller holds; nil for anonymous.
	grants *overlook.Principal
}

// TestPermissionMatrix runs every operation of the document as six
// principals — anonymous, no role, viewer, developer, admin, and an admin
// sudo'd to a viewer — and checks each answer against the permission the
// operation declares: refused cases are 401 (anonymous) or 403/404, allowed
// cases are never 401/403, and nothing is a 5xx.
func TestPermissionMatrix(t *testing.T) {
	inst := servertest.Start(t)
	ctx := context.Background()
	adminToken := inst.AdminToken(t)
	target := inst.CreateUser(t, "Target", "User", access.ViewerRole)
	sudoTarget := inst.CreateUser(t, "Sudo", "Target", access.ViewerRole)

	grantsOf := func(u *overlook.User) *overlook.Principal {
		g, err := inst.Server.Store.UserGrants(ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		return &overlook.Principal{User: u, IsAdmin: g.IsAdmin, Permissions: access.Effective(g.Permissions)}
	}
	member := func(name, role string) principal {
		var u *overlook.User
		if role == "" {
			u = inst.CreateUser(t, name, "Matrix")
		} else {
			u = inst.CreateUser(t, name, "Matrix", role)
		}
		return principal{name: name, token: func(t *testing.T) string { return inst.TokenFor(t, u.ID) }, grants: grantsOf(u)}
	}
	principals := []principal{
		{name: "anonymous", token: func(*testing.T) string { return "" }},
		member("norole", ""),
		member("viewer", access.ViewerRole),
		member("developer", access.DeveloperRole),
		{name: "sudo", grants: grantsOf(sudoTarget), token: func(t *testing.T) string {
			var tok struct {
				AccessToken string `json:"access_token"`
			}
			inst.Do(t, "POST", "/api/4.0/login/"+strconv.FormatInt(sudoTarget.ID, 10), adminToken, nil).JSON(t, &tok)
			return tok.AccessToken
		}},
		member("admin", access.AdminRole),
	}

	ops := operations(spec(t))
	cases := 0
	for _, o := range ops {
		id := o.op["operationId"].(string)
		perm := o.op["x-overlook-permission"].(string)
		path := "/api/4.0" + fillPath(o.path, target.ID)
		var body any
		if o.method == http.MethodPost || o.method == http.MethodPut || o.method == http.MethodPatch {
			body = "{}"
		}
		for _, p := range principals {
			cases++
			res := inst.Do(t, o.method, path, p.token(t), body)
			allowed := access.Allows(p.grants, perm, false)
			switch {
			case res.Status >= 500:
				t.Errorf("%s as %s: %d %s", id, p.name, res.Status, res.Body)
			case !allowed && p.grants == nil && res.Status != http.StatusUnauthorized:
				t.Errorf("%s as %s: %d, want 401", id, p.name, res.Status)
			case !allowed && p.grants != nil && res.Status != http.StatusForbidden && res.Status != http.StatusNotFound:
				t.Errorf("%s as %s (needs %s): %d, want 403 or 404", id, p.name, perm, res.Status)
			case allowed && (res.Status == http.StatusUnauthorized || res.Status == http.StatusForbidden):
				t.Errorf("%s as %s (holds %s): refused with %d %s", id, p.name, perm, res.Status, res.Body)
			}
		}
	}
	if want := len(ops) * len(principals); cases != want || len(ops) == 0 {
		t.Fatalf("ran %d cases, want %d operations × %d principals = %d", cases, len(ops), len(principals), want)
	}
	t.Logf("%d operations × %d principals = %d cases", len(ops), len(principals), cases)
}

var pathParam = regexp.MustCompile(`\{([a-z_]+)\}`)

// fillPath puts plausible values into the parameters of a path.
func fillPath(path string, userID int64) string {
	values := map[string]string{
		"user_id":         strconv.FormatInt(userID, 10),
		"api_version":     "4.0",
		"specification":   "swagger.json",
		"pattern":         "%25",
		"credential_type": "email",
		"workspace_id":    "production",
	}
	return pathParam.ReplaceAllStringFunc(path, func(m string) string {
		if v, ok := values[m[1:len(m)-1]]; ok {
			return v
		}
		return "1"
	})
}
