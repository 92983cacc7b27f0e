package looker40

import (
	"context"
	"encoding/json"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/access"
	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/api/requestinfo"
	"github.com/overlookbi/overlook/internal/overlook"
)

// The instance settings are one row per top-level Setting key in the
// settings table, each holding its JSON value. Reading overlays the stored
// rows on the defaults; PATCH writes only the keys it was sent (and, inside
// nested objects such as embed_config, only the sub-keys it was sent). A
// null restores a key's default.

func init() { register(registerConfigSettings) }

func registerConfigSettings(api huma.API, b *Backend) {
	handle(api, op{ID: "get_setting", Method: http.MethodGet, Path: "/setting", Tag: tagConfig, Perm: access.AdminOnly,
		Summary: "Instance settings"}, b.getSetting)
	handle(api, op{ID: "set_setting", Method: http.MethodPatch, Path: "/setting", Tag: tagConfig, Perm: access.AdminOnly,
		Summary: "Change instance settings"}, b.setSetting)
}

type settingInput struct {
	FieldsParam
	Body checkedBody[model.Setting]
}

// Keys nobody may write: computed by the server, or write-only.
var settingReadOnly = map[string]bool{
	"embed_enabled": true, "login_notification_enabled": true, "login_notification_text": true,
	"marketplace_site": true, "instance_config": true, "override_warnings": true,
	"embed_config.embed_enabled": true, "embed_config.permissions": true,
	"privatelabel_configuration.favicon_url": true, "privatelabel_configuration.logo_url": true,
}

// jsonObject is a JSON object with its values kept as text.
type jsonObject map[string]json.RawMessage

func toObject(v any) jsonObject {
	data, _ := json.Marshal(v)
	var obj jsonObject
	_ = json.Unmarshal(data, &obj)
	return obj
}

func isNull(raw json.RawMessage) bool { return len(raw) == 0 || string(raw) == "null" }

func (b *Backend) getSetting(ctx context.Context, _ *struct{ FieldsParam }) (*Out[model.Setting], error) {
	doc, err := b.loadSettings(ctx)
	if err != nil {
		return nil, err
	}
	return settingOut(doc)
}

func settingOut(doc jsonObject) (*Out[model.Setting], error) {
	data, err := json.Marshal(doc)
	if err != nil {
		return nil, err
	}
	var s model.Setting
	if err := json.Unmarshal(data, &s); err != nil {
		return nil, err
	}
	return ok(s)
}

// loadSettings is the defaults overlaid with what is stored. Stored nested
// objects are merged over their defaults, so a sub-key added in a later
// release still has a value.
func (b *Backend) loadSettings(ctx context.Context) (jsonObject, error) {
	doc := toObject(b.defaultSetting(ctx))
	stored, err := b.Store.Settings(ctx)
	if err != nil {
		return nil, err
	}
	for key, text := range stored {
		def, known := doc[key]
		if !known || settingReadOnly[key] || !json.Valid([]byte(text)) {
			continue
		}
		doc[key] = mergeOver(def, json.RawMessage(text))
	}
	return doc, nil
}

// mergeOver lays the keys of over on base when both are objects; otherwise
// over replaces base.
func mergeOver(base, over json.RawMessage) json.RawMessage {
	var b, o jsonObject
	if json.Unmarshal(base, &b) != nil || json.Unmarshal(over, &o) != nil || b == nil || o == nil {
		return over
	}
	for k, v := range o {
		b[k] = v
	}
	data, _ := json.Marshal(b)
	return data
}

func (b *Backend) setSetting(ctx context.Context, in *settingInput) (*Out[model.Setting], error) {
	requestinfo.SetObject(ctx, "setting", "")
	if err := validateSetting(&in.Body.Value); err != nil {
		return nil, err
	}
	doc, err := b.loadSettings(ctx)
	if err != nil {
		return nil, err
	}
	defaults := toObject(b.defaultSetting(ctx))
	sent := toObject(in.Body.Value)
	changes := map[string]string{}
	for key, raw := range in.Body.raw {
		if _, known := defaults[key]; !known || settingReadOnly[key] {
			continue // unknown and read-only keys are ignored
		}
		next, changed := patchSetting(key, doc[key], defaults[key], raw, sent[key])
		if changed {
			doc[key] = next
			changes[key] = string(next)
		}
	}
	if len(changes) > 0 {
		if err := b.Store.PutSettings(ctx, changes); err != nil {
			return nil, err
		}
	}
	return settingOut(doc)
}

