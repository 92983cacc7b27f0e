-- +goose Up
-- Alerts watch one field of a dashboard tile's query and notify their
-- destinations (and followers) when a condition holds. Like scheduled
-- plans, each cron fire becomes one alert_jobs row, unique per (alert, fire
-- time), claimed under a lease, so a fire is evaluated once however many
-- nodes run. Times are Unix milliseconds.
CREATE TABLE alerts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    owner_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    dashboard_element_id BIGINT REFERENCES dashboard_elements(id) ON DELETE CASCADE,
    query_id BIGINT,
    field_name TEXT NOT NULL,
    field_title TEXT NOT NULL DEFAULT '',
    comparison_type TEXT NOT NULL,
    threshold DOUBLE PRECISION NOT NULL DEFAULT 0,
    cron TEXT NOT NULL,
    is_disabled BOOLEAN NOT NULL DEFAULT FALSE,
    is_public BOOLEAN NOT NULL DEFAULT FALSE,
    -- the rest of Looker's alert fields (field filters, applied dashboard
    -- filters, destinations, titles, custom url), as a JSON object
    options TEXT NOT NULL DEFAULT '{}',
    -- what change comparisons remember between evaluations, JSON
    condition_state TEXT NOT NULL DEFAULT '{}',
    planned_until BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX alerts_owner ON alerts (owner_id);
CREATE INDEX alerts_element ON alerts (dashboard_element_id);

CREATE TABLE alert_followers (
    alert_id BIGINT NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    PRIMARY KEY (alert_id, user_id)
);

CREATE TABLE alert_jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    alert_id BIGINT NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
    fire_at BIGINT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    lease_owner TEXT,
    lease_until BIGINT,
    -- whether the condition held, once evaluated
    condition_met BOOLEAN,
    error TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    finished_at BIGINT,
    UNIQUE (alert_id, fire_at)
);
CREATE INDEX alert_jobs_due ON alert_jobs (status, next_attempt_at);

CREATE TABLE alert_notifications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    alert_id BIGINT NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    fire_at BIGINT NOT NULL,
    field_value DOUBLE PRECISION,
    threshold_value DOUBLE PRECISION NOT NULL,
    field_title TEXT NOT NULL DEFAULT '',
    notification_type TEXT NOT NULL DEFAULT 'email',
    is_read BOOLEAN NOT NULL DEFAULT FALSE,
    ran_at BIGINT NOT NULL,
    UNIQUE (alert_id, user_id, fire_at)
);
CREATE INDEX alert_notifications_user ON alert_notifications (user_id);

-- +goose Down
DROP TABLE alert_notifications;
DROP TABLE alert_jobs;
DROP TABLE alert_followers;
DROP TABLE alerts;
