package looker40_test

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/overlookbi/overlook/internal/server/servertest"
)

// userFixture is a node with an admin token and a Viewer with its token.
type userFixture struct {
	inst        *servertest.Instance
	admin       string
	viewer      string
	viewerID    string
	adminUserID string
}

func newUserFixture(t *testing.T) *userFixture {
	t.Helper()
	inst := servertest.Start(t)
	v := inst.CreateUser(t, "Vera", "Viewer", "Viewer")
	f := &userFixture{inst: inst, admin: inst.AdminToken(t), viewerID: fmt.Sprint(v.ID)}
	f.viewer = inst.TokenFor(t, v.ID)
	f.adminUserID = f.obj(t, "GET", "/user", f.admin, nil)["id"].(string)
	return f
}

// call sends a request to /api/4.0 + path.
func (f *userFixture) call(t *testing.T, method, path, token string, body any) *servertest.Response {
	t.Helper()
	return f.inst.Do(t, method, "/api/4.0"+path, token, body)
}

// obj sends a request that must succeed with a JSON object.
func (f *userFixture) obj(t *testing.T, method, path, token string, body any) map[string]any {
	t.Helper()
	res := f.call(t, method, path, token, body)
	if res.Status != 200 {
		t.Fatalf("%s %s: %d %s", method, path, res.Status, res.Body)
	}
	var m map[string]any
	res.JSON(t, &m)
	return m
}

// list sends a request that must succeed with a JSON array of objects.
func (f *userFixture) list(t *testing.T, path, token string) []map[string]any {
	t.Helper()
	res := f.call(t, "GET", path, token, nil)
	if res.Status != 200 {
		t.Fatalf("GET %s: %d %s", path, res.Status, res.Body)
	}
	var l []map[string]any
	res.JSON(t, &l)
	return l
}

func (f *userFixture) createUser(t *testing.T, first, last, email string) string {
	t.Helper()
	id := f.obj(t, "POST", "/users", f.admin, map[string]any{"first_name": first, "last_name": last})["id"].(string)
	if email != "" {
		f.obj(t, "POST", "/users/"+id+"/credentials_email", f.admin, map[string]any{"email": email})
	}
	return id
}

// failField checks a 422 naming field.
func failField(t *testing.T, res *servertest.Response, field string) {
	t.Helper()
	var e struct {
		Message string
		Errors  []struct{ Field string }
	}
	_ = json.Unmarshal(res.Body, &e)
	if res.Status != 422 || e.Message != "Validation Failed" || len(e.Errors) == 0 || e.Errors[0].Field != field {
		t.Errorf("want 422 naming %q, got %d %s", field, res.Status, res.Body)
	}
}

func names(users []map[string]any) []string {
	var out []string
	for _, u := range users {
		out = append(out, fmt.Sprint(u["first_name"], " ", u["last_name"]))
	}
	return out
}

func TestUserCreateReadUpdateDelete(t *testing.T) {
	f := newUserFixture(t)
	u := f.obj(t, "POST", "/users", f.admin, map[string]any{"first_name": "John", "is_disabled": false, "last_name": "Doe", "locale": "fr"})
	id := u["id"].(string)
	for k, want := range map[string]any{"first_name": "John", "last_name": "Doe", "locale": "fr", "is_disabled": false,
		"credentials_email": nil, "is_service_account": false, "display_name": "John Doe"} {
		if u[k] != want {
			t.Errorf("created %s = %#v, want %#v", k, u[k], want)
		}
	}
	for _, k := range []string{"personal_folder_id", "home_folder_id"} {
		if _, ok := u[k].(string); !ok {
			t.Errorf("%s = %#v, want a string", k, u[k])
		}
	}
	got := f.obj(t, "GET", "/users/"+id, f.admin, nil)
	if got["first_name"] != "John" || got["locale"] != "fr" {
		t.Errorf("user = %v", got)
	}
	up := f.obj(t, "PATCH", "/users/"+id, f.admin, map[string]any{"first_name": "Jane", "is_disabled": true, "locale": "uk"})
	if up["first_name"] != "Jane" || up["last_name"] != "Doe" || up["is_disabled"] != true || up["locale"] != "uk" {
		t.Errorf("updated = %v", up)
	}
	// Clients PATCH back whole records: read-only keys are ignored.
	up["locale"] = "en"
	if again := f.obj(t, "PATCH", "/users/"+id, f.admin, up); again["locale"] != "en" || again["id"] != id {
		t.Errorf("patch with a whole record = %v", again)
	}
	cleared := f.obj(t, "PATCH", "/users/"+id, f.admin, `{"first_name": null, "last_name": null}`)
	if cleared["first_name"] != "" || cleared["last_name"] != "" || cleared["locale"] != "en" {
		t.Errorf("null names: %v", cleared)
	}
	res := f.call(t, "DELETE", "/users/"+id, f.admin, nil)
	if res.Status != 204 || len(res.Body) != 0 || res.Header.Get("Content-Type") != "" {
		t.Errorf("delete: %d %q %q", res.Status, res.Body, res.Header.Get("Content-Type"))
	}
	if res := f.call(t, "GET", "/users/"+id, f.admin, nil); res.Status != 404 {
		t.Errorf("deleted user: %d", res.Status)
	}
}

