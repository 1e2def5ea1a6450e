-- A tiny aggregate for testing the shared mechanisms.
CREATE TABLE note (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    author     TEXT NOT NULL,
    text       TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
