package api_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/overlookbi/overlook/internal/server/servertest"
)

func TestLoginAndMe(t *testing.T) {
	inst := servertest.Start(t)
	token := inst.AdminToken(t)

	for _, scheme := range []string{"Bearer", "token", "bearer"} {
		req, _ := http.NewRequest(http.MethodGet, inst.URL+"/api/4.0/user", nil)
		req.Header.Set("Authorization", scheme+" "+token)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			t.Errorf("scheme %s: status %d", scheme, res.StatusCode)
		}
	}

	var me map[string]any
	inst.Do(t, "GET", "/api/4.0/user", token, nil).JSON(t, &me)
	if me["first_name"] != "Overlook" || me["id"] != "1" {
		t.Errorf("me = %v", me)
	}
	for _, k := range []string{"personal_folder_id", "home_folder_id"} {
		if _, ok := me[k].(string); !ok {
			t.Errorf("%s = %#v, want a string", k, me[k])
		}
	}
	if creds, _ := me["credentials_api3"].([]any); len(creds) == 0 {
		t.Errorf("credentials_api3 = %v, want the admin's key", me["credentials_api3"])
	}
}

func TestLoginQueryString(t *testing.T) {
	inst := servertest.Start(t)
	q := url.Values{"client_id": {servertest.AdminClientID}, "client_secret": {servertest.AdminClientSecret}}
	res := inst.Do(t, "POST", "/api/4.0/login?"+q.Encode(), "", nil)
	var tok map[string]any
	res.JSON(t, &tok)
	if res.Status != 200 || tok["token_type"] != "Bearer" || tok["expires_in"] != float64(3600) {
		t.Errorf("status %d body %s", res.Status, res.Body)
	}
	if _, hasError := tok["error"]; hasError {
		t.Error("token response must not carry an error key")
	}
}

func TestErrorsAreLookerJSON(t *testing.T) {
	inst := servertest.Start(t)
	cases := []struct {
		method, path, token string
		status              int
		message             string
	}{
		{"GET", "/api/4.0/user", "", 401, "Requires authentication."},
		{"GET", "/api/4.0/user", "not-a-token", 401, "Requires authentication."},
		{"GET", "/api/4.0/no_such_route", "", 404, "Not found"},
		{"PUT", "/api/4.0/login", "", 405, "Method not allowed"},
		{"POST", "/api/4.0/login", "", 404, "Not found"},
	}
	for _, c := range cases {
		res := inst.Do(t, c.method, c.path, c.token, nil)
		var body map[string]any
		res.JSON(t, &body)
		if res.Status != c.status || body["message"] != c.message || body["documentation_url"] == nil {
			t.Errorf("%s %s: %d %s", c.method, c.path, res.Status, res.Body)
		}
		if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
			t.Errorf("%s %s: content type %q", c.method, c.path, ct)
		}
	}
}

func TestLogoutIsBare204AndRevokesOnlyThatToken(t *testing.T) {
	inst := servertest.Start(t)
	keep, drop := inst.AdminToken(t), inst.AdminToken(t)
	for _, path := range []string{"/api/4.0/logout", "/api/logout"} {
		if path == "/api/logout" {
			drop = inst.AdminToken(t)
		}
		res := inst.Do(t, "DELETE", path, drop, nil)
		if res.Status != 204 || len(res.Body) != 0 || res.Header.Get("Content-Type") != "" {
			t.Errorf("%s: %d %q %q", path, res.Status, res.Header.Get("Content-Type"), res.Body)
		}
		if got := inst.Do(t, "GET", "/api/4.0/user", drop, nil).Status; got != 401 {
			t.Errorf("%s: revoked token answered %d", path, got)
		}
		if got := inst.Do(t, "GET", "/api/4.0/user", keep, nil).Status; got != 200 {
			t.Errorf("%s: other token answered %d", path, got)
		}
	}
}

func TestDoubleSlashRedirects(t *testing.T) {
	inst := servertest.Start(t)
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Get(inst.URL + "//api/4.0/versions?fields=id")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 307 || res.Header.Get("Location") != "/api/4.0/versions?fields=id" {
		t.Errorf("got %d %q", res.StatusCode, res.Header.Get("Location"))
	}
}

func TestVersionsEverywhere(t *testing.T) {
	inst := servertest.Start(t)
	for _, p := range []string{"/versions", "/api/versions", "/api/4.0/versions"} {
		var v map[string]any
		res := inst.Do(t, "GET", p, "", nil)
		res.JSON(t, &v)
		cur, _ := v["current_version"].(map[string]any)
		if res.Status != 200 || cur["version"] != "4.0" || !strings.HasSuffix(cur["swagger_url"].(string), "/api/4.0/swagger.json") {
			t.Errorf("%s: %d %s", p, res.Status, res.Body)
		}
	}
	res := inst.Do(t, "GET", "/api/4.0/swagger.json", "", nil)
	var doc map[string]any
	res.JSON(t, &doc)
	if res.Status != 200 || !strings.HasPrefix(doc["openapi"].(string), "3.0") {
		t.Errorf("swagger.json: %d", res.Status)
	}
	spec := inst.Do(t, "GET", "/api/4.0/api_spec/4.0/swagger.json", "", nil)
	if spec.Status != 200 || !json.Valid(spec.Body) {
		t.Errorf("api_spec: %d", spec.Status)
	}
}

func TestFieldsProjection(t *testing.T) {
	inst := servertest.Start(t)
	token := inst.AdminToken(t)
	var me map[string]any
	inst.Do(t, "GET", "/api/4.0/user?fields=id,%20first_name,%20credentials_api3(client_id),nope", token, nil).JSON(t, &me)
	if len(me) != 3 || me["id"] != "1" {
		t.Fatalf("me = %v", me)
	}
	creds := me["credentials_api3"].([]any)
	if c := creds[0].(map[string]any); len(c) != 1 || c["client_id"] != servertest.AdminClientID {
		t.Errorf("credentials_api3 = %v", creds)
	}
}
