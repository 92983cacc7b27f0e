package looker40_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/overlookbi/overlook/internal/server/servertest"
)

// wireError is the body of a 4xx answer.
type wireError struct {
	Message string `json:"message"`
	Errors  []struct {
		Field string `json:"field"`
		Code  string `json:"code"`
	} `json:"errors"`
}

// want422Field returns the field a 422 answer names, or fails the test.
func want422Field(t *testing.T, res *servertest.Response) string {
	t.Helper()
	var e wireError
	res.JSON(t, &e)
	if res.Status != 422 || len(e.Errors) == 0 {
		t.Fatalf("want a 422 naming a field, got %d %s", res.Status, res.Body)
	}
	return e.Errors[0].Field
}

func getSetting(t *testing.T, inst *servertest.Instance, token string) map[string]any {
	t.Helper()
	res := inst.Do(t, "GET", "/api/4.0/setting", token, nil)
	if res.Status != 200 {
		t.Fatalf("get_setting: %d %s", res.Status, res.Body)
	}
	var s map[string]any
	res.JSON(t, &s)
	return s
}

// jsonOf renders v compactly, for comparisons.
func jsonOf(v any) string {
	data, _ := json.Marshal(v)
	return string(data)
}

func TestGetSettingDefaults(t *testing.T) {
	inst := servertest.Start(t)
	s := getSetting(t, inst, inst.AdminToken(t))
	want := map[string]string{
		"timezone":                                 `"UTC"`,
		"extension_framework_enabled":              `false`,
		"embed_enabled":                            `true`,
		"email_domain_allowlist":                   `[]`,
		"content_certification_documentation_link": `null`,
		"login_notification_text":                  `null`,
		"marketplace_site":                         `""`,
		"host_url":                                 `"` + inst.URL + `"`,
	}
	for key, w := range want {
		if got := jsonOf(s[key]); got != w {
			t.Errorf("%s = %s, want %s", key, got, w)
		}
	}
	embed, _ := s["embed_config"].(map[string]any)
	if jsonOf(embed["domain_allowlist"]) != `[]` || embed["sso_auth_enabled"] != false {
		t.Errorf("embed_config = %v", embed)
	}
	if _, ok := s["override_warnings"]; ok {
		t.Error("override_warnings is write-only and must not be sent")
	}
}

func TestSettingIsAdminOnly(t *testing.T) {
	inst := servertest.Start(t)
	viewer := inst.TokenFor(t, inst.CreateUser(t, "Vi", "Ewer", "Viewer").ID)
	developer := inst.TokenFor(t, inst.CreateUser(t, "De", "Veloper", "Developer").ID)
	for _, tok := range []string{viewer, developer} {
		if res := inst.Do(t, "GET", "/api/4.0/setting", tok, nil); res.Status != 403 {
			t.Errorf("get_setting as non-admin: %d", res.Status)
		}
		if res := inst.Do(t, "PATCH", "/api/4.0/setting", tok, `{"onboarding_enabled":true}`); res.Status != 403 {
			t.Errorf("set_setting as non-admin: %d", res.Status)
		}
	}
	if got := getSetting(t, inst, inst.AdminToken(t))["onboarding_enabled"]; got != false {
		t.Errorf("a refused change was written: onboarding_enabled = %v", got)
	}
}

