-- Quarantined returns, once inspected, are released onto the shelf (QUARANTINE_RELEASED: on hand again)
-- or written off (QUARANTINE_WRITTEN_OFF: out of quarantine and of the warehouse, never on hand).
-- Quarantined stays the sum of RETURN_TO_QUARANTINE less these two.
ALTER TABLE stock_movement DROP CONSTRAINT stock_movement_kind_check;
ALTER TABLE stock_movement DROP CONSTRAINT stock_movement_check;
ALTER TABLE stock_movement ADD CONSTRAINT stock_movement_kind_check CHECK (kind IN ('RECEIPT', 'SALE',
    'RETURN_TO_STOCK', 'RETURN_TO_QUARANTINE', 'QUARANTINE_RELEASED', 'QUARANTINE_WRITTEN_OFF', 'ADJUSTMENT',
    'TRANSFER_OUT', 'TRANSFER_IN'));
ALTER TABLE stock_movement ADD CONSTRAINT stock_movement_check CHECK (kind = 'ADJUSTMENT'
    OR (quantity > 0) = (kind IN ('RECEIPT', 'RETURN_TO_STOCK', 'RETURN_TO_QUARANTINE', 'QUARANTINE_RELEASED',
                                  'TRANSFER_IN')));