func TestUserCreateWithEmailIsAllOrNothing(t *testing.T) {
	f := newUserFixture(t)
	u := f.obj(t, "POST", "/users", f.admin, map[string]any{"first_name": "Ann", "credentials_email": map[string]any{"email": "Ann.X@Foo.com"}})
	if u["email"] != "Ann.X@Foo.com" {
		t.Errorf("email = %v", u["email"])
	}
	before := len(f.list(t, "/users", f.admin))
	failField(t, f.call(t, "POST", "/users", f.admin, map[string]any{"first_name": "Dup", "credentials_email": map[string]any{"email": "ann.x@foo.com"}}), "email")
	if after := len(f.list(t, "/users", f.admin)); after != before {
		t.Errorf("a failed create left a user behind: %d → %d", before, after)
	}
}

func TestUserErrors(t *testing.T) {
	f := newUserFixture(t)
	id := f.createUser(t, "Err", "Case", "")
	long := strings.Repeat("x", 256)
	cases := []struct {
		name, method, path string
		token              string
		body               any
		status             int
		field              string
	}{
		{"unknown user", "GET", "/users/999999", "admin", nil, 404, ""},
		{"malformed id", "GET", "/users/abc", "admin", nil, 404, ""},
		{"update unknown", "PATCH", "/users/999999", "admin", map[string]any{"first_name": "x"}, 404, ""},
		{"delete unknown", "DELETE", "/users/999999", "admin", nil, 404, ""},
		{"roles of unknown", "GET", "/users/999999/roles", "admin", nil, 404, ""},
		{"api3 of unknown", "GET", "/users/999999/credentials_api3", "admin", nil, 404, ""},
		{"unknown api3", "GET", "/users/" + id + "/credentials_api3/999", "admin", nil, 404, ""},
		{"no email credentials", "GET", "/users/" + id + "/credentials_email", "admin", nil, 404, ""},
		{"unknown session", "GET", "/users/" + id + "/sessions/999", "admin", nil, 404, ""},
		{"bad locale", "POST", "/users", "admin", map[string]any{"locale": "fr fr"}, 422, "locale"},
		{"long name", "PATCH", "/users/" + id, "admin", map[string]any{"last_name": long}, 422, "last_name"},
		{"bool of wrong shape", "PATCH", "/users/" + id, "admin", map[string]any{"is_disabled": "maybe"}, 422, "is_disabled"},
		{"unknown home folder", "PATCH", "/users/" + id, "admin", map[string]any{"home_folder_id": "999999"}, 422, "home_folder_id"},
		{"bad ids", "GET", "/users?ids=1,x", "admin", nil, 422, "ids"},
		{"bad sort", "GET", "/users?sorts=password", "admin", nil, 422, "sorts"},
		{"bad sort direction", "GET", "/users?sorts=id%20sideways", "admin", nil, 422, "sorts"},
		{"bad boolean criterion", "GET", "/users/search?is_disabled=maybe", "admin", nil, 422, "is_disabled"},
		{"bad group id", "GET", "/users/search?group_id=x", "admin", nil, 422, "group_id"},
		{"bad email", "POST", "/users/" + id + "/credentials_email", "admin", map[string]any{"email": "not an email"}, 422, "email"},
		{"missing email", "POST", "/users/" + id + "/credentials_email", "admin", map[string]any{}, 422, "email"},
		{"unknown role", "PUT", "/users/" + id + "/roles", "admin", []string{"424242"}, 422, "role_ids"},
		{"roles not an array", "PUT", "/users/" + id + "/roles", "admin", map[string]any{"a": 1}, 422, "body"},
		{"service account name missing", "POST", "/users/service_accounts", "admin", map[string]any{}, 422, "service_account_name"},
		{"viewer lists users", "GET", "/users", "viewer", nil, 403, ""},
		{"viewer reads another", "GET", "/users/" + id, "viewer", nil, 403, ""},
		{"viewer creates", "POST", "/users", "viewer", map[string]any{"first_name": "x"}, 403, ""},
		{"viewer updates another", "PATCH", "/users/" + id, "viewer", map[string]any{"first_name": "x"}, 403, ""},
		{"viewer deletes", "DELETE", "/users/" + id, "viewer", nil, 403, ""},
		{"viewer sets roles", "PUT", "/users/" + id + "/roles", "viewer", []string{}, 403, ""},
		{"viewer makes another's key", "POST", "/users/" + id + "/credentials_api3", "viewer", nil, 403, ""},
		{"viewer gives itself email", "POST", "/users/" + f.viewerID + "/credentials_email", "viewer", map[string]any{"email": "v@x.com"}, 403, ""},
		{"viewer makes own key without the right", "POST", "/users/" + f.viewerID + "/credentials_api3", "viewer", nil, 403, ""},
		{"viewer enables itself", "PATCH", "/users/" + f.viewerID, "viewer", map[string]any{"is_disabled": false}, 403, ""},
		{"admin deletes itself", "DELETE", "/users/" + f.adminUserID, "admin", nil, 403, ""},
		{"admin disables itself", "PATCH", "/users/" + f.adminUserID, "admin", map[string]any{"is_disabled": true}, 403, ""},
		{"last admin drops Admin", "PUT", "/users/" + f.adminUserID + "/roles", "admin", []string{}, 403, ""},
		{"delete_service_account on a person", "DELETE", "/users/service_accounts/" + id, "admin", nil, 404, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			token := map[string]string{"admin": f.admin, "viewer": f.viewer}[c.token]
			res := f.call(t, c.method, c.path, token, c.body)
			if c.field != "" {
				failField(t, res, c.field)
				return
			}
			if res.Status != c.status || !strings.Contains(res.Header.Get("Content-Type"), "application/json") {
				t.Errorf("status %d (%s) %s, want %d", res.Status, res.Header.Get("Content-Type"), res.Body, c.status)
			}
		})
	}
	// Nothing above changed the user.
	if u := f.obj(t, "GET", "/users/"+id, f.admin, nil); u["first_name"] != "Err" || u["last_name"] != "Case" || u["is_disabled"] != false {
		t.Errorf("user changed by failed calls: %v", u)
	}
}

