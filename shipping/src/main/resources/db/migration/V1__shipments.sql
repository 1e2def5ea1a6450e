-- A shipment of one paid order, with the carrier's tracking number.
CREATE TABLE shipment (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id        BIGINT      NOT NULL UNIQUE,
    shopper_id      TEXT        NOT NULL,
    carrier         TEXT        NOT NULL,
    tracking_number TEXT        NOT NULL,
    status          TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX shipment_shopper ON shipment (shopper_id, created_at DESC);
