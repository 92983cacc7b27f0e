-- +goose Up
-- Queries are immutable: an identical definition is stored once, found by
-- the hash of its canonical JSON. List and object properties are JSON text.
CREATE TABLE queries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    slug TEXT NOT NULL UNIQUE,
    definition_hash TEXT NOT NULL UNIQUE,
    model TEXT NOT NULL,
    view TEXT NOT NULL,
    fields TEXT NOT NULL DEFAULT '[]',
    pivots TEXT NOT NULL DEFAULT '[]',
    fill_fields TEXT NOT NULL DEFAULT '[]',
    filters TEXT NOT NULL DEFAULT '{}',
    filter_expression TEXT NOT NULL DEFAULT '',
    sorts TEXT NOT NULL DEFAULT '[]',
    row_limit TEXT NOT NULL DEFAULT '',
    column_limit TEXT NOT NULL DEFAULT '',
    total BOOLEAN NOT NULL DEFAULT FALSE,
    row_total TEXT NOT NULL DEFAULT '',
    subtotals TEXT NOT NULL DEFAULT '[]',
    vis_config TEXT NOT NULL DEFAULT '{}',
    filter_config TEXT NOT NULL DEFAULT '{}',
    visible_ui_sections TEXT NOT NULL DEFAULT '',
    dynamic_fields TEXT NOT NULL DEFAULT '',
    client_id TEXT NOT NULL DEFAULT '',
    query_timezone TEXT NOT NULL DEFAULT '',
    user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX queries_model_view ON queries (model, view);

-- +goose Down
DROP TABLE queries;
