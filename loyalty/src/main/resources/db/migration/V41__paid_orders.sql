-- What loyalty keeps of each paid order (order.v1): its lines, for the rules that grant when it
-- completes or after its return window, and its total less refunds, for the tiers' 12-month spend.
CREATE TABLE paid_order (
    order_id        BIGINT      PRIMARY KEY,
    shopper_id      TEXT        NOT NULL,
    total_minor     BIGINT      NOT NULL CHECK (total_minor >= 0),
    currency        TEXT        NOT NULL,
    refunded_minor  BIGINT      NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0 AND refunded_minor <= total_minor),
    lines           JSONB       NOT NULL,
    paid_at         TIMESTAMPTZ NOT NULL,
    completed_at    TIMESTAMPTZ
);
CREATE INDEX paid_order_shopper ON paid_order (shopper_id, paid_at);
CREATE INDEX paid_order_completed ON paid_order (completed_at) WHERE completed_at IS NOT NULL;

-- A completed order's return window of N days, settled once (with the points its rules granted, maybe 0).
CREATE TABLE return_window_grant (
    order_id     BIGINT      NOT NULL REFERENCES paid_order (order_id),
    window_days  INT         NOT NULL CHECK (window_days > 0),
    points       BIGINT      NOT NULL CHECK (points >= 0),
    granted_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (order_id, window_days)
);
