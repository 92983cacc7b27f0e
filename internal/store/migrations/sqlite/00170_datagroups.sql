-- +goose Up
-- The state of each LookML datagroup (model, name): when its trigger last
-- changed and was checked, the trigger's last value, and the instant before
-- which cached results of the explores that persist with it are stale.
-- Times are Unix milliseconds (0: never).
CREATE TABLE datagroups (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    model_name TEXT NOT NULL,
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    stale_before BIGINT NOT NULL DEFAULT 0,
    triggered_at BIGINT NOT NULL DEFAULT 0,
    trigger_check_at BIGINT NOT NULL DEFAULT 0,
    trigger_value TEXT NOT NULL DEFAULT '',
    trigger_error TEXT NOT NULL DEFAULT '',
    UNIQUE (model_name, name)
);

-- +goose Down
DROP TABLE datagroups;