// patchSetting computes the new value of one top-level key. raw is what
// the client sent, norm the same value after lenient decoding.
func patchSetting(key string, cur, def, raw, norm json.RawMessage) (json.RawMessage, bool) {
	if isNull(raw) || isNull(norm) {
		return def, true
	}
	var defObj, rawObj jsonObject
	if json.Unmarshal(def, &defObj) != nil || defObj == nil {
		return norm, true // a scalar or a list: replaced whole
	}
	if json.Unmarshal(raw, &rawObj) != nil || rawObj == nil {
		return cur, false // [] where an object belongs: nothing to change
	}
	var curObj, normObj jsonObject
	_ = json.Unmarshal(cur, &curObj)
	_ = json.Unmarshal(norm, &normObj)
	if curObj == nil {
		curObj = jsonObject{}
	}
	for sub, subRaw := range rawObj {
		subDef, known := defObj[sub]
		if !known || settingReadOnly[key+"."+sub] {
			continue
		}
		if isNull(subRaw) || isNull(normObj[sub]) {
			curObj[sub] = subDef
		} else {
			curObj[sub] = normObj[sub]
		}
	}
	data, _ := json.Marshal(curObj)
	return data, true
}

// validateSetting checks the values that have rules beyond their type.
func validateSetting(s *model.Setting) error {
	if s.Timezone != nil {
		if *s.Timezone == "" {
			return overlook.Invalid("timezone", "missing_field", "timezone must not be empty")
		}
		if _, err := time.LoadLocation(*s.Timezone); err != nil {
			return overlook.Invalid("timezone", "invalid", "%q is not a known time zone", *s.Timezone)
		}
	}
	if c := s.EmbedConfig; c != nil {
		for _, d := range c.DomainAllowlist {
			if d == "" {
				return overlook.Invalid("embed_config.domain_allowlist", "invalid", "domains must not be empty")
			}
		}
	}
	return nil
}

// defaultSetting is every setting as a fresh instance has it.
func (b *Backend) defaultSetting(ctx context.Context) model.Setting {
	f, t := ptr(false), ptr(true)
	return model.Setting{
		AllowUserTimezones:              f,
		AutoCertifyLookmlContent:        f,
		AutomatedMfaEnabled:             f,
		CaAgentObservability:            f,
		CustomWelcomeEmail:              &model.CustomWelcomeEmail{Enabled: f},
		DashboardAutoRefreshRestriction: f,
		DataConnectorDefaultEnabled:     f,
		EmailDomainAllowlist:            []string{},
		EmbedConfig:                     defaultEmbedConfig(),
		EmbedCookielessV2:               t,
		EmbedEnabled:                    t,
		ExtensionFrameworkEnabled:       f,
		ExtensionLoadURLEnabled:         f,
		HostURL:                         ptr(b.origin(ctx)),
		InstanceConfig:                  &model.InstanceConfig{FeatureFlags: map[string]bool{}, LicenseFeatures: map[string]bool{}},
		IsContentCertificationEnabled:   f,
		LoginNotificationEnabled:        f,
		ManagedCertificateURI:           []string{},
		MarketplaceAutoInstallEnabled:   f,
		MarketplaceAutomation:           &model.MarketplaceAutomation{InstallEnabled: f, UpdateLookerEnabled: f, UpdateThirdPartyEnabled: f},
		MarketplaceEnabled:              f,
		MarketplaceSite:                 ptr(""),
		MarketplaceTermsAccepted:        f,
		McpTools:                        &model.McpTools{EnableAll: f},
		OnboardingEnabled:               f,
		PrivatelabelConfiguration:       defaultPrivatelabel(),
		RevokeCertificationOnEdits:      f,
		Timezone:                        ptr("UTC"),
	}
}

// Embedding is built in; each option is off until an admin turns it on.
func defaultEmbedConfig() *model.EmbedConfig {
	f, t := ptr(false), ptr(true)
	return &model.EmbedConfig{
		AlertURLAllowlist:        []string{},
		DomainAllowlist:          []string{},
		EmbedContentManagement:   f,
		EmbedContentNavigation:   f,
		EmbedCookielessV2:        t,
		EmbedEnabled:             t,
		HideLookNavigation:       f,
		LookFilters:              f,
		SsoAuthEnabled:           f,
		StrictSameoriginForLogin: f,
	}
}

func defaultPrivatelabel() *model.PrivatelabelConfiguration {
	f, t := ptr(false), ptr(true)
	return &model.PrivatelabelConfiguration{
		AlertsLinks:                t,
		AlertsLogo:                 t,
		AllowLookerLinks:           t,
		AllowLookerMentions:        t,
		CustomWelcomeEmailAdvanced: f,
		FoldersMentions:            t,
		SetupMentions:              t,
		ShowDocs:                   t,
		ShowEmailSubOptions:        t,
		ShowHelpMenu:               t,
	}
}
