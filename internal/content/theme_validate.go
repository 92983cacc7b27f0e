package content

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strings"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

// DefaultThemeSettings are the settings of the built-in theme and the base
// of a new theme; the values are Overlook's own.
func DefaultThemeSettings() map[string]any {
	return map[string]any{
		"background_color": "#F4F6F8", "base_font_size": "12px", "border_radius": "6px",
		"box_shadow": "0 1px 3px rgba(0,0,0,0.12)", "center_dashboard_title": false,
		"color_collection_id": standardCollections[0].ID, "column_gap_size": "8px",
		"dashboard_title_font_size": "20px", "font_color": "#2B2F33", "font_family": "Inter, Helvetica, Arial, sans-serif",
		"font_source": "", "info_button_color": "#1F6FB2", "page_margin_bottom": "12px", "page_margin_sides": "12px",
		"page_margin_top": "12px", "primary_button_color": "#1F6FB2", "row_gap_size": "8px",
		"show_dashboard_header": true, "show_dashboard_menu": true, "show_explore_actions_button": true,
		"show_explore_header": true, "show_explore_last_run": true, "show_explore_run_stop_button": true,
		"show_explore_timezone": true, "show_explore_title": true, "show_filters_bar": true,
		"show_filters_toggle": true, "show_last_updated_indicator": true, "show_look_actions_button": true,
		"show_look_header": true, "show_look_last_run": true, "show_look_run_stop_button": true,
		"show_look_timezone": true, "show_look_title": true, "show_reload_data_icon": true, "show_title": true,
		"text_tile_background_color": "#FFFFFF", "text_tile_text_color": "#2B2F33", "tile_background_color": "#FFFFFF",
		"tile_shadow": true, "tile_text_color": "#2B2F33", "tile_title_alignment": "left",
		"tile_title_font_size": "14px", "title_color": "#1B1E21", "warn_button_color": "#C2410C",
	}
}

// settingKind says how a theme setting is checked.
type settingKind int

const (
	kindBool settingKind = iota
	kindColor
	kindSize
	kindFont
	kindShadow
	kindURL
	kindAlignment
	kindCollection
)

var themeSettingKinds = map[string]settingKind{
	"background_color": kindColor, "base_font_size": kindSize, "border_radius": kindSize, "box_shadow": kindShadow,
	"center_dashboard_title": kindBool, "color_collection_id": kindCollection, "column_gap_size": kindSize,
	"dashboard_title_font_size": kindSize, "font_color": kindColor, "font_family": kindFont, "font_source": kindURL,
	"info_button_color": kindColor, "page_margin_bottom": kindSize, "page_margin_sides": kindSize,
	"page_margin_top": kindSize, "primary_button_color": kindColor, "row_gap_size": kindSize,
	"show_dashboard_header": kindBool, "show_dashboard_menu": kindBool, "show_explore_actions_button": kindBool,
	"show_explore_header": kindBool, "show_explore_last_run": kindBool, "show_explore_run_stop_button": kindBool,
	"show_explore_timezone": kindBool, "show_explore_title": kindBool, "show_filters_bar": kindBool,
	"show_filters_toggle": kindBool, "show_last_updated_indicator": kindBool, "show_look_actions_button": kindBool,
	"show_look_header": kindBool, "show_look_last_run": kindBool, "show_look_run_stop_button": kindBool,
	"show_look_timezone": kindBool, "show_look_title": kindBool, "show_reload_data_icon": kindBool,
	"show_title": kindBool, "text_tile_background_color": kindColor, "text_tile_text_color": kindColor,
	"tile_background_color": kindColor, "tile_shadow": kindBool, "tile_text_color": kindColor,
	"tile_title_alignment": kindAlignment, "tile_title_font_size": kindSize, "title_color": kindColor,
	"warn_button_color": kindColor,
}

var (
	themeName  = regexp.MustCompile(`^[A-Za-z0-9_]+$`)
	cssSize    = regexp.MustCompile(`^\d+(\.\d+)?(px|em|rem|pt|%)?$`)
	fontFamily = regexp.MustCompile(`^[A-Za-z0-9 ,'"_-]+$`)
	boxShadow  = regexp.MustCompile(`^[A-Za-z0-9 ,.#()%-]+$`)
)

// ValidateTheme checks a theme and reports every problem at once, each
// naming its field (a setting by its own name). nameSent says whether the
// client sent a name at all.
func ValidateTheme(ctx context.Context, st *store.Store, t *Theme, nameSent bool) error {
	var problems []overlook.FieldError
	add := func(field, code, format string, args ...any) {
		problems = append(problems, overlook.FieldError{Field: field, Code: code, Message: fmt.Sprintf(format, args...)})
	}
	if !nameSent || t.Name == "" {
		add("name", "missing", "name is required")
	}
	if !themeName.MatchString(t.Name) {
		add("name", "invalid", "a theme name has only letters, digits and underscores")
	}
	if t.BeginAt != nil && t.EndAt != nil && !t.EndAt.After(*t.BeginAt) {
		add("end_at", "invalid", "end_at must come after begin_at")
	}
	keys := make([]string, 0, len(t.Settings))
	for k := range t.Settings {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if msg := checkSetting(ctx, st, k, t.Settings[k]); msg != "" {
			add(k, "invalid", "%s", msg)
		}
	}
	if len(problems) == 0 {
		return nil
	}
	return &overlook.Error{Code: overlook.EINVALID, Message: "Validation Failed", Field: problems[0].Field,
		Details: problems}
}

// checkSetting returns what is wrong with one setting, "" when nothing is.
func checkSetting(ctx context.Context, st *store.Store, key string, v any) string {
	kind, known := themeSettingKinds[key]
	if !known {
		return "is not a theme setting"
	}
	if kind == kindBool {
		if _, ok := v.(bool); !ok {
			return "must be true or false"
		}
		return ""
	}
	s, ok := v.(string)
	if !ok {
		return "must be a string"
	}
	s = strings.TrimSpace(s)
	switch kind {
	case kindColor:
		if !isCSSColor(s) {
			return fmt.Sprintf("%q is not a color", s)
		}
	case kindSize:
		if !cssSize.MatchString(s) {
			return fmt.Sprintf("%q is not a size (a number with px, em, rem, pt or %%)", s)
		}
	case kindFont:
		if !fontFamily.MatchString(s) {
			return fmt.Sprintf("%q is not a list of font names", s)
		}
	case kindShadow:
		if s != "" && !boxShadow.MatchString(s) {
			return fmt.Sprintf("%q is not a shadow", s)
		}
	case kindURL:
		if u, err := url.Parse(s); s != "" && (err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "") {
			return fmt.Sprintf("%q is not an http(s) URL", s)
		}
	case kindAlignment:
		if s != "left" && s != "center" && s != "right" {
			return "must be left, center or right"
		}
	case kindCollection:
		if _, err := st.ColorCollection(ctx, s); err != nil {
			return fmt.Sprintf("no color collection has id %q", s)
		}
	}
	return ""
}