func TestUserSelfAccess(t *testing.T) {
	f := newUserFixture(t)
	if u := f.obj(t, "GET", "/users/"+f.viewerID, f.viewer, nil); u["id"] != f.viewerID {
		t.Errorf("self read: %v", u)
	}
	if u := f.obj(t, "PATCH", "/users/"+f.viewerID, f.viewer, map[string]any{"locale": "de"}); u["locale"] != "de" {
		t.Errorf("self update: %v", u)
	}
	f.list(t, "/users/"+f.viewerID+"/roles", f.viewer)
	f.list(t, "/users/"+f.viewerID+"/credentials_api3", f.viewer)
	if s := f.list(t, "/users/"+f.viewerID+"/sessions", f.viewer); len(s) != 1 {
		t.Errorf("own sessions: %v", s)
	}
}

func TestAllUsersIDsPagingAndFields(t *testing.T) {
	f := newUserFixture(t)
	var ids []string
	for i := range 5 {
		ids = append(ids, f.createUser(t, fmt.Sprint("P", i), "Page", ""))
	}
	csv := strings.Join(ids, ",")
	for _, shape := range []string{url.QueryEscape(csv), url.QueryEscape(`"` + csv + `"`), url.QueryEscape(`["` + strings.Join(ids, `","`) + `"]`)} {
		if got := f.list(t, "/users?ids="+shape, f.admin); len(got) != 5 || got[0]["id"] != ids[0] {
			t.Errorf("ids=%s: %d users", shape, len(got))
		}
	}
	all := f.list(t, "/users", f.admin)
	total := len(all)
	res := f.call(t, "GET", "/users?fields=id,%20first_name&limit=2&offset=2", f.admin, nil)
	var page []map[string]any
	res.JSON(t, &page)
	if len(page) != 2 || page[0]["id"] != all[2]["id"] || len(page[0]) != 2 {
		t.Errorf("page = %v", page)
	}
	if got := res.Header.Get("X-Total-Count"); got != fmt.Sprint(total) {
		t.Errorf("X-Total-Count = %q, want %d", got, total)
	}
	link := res.Header.Get("Link")
	for _, want := range []string{`rel="first"`, `rel="prev"`, `rel="next"`, `rel="last"`, f.inst.URL + "/api/4.0/users?", "fields=id%2C"} {
		if !strings.Contains(link, want) {
			t.Errorf("Link lacks %q: %s", want, link)
		}
	}
	// Following the links pages through everything, in the same order.
	var paged []any
	next := f.inst.URL + "/api/4.0/users?limit=2"
	for next != "" {
		res := f.inst.Do(t, "GET", strings.TrimPrefix(next, f.inst.URL), f.admin, nil)
		var l []map[string]any
		res.JSON(t, &l)
		for _, u := range l {
			paged = append(paged, u["id"])
		}
		next = relLink(res.Header.Get("Link"), "next")
	}
	if fmt.Sprint(paged) != fmt.Sprint(ids0(all)) {
		t.Errorf("paged %v, want %v", paged, ids0(all))
	}
}

