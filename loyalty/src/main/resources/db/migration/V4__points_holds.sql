-- Points that pay part of an order: taken from the balance when the order is placed (a ledger
-- debit), spent when it is paid, given back when it is cancelled unpaid, and returned in
-- proportion to the money refunded after it was paid.
CREATE TABLE points_hold (
    order_id        BIGINT PRIMARY KEY,
    shopper_id      TEXT        NOT NULL,
    points          BIGINT      NOT NULL CHECK (points > 0),
    money_minor     BIGINT      NOT NULL CHECK (money_minor >= 0),
    currency        TEXT        NOT NULL,
    status          TEXT        NOT NULL,
    refunded_minor  BIGINT      NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0),
    returned_points BIGINT      NOT NULL DEFAULT 0 CHECK (returned_points >= 0 AND returned_points <= points),
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX points_hold_held ON points_hold (shopper_id) WHERE status = 'HELD';
