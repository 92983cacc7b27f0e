-- +goose Up
-- One row per query run (API, query tasks, SQL Runner…), written in
-- batches by the history writer. runtime is in seconds.
CREATE TABLE history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    query_id BIGINT REFERENCES queries(id) ON DELETE SET NULL,
    user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    source TEXT NOT NULL,
    result_format TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    connection_name TEXT NOT NULL DEFAULT '',
    dialect TEXT NOT NULL DEFAULT '',
    runtime DOUBLE PRECISION NOT NULL DEFAULT 0,
    result_count BIGINT NOT NULL DEFAULT 0,
    cache_hit BOOLEAN NOT NULL DEFAULT FALSE,
    message TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    completed_at BIGINT NOT NULL
);
CREATE INDEX history_created ON history (created_at);
CREATE INDEX history_query ON history (query_id);

-- Whitelisted columns for system__activity (no SQL text, no message).
CREATE VIEW sa_history AS
SELECT h.id, h.query_id, h.user_id, NULL AS dashboard_id, NULL AS look_id, h.source, h.status, h.result_format,
       h.cache_hit AS cache, h.connection_name, h.dialect, q.slug, h.runtime, h.result_count,
       datetime(h.created_at / 1000, 'unixepoch') AS created_time,
       datetime(h.completed_at / 1000, 'unixepoch') AS completed_time
FROM history h LEFT JOIN queries q ON q.id = h.query_id;

CREATE VIEW sa_query AS
SELECT id, slug, model, view, fields, filters, pivots, sorts, row_limit,
       datetime(created_at / 1000, 'unixepoch') AS created_time
FROM queries;

-- +goose Down
DROP VIEW sa_query;
DROP VIEW sa_history;
DROP TABLE history;
