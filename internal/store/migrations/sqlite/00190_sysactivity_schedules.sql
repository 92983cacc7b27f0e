-- +goose Up
-- system__activity reads scheduled plans, their destinations (type and
-- format only: addresses can carry webhook secrets) and their jobs.
CREATE VIEW sa_scheduled_plan AS
SELECT id, name, user_id, look_id, dashboard_id, lookml_dashboard_id, query_id, crontab, timezone, datagroup,
       enabled, run_once, datetime(created_at / 1000, 'unixepoch') AS created_time, datetime(updated_at / 1000, 'unixepoch') AS updated_time
FROM scheduled_plans;

CREATE VIEW sa_scheduled_plan_destination AS
SELECT id, scheduled_plan_id, type, format, apply_formatting, apply_vis
FROM scheduled_plan_destinations;

CREATE VIEW sa_scheduled_job AS
SELECT id, scheduled_plan_id, delivery_id, status, attempts, error AS status_detail,
       datetime(fire_at / 1000, 'unixepoch') AS fire_time, datetime(created_at / 1000, 'unixepoch') AS created_time,
       datetime(started_at / 1000, 'unixepoch') AS started_time, datetime(finished_at / 1000, 'unixepoch') AS finalized_time,
       (finished_at - started_at) / 1000.0 AS runtime
FROM scheduled_jobs;

-- +goose Down
DROP VIEW sa_scheduled_job;
DROP VIEW sa_scheduled_plan_destination;
DROP VIEW sa_scheduled_plan;
