package looker40

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/access"
	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/content"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

const tagTheme = "Theme"

func init() { register(registerTheme) }

// ThemeIDPath names one theme.
type ThemeIDPath struct {
	ThemeID string `path:"theme_id" doc:"Id of the theme"`
}

// TimestampParam is the instant a theme lookup is made for.
type TimestampParam struct {
	TS string `query:"ts" format:"date-time" doc:"The instant to look at (RFC 3339); now when absent"`
}

// at reads ts, defaulting to now.
func (p TimestampParam) at() (time.Time, error) { return instantParam("ts", p.TS, time.Now()) }

type themeSearchInput struct {
	FieldsParam
	SearchWindow
	ID        string    `query:"id" doc:"Theme id to match"`
	Name      string    `query:"name" doc:"Theme name pattern to match"`
	BeginAt   string    `query:"begin_at" format:"date-time" doc:"Match themes that start at or after this instant"`
	EndAt     string    `query:"end_at" format:"date-time" doc:"Match themes that end at or before this instant"`
	Sorts     string    `query:"sorts" doc:"Sort order: comma-separated field names, each optionally followed by desc"`
	FilterOr  boolParam `query:"filter_or" doc:"true: a result matches any criterion; false: all of them"`
	ThemeType string    `query:"theme_type" doc:"Theme type"`
}

type themeBodyInput struct {
	Body model.Body[model.Theme]
}

type themeUpdateInput struct {
	ThemeIDPath
	Body model.Body[model.Theme]
}

func registerTheme(api huma.API, b *Backend) {
	handle(api, op{ID: "all_themes", Method: http.MethodGet, Path: "/themes", Tag: tagTheme, Perm: access.Authenticated,
		Summary: "Every theme"}, b.allThemes)
	handle(api, op{ID: "create_theme", Method: http.MethodPost, Path: "/themes", Tag: tagTheme, Perm: access.AdminOnly,
		Summary: "Create a theme"}, b.createTheme)
	handle(api, op{ID: "active_themes", Method: http.MethodGet, Path: "/themes/active", Tag: tagTheme,
		Perm: access.Authenticated, Summary: "The themes active at an instant"}, b.activeThemes)
	handle(api, op{ID: "default_theme", Method: http.MethodGet, Path: "/themes/default", Tag: tagTheme,
		Perm: access.Authenticated, Summary: "The default theme (deprecated: use default_theme_by_type)",
		Customize: deprecated}, b.defaultTheme)
	handle(api, op{ID: "set_default_theme", Method: http.MethodPut, Path: "/themes/default", Tag: tagTheme,
		Perm: access.AdminOnly, Summary: "Choose the default theme (deprecated: use set_default_theme_by_type)",
		Customize: deprecated}, b.setDefaultTheme)
	handle(api, op{ID: "default_theme_by_type", Method: http.MethodGet, Path: "/themes/default_theme", Tag: tagTheme,
		Perm: access.Authenticated, Summary: "The default theme of a theme type"}, b.defaultThemeByType)
	handle(api, op{ID: "set_default_theme_by_type", Method: http.MethodPut, Path: "/themes/default_theme", Tag: tagTheme,
		Perm: access.AdminOnly, Summary: "Choose the default theme of a theme type"}, b.setDefaultThemeByType)
	handle(api, op{ID: "search_themes", Method: http.MethodGet, Path: "/themes/search", Tag: tagTheme,
		Perm: access.Authenticated, Summary: "Find themes by criteria"}, b.searchThemes)
	handle(api, op{ID: "theme_or_default", Method: http.MethodGet, Path: "/themes/theme_or_default", Tag: tagTheme,
		Perm: access.Authenticated, Summary: "A theme if it is active, else the default theme"}, b.themeOrDefault)
	handle(api, op{ID: "validate_theme", Method: http.MethodPost, Path: "/themes/validate", Tag: tagTheme,
		Perm: access.AdminOnly, Summary: "Check a theme without saving it", Status: http.StatusNoContent}, b.validateTheme)
	handle(api, op{ID: "theme", Method: http.MethodGet, Path: "/themes/{theme_id}", Tag: tagTheme,
		Perm: access.Authenticated, Summary: "One theme"}, b.theme)
	handle(api, op{ID: "update_theme", Method: http.MethodPatch, Path: "/themes/{theme_id}", Tag: tagTheme,
		Perm: access.AdminOnly, Summary: "Change a theme"}, b.updateTheme)
	handle(api, op{ID: "delete_theme", Method: http.MethodDelete, Path: "/themes/{theme_id}", Tag: tagTheme,
		Perm: access.AdminOnly, Summary: "Delete a theme", Status: http.StatusNoContent}, b.deleteTheme)
}