func ids0(users []map[string]any) []any {
	var out []any
	for _, u := range users {
		out = append(out, u["id"])
	}
	return out
}

func relLink(header, rel string) string {
	for _, part := range strings.Split(header, ",") {
		if strings.Contains(part, `rel="`+rel+`"`) {
			return strings.Trim(strings.TrimSpace(strings.Split(part, ";")[0]), "<>")
		}
	}
	return ""
}

// searchFixture holds the five users of the SDK tests, with emails in
// @foo.com, plus a disabled one without email.
func searchFixture(t *testing.T) (*userFixture, map[string]string) {
	f := newUserFixture(t)
	ids := map[string]string{}
	for _, n := range [][2]string{{"Lloyd", "Llookicorn"}, {"Zachary", "Zoomify"}, {"Balthazar", "Bombastic"},
		{"Aaron", "Aardvark"}, {"Amanda", "Aardvark"}} {
		ids[n[0]] = f.createUser(t, n[0], n[1], n[0]+"."+n[1]+"@foo.com")
	}
	ids["John Allen"] = f.createUser(t, "John Allen", "Smith", "")
	f.obj(t, "PATCH", "/users/"+ids["John Allen"], f.admin, map[string]any{"is_disabled": true})
	return f, ids
}

func TestSearchUsers(t *testing.T) {
	f, ids := searchFixture(t)
	sorted := "[Aaron Aardvark Amanda Aardvark Balthazar Bombastic Lloyd Llookicorn Zachary Zoomify]"
	cases := []struct{ name, query, want string }{
		{"bad search", "first_name=Bad&last_name=News", "[]"},
		{"exact name", "first_name=Lloyd", "[Lloyd Llookicorn]"},
		{"case-insensitive", "first_name=lLOYD", "[Lloyd Llookicorn]"},
		{"percent wildcard", "last_name=aard%25&sorts=first_name", "[Aaron Aardvark Amanda Aardvark]"},
		{"underscore wildcard", "first_name=A_ron", "[Aaron Aardvark]"},
		{"AND by default", "first_name=Aaron&last_name=Zoomify", "[]"},
		{"filter_or", "first_name=Aaron&last_name=Zoomify&filter_or=true&sorts=first_name", "[Aaron Aardvark Zachary Zoomify]"},
		{"email pattern", "email=%25@FOO.com&sorts=last_name,first_name", sorted},
		{"email IS NULL", "email=IS%20NULL&is_disabled=true", "[John Allen Smith]"},
		// The seeded users (Devon Developer, Vera Viewer) have emails too.
		{"email NOT NULL", "email=NOT%20NULL&sorts=last_name,%20first_name", "[Aaron Aardvark Amanda Aardvark Balthazar Bombastic Devon Developer Lloyd Llookicorn Vera Viewer Zachary Zoomify]"},
		{"disabled", "is_disabled=true", "[John Allen Smith]"},
		{"id list", "id=" + ids["Zachary"] + "," + ids["Lloyd"], "[Lloyd Llookicorn Zachary Zoomify]"},
		{"sort desc", "email=%25@foo.com&sorts=first_name%20desc", "[Zachary Zoomify Lloyd Llookicorn Balthazar Bombastic Amanda Aardvark Aaron Aardvark]"},
		{"no Looker employees", "verified_looker_employee=true", "[]"},
		{"no embed users", "embed_user=true&first_name=Lloyd", "[]"},
		{"embed OR name", "embed_user=true&first_name=Lloyd&filter_or=true", "[Lloyd Llookicorn]"},
		{"service accounts", "is_service_account=true", "[]"},
		{"group member", "group_id=424242", "[]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := fmt.Sprint(names(f.list(t, "/users/search?"+c.query, f.admin))); got != c.want {
				t.Errorf("%s: got %s, want %s", c.query, got, c.want)
			}
		})
	}
}

