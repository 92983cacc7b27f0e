package api_test

import (
	"net/url"
	"strconv"
	"testing"

	"github.com/overlookbi/overlook/internal/server/servertest"
)

// The three shapes the SDKs send an array parameter in select the same users.
func TestArrayParameterShapes(t *testing.T) {
	inst := servertest.Start(t)
	token := inst.AdminToken(t)
	a := inst.CreateUser(t, "Array", "One")
	b := inst.CreateUser(t, "Array", "Two")
	ids := func(v string) []string {
		var users []map[string]any
		res := inst.Do(t, "GET", "/api/4.0/users?fields=id&ids="+url.QueryEscape(v), token, nil)
		if res.Status != 200 {
			t.Fatalf("ids=%s: %d %s", v, res.Status, res.Body)
		}
		res.JSON(t, &users)
		var out []string
		for _, u := range users {
			out = append(out, u["id"].(string))
		}
		return out
	}
	want := []string{itoa(a.ID), itoa(b.ID)}
	for _, shape := range []string{itoa(a.ID) + "," + itoa(b.ID), `"` + itoa(a.ID) + "," + itoa(b.ID) + `"`,
		`["` + itoa(a.ID) + `","` + itoa(b.ID) + `"]`, `[` + itoa(a.ID) + `, ` + itoa(b.ID) + `]`} {
		if got := ids(shape); len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
			t.Errorf("ids=%s: %v, want %v", shape, got, want)
		}
	}
}
func itoa(n int64) string { return strconv.FormatInt(n, 10) }
