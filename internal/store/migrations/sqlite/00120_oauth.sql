-- +goose Up
-- OAuth client apps (browser apps using Authorization Code + PKCE), the
-- grants they hold, and web-login lockouts. Codes and tokens are stored as
-- SHA-256 digests only.
CREATE TABLE oauth_client_apps (
    client_guid TEXT PRIMARY KEY,
    redirect_uri TEXT NOT NULL,
    display_name TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    enabled BOOLEAN NOT NULL DEFAULT TRUE,
    group_id BIGINT REFERENCES groups(id) ON DELETE SET NULL,
    tokens_invalid_before BIGINT,
    created_at BIGINT NOT NULL
);

-- A user is activated for an app when it consents (or an admin activates
-- it); deactivation refuses the user until it is activated again.
CREATE TABLE oauth_app_users (
    client_guid TEXT NOT NULL REFERENCES oauth_client_apps(client_guid) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    active BOOLEAN NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (client_guid, user_id)
);

-- A family is one authorization: the code and every access and refresh
-- token descended from it. Revoking it ends them all.
CREATE TABLE oauth_families (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    client_guid TEXT NOT NULL REFERENCES oauth_client_apps(client_guid) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    redirect_uri TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
);
CREATE INDEX oauth_families_app_user ON oauth_families(client_guid, user_id);

CREATE TABLE oauth_family_tokens (
    family_id BIGINT NOT NULL REFERENCES oauth_families(id) ON DELETE CASCADE,
    access_token_id BIGINT NOT NULL REFERENCES access_tokens(id) ON DELETE CASCADE,
    PRIMARY KEY (family_id, access_token_id)
);

CREATE TABLE oauth_codes (
    code_hash BLOB PRIMARY KEY,
    family_id BIGINT NOT NULL REFERENCES oauth_families(id) ON DELETE CASCADE,
    code_challenge TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);

-- access_token_id/access_expires_at tell a refresh token whose access
-- token was logged out (gone before its expiry) from one that just expired.
CREATE TABLE oauth_refresh_tokens (
    token_hash BLOB PRIMARY KEY,
    family_id BIGINT NOT NULL REFERENCES oauth_families(id) ON DELETE CASCADE,
    access_token_id BIGINT NOT NULL,
    access_expires_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX oauth_refresh_tokens_family ON oauth_refresh_tokens(family_id);

CREATE TABLE user_login_lockouts (
    lockout_key TEXT PRIMARY KEY,
    auth_type TEXT NOT NULL,
    email TEXT NOT NULL DEFAULT '',
    ip TEXT NOT NULL DEFAULT '',
    user_id BIGINT REFERENCES users(id) ON DELETE CASCADE,
    fail_count BIGINT NOT NULL DEFAULT 0,
    first_fail_at BIGINT NOT NULL,
    lockout_at BIGINT
);

-- +goose Down
DROP TABLE user_login_lockouts;
DROP TABLE oauth_refresh_tokens;
DROP TABLE oauth_codes;
DROP TABLE oauth_family_tokens;
DROP TABLE oauth_families;
DROP TABLE oauth_app_users;
DROP TABLE oauth_client_apps;