func TestSearchUsersNames(t *testing.T) {
	f, _ := searchFixture(t)
	sorted := "[Aaron Aardvark Amanda Aardvark Balthazar Bombastic Lloyd Llookicorn Zachary Zoomify]"
	cases := []struct{ name, path, want string }{
		{"email domain, last then first", "/users/search/names/%25%40foo.com?sorts=last_name,first_name", sorted},
		{"email domain, first then last", "/users/search/names/%25%40foo.com?sorts=first_name%2C%20last_name", sorted},
		{"full email keeps case", "/users/search/names/Lloyd.Llookicorn%40foo.com", "[Lloyd Llookicorn]"},
		{"first name", "/users/search/names/Lloyd", "[Lloyd Llookicorn]"},
		{"last name", "/users/search/names/zoomify", "[Zachary Zoomify]"},
		{"space in the name", "/users/search/names/John%20Allen", "[John Allen Smith]"},
		{"with a criterion", "/users/search/names/%25%40foo.com?first_name=A%25&sorts=first_name", "[Aaron Aardvark Amanda Aardvark]"},
		{"no match", "/users/search/names/nobody", "[]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := f.list(t, c.path, f.admin)
			if fmt.Sprint(names(got)) != c.want {
				t.Errorf("got %v, want %s", names(got), c.want)
			}
		})
	}
	one := f.list(t, "/users/search/names/Lloyd.Llookicorn%40foo.com", f.admin)
	if len(one) == 1 && one[0]["email"] != "Lloyd.Llookicorn@foo.com" {
		t.Errorf("email = %v", one[0]["email"])
	}
}

