-- What cart-order knows of the catalog: every SKU ever listed, kept from catalog.product.v1.
-- Carts and checkout read prices here, so they work while catalog is down.
CREATE TABLE catalog_sku (
    sku           TEXT PRIMARY KEY,
    product_id    BIGINT      NOT NULL,
    product_name  TEXT        NOT NULL,
    names         JSONB       NOT NULL,
    attributes    JSONB       NOT NULL,
    price_minor   BIGINT      NOT NULL CHECK (price_minor > 0),
    currency      CHAR(3)     NOT NULL,
    points_price  BIGINT,
    listed        BOOLEAN     NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX catalog_sku_product ON catalog_sku (product_id);

CREATE TABLE cart_line (
    shopper_id TEXT        NOT NULL,
    sku        TEXT        NOT NULL,
    quantity   INT         NOT NULL CHECK (quantity BETWEEN 1 AND 99),
    added_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (shopper_id, sku)
);

ALTER TABLE shop_order ADD COLUMN cancel_reason TEXT;
ALTER TABLE shop_order ADD COLUMN pay_by TIMESTAMPTZ;
ALTER TABLE shop_order ADD COLUMN delivered_at TIMESTAMPTZ;
ALTER TABLE shop_order ADD COLUMN updated_at TIMESTAMPTZ;
UPDATE shop_order SET updated_at = created_at, pay_by = created_at;
ALTER TABLE shop_order ALTER COLUMN updated_at SET NOT NULL;
ALTER TABLE shop_order ALTER COLUMN pay_by SET NOT NULL;
ALTER TABLE shop_order ADD CONSTRAINT shop_order_status CHECK (status IN
    ('PENDING', 'STOCK_RESERVED', 'PAID', 'FULFILLING', 'SHIPPED', 'DELIVERED', 'COMPLETED', 'CANCELLED'));
CREATE INDEX shop_order_unpaid ON shop_order (pay_by) WHERE status IN ('PENDING', 'STOCK_RESERVED');
CREATE INDEX shop_order_delivered ON shop_order (delivered_at) WHERE status = 'DELIVERED';

CREATE TABLE order_line (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id         BIGINT  NOT NULL REFERENCES shop_order (id),
    sku              TEXT    NOT NULL,
    product_name     TEXT    NOT NULL,
    quantity         INT     NOT NULL CHECK (quantity > 0),
    unit_price_minor BIGINT  NOT NULL CHECK (unit_price_minor > 0),
    currency         CHAR(3) NOT NULL,
    UNIQUE (order_id, sku)
);

-- Every step of every order, in order: what the shopper's timeline shows.
CREATE TABLE order_timeline (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id    BIGINT      NOT NULL REFERENCES shop_order (id),
    status      TEXT        NOT NULL,
    note        TEXT,
    occurred_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX order_timeline_order ON order_timeline (order_id, id);
