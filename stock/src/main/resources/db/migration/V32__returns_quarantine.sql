-- Goods a shopper returned (after-sales, order.v1 OrderReturnReceived) go back into the warehouse they
-- left: SELLABLE ones on hand again (RETURN_TO_STOCK), the others set apart as quarantined until
-- inspected (RETURN_TO_QUARANTINE: not on hand, not sellable). On hand stays the sum of the other
-- movements, quarantined the sum of these.
ALTER TABLE warehouse_stock ADD COLUMN quarantined BIGINT NOT NULL DEFAULT 0 CHECK (quarantined >= 0);

ALTER TABLE stock_movement DROP CONSTRAINT stock_movement_kind_check;
ALTER TABLE stock_movement DROP CONSTRAINT stock_movement_check;
ALTER TABLE stock_movement ADD CONSTRAINT stock_movement_kind_check CHECK (kind IN ('RECEIPT', 'SALE',
    'RETURN_TO_STOCK', 'RETURN_TO_QUARANTINE', 'ADJUSTMENT', 'TRANSFER_OUT', 'TRANSFER_IN'));
ALTER TABLE stock_movement ADD CONSTRAINT stock_movement_check CHECK (kind = 'ADJUSTMENT'
    OR (quantity > 0) = (kind IN ('RECEIPT', 'RETURN_TO_STOCK', 'RETURN_TO_QUARANTINE', 'TRANSFER_IN')));