func TestUserCredentialsAPI3(t *testing.T) {
	f := newUserFixture(t)
	id := f.createUser(t, "Key", "Holder", "")
	created := f.obj(t, "POST", "/users/"+id+"/credentials_api3", f.admin, map[string]any{"purpose": "ci"})
	clientID, _ := created["client_id"].(string)
	secret, _ := created["client_secret"].(string)
	if len(clientID) != 20 || len(secret) != 24 || created["purpose"] != "ci" || created["type"] != "api3" {
		t.Fatalf("created = %v", created)
	}
	keyID := created["id"].(string)
	token := f.inst.Login(t, clientID, secret)
	if me := f.obj(t, "GET", "/user", token, nil); me["id"] != id {
		t.Errorf("login with the new key acts as %v", me["id"])
	}
	// The secret is never shown again.
	for _, path := range []string{"/users/" + id + "/credentials_api3", "/users/" + id + "/credentials_api3/" + keyID, "/users/" + id} {
		if res := f.call(t, "GET", path, f.admin, nil); strings.Contains(string(res.Body), secret) || strings.Contains(string(res.Body), "client_secret") {
			t.Errorf("%s shows the secret: %s", path, res.Body)
		}
	}
	if l := f.list(t, "/users/"+id+"/credentials_api3", f.admin); len(l) != 1 || l[0]["client_id"] != clientID {
		t.Errorf("list = %v", l)
	}
	if up := f.obj(t, "PATCH", "/users/"+id+"/credentials_api3/"+keyID, f.admin, map[string]any{"purpose": "deploys", "client_id": "ignored"}); up["purpose"] != "deploys" || up["client_id"] != clientID {
		t.Errorf("update = %v", up)
	}
	if res := f.call(t, "DELETE", "/users/"+id+"/credentials_api3/"+keyID, f.admin, nil); res.Status != 204 || len(res.Body) != 0 {
		t.Fatalf("delete: %d %s", res.Status, res.Body)
	}
	if res := f.call(t, "GET", "/user", token, nil); res.Status != 401 {
		t.Errorf("token of a deleted key: %d", res.Status)
	}
	if res := f.call(t, "GET", "/users/"+id+"/credentials_api3/"+keyID, f.admin, nil); res.Status != 404 {
		t.Errorf("deleted key: %d", res.Status)
	}
}

func TestUserManagesOwnAPI3WhenAllowed(t *testing.T) {
	f := newUserFixture(t)
	f.obj(t, "PATCH", "/users/"+f.viewerID, f.admin, map[string]any{"can_manage_api3_creds": true})
	created := f.obj(t, "POST", "/users/"+f.viewerID+"/credentials_api3", f.viewer, nil)
	if s, _ := created["client_secret"].(string); len(s) != 24 {
		t.Fatalf("created = %v", created)
	}
	if res := f.call(t, "DELETE", "/users/"+f.viewerID+"/credentials_api3/"+created["id"].(string), f.viewer, nil); res.Status != 204 {
		t.Errorf("delete own key: %d %s", res.Status, res.Body)
	}
}

func TestUserCredentialsEmail(t *testing.T) {
	f := newUserFixture(t)
	id := f.createUser(t, "Mail", "Box", "")
	other := f.createUser(t, "Other", "Box", "")
	c := f.obj(t, "POST", "/users/"+id+"/credentials_email", f.admin, map[string]any{"email": "Mail.Box@TestFoo.com"})
	if c["email"] != "Mail.Box@TestFoo.com" || c["user_id"] != id || c["type"] != "email" {
		t.Errorf("created = %v", c)
	}
	if u := f.obj(t, "GET", "/users/"+id, f.admin, nil); u["email"] != "Mail.Box@TestFoo.com" {
		t.Errorf("user email = %v", u["email"])
	}
	if res := f.call(t, "POST", "/users/"+id+"/credentials_email", f.admin, map[string]any{"email": "x@y.com"}); res.Status != 409 {
		t.Errorf("second email login: %d", res.Status)
	}
	failField(t, f.call(t, "POST", "/users/"+other+"/credentials_email", f.admin, map[string]any{"email": "mail.box@testfoo.com"}), "email")
	up := f.obj(t, "PATCH", "/users/"+id+"/credentials_email", f.admin, map[string]any{"forced_password_reset_at_next_login": true})
	if up["email"] != "Mail.Box@TestFoo.com" || up["forced_password_reset_at_next_login"] != true {
		t.Errorf("update = %v", up)
	}
	failField(t, f.call(t, "PATCH", "/users/"+id+"/credentials_email", f.admin, map[string]any{"email": "nope"}), "email")

	reset := f.obj(t, "POST", "/users/"+id+"/credentials_email/password_reset", f.admin, nil)
	link, _ := reset["password_reset_url"].(string)
	if !strings.HasPrefix(link, f.inst.URL+"/password/reset/") || len(link) < len(f.inst.URL)+40 || reset["password_reset_url_expired"] != false {
		t.Errorf("reset = %v", reset)
	}
	again := f.obj(t, "POST", "/users/"+id+"/credentials_email/password_reset?expires=false", f.admin, nil)
	if again["password_reset_url"] == link {
		t.Error("each reset must make a new token")
	}
	if got := f.obj(t, "GET", "/users/"+id+"/credentials_email", f.admin, nil); got["password_reset_url"] != nil {
		t.Errorf("the reset link is shown only once: %v", got["password_reset_url"])
	}
	if res := f.call(t, "DELETE", "/users/"+id+"/credentials_email", f.admin, nil); res.Status != 204 || len(res.Body) != 0 {
		t.Errorf("delete: %d", res.Status)
	}
	if u := f.obj(t, "GET", "/users/"+id, f.admin, nil); u["credentials_email"] != nil || u["email"] != nil {
		t.Errorf("after delete: %v %v", u["credentials_email"], u["email"])
	}
	if res := f.call(t, "POST", "/users/"+id+"/credentials_email/password_reset", f.admin, nil); res.Status != 404 {
		t.Errorf("reset without email login: %d", res.Status)
	}
}

