// Package storetest is the conformance suite every metadata backend must
// pass. Each test gets a store of its own from open.
package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/access"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

// Opener returns a fresh, migrated, empty store for one test.
type Opener func(t *testing.T) *store.Store

type namedTest struct {
	name string
	fn   func(*testing.T, *store.Store)
}

// added holds the tests other files of the suite add from init, so that a
// new area of the store brings its tests without editing the list below.
var added []namedTest

func add(name string, fn func(*testing.T, *store.Store)) { added = append(added, namedTest{name, fn}) }

// Run runs the whole suite.
func Run(t *testing.T, open Opener) {
	tests := []namedTest{
		{"UserLifecycle", testUserLifecycle},
		{"UserSearch", testUserSearch},
		{"EmailIsUniqueWithoutCase", testEmailUnique},
		{"APICredentials", testAPICredentials},
		{"TokensExpireAndRevoke", testTokens},
		{"DeleteUserRemovesEverything", testDeleteUser},
		{"DisableUserRevokesTokens", testDisableUser},
		{"BuiltInsAndGrants", testGrants},
		{"Settings", testSettings},
		{"Audit", testAudit},
		{"MigrateTwice", testMigrateTwice},
	}
	for _, tc := range append(tests, added...) {
		t.Run(tc.name, func(t *testing.T) {
			st := open(t)
			if err := st.EnsureRootFolders(context.Background()); err != nil {
				t.Fatal(err)
			}
			tc.fn(t, st)
		})
	}
}

func mustUser(t *testing.T, st *store.Store, first, last string) *overlook.User {
	t.Helper()
	u := &overlook.User{FirstName: first, LastName: last, Locale: "en"}
	if err := st.CreateUser(context.Background(), u); err != nil {
		t.Fatal(err)
	}
	return u
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := overlook.ErrorCode(err); got != code {
		t.Fatalf("error %v: kind %s, want %s", err, got, code)
	}
}