func TestSetSettingMergesSentKeys(t *testing.T) {
	inst := servertest.Start(t)
	admin := inst.AdminToken(t)
	steps := []struct {
		name, body string
		want       map[string]string // key (or key.sub) → JSON after the step
	}{
		{"scalars and a nested key", `{"extension_framework_enabled": true, "timezone": "Europe/Paris",
			"embed_config": {"domain_allowlist": ["https://a.example"], "strict_sameorigin_for_login": true}}`,
			map[string]string{"extension_framework_enabled": `true`, "timezone": `"Europe/Paris"`,
				"embed_config.domain_allowlist": `["https://a.example"]`, "embed_config.strict_sameorigin_for_login": `true`}},
		{"other nested keys are kept", `{"embed_config": {"sso_auth_enabled": true}}`,
			map[string]string{"embed_config.sso_auth_enabled": `true`, "embed_config.domain_allowlist": `["https://a.example"]`,
				"embed_config.strict_sameorigin_for_login": `true`, "timezone": `"Europe/Paris"`}},
		{"lenient scalars", `{"onboarding_enabled": "true", "dashboard_auto_refresh_minimum_interval": 30}`,
			map[string]string{"onboarding_enabled": `true`, "dashboard_auto_refresh_minimum_interval": `"30"`}},
		{"read-only and unknown keys are ignored", `{"embed_enabled": false, "marketplace_site": "x", "no_such_key": 1,
			"embed_config": {"embed_enabled": false, "no_such_sub": 2}, "instance_config": {"feature_flags": {"a": true}}}`,
			map[string]string{"embed_enabled": `true`, "marketplace_site": `""`, "embed_config.embed_enabled": `true`,
				"instance_config.feature_flags": `{}`}},
		{"[] where an object belongs changes nothing", `{"embed_config": [], "custom_welcome_email": []}`,
			map[string]string{"embed_config.sso_auth_enabled": `true`, "custom_welcome_email.enabled": `false`}},
		{"null restores the default", `{"timezone": null, "embed_config": {"domain_allowlist": null}}`,
			map[string]string{"timezone": `"UTC"`, "embed_config.domain_allowlist": `[]`, "embed_config.sso_auth_enabled": `true`}},
		{"an empty body changes nothing", `{}`,
			map[string]string{"extension_framework_enabled": `true`, "onboarding_enabled": `true`}},
	}
	for _, step := range steps {
		res := inst.Do(t, "PATCH", "/api/4.0/setting", admin, step.body)
		if res.Status != 200 {
			t.Fatalf("%s: %d %s", step.name, res.Status, res.Body)
		}
		var answered map[string]any
		res.JSON(t, &answered)
		stored := getSetting(t, inst, admin)
		for key, want := range step.want {
			if got := jsonOf(settingAt(answered, key)); got != want {
				t.Errorf("%s: answer %s = %s, want %s", step.name, key, got, want)
			}
			if got := jsonOf(settingAt(stored, key)); got != want {
				t.Errorf("%s: stored %s = %s, want %s", step.name, key, got, want)
			}
		}
	}
}

// settingAt reads "key" or "key.sub" from a Setting object.
func settingAt(s map[string]any, path string) any {
	if key, sub, ok := strings.Cut(path, "."); ok {
		nested, _ := s[key].(map[string]any)
		return nested[sub]
	}
	return s[path]
}

func TestSetSettingRejectsBadValuesWholly(t *testing.T) {
	inst := servertest.Start(t)
	admin := inst.AdminToken(t)
	cases := []struct{ body, field string }{
		{`{"onboarding_enabled": true, "timezone": "Mars/Olympus_Mons"}`, "timezone"},
		{`{"onboarding_enabled": true, "timezone": ""}`, "timezone"},
		{`{"onboarding_enabled": true, "extension_framework_enabled": "maybe"}`, "extension_framework_enabled"},
		{`{"onboarding_enabled": true, "embed_config": {"domain_allowlist": "a.example"}}`, "embed_config.domain_allowlist"},
		{`{"onboarding_enabled": true, "embed_config": {"domain_allowlist": [""]}}`, "embed_config.domain_allowlist"},
		{`{"onboarding_enabled": true, "email_domain_allowlist": {"a": 1}}`, "email_domain_allowlist"},
	}
	for _, c := range cases {
		res := inst.Do(t, "PATCH", "/api/4.0/setting", admin, c.body)
		if got := want422Field(t, res); got != c.field {
			t.Errorf("%s: field %q, want %q", c.body, got, c.field)
		}
	}
	if got := getSetting(t, inst, admin)["onboarding_enabled"]; got != false {
		t.Errorf("a rejected change was half written: onboarding_enabled = %v", got)
	}
	if res := inst.Do(t, "PATCH", "/api/4.0/setting", admin, `{"timezone": `); res.Status != 400 && res.Status != 422 {
		t.Errorf("malformed JSON: %d %s", res.Status, res.Body)
	}
}
