-- A payment for one order. No card number or CVV is ever stored: cards arrive as PSP tokens.
CREATE TABLE payment (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id    BIGINT      NOT NULL,
    shopper_id  TEXT        NOT NULL,
    channel     TEXT        NOT NULL,
    status      TEXT        NOT NULL,
    amount_minor BIGINT     NOT NULL CHECK (amount_minor > 0),
    currency    CHAR(3)     NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX payment_shopper ON payment (shopper_id, created_at DESC);
