-- Names in several languages (BCP 47 tag -> name; "name" stays the default display name) and
-- the SKUs a shopper buys: each with its own code, attributes, price and optional points price.
ALTER TABLE product ADD COLUMN names JSONB NOT NULL DEFAULT '{}'::jsonb;
ALTER TABLE product ADD COLUMN updated_at TIMESTAMPTZ;
UPDATE product SET updated_at = created_at;
ALTER TABLE product ALTER COLUMN updated_at SET NOT NULL;

CREATE TABLE sku (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id   BIGINT      NOT NULL REFERENCES product (id),
    code         TEXT        NOT NULL UNIQUE CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
    attributes   JSONB       NOT NULL DEFAULT '{}'::jsonb,
    price_minor  BIGINT      NOT NULL CHECK (price_minor > 0),
    currency     CHAR(3)     NOT NULL,
    points_price BIGINT      CHECK (points_price > 0)
);
CREATE INDEX sku_product ON sku (product_id);
