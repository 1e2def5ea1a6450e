-- Points earned for an order are credited once per order and reason, whatever is redelivered.
ALTER TABLE points_ledger_entry ADD COLUMN order_id BIGINT;
CREATE UNIQUE INDEX points_ledger_once_per_order ON points_ledger_entry (order_id, reason) WHERE order_id IS NOT NULL;
