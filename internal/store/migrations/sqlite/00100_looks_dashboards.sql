-- +goose Up
-- Looks and dashboards live in a folder and get their access from it (their
-- content_metadata row inherits from the folder's). deleted marks an item
-- moved to the trash; deleting it for good removes the row.
CREATE TABLE looks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    folder_id BIGINT NOT NULL REFERENCES folders(id) ON DELETE CASCADE,
    user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    query_id BIGINT NOT NULL REFERENCES queries(id),
    content_metadata_id BIGINT,
    is_run_on_load BOOLEAN NOT NULL DEFAULT FALSE,
    public BOOLEAN NOT NULL DEFAULT FALSE,
    public_slug TEXT NOT NULL DEFAULT '',
    deleted BOOLEAN NOT NULL DEFAULT FALSE,
    deleted_at BIGINT,
    deleter_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    last_updater_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    view_count BIGINT NOT NULL DEFAULT 0,
    favorite_count BIGINT NOT NULL DEFAULT 0,
    last_viewed_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX looks_folder ON looks (folder_id);

-- settings holds the dashboard's presentation options (colors, appearance,
-- download settings…) as a JSON object.
CREATE TABLE dashboards (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    folder_id BIGINT NOT NULL REFERENCES folders(id) ON DELETE CASCADE,
    user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    content_metadata_id BIGINT,
    slug TEXT NOT NULL UNIQUE,
    hidden BOOLEAN NOT NULL DEFAULT FALSE,
    refresh_interval TEXT NOT NULL DEFAULT '',
    query_timezone TEXT NOT NULL DEFAULT '',
    settings TEXT NOT NULL DEFAULT '{}',
    deleted BOOLEAN NOT NULL DEFAULT FALSE,
    deleted_at BIGINT,
    deleter_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    last_updater_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    view_count BIGINT NOT NULL DEFAULT 0,
    favorite_count BIGINT NOT NULL DEFAULT 0,
    last_viewed_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX dashboards_folder ON dashboards (folder_id);

-- A tile. texts holds its title/subtitle/body/note texts and other string
-- options, result_maker its listen mappings, sorts and vis_config (JSON).
CREATE TABLE dashboard_elements (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    dashboard_id BIGINT NOT NULL REFERENCES dashboards(id) ON DELETE CASCADE,
    type TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    query_id BIGINT REFERENCES queries(id),
    look_id BIGINT REFERENCES looks(id) ON DELETE SET NULL,
    texts TEXT NOT NULL DEFAULT '{}',
    result_maker TEXT NOT NULL DEFAULT '{}',
    created_at BIGINT NOT NULL
);
CREATE INDEX dashboard_elements_dashboard ON dashboard_elements (dashboard_id);

CREATE TABLE dashboard_filters (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    dashboard_id BIGINT NOT NULL REFERENCES dashboards(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    type TEXT NOT NULL DEFAULT '',
    default_value TEXT NOT NULL DEFAULT '',
    model TEXT NOT NULL DEFAULT '',
    explore TEXT NOT NULL DEFAULT '',
    dimension TEXT NOT NULL DEFAULT '',
    row_num BIGINT NOT NULL DEFAULT 0,
    listens_to_filters TEXT NOT NULL DEFAULT '[]',
    allow_multiple_values BOOLEAN NOT NULL DEFAULT FALSE,
    required BOOLEAN NOT NULL DEFAULT FALSE,
    ui_config TEXT NOT NULL DEFAULT '{}',
    UNIQUE (dashboard_id, name)
);

CREATE TABLE dashboard_layouts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    dashboard_id BIGINT NOT NULL REFERENCES dashboards(id) ON DELETE CASCADE,
    type TEXT NOT NULL DEFAULT 'newspaper',
    active BOOLEAN NOT NULL DEFAULT FALSE,
    column_width BIGINT,
    width BIGINT,
    label TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    sort_order BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX dashboard_layouts_dashboard ON dashboard_layouts (dashboard_id);

CREATE TABLE dashboard_layout_components (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    dashboard_layout_id BIGINT NOT NULL REFERENCES dashboard_layouts(id) ON DELETE CASCADE,
    dashboard_element_id BIGINT NOT NULL REFERENCES dashboard_elements(id) ON DELETE CASCADE,
    row_num BIGINT NOT NULL DEFAULT 0,
    col_num BIGINT NOT NULL DEFAULT 0,
    width BIGINT NOT NULL DEFAULT 8,
    height BIGINT NOT NULL DEFAULT 6,
    deleted BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX dashboard_layout_components_layout ON dashboard_layout_components (dashboard_layout_id);

-- system__activity reads content through these views.
CREATE VIEW sa_dashboard AS
SELECT id, title, description, user_id, folder_id, hidden, refresh_interval, query_timezone,
       datetime(created_at / 1000, 'unixepoch') AS created_time, datetime(deleted_at / 1000, 'unixepoch') AS deleted_time
FROM dashboards;

CREATE VIEW sa_look AS
SELECT id, title, description, public, query_id, folder_id, user_id,
       datetime(created_at / 1000, 'unixepoch') AS created_time, datetime(updated_at / 1000, 'unixepoch') AS updated_time, datetime(deleted_at / 1000, 'unixepoch') AS deleted_time
FROM looks;

-- +goose Down
DROP VIEW sa_look;
DROP VIEW sa_dashboard;
DROP TABLE dashboard_layout_components;
DROP TABLE dashboard_layouts;
DROP TABLE dashboard_filters;
DROP TABLE dashboard_elements;
DROP TABLE dashboards;
DROP TABLE looks;