func deprecated(o *huma.Operation) { o.Deprecated = true }

func (b *Backend) allThemes(ctx context.Context, _ *struct{ FieldsParam }) (*Out[[]model.Theme], error) {
	list, _, err := content.SearchThemes(ctx, b.Store, content.ThemeSearch{})
	if err != nil {
		return nil, err
	}
	return ok(themesWire(ctx, list))
}

func (b *Backend) searchThemes(ctx context.Context, in *themeSearchInput) (*Paged[model.Theme], error) {
	f := content.ThemeSearch{Name: in.Name, FilterOr: in.FilterOr.Value}
	var err error
	if f.IDs, err = searchIDs("id", in.ID); err != nil {
		return nil, err
	}
	if f.BeginAt, err = optInstant("begin_at", in.BeginAt); err != nil {
		return nil, err
	}
	if f.EndAt, err = optInstant("end_at", in.EndAt); err != nil {
		return nil, err
	}
	if f.Sorts, err = ParseSorts(in.Sorts, store.ThemeSortable); err != nil {
		return nil, err
	}
	if f.Limit, f.Offset, err = in.pageParams().Window(); err != nil {
		return nil, err
	}
	list, total, err := content.SearchThemes(ctx, b.Store, f)
	if err != nil {
		return nil, err
	}
	return page(ctx, b, themesWire(ctx, list), in.pageParams(), total), nil
}

func (b *Backend) activeThemes(ctx context.Context, in *struct {
	FieldsParam
	TimestampParam
	Name      string `query:"name" doc:"Only the theme with this name"`
	ThemeType string `query:"theme_type" doc:"Theme type"`
}) (*Out[[]model.Theme], error) {
	at, err := in.at()
	if err != nil {
		return nil, err
	}
	list, err := content.ActiveThemes(ctx, b.Store, in.Name, at)
	if err != nil {
		return nil, err
	}
	return ok(themesWire(ctx, list))
}

func (b *Backend) defaultTheme(ctx context.Context, in *struct{ TimestampParam }) (*Out[model.Theme], error) {
	return b.defaultThemeOf(ctx, "", in.TimestampParam)
}

func (b *Backend) defaultThemeByType(ctx context.Context, in *struct {
	TimestampParam
	ThemeType string `query:"theme_type" doc:"Theme type"`
}) (*Out[model.Theme], error) {
	return b.defaultThemeOf(ctx, in.ThemeType, in.TimestampParam)
}

func (b *Backend) defaultThemeOf(ctx context.Context, themeType string, ts TimestampParam) (*Out[model.Theme], error) {
	at, err := ts.at()
	if err != nil {
		return nil, err
	}
	return themeAnswer(ctx)(content.DefaultTheme(ctx, b.Store, strings.TrimSpace(themeType), at))
}

func (b *Backend) setDefaultTheme(ctx context.Context, in *struct {
	Name string `query:"name" doc:"Name of the theme to make the default"`
}) (*Out[model.Theme], error) {
	return b.setDefaultThemeOf(ctx, "", in.Name)
}

func (b *Backend) setDefaultThemeByType(ctx context.Context, in *struct {
	Name      string `query:"name" doc:"Name of the theme to make the default"`
	ThemeType string `query:"theme_type" doc:"Theme type"`
}) (*Out[model.Theme], error) {
	return b.setDefaultThemeOf(ctx, in.ThemeType, in.Name)
}

func (b *Backend) setDefaultThemeOf(ctx context.Context, themeType, name string) (*Out[model.Theme], error) {
	if strings.TrimSpace(name) == "" {
		return nil, overlook.Invalid("name", "missing", "name is required")
	}
	return themeAnswer(ctx)(content.SetDefaultTheme(ctx, b.Store, strings.TrimSpace(themeType), name, time.Now()))
}

func (b *Backend) themeOrDefault(ctx context.Context, in *struct {
	TimestampParam
	Name string `query:"name" doc:"Name of the theme"`
}) (*Out[model.Theme], error) {
	at, err := in.at()
	if err != nil {
		return nil, err
	}
	return themeAnswer(ctx)(content.ThemeOrDefault(ctx, b.Store, in.Name, at))
}

func (b *Backend) theme(ctx context.Context, in *struct {
	ThemeIDPath
	FieldsParam
}) (*Out[model.Theme], error) {
	id, err := ParseID(in.ThemeID)
	if err != nil {
		return nil, err
	}
	return themeAnswer(ctx)(content.GetTheme(ctx, b.Store, id))
}

