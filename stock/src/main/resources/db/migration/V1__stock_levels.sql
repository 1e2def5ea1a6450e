-- On-hand and reserved units per SKU in the default warehouse. Never negative.
CREATE TABLE stock_level (
    sku        TEXT        PRIMARY KEY CHECK (length(sku) BETWEEN 1 AND 64),
    on_hand    BIGINT      NOT NULL CHECK (on_hand >= 0),
    reserved   BIGINT      NOT NULL CHECK (reserved >= 0 AND reserved <= on_hand),
    updated_at TIMESTAMPTZ NOT NULL
);