func TestDeletingUserFreesEmail(t *testing.T) {
	f := newUserFixture(t)
	id := f.createUser(t, "John", "Doe", "john.doe@looker.com")
	if res := f.call(t, "DELETE", "/users/"+id, f.admin, nil); res.Status != 204 {
		t.Fatalf("delete: %d", res.Status)
	}
	f.createUser(t, "John", "Doe", "John.Doe@looker.com")
}

func TestDisablingUserRevokesTokensAtOnce(t *testing.T) {
	f := newUserFixture(t)
	if res := f.call(t, "GET", "/user", f.viewer, nil); res.Status != 200 {
		t.Fatalf("viewer token: %d", res.Status)
	}
	f.obj(t, "PATCH", "/users/"+f.viewerID, f.admin, map[string]any{"is_disabled": true})
	if res := f.call(t, "GET", "/user", f.viewer, nil); res.Status != 401 {
		t.Errorf("disabled user's token: %d", res.Status)
	}
	if s := f.list(t, "/users/"+f.viewerID+"/sessions", f.admin); len(s) != 0 {
		t.Errorf("sessions left: %v", s)
	}
}

func TestUserRoles(t *testing.T) {
	f := newUserFixture(t)
	id := f.createUser(t, "Role", "Player", "")
	if l := f.list(t, "/users/"+id+"/roles", f.admin); len(l) != 0 {
		t.Errorf("new user roles = %v", l)
	}
	viewerRoles := f.list(t, "/users/"+f.viewerID+"/roles", f.admin)
	if len(viewerRoles) != 1 || viewerRoles[0]["name"] != "Viewer" {
		t.Fatalf("viewer roles = %v", viewerRoles)
	}
	vr := viewerRoles[0]
	if ps, _ := vr["permission_set"].(map[string]any); ps == nil || ps["name"] != "Viewer" {
		t.Errorf("permission_set = %v", vr["permission_set"])
	}
	res := f.call(t, "PUT", "/users/"+id+"/roles", f.admin, `["`+vr["id"].(string)+`", `+vr["id"].(string)+`]`)
	var set []map[string]any
	res.JSON(t, &set)
	if res.Status != 200 || len(set) != 1 || set[0]["id"] != vr["id"] {
		t.Errorf("set roles: %d %s", res.Status, res.Body)
	}
	if u := f.obj(t, "GET", "/users/"+id, f.admin, nil); fmt.Sprint(u["role_ids"]) != fmt.Sprint([]any{vr["id"]}) {
		t.Errorf("role_ids = %v", u["role_ids"])
	}
	if l := f.list(t, "/users/"+id+"/roles?direct_association_only=true", f.admin); len(l) != 1 {
		t.Errorf("direct roles = %v", l)
	}
	// A role change takes effect at once: the viewer loses access_data.
	token := f.inst.TokenFor(t, mustID(t, id))
	if res := f.call(t, "PUT", "/users/"+id+"/roles", f.admin, `[]`); res.Status != 200 || strings.TrimSpace(string(res.Body)) != "[]" {
		t.Errorf("clear roles: %d %s", res.Status, res.Body)
	}
	if l := f.list(t, "/users/"+id+"/roles", f.admin); len(l) != 0 {
		t.Errorf("cleared roles = %v", l)
	}
	if res := f.call(t, "GET", "/users/"+id+"/roles", token, nil); res.Status != 200 {
		t.Errorf("self roles after change: %d", res.Status)
	}
}

