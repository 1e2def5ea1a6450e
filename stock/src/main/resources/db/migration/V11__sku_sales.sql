-- What each paid order sold of each SKU: the units, what they brought in, and the day the order was
-- paid in the mall's time zone. The analysis endpoints add these up per SKU and day. Written in the
-- transaction of the order's SALE movements; one row per order and SKU, so the order cannot count
-- twice. A paid order cancelled before it ships did not sell after all: its rows are marked
-- restocked and no longer count, on the day they were paid.
CREATE TABLE sku_sale (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id      BIGINT      NOT NULL,
    sku           TEXT        NOT NULL REFERENCES stock_level (sku),
    sold_on       DATE        NOT NULL,
    units         BIGINT      NOT NULL CHECK (units > 0),
    revenue_minor BIGINT      NOT NULL CHECK (revenue_minor >= 0),
    currency      TEXT        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    paid_at       TIMESTAMPTZ NOT NULL,
    restocked_at  TIMESTAMPTZ,
    UNIQUE (order_id, sku)
);
CREATE INDEX sku_sale_by_day ON sku_sale (sold_on, sku) WHERE restocked_at IS NULL;
CREATE INDEX sku_sale_by_sku ON sku_sale (sku, sold_on) WHERE restocked_at IS NULL;
