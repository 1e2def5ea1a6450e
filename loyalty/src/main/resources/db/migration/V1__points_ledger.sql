-- Every change of a shopper's points is one ledger entry; the balance is their sum.
CREATE TABLE points_ledger_entry (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shopper_id  TEXT        NOT NULL,
    points      BIGINT      NOT NULL CHECK (points <> 0),
    reason      TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX points_ledger_shopper ON points_ledger_entry (shopper_id, created_at DESC);
