-- +goose Up
-- Render tasks: a look, query, dashboard or tile drawn to png, jpg or pdf
-- for a user in the background. The status lives here so that any node can
-- answer for a task; the finished image (bounded in size) too, so that any
-- node can hand it out. Times are Unix milliseconds; runtimes in seconds.
CREATE TABLE render_tasks (
    id TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    result_format TEXT NOT NULL,
    status TEXT NOT NULL,
    status_detail TEXT NOT NULL DEFAULT '',
    width BIGINT NOT NULL,
    height BIGINT NOT NULL,
    look_id TEXT NOT NULL DEFAULT '',
    query_id TEXT NOT NULL DEFAULT '',
    dashboard_id TEXT NOT NULL DEFAULT '',
    dashboard_element_id TEXT NOT NULL DEFAULT '',
    dashboard_filters TEXT NOT NULL DEFAULT '',
    dashboard_style TEXT NOT NULL DEFAULT '',
    options TEXT NOT NULL DEFAULT '{}',
    created_at BIGINT NOT NULL,
    finalized_at BIGINT,
    query_runtime DOUBLE PRECISION NOT NULL DEFAULT 0,
    render_runtime DOUBLE PRECISION NOT NULL DEFAULT 0,
    runtime DOUBLE PRECISION NOT NULL DEFAULT 0
);
CREATE INDEX render_tasks_finalized ON render_tasks (finalized_at);

CREATE TABLE render_task_results (
    task_id TEXT PRIMARY KEY REFERENCES render_tasks(id) ON DELETE CASCADE,
    content_type TEXT NOT NULL,
    body BYTEA NOT NULL,
    created_at BIGINT NOT NULL
);

-- +goose Down
DROP TABLE render_task_results;
DROP TABLE render_tasks;
