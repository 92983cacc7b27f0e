-- +goose Up
CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    first_name TEXT NOT NULL DEFAULT '',
    last_name TEXT NOT NULL DEFAULT '',
    locale TEXT NOT NULL DEFAULT 'en',
    is_disabled BOOLEAN NOT NULL DEFAULT FALSE,
    is_service_account BOOLEAN NOT NULL DEFAULT FALSE,
    service_account_name TEXT NOT NULL DEFAULT '',
    home_folder_id BIGINT,
    personal_folder_id BIGINT,
    models_dir_validated BOOLEAN NOT NULL DEFAULT FALSE,
    can_manage_api3_creds BOOLEAN NOT NULL DEFAULT TRUE,
    ui_state TEXT NOT NULL DEFAULT '{}',
    created_at BIGINT NOT NULL
);

CREATE TABLE credentials_email (
    user_id BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    email_key TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL DEFAULT '',
    forced_password_reset BOOLEAN NOT NULL DEFAULT FALSE,
    is_disabled BOOLEAN NOT NULL DEFAULT FALSE,
    reset_token_hash TEXT,
    reset_expires_at BIGINT,
    created_at BIGINT NOT NULL,
    logged_in_at BIGINT
);

CREATE TABLE credentials_api3 (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    client_id TEXT NOT NULL UNIQUE,
    secret_hash TEXT NOT NULL,
    purpose TEXT NOT NULL DEFAULT '',
    is_disabled BOOLEAN NOT NULL DEFAULT FALSE,
    created_at BIGINT NOT NULL
);
CREATE INDEX credentials_api3_user ON credentials_api3(user_id);

CREATE TABLE access_tokens (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    token_hash BLOB NOT NULL UNIQUE,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    sudo_user_id BIGINT REFERENCES users(id) ON DELETE CASCADE,
    credentials_api3_id BIGINT REFERENCES credentials_api3(id) ON DELETE CASCADE,
    workspace_id TEXT NOT NULL DEFAULT 'production',
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX access_tokens_user ON access_tokens(user_id);

CREATE TABLE permission_sets (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE,
    permissions TEXT NOT NULL DEFAULT '[]',
    built_in BOOLEAN NOT NULL DEFAULT FALSE,
    all_access BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE model_sets (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE,
    models TEXT NOT NULL DEFAULT '[]',
    built_in BOOLEAN NOT NULL DEFAULT FALSE,
    all_access BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE roles (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE,
    permission_set_id BIGINT NOT NULL REFERENCES permission_sets(id),
    model_set_id BIGINT NOT NULL REFERENCES model_sets(id)
);

CREATE TABLE groups (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE,
    can_add_to_content_metadata BOOLEAN NOT NULL DEFAULT TRUE,
    external_group_id TEXT
);

CREATE TABLE role_users (
    role_id BIGINT NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    PRIMARY KEY (role_id, user_id)
);

CREATE TABLE role_groups (
    role_id BIGINT NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
    group_id BIGINT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    PRIMARY KEY (role_id, group_id)
);

CREATE TABLE group_users (
    group_id BIGINT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, user_id)
);

CREATE TABLE group_groups (
    parent_group_id BIGINT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    child_group_id BIGINT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    PRIMARY KEY (parent_group_id, child_group_id)
);

CREATE TABLE user_attributes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE,
    label TEXT NOT NULL,
    type TEXT NOT NULL,
    default_value TEXT,
    is_system BOOLEAN NOT NULL DEFAULT FALSE,
    is_permanent BOOLEAN NOT NULL DEFAULT FALSE,
    value_is_hidden BOOLEAN NOT NULL DEFAULT FALSE,
    user_can_view BOOLEAN NOT NULL DEFAULT TRUE,
    user_can_edit BOOLEAN NOT NULL DEFAULT FALSE,
    hidden_value_domain_whitelist TEXT
);

CREATE TABLE user_attribute_user_values (
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    user_attribute_id BIGINT NOT NULL REFERENCES user_attributes(id) ON DELETE CASCADE,
    value TEXT NOT NULL,
    PRIMARY KEY (user_id, user_attribute_id)
);

CREATE TABLE user_attribute_group_values (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    group_id BIGINT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    user_attribute_id BIGINT NOT NULL REFERENCES user_attributes(id) ON DELETE CASCADE,
    value TEXT NOT NULL,
    rank BIGINT NOT NULL DEFAULT 1,
    UNIQUE (group_id, user_attribute_id)
);

CREATE TABLE folders (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    parent_id BIGINT REFERENCES folders(id) ON DELETE CASCADE,
    creator_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    is_personal BOOLEAN NOT NULL DEFAULT FALSE,
    root_kind TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX folders_parent ON folders(parent_id);

CREATE TABLE settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE audit_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at BIGINT NOT NULL,
    user_id BIGINT,
    sudo_user_id BIGINT,
    operation TEXT NOT NULL,
    object_type TEXT NOT NULL DEFAULT '',
    object_id TEXT NOT NULL DEFAULT '',
    status INTEGER NOT NULL
);
CREATE INDEX audit_events_created ON audit_events(created_at);

-- +goose Down
DROP TABLE audit_events;
DROP TABLE settings;
DROP TABLE folders;
DROP TABLE user_attribute_group_values;
DROP TABLE user_attribute_user_values;
DROP TABLE user_attributes;
DROP TABLE group_groups;
DROP TABLE group_users;
DROP TABLE role_groups;
DROP TABLE role_users;
DROP TABLE groups;
DROP TABLE roles;
DROP TABLE model_sets;
DROP TABLE permission_sets;
DROP TABLE access_tokens;
DROP TABLE credentials_api3;
DROP TABLE credentials_email;
DROP TABLE users;
