-- An order of one shopper; its state machine, lines and timeline come with the checkout saga.
CREATE TABLE shop_order (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shopper_id     TEXT        NOT NULL,
    status         TEXT        NOT NULL,
    total_minor    BIGINT      NOT NULL CHECK (total_minor >= 0),
    currency       CHAR(3)     NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX shop_order_shopper ON shop_order (shopper_id, created_at DESC);