func mustID(t *testing.T, s string) int64 {
	t.Helper()
	var id int64
	if _, err := fmt.Sscan(s, &id); err != nil {
		t.Fatal(err)
	}
	return id
}

func TestUserSessions(t *testing.T) {
	f := newUserFixture(t)
	second := f.inst.AdminToken(t)
	sessions := f.list(t, "/users/"+f.adminUserID+"/sessions", f.admin)
	if len(sessions) < 2 || sessions[0]["credentials_type"] != "api3" || sessions[0]["expires_at"] == nil {
		t.Fatalf("sessions = %v", sessions)
	}
	last := sessions[len(sessions)-1]["id"].(string)
	if s := f.obj(t, "GET", "/users/"+f.adminUserID+"/sessions/"+last, f.admin, nil); s["id"] != last {
		t.Errorf("session = %v", s)
	}
	if res := f.call(t, "DELETE", "/users/"+f.adminUserID+"/sessions/"+last, f.admin, nil); res.Status != 204 {
		t.Fatalf("delete session: %d %s", res.Status, res.Body)
	}
	if res := f.call(t, "GET", "/user", second, nil); res.Status != 401 {
		t.Errorf("ended session still works: %d", res.Status)
	}
	if res := f.call(t, "GET", "/user", f.admin, nil); res.Status != 200 {
		t.Errorf("other session ended too: %d", res.Status)
	}
	if res := f.call(t, "DELETE", "/users/"+f.adminUserID+"/sessions/"+last, f.admin, nil); res.Status != 404 {
		t.Errorf("second delete: %d", res.Status)
	}
	// A session of another user is not found under this one.
	vs := f.list(t, "/users/"+f.viewerID+"/sessions", f.admin)
	if res := f.call(t, "GET", "/users/"+f.adminUserID+"/sessions/"+vs[0]["id"].(string), f.admin, nil); res.Status != 404 {
		t.Errorf("foreign session: %d", res.Status)
	}
}

func TestServiceAccounts(t *testing.T) {
	f := newUserFixture(t)
	sa := f.obj(t, "POST", "/users/service_accounts", f.admin, map[string]any{"service_account_name": "etl bot"})
	id := sa["id"].(string)
	if sa["is_service_account"] != true || sa["service_account_name"] != "etl bot" || sa["is_disabled"] != false {
		t.Errorf("created = %v", sa)
	}
	if u := f.obj(t, "GET", "/users/"+id, f.admin, nil); u["is_service_account"] != true || u["credentials_email"] != nil {
		t.Errorf("as a user = %v", u)
	}
	failField(t, f.call(t, "POST", "/users/"+id+"/credentials_email", f.admin, map[string]any{"email": "bot@x.com"}), "email")
	key := f.obj(t, "POST", "/users/"+id+"/credentials_api3", f.admin, nil)
	f.inst.Login(t, key["client_id"].(string), key["client_secret"].(string))
	up := f.obj(t, "PATCH", "/users/service_accounts/"+id, f.admin, map[string]any{"service_account_name": "loader", "is_disabled": true})
	if up["service_account_name"] != "loader" || up["is_disabled"] != true {
		t.Errorf("updated = %v", up)
	}
	failField(t, f.call(t, "PATCH", "/users/service_accounts/"+id, f.admin, map[string]any{"service_account_name": ""}), "service_account_name")
	person := f.createUser(t, "Not", "Bot", "")
	if res := f.call(t, "PATCH", "/users/service_accounts/"+person, f.admin, map[string]any{"is_disabled": true}); res.Status != 404 {
		t.Errorf("update a person as a service account: %d", res.Status)
	}
	if res := f.call(t, "DELETE", "/users/service_accounts/"+id, f.admin, nil); res.Status != 204 || len(res.Body) != 0 {
		t.Errorf("delete: %d", res.Status)
	}
	if res := f.call(t, "GET", "/users/"+id, f.admin, nil); res.Status != 404 {
		t.Errorf("deleted service account: %d", res.Status)
	}
}
