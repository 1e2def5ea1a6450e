-- A product (SPU) as a merchant lists it; SKUs, prices and names in several languages follow.
CREATE TABLE product (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    merchant_id TEXT        NOT NULL,
    name        TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    status      TEXT        NOT NULL CHECK (status IN ('DRAFT', 'LISTED', 'DELISTED')),
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX product_listed ON product (created_at DESC) WHERE status = 'LISTED';
CREATE INDEX product_merchant ON product (merchant_id, created_at DESC);
