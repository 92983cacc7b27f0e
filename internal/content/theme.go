package content

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

// Theme is a named set of display settings for dashboards and looks, active
// from BeginAt until EndAt (nil: open).
type Theme struct {
	ID       int64
	Name     string
	Settings map[string]any
	BeginAt  *time.Time
	EndAt    *time.Time
}

// BuiltInThemeName names the theme every instance starts with and falls
// back to.
const BuiltInThemeName = "overlook"

// SeedThemes creates the built-in theme and makes it the default when none
// is chosen; running it again changes nothing.
func SeedThemes(ctx context.Context, st *store.Store) error {
	settings, err := json.Marshal(DefaultThemeSettings())
	if err != nil {
		return err
	}
	return st.EnsureTheme(ctx, BuiltInThemeName, string(settings))
}

// ThemeSearch selects themes for SearchThemes.
type ThemeSearch = store.ThemeFilter

// SearchThemes returns the themes f selects and the total without paging.
func SearchThemes(ctx context.Context, st *store.Store, f ThemeSearch) ([]*Theme, int, error) {
	rows, total, err := st.Themes(ctx, f)
	if err != nil {
		return nil, 0, err
	}
	out, err := themesOf(rows)
	return out, total, err
}

// GetTheme returns one theme.
func GetTheme(ctx context.Context, st *store.Store, id int64) (*Theme, error) {
	r, err := st.Theme(ctx, id)
	if err != nil {
		return nil, err
	}
	return themeOf(r)
}

// ActiveThemes returns the themes active at at, only those named name when
// name is set.
func ActiveThemes(ctx context.Context, st *store.Store, name string, at time.Time) ([]*Theme, error) {
	out, _, err := SearchThemes(ctx, st, ThemeSearch{ActiveAt: &at, ExactName: name})
	return out, err
}

// DefaultTheme returns the default theme of themeType ("" for the general
// one) active at at. Without a chosen or active default it falls back to
// the general default, then to the built-in theme.
func DefaultTheme(ctx context.Context, st *store.Store, themeType string, at time.Time) (*Theme, error) {
	for _, kind := range []string{themeType, ""} {
		name, err := st.AppearanceDefault(ctx, store.ThemeDefaultKind(kind))
		if err != nil {
			return nil, err
		}
		if name == "" {
			continue
		}
		if t, err := firstActive(ctx, st, name, at); t != nil || err != nil {
			return t, err
		}
	}
	t, err := firstActive(ctx, st, BuiltInThemeName, at)
	if t == nil && err == nil {
		err = overlook.NotFound()
	}
	return t, err
}

// ThemeOrDefault returns the theme called name if it is active at at, and
// the default theme otherwise.
func ThemeOrDefault(ctx context.Context, st *store.Store, name string, at time.Time) (*Theme, error) {
	if t, err := firstActive(ctx, st, name, at); t != nil || err != nil {
		return t, err
	}
	return DefaultTheme(ctx, st, "", at)
}

func firstActive(ctx context.Context, st *store.Store, name string, at time.Time) (*Theme, error) {
	list, err := ActiveThemes(ctx, st, name, at)
	if err != nil || len(list) == 0 {
		return nil, err
	}
	return list[0], nil
}

// SetDefaultTheme makes the theme called name the default of themeType. It
// must be active now and have no end.
func SetDefaultTheme(ctx context.Context, st *store.Store, themeType, name string, now time.Time) (*Theme, error) {
	list, err := ActiveThemes(ctx, st, name, now)
	if err != nil {
		return nil, err
	}
	for _, t := range list {
		if t.EndAt == nil {
			return t, st.SetAppearanceDefault(ctx, store.ThemeDefaultKind(themeType), name)
		}
	}
	return nil, overlook.Invalid("name", "invalid", "no active theme named %q without an end date", name)
}

// CreateTheme validates t and stores it. Without settings it gets the
// default settings; given settings are laid over them.
func CreateTheme(ctx context.Context, st *store.Store, t *Theme, nameSent bool) error {
	t.Settings = MergeThemeSettings(DefaultThemeSettings(), t.Settings)
	if err := ValidateTheme(ctx, st, t, nameSent); err != nil {
		return err
	}
	row, err := themeRow(t)
	if err != nil {
		return err
	}
	if err := st.CreateTheme(ctx, row); err != nil {
		return err
	}
	t.ID = row.ID
	return nil
}

// UpdateTheme validates the changed theme t (already merged with the stored
// one) and stores it.
func UpdateTheme(ctx context.Context, st *store.Store, t *Theme) error {
	if err := ValidateTheme(ctx, st, t, true); err != nil {
		return err
	}
	row, err := themeRow(t)
	if err != nil {
		return err
	}
	return st.UpdateTheme(ctx, row)
}

// DeleteTheme deletes a theme unless its name is one of the defaults.
func DeleteTheme(ctx context.Context, st *store.Store, id int64) error {
	t, err := st.Theme(ctx, id)
	if err != nil {
		return err
	}
	defaults, err := st.ThemeDefaults(ctx)
	if err != nil {
		return err
	}
	for _, name := range defaults {
		if name == t.Name {
			return overlook.Invalid("theme_id", "in_use", "theme %q is a default theme and cannot be deleted", t.Name)
		}
	}
	return st.DeleteTheme(ctx, id)
}

// MergeThemeSettings lays the settings a client sent over base ones.
func MergeThemeSettings(base, over map[string]any) map[string]any {
	out := make(map[string]any, len(base)+len(over))
	for k, v := range base {
		out[k] = v
	}
	for k, v := range over {
		out[k] = v
	}
	return out
}

func themeRow(t *Theme) (*store.Theme, error) {
	settings, err := json.Marshal(t.Settings)
	if err != nil {
		return nil, err
	}
	return &store.Theme{ID: t.ID, Name: t.Name, Settings: string(settings), BeginAt: t.BeginAt, EndAt: t.EndAt}, nil
}

func themeOf(r *store.Theme) (*Theme, error) {
	t := &Theme{ID: r.ID, Name: r.Name, BeginAt: r.BeginAt, EndAt: r.EndAt}
	if err := json.Unmarshal([]byte(r.Settings), &t.Settings); err != nil {
		return nil, fmt.Errorf("theme %d settings: %w", r.ID, err)
	}
	return t, nil
}

func themesOf(rows []*store.Theme) ([]*Theme, error) {
	out := make([]*Theme, 0, len(rows))
	for _, r := range rows {
		t, err := themeOf(r)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}
