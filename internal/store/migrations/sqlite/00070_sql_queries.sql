-- +goose Up
-- SQL Runner queries: a user's own SQL text for one connection (or a
-- model's connection), found by slug. vis_config is JSON text;
-- last_run_at is 0 until the first run.
CREATE TABLE sql_queries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    slug TEXT NOT NULL UNIQUE,
    connection_name TEXT NOT NULL,
    model_name TEXT NOT NULL DEFAULT '',
    sql TEXT NOT NULL,
    vis_config TEXT NOT NULL DEFAULT '{}',
    user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    last_run_at BIGINT NOT NULL DEFAULT 0,
    run_count BIGINT NOT NULL DEFAULT 0
);

-- +goose Down
DROP TABLE sql_queries;