func testUserLifecycle(t *testing.T, st *store.Store) {
	ctx := context.Background()
	u := mustUser(t, st, "Ada", "Lovelace")
	if u.ID == 0 || u.PersonalFolderID == 0 || u.HomeFolderID != u.PersonalFolderID {
		t.Fatalf("created %+v", u)
	}
	got, err := st.User(ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.FirstName != "Ada" || got.LastName != "Lovelace" || got.PersonalFolderID != u.PersonalFolderID || got.Email != nil {
		t.Fatalf("read back %+v", got)
	}
	first, disabled := "", true
	if err := st.UpdateUser(ctx, u.ID, overlook.UserUpdate{FirstName: &first, IsDisabled: &disabled}); err != nil {
		t.Fatal(err)
	}
	got, _ = st.User(ctx, u.ID)
	if got.FirstName != "" || got.LastName != "Lovelace" || !got.IsDisabled {
		t.Fatalf("after update %+v", got)
	}
	wantCode(t, st.UpdateUser(ctx, 99999, overlook.UserUpdate{FirstName: &first}), overlook.ENOTFOUND)
	_, err = st.User(ctx, 99999)
	wantCode(t, err, overlook.ENOTFOUND)
}

func testUserSearch(t *testing.T, st *store.Store) {
	ctx := context.Background()
	for _, n := range [][2]string{{"Zachary", "Zoomify"}, {"Aaron", "Aardvark"}, {"Amanda", "Aardvark"}, {"Bad_Name", ""}} {
		mustUser(t, st, n[0], n[1])
	}
	cases := []struct {
		name string
		f    overlook.UserFilter
		want []string
	}{
		{"all by id", overlook.UserFilter{}, []string{"Zachary", "Aaron", "Amanda", "Bad_Name"}},
		{"like without case", overlook.UserFilter{LastName: "aard%"}, []string{"Aaron", "Amanda"}},
		{"underscore is a wildcard", overlook.UserFilter{FirstName: "a_ron"}, []string{"Aaron"}},
		{"is null", overlook.UserFilter{LastName: "IS NULL"}, []string{"Bad_Name"}},
		{"or", overlook.UserFilter{FirstName: "Zachary", LastName: "Aardvark", FilterOr: true}, []string{"Zachary", "Aaron", "Amanda"}},
		{"sorted", overlook.UserFilter{Sorts: []overlook.Sort{{Field: "last_name"}, {Field: "first_name", Desc: true}}},
			[]string{"Bad_Name", "Amanda", "Aaron", "Zachary"}},
		{"paged", overlook.UserFilter{Limit: 2, Offset: 1}, []string{"Aaron", "Amanda"}},
		{"offset only", overlook.UserFilter{Offset: 3}, []string{"Bad_Name"}},
	}
	for _, c := range cases {
		users, total, err := st.Users(ctx, c.f)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		var got []string
		for _, u := range users {
			got = append(got, u.FirstName)
		}
		if !equal(got, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		}
		if c.f.Limit == 0 && c.f.Offset == 0 && total != len(c.want) {
			t.Errorf("%s: total %d", c.name, total)
		}
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func testEmailUnique(t *testing.T, st *store.Store) {
	ctx := context.Background()
	a, b := mustUser(t, st, "A", "A"), mustUser(t, st, "B", "B")
	if err := st.PutCredentialsEmail(ctx, &overlook.CredentialsEmail{UserID: a.ID, Email: "Lloyd.Llookicorn@testfoo.com"}); err != nil {
		t.Fatal(err)
	}
	wantCode(t, st.PutCredentialsEmail(ctx, &overlook.CredentialsEmail{UserID: b.ID, Email: "lloyd.llookicorn@TESTFOO.com"}), overlook.ECONFLICT)
	c, err := st.CredentialsEmailByEmail(ctx, "LLOYD.llookicorn@testfoo.com")
	if err != nil || c.Email != "Lloyd.Llookicorn@testfoo.com" || c.UserID != a.ID {
		t.Fatalf("by email: %+v %v", c, err)
	}
	users, _, _ := st.Users(ctx, overlook.UserFilter{Pattern: "%@testfoo.com"})
	if len(users) != 1 || users[0].Email == nil {
		t.Fatalf("pattern search: %+v", users)
	}
}

func testAPICredentials(t *testing.T, st *store.Store) {
	ctx := context.Background()
	u := mustUser(t, st, "Api", "User")
	c := &overlook.CredentialsAPI3{UserID: u.ID, ClientID: "client-1", SecretHash: "h", Purpose: "ci"}
	if err := st.CreateCredentialsAPI3(ctx, c); err != nil {
		t.Fatal(err)
	}
	wantCode(t, st.CreateCredentialsAPI3(ctx, &overlook.CredentialsAPI3{UserID: u.ID, ClientID: "client-1", SecretHash: "x"}), overlook.ECONFLICT)
	got, err := st.CredentialsAPI3ByClientID(ctx, "client-1")
	if err != nil || got.ID != c.ID || got.UserID != u.ID || got.Purpose != "ci" {
		t.Fatalf("by client id: %+v %v", got, err)
	}
	if err := st.DeleteCredentialsAPI3(ctx, u.ID, c.ID); err != nil {
		t.Fatal(err)
	}
	_, err = st.CredentialsAPI3ByClientID(ctx, "client-1")
	wantCode(t, err, overlook.ENOTFOUND)
}

func newToken(t *testing.T, st *store.Store, userID int64, hash string, life time.Duration) *overlook.Token {
	t.Helper()
	now := time.Now()
	tok := &overlook.Token{Hash: []byte(hash), UserID: userID, WorkspaceID: "production", CreatedAt: now, ExpiresAt: now.Add(life)}
	if err := st.CreateToken(context.Background(), tok); err != nil {
		t.Fatal(err)
	}
	return tok
}

func testTokens(t *testing.T, st *store.Store) {
	ctx := context.Background()
	u := mustUser(t, st, "Tok", "En")
	live := newToken(t, st, u.ID, "live", time.Hour)
	newToken(t, st, u.ID, "old", -time.Second)
	got, err := st.TokenByHash(ctx, []byte("live"))
	if err != nil || got.ID != live.ID || got.WorkspaceID != "production" {
		t.Fatalf("live token: %+v %v", got, err)
	}
	_, err = st.TokenByHash(ctx, []byte("old"))
	wantCode(t, err, overlook.ENOTFOUND)
	if err := st.SetTokenWorkspace(ctx, live.ID, "dev"); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.TokenByHash(ctx, []byte("live")); got.WorkspaceID != "dev" {
		t.Fatalf("workspace %q", got.WorkspaceID)
	}
	if n, err := st.DeleteExpiredTokens(ctx); err != nil || n != 1 {
		t.Fatalf("expired: %d %v", n, err)
	}
	st.SetClock(func() time.Time { return time.Now().Add(2 * time.Hour) })
	_, err = st.TokenByHash(ctx, []byte("live"))
	wantCode(t, err, overlook.ENOTFOUND)
}

func testDeleteUser(t *testing.T, st *store.Store) {
	ctx := context.Background()
	u := mustUser(t, st, "Gone", "Soon")
	newToken(t, st, u.ID, "tok", time.Hour)
	if err := st.PutCredentialsEmail(ctx, &overlook.CredentialsEmail{UserID: u.ID, Email: "gone@example.com"}); err != nil {
		t.Fatal(err)
	}
	if err := st.DeleteUser(ctx, u.ID); err != nil {
		t.Fatal(err)
	}
	_, err := st.TokenByHash(ctx, []byte("tok"))
	wantCode(t, err, overlook.ENOTFOUND)
	// The email is free again.
	v := mustUser(t, st, "New", "Owner")
	if err := st.PutCredentialsEmail(ctx, &overlook.CredentialsEmail{UserID: v.ID, Email: "GONE@example.com"}); err != nil {
		t.Fatal(err)
	}
	wantCode(t, st.DeleteUser(ctx, u.ID), overlook.ENOTFOUND)
}

func testDisableUser(t *testing.T, st *store.Store) {
	ctx := context.Background()
	u := mustUser(t, st, "Dis", "Abled")
	newToken(t, st, u.ID, "tok", time.Hour)
	yes := true
	if err := st.UpdateUser(ctx, u.ID, overlook.UserUpdate{IsDisabled: &yes}); err != nil {
		t.Fatal(err)
	}
	_, err := st.TokenByHash(ctx, []byte("tok"))
	wantCode(t, err, overlook.ENOTFOUND)
}

func testGrants(t *testing.T, st *store.Store) {
	ctx := context.Background()
	if err := access.SeedBuiltIns(ctx, st); err != nil {
		t.Fatal(err)
	}
	if err := access.SeedBuiltIns(ctx, st); err != nil { // idempotent
		t.Fatal(err)
	}
	viewer, admin := mustUser(t, st, "View", "Er"), mustUser(t, st, "Ad", "Min")
	for u, role := range map[*overlook.User]string{viewer: access.ViewerRole, admin: access.AdminRole} {
		id, err := st.RoleIDByName(ctx, role)
		if err != nil {
			t.Fatal(err)
		}
		if err := st.SetUserRoles(ctx, u.ID, []int64{id}); err != nil {
			t.Fatal(err)
		}
	}
	g, err := st.UserGrants(ctx, viewer.ID)
	if err != nil || g.IsAdmin || !g.Permissions["see_looks"] || g.Permissions["sudo"] || !g.AllModels {
		t.Fatalf("viewer grants %+v %v", g, err)
	}
	g, _ = st.UserGrants(ctx, admin.ID)
	if !g.IsAdmin || !g.Permissions["sudo"] {
		t.Fatalf("admin grants %+v", g)
	}
	wantCode(t, st.SetUserRoles(ctx, viewer.ID, []int64{424242}), overlook.EINVALID)
	if g, _ := st.UserGrants(ctx, viewer.ID); !g.Permissions["see_looks"] {
		t.Fatal("a failed role change must leave the old roles")
	}
}

func testSettings(t *testing.T, st *store.Store) {
	ctx := context.Background()
	for _, v := range []string{`{"a":1}`, `{"a":2}`} {
		if err := st.PutSetting(ctx, "embed_config", v); err != nil {
			t.Fatal(err)
		}
	}
	all, err := st.Settings(ctx)
	if err != nil || all["embed_config"] != `{"a":2}` || len(all) != 1 {
		t.Fatalf("settings %v %v", all, err)
	}
}

func testAudit(t *testing.T, st *store.Store) {
	ctx := context.Background()
	at := time.Date(2026, 1, 2, 3, 4, 5, 6_000_000, time.UTC)
	events := []overlook.AuditEvent{
		{CreatedAt: at, UserID: 1, Operation: "login", Status: 200},
		{CreatedAt: at, UserID: 2, SudoUserID: 1, Operation: "update_user", ObjectType: "user", ObjectID: "2", Status: 200},
	}
	if err := st.AppendAudit(ctx, events); err != nil {
		t.Fatal(err)
	}
	got, err := st.AuditEvents(ctx, 10)
	if err != nil || len(got) != 2 {
		t.Fatalf("audit %v %v", got, err)
	}
	if e := got[0]; e.Operation != "update_user" || e.SudoUserID != 1 || e.ObjectID != "2" || !e.CreatedAt.Equal(at) {
		t.Fatalf("newest first: %+v", e)
	}
}

func testMigrateTwice(t *testing.T, st *store.Store) {
	if err := st.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
}
