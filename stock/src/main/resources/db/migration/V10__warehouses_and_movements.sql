-- Warehouses, stock per SKU per warehouse, and the append-only movements every change of on-hand
-- goes through. stock_level keeps each SKU's owner and its totals over all warehouses (what can be
-- sold); warehouse_stock the same per warehouse, and each row's on hand is the sum of its movements.
CREATE TABLE warehouse (
    code       TEXT             PRIMARY KEY CHECK (code ~ '^[A-Z0-9_-]{1,32}$'),
    name       TEXT             NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    region     TEXT             NOT NULL CHECK (length(region) BETWEEN 1 AND 64),
    latitude   DOUBLE PRECISION NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude  DOUBLE PRECISION NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    created_at TIMESTAMPTZ      NOT NULL
);
-- The single warehouse stock kept until now: today's levels and reservations are its.
INSERT INTO warehouse (code, name, region, latitude, longitude, created_at)
VALUES ('DEFAULT', 'Default warehouse', 'CN-SH', 31.2304, 121.4737, now());

-- reserved: units held for unpaid orders and for transfers not yet dispatched from here;
-- inbound: units dispatched towards here and not yet received (sellable nowhere meanwhile).
CREATE TABLE warehouse_stock (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sku            TEXT        NOT NULL REFERENCES stock_level (sku),
    warehouse_code TEXT        NOT NULL REFERENCES warehouse (code),
    on_hand        BIGINT      NOT NULL CHECK (on_hand >= 0),
    reserved       BIGINT      NOT NULL CHECK (reserved >= 0 AND reserved <= on_hand),
    inbound        BIGINT      NOT NULL CHECK (inbound >= 0),
    -- low-stock alerting: raised once when available falls to the threshold, re-armed above it
    low_threshold  BIGINT      CHECK (low_threshold >= 0),
    low_alerted    BOOLEAN     NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    UNIQUE (sku, warehouse_code)
);

CREATE TABLE stock_movement (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sku            TEXT        NOT NULL,
    warehouse_code TEXT        NOT NULL,
    kind           TEXT        NOT NULL CHECK (kind IN ('RECEIPT', 'SALE', 'RETURN_TO_STOCK', 'ADJUSTMENT',
                                                        'TRANSFER_OUT', 'TRANSFER_IN')),
    quantity       BIGINT      NOT NULL CHECK (quantity <> 0),
    reason         TEXT        NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
    reference      TEXT        CHECK (length(reference) BETWEEN 1 AND 200),
    actor          TEXT        NOT NULL CHECK (length(actor) BETWEEN 1 AND 255),
    occurred_at    TIMESTAMPTZ NOT NULL,
    FOREIGN KEY (sku, warehouse_code) REFERENCES warehouse_stock (sku, warehouse_code),
    CHECK (kind = 'ADJUSTMENT' OR (quantity > 0) = (kind IN ('RECEIPT', 'RETURN_TO_STOCK', 'TRANSFER_IN')))
);
CREATE INDEX stock_movement_sku ON stock_movement (sku, id);

-- Append-only: a movement, once written, is history.
CREATE FUNCTION stock_movement_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'stock_movement is append-only';
END
$$;
CREATE TRIGGER stock_movement_append_only BEFORE UPDATE OR DELETE ON stock_movement
    FOR EACH ROW EXECUTE FUNCTION stock_movement_is_append_only();
CREATE TRIGGER stock_movement_no_truncate BEFORE TRUNCATE ON stock_movement
    FOR EACH STATEMENT EXECUTE FUNCTION stock_movement_is_append_only();

-- Which warehouses hold (and, once paid, sold) the units of each reservation.
CREATE TABLE stock_allocation (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reservation_id BIGINT NOT NULL REFERENCES stock_reservation (id),
    warehouse_code TEXT   NOT NULL REFERENCES warehouse (code),
    quantity       BIGINT NOT NULL CHECK (quantity > 0),
    UNIQUE (reservation_id, warehouse_code)
);

-- Units moving between two warehouses: held at the source when REQUESTED, off its shelf and in
-- transit when dispatched (IN_TRANSIT), on the destination's shelf when RECEIVED; CANCELLED only
-- before dispatch.
CREATE TABLE stock_transfer (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sku            TEXT        NOT NULL REFERENCES stock_level (sku),
    from_warehouse TEXT        NOT NULL REFERENCES warehouse (code),
    to_warehouse   TEXT        NOT NULL REFERENCES warehouse (code),
    quantity       BIGINT      NOT NULL CHECK (quantity > 0),
    status         TEXT        NOT NULL CHECK (status IN ('REQUESTED', 'IN_TRANSIT', 'RECEIVED', 'CANCELLED')),
    reference      TEXT        CHECK (length(reference) BETWEEN 1 AND 200),
    requested_by   TEXT        NOT NULL,
    requested_at   TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    CHECK (from_warehouse <> to_warehouse)
);
CREATE INDEX stock_transfer_sku ON stock_transfer (sku, id);

-- One row per downward crossing of a low-stock threshold.
CREATE TABLE stock_alert (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sku            TEXT        NOT NULL,
    warehouse_code TEXT        NOT NULL,
    threshold      BIGINT      NOT NULL,
    available      BIGINT      NOT NULL,
    raised_at      TIMESTAMPTZ NOT NULL,
    FOREIGN KEY (sku, warehouse_code) REFERENCES warehouse_stock (sku, warehouse_code)
);
CREATE INDEX stock_alert_raised ON stock_alert (id DESC);

-- Today's levels become the default warehouse's, opened by one movement each, and today's
-- reservations are held there.
INSERT INTO warehouse_stock (sku, warehouse_code, on_hand, reserved, inbound, low_alerted, updated_at)
SELECT sku, 'DEFAULT', on_hand, reserved, 0, false, updated_at FROM stock_level;
INSERT INTO stock_movement (sku, warehouse_code, kind, quantity, reason, actor, occurred_at)
SELECT sku, 'DEFAULT', 'ADJUSTMENT', on_hand, 'opening balance', 'migration', now() FROM stock_level WHERE on_hand > 0;
INSERT INTO stock_allocation (reservation_id, warehouse_code, quantity)
SELECT id, 'DEFAULT', quantity FROM stock_reservation;
