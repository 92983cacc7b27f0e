-- +goose Up
-- A look's certification: who certified (or revoked) it, when, and why.
CREATE TABLE look_certifications (
    look_id BIGINT PRIMARY KEY REFERENCES looks(id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT '',
    user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    updated_at BIGINT NOT NULL
);

-- +goose Down
DROP TABLE look_certifications;
