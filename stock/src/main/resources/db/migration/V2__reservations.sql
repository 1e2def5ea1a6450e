-- Units held for an order between checkout and payment (HELD), then taken from stock
-- (CONFIRMED) or given back (RELEASED).
CREATE TABLE stock_reservation (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id   BIGINT      NOT NULL,
    sku        TEXT        NOT NULL REFERENCES stock_level (sku),
    quantity   BIGINT      NOT NULL CHECK (quantity > 0),
    status     TEXT        NOT NULL CHECK (status IN ('HELD', 'CONFIRMED', 'RELEASED')),
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    UNIQUE (order_id, sku)
);
CREATE INDEX stock_reservation_order ON stock_reservation (order_id);
