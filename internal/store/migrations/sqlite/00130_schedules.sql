-- +goose Up
-- Scheduled plans deliver a look, dashboard or query on a cron (in a time
-- zone) to destinations. The scheduler turns each due fire time into one
-- scheduled_jobs row, unique per (plan, fire time), so any number of nodes
-- plan the same fire only once; a node claims a job with a lease and
-- delivers it; an expired lease makes the job claimable again (at least
-- once), with the same delivery_id. Times are Unix milliseconds.
CREATE TABLE scheduled_plans (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL DEFAULT '',
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    look_id BIGINT,
    dashboard_id BIGINT,
    lookml_dashboard_id TEXT NOT NULL DEFAULT '',
    query_id BIGINT,
    crontab TEXT NOT NULL DEFAULT '',
    timezone TEXT NOT NULL DEFAULT '',
    datagroup TEXT NOT NULL DEFAULT '',
    enabled BOOLEAN NOT NULL DEFAULT TRUE,
    run_once BOOLEAN NOT NULL DEFAULT FALSE,
    -- the rest of Looker's plan fields (filters, requirements, pdf and
    -- link options), as a JSON object
    options TEXT NOT NULL DEFAULT '{}',
    planned_until BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX scheduled_plans_user ON scheduled_plans (user_id);

CREATE TABLE scheduled_plan_destinations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    scheduled_plan_id BIGINT NOT NULL REFERENCES scheduled_plans(id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    format TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    apply_formatting BOOLEAN NOT NULL DEFAULT FALSE,
    apply_vis BOOLEAN NOT NULL DEFAULT FALSE,
    message TEXT NOT NULL DEFAULT '',
    parameters TEXT NOT NULL DEFAULT '',
    -- encrypted with the connection-credentials key
    secret_parameters BLOB
);
CREATE INDEX scheduled_plan_destinations_plan ON scheduled_plan_destinations (scheduled_plan_id);

CREATE TABLE scheduled_jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    scheduled_plan_id BIGINT NOT NULL REFERENCES scheduled_plans(id) ON DELETE CASCADE,
    fire_at BIGINT NOT NULL,
    delivery_id TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    lease_owner TEXT,
    lease_until BIGINT,
    error TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    started_at BIGINT,
    finished_at BIGINT,
    UNIQUE (scheduled_plan_id, fire_at)
);
CREATE INDEX scheduled_jobs_due ON scheduled_jobs (status, next_attempt_at);

-- +goose Down
DROP TABLE scheduled_jobs;
DROP TABLE scheduled_plan_destinations;
DROP TABLE scheduled_plans;
