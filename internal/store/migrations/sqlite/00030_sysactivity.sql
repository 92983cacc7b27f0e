-- +goose Up
-- LookML model configurations created through the API (create_lookml_model).
-- Models the catalog serves from LookML exist without a row here.
CREATE TABLE lookml_models (
    name TEXT PRIMARY KEY,
    project_name TEXT NOT NULL,
    allowed_db_connection_names TEXT NOT NULL DEFAULT '[]',
    unlimited_db_connections BOOLEAN NOT NULL DEFAULT FALSE,
    created_at BIGINT NOT NULL
);

-- The system__activity model reads these views, never the tables: each
-- lists its columns explicitly, so no hash, token or secret is reachable
-- and a later column added to a table stays hidden until a view names it.
CREATE VIEW sa_user AS
SELECT u.id, u.first_name, u.last_name, e.email, u.locale, u.is_disabled,
       u.is_service_account, u.home_folder_id, datetime(u.created_at / 1000, 'unixepoch') AS created_time,
       datetime(e.logged_in_at / 1000, 'unixepoch') AS last_login_time
FROM users u LEFT JOIN credentials_email e ON e.user_id = u.id;

CREATE VIEW sa_group AS
SELECT id, name, external_group_id FROM groups;

CREATE VIEW sa_group_user AS
SELECT group_id, user_id FROM group_users;

CREATE VIEW sa_role AS
SELECT r.id, r.name, ps.name AS permission_set_name, ms.name AS model_set_name,
       r.permission_set_id, r.model_set_id
FROM roles r JOIN permission_sets ps ON ps.id = r.permission_set_id JOIN model_sets ms ON ms.id = r.model_set_id;

CREATE VIEW sa_role_user AS
SELECT role_id, user_id FROM role_users;

CREATE VIEW sa_model_set AS
SELECT id, name, models, built_in, all_access FROM model_sets;

CREATE VIEW sa_permission_set AS
SELECT id, name, permissions, built_in, all_access FROM permission_sets;

CREATE VIEW sa_folder AS
SELECT id, name, parent_id, creator_id, is_personal, datetime(created_at / 1000, 'unixepoch') AS created_time FROM folders;

CREATE VIEW sa_event AS
SELECT id, datetime(created_at / 1000, 'unixepoch') AS created_time, user_id, sudo_user_id, operation AS name,
       object_type, object_id, status
FROM audit_events;

-- +goose Down
DROP VIEW sa_event;
DROP VIEW sa_folder;
DROP VIEW sa_permission_set;
DROP VIEW sa_model_set;
DROP VIEW sa_role_user;
DROP VIEW sa_role;
DROP VIEW sa_group_user;
DROP VIEW sa_group;
DROP VIEW sa_user;
DROP TABLE lookml_models;
