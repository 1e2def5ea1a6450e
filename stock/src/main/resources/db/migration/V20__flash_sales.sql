-- Flash sales: units of one SKU set aside from its stock (held in stock_level.reserved, so the
-- regular shop cannot sell them) and sold through Redis; the tickets of admitted buyers drained here.
CREATE TABLE flash_sale (
    id                 BIGSERIAL   PRIMARY KEY,
    sku                TEXT        NOT NULL CHECK (length(sku) BETWEEN 1 AND 64),
    merchant_id        TEXT,
    quantity           INTEGER     NOT NULL CHECK (quantity > 0),
    price_minor        BIGINT      NOT NULL CHECK (price_minor >= 0),
    currency           CHAR(3)     NOT NULL,
    starts_at          TIMESTAMPTZ NOT NULL,
    ends_at            TIMESTAMPTZ NOT NULL,
    per_shopper_limit  INTEGER     NOT NULL CHECK (per_shopper_limit > 0),
    loaded_at          TIMESTAMPTZ,
    created_at         TIMESTAMPTZ NOT NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX flash_sale_window ON flash_sale (ends_at, starts_at);

CREATE TABLE flash_sale_ticket (
    ticket_id    UUID        PRIMARY KEY,
    sale_id      BIGINT      NOT NULL REFERENCES flash_sale (id),
    shopper_id   TEXT        NOT NULL,
    status       VARCHAR(16) NOT NULL CHECK (status IN ('ADMITTED', 'ORDERED', 'PAID', 'RETURNED')),
    order_id     BIGINT,
    admitted_at  TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX flash_sale_ticket_sale ON flash_sale_ticket (sale_id, status);
CREATE INDEX flash_sale_ticket_order ON flash_sale_ticket (order_id) WHERE order_id IS NOT NULL;
CREATE INDEX flash_sale_ticket_unordered ON flash_sale_ticket (admitted_at) WHERE status = 'ADMITTED';