func (b *Backend) validateTheme(ctx context.Context, in *themeBodyInput) (*Empty, error) {
	t := &content.Theme{}
	if err := applyTheme(t, &in.Body); err != nil {
		return nil, err
	}
	t.Settings = content.MergeThemeSettings(content.DefaultThemeSettings(), t.Settings)
	if err := content.ValidateTheme(ctx, b.Store, t, in.Body.Has("name")); err != nil {
		return nil, err
	}
	return &Empty{}, nil
}

func (b *Backend) createTheme(ctx context.Context, in *themeBodyInput) (*Out[model.Theme], error) {
	t := &content.Theme{}
	if err := applyTheme(t, &in.Body); err != nil {
		return nil, err
	}
	if err := content.CreateTheme(ctx, b.Store, t, in.Body.Has("name")); err != nil {
		return nil, err
	}
	return ok(themeWire(ctx, t))
}

func (b *Backend) updateTheme(ctx context.Context, in *themeUpdateInput) (*Out[model.Theme], error) {
	id, err := ParseID(in.ThemeID)
	if err != nil {
		return nil, err
	}
	t, err := content.GetTheme(ctx, b.Store, id)
	if err != nil {
		return nil, err
	}
	stored := t.Settings
	if err := applyTheme(t, &in.Body); err != nil {
		return nil, err
	}
	t.Settings = content.MergeThemeSettings(stored, t.Settings)
	if err := content.UpdateTheme(ctx, b.Store, t); err != nil {
		return nil, err
	}
	return ok(themeWire(ctx, t))
}

func (b *Backend) deleteTheme(ctx context.Context, in *ThemeIDPath) (*Empty, error) {
	id, err := ParseID(in.ThemeID)
	if err != nil {
		return nil, err
	}
	if err := content.DeleteTheme(ctx, b.Store, id); err != nil {
		return nil, err
	}
	return &Empty{}, nil
}

// applyTheme copies the fields the client sent onto t; Settings becomes
// only the settings sent (the caller lays them over a base).
func applyTheme(t *content.Theme, body *model.Body[model.Theme]) error {
	v := body.Value
	if body.Has("name") {
		t.Name = strings.TrimSpace(deref(v.Name))
	}
	var err error
	if body.Has("begin_at") {
		if t.BeginAt, err = optInstant("begin_at", deref(v.BeginAt)); err != nil {
			return err
		}
	}
	if body.Has("end_at") {
		if t.EndAt, err = optInstant("end_at", deref(v.EndAt)); err != nil {
			return err
		}
	}
	t.Settings = map[string]any{}
	if v.Settings == nil {
		return nil
	}
	raw, err := json.Marshal(v.Settings)
	if err != nil {
		return err
	}
	var sent map[string]any
	if err := json.Unmarshal(raw, &sent); err != nil {
		return err
	}
	for k, val := range sent {
		if val != nil {
			t.Settings[k] = val
		}
	}
	return nil
}

func themeAnswer(ctx context.Context) func(*content.Theme, error) (*Out[model.Theme], error) {
	return func(t *content.Theme, err error) (*Out[model.Theme], error) {
		if err != nil {
			return nil, err
		}
		return ok(themeWire(ctx, t))
	}
}

func themesWire(ctx context.Context, list []*content.Theme) []model.Theme {
	out := make([]model.Theme, len(list))
	for i, t := range list {
		out[i] = themeWire(ctx, t)
	}
	return out
}

func themeWire(ctx context.Context, t *content.Theme) model.Theme {
	p := overlook.PrincipalFrom(ctx)
	admin := p != nil && p.IsAdmin
	out := model.Theme{ID: idString(t.ID), Name: ptr(t.Name), BeginAt: optTime(t.BeginAt), EndAt: optTime(t.EndAt),
		Settings: &model.ThemeSettings{},
		Can:      map[string]bool{"show": true, "index": true, "create": admin, "update": admin, "destroy": admin}}
	if raw, err := json.Marshal(t.Settings); err == nil {
		_ = json.Unmarshal(raw, out.Settings)
	}
	return out
}

// instantParam reads an RFC 3339 instant; an empty value gives def.
func instantParam(field, s string, def time.Time) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return def, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return def, overlook.Invalid(field, "invalid", "%q is not an RFC 3339 date-time", s)
	}
	return t, nil
}

// optInstant reads an optional RFC 3339 instant: nil when empty.
func optInstant(field, s string) (*time.Time, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	t, err := instantParam(field, s, time.Time{})
	return &t, err
}
