-- +goose Up
-- Database connections created through the API. Credentials are sealed
-- (AES-256-GCM) by the connections service before they reach this table;
-- connections configured by the operator live in memory only.
CREATE TABLE connections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE,
    dialect TEXT NOT NULL,
    host TEXT NOT NULL DEFAULT '',
    port INTEGER NOT NULL DEFAULT 0,
    database_name TEXT NOT NULL DEFAULT '',
    schema_name TEXT NOT NULL DEFAULT '',
    username TEXT NOT NULL DEFAULT '',
    password_sealed BLOB,
    certificate_sealed BLOB,
    options TEXT NOT NULL DEFAULT '{}',
    settings TEXT NOT NULL DEFAULT '{}',
    max_connections INTEGER NOT NULL DEFAULT 0,
    pool_timeout INTEGER NOT NULL DEFAULT 0,
    query_timeout INTEGER NOT NULL DEFAULT 0,
    user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
);

-- +goose Down
DROP TABLE connections;
