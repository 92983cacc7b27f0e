-- +goose Up
-- Every folder, look, dashboard and board has one content_metadata row; the
-- rows form the tree access is decided on. A row with inherits = TRUE also
-- gets the access of its parent row; inherits = FALSE closes it: only its own
-- grants apply.
CREATE TABLE content_metadata (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    parent_id BIGINT REFERENCES content_metadata(id) ON DELETE SET NULL,
    name TEXT NOT NULL DEFAULT '',
    folder_id BIGINT UNIQUE REFERENCES folders(id) ON DELETE CASCADE,
    look_id BIGINT,
    dashboard_id BIGINT,
    board_id BIGINT,
    inherits BOOLEAN NOT NULL DEFAULT TRUE,
    inheriting_id BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX content_metadata_parent ON content_metadata(parent_id);
CREATE INDEX content_metadata_look ON content_metadata(look_id);
CREATE INDEX content_metadata_dashboard ON content_metadata(dashboard_id);
CREATE INDEX content_metadata_board ON content_metadata(board_id);

-- A grant of view or edit on one content_metadata row to a user, a group,
-- or (all_users) everyone.
CREATE TABLE content_metadata_access (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    content_metadata_id BIGINT NOT NULL REFERENCES content_metadata(id) ON DELETE CASCADE,
    user_id BIGINT REFERENCES users(id) ON DELETE CASCADE,
    group_id BIGINT REFERENCES groups(id) ON DELETE CASCADE,
    all_users BOOLEAN NOT NULL DEFAULT FALSE,
    permission_type TEXT NOT NULL CHECK (permission_type IN ('view', 'edit'))
);
CREATE INDEX content_metadata_access_meta ON content_metadata_access(content_metadata_id);

-- Existing folders: one row each; roots and personal folders are closed.
INSERT INTO content_metadata (name, folder_id, inherits, created_at)
    SELECT name, id, (parent_id IS NOT NULL AND NOT is_personal), created_at FROM folders;
UPDATE content_metadata SET parent_id =
    (SELECT pm.id FROM folders f JOIN content_metadata pm ON pm.folder_id = f.parent_id
     WHERE f.id = content_metadata.folder_id)
    WHERE folder_id IS NOT NULL;
-- Everyone views the shared and users roots; owners edit their personal folders.
INSERT INTO content_metadata_access (content_metadata_id, all_users, permission_type)
    SELECT m.id, TRUE, 'view' FROM content_metadata m JOIN folders f ON f.id = m.folder_id
    WHERE f.root_kind IN ('shared', 'users');
INSERT INTO content_metadata_access (content_metadata_id, user_id, permission_type)
    SELECT m.id, f.creator_id, 'edit' FROM content_metadata m JOIN folders f ON f.id = m.folder_id
    WHERE f.is_personal AND f.creator_id IS NOT NULL;

-- +goose Down
DROP TABLE content_metadata_access;
DROP TABLE content_metadata;
