-- +goose Up
-- Asynchronous query tasks: a task runs a stored query for a user in the
-- background; its finished result is kept for a while in query_task_results.
-- Times are Unix milliseconds; runtime is in seconds.
CREATE TABLE query_tasks (
    id TEXT PRIMARY KEY,
    query_id BIGINT NOT NULL REFERENCES queries(id),
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    result_format TEXT NOT NULL,
    status TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    look_id TEXT NOT NULL DEFAULT '',
    dashboard_id TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    started_at BIGINT,
    finished_at BIGINT,
    runtime DOUBLE PRECISION NOT NULL DEFAULT 0,
    error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX query_tasks_user ON query_tasks (user_id, status);
CREATE INDEX query_tasks_finished ON query_tasks (status, finished_at);

CREATE TABLE query_task_results (
    task_id TEXT PRIMARY KEY REFERENCES query_tasks(id) ON DELETE CASCADE,
    content_type TEXT NOT NULL,
    body BLOB NOT NULL,
    created_at BIGINT NOT NULL
);

-- +goose Down
DROP TABLE query_task_results;
DROP TABLE query_tasks;
