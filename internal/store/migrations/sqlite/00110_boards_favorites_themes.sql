-- +goose Up
-- Appearance and personal content: color collections, themes, boards with
-- their sections and items, favorites and weekly view counts.

-- Color collections: the built-in (standard) ones are seeded at start; the
-- palettes are JSON arrays in the wire shape.
CREATE TABLE color_collections (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    categorical TEXT NOT NULL DEFAULT '[]',
    sequential TEXT NOT NULL DEFAULT '[]',
    diverging TEXT NOT NULL DEFAULT '[]',
    is_standard BOOLEAN NOT NULL DEFAULT FALSE,
    created_at BIGINT NOT NULL
);

-- The instance's chosen defaults: 'color_collection' holds a collection id,
-- 'theme:<type>' a theme name.
CREATE TABLE appearance_defaults (
    kind TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Themes: several rows may share a name with different active periods
-- (begin_at/end_at in unix milliseconds, NULL for open ends). settings is a
-- JSON object in the ThemeSettings shape.
CREATE TABLE themes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    settings TEXT NOT NULL DEFAULT '{}',
    begin_at BIGINT,
    end_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX themes_name ON themes (name);

-- Boards: curated pages of links to looks, dashboards and URLs. Each board
-- has a content_metadata row of its own (no folder).
CREATE TABLE boards (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    content_metadata_id BIGINT NOT NULL DEFAULT 0,
    section_order TEXT NOT NULL DEFAULT '[]',
    primary_homepage BOOLEAN NOT NULL DEFAULT FALSE,
    deleted_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE board_sections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    board_id BIGINT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    title TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    item_order TEXT NOT NULL DEFAULT '[]',
    deleted_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX board_sections_board ON board_sections (board_id);

-- A board item points at a look, a dashboard (user-defined or LookML) or a
-- URL; position orders the items of a section.
CREATE TABLE board_items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    board_section_id BIGINT NOT NULL REFERENCES board_sections(id) ON DELETE CASCADE,
    look_id BIGINT,
    dashboard_id BIGINT,
    lookml_dashboard_id TEXT,
    custom_title TEXT,
    custom_description TEXT,
    custom_url TEXT,
    use_custom_title BOOLEAN NOT NULL DEFAULT FALSE,
    use_custom_description BOOLEAN NOT NULL DEFAULT FALSE,
    use_custom_url BOOLEAN NOT NULL DEFAULT FALSE,
    use_custom_image BOOLEAN NOT NULL DEFAULT FALSE,
    position BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX board_items_section ON board_items (board_section_id);

-- A user's favorite look, dashboard or board, by its content_metadata row.
CREATE TABLE content_favorites (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    content_metadata_id BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (user_id, content_metadata_id)
);
CREATE INDEX content_favorites_content ON content_favorites (content_metadata_id);

-- Views of content, counted per user, item and week (the Monday starting
-- it, as YYYY-MM-DD).
CREATE TABLE content_views (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    content_metadata_id BIGINT NOT NULL,
    start_of_week TEXT NOT NULL,
    view_count BIGINT NOT NULL DEFAULT 0,
    last_viewed_at BIGINT NOT NULL,
    UNIQUE (user_id, content_metadata_id, start_of_week)
);
CREATE INDEX content_views_content ON content_views (content_metadata_id);

-- +goose Down
DROP TABLE content_views;
DROP TABLE content_favorites;
DROP TABLE board_items;
DROP TABLE board_sections;
DROP TABLE boards;
DROP TABLE themes;
DROP TABLE appearance_defaults;
DROP TABLE color_collections;
