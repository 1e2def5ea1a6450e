-- Points pay part of an order: the goods' subtotal, the points used and what they took off; the
-- total is what is left to pay in money. The order awaits payment once stock and points are held.
ALTER TABLE shop_order ADD COLUMN subtotal_minor BIGINT;
UPDATE shop_order SET subtotal_minor = total_minor;
ALTER TABLE shop_order ALTER COLUMN subtotal_minor SET NOT NULL;
ALTER TABLE shop_order ADD COLUMN points_used BIGINT NOT NULL DEFAULT 0 CHECK (points_used >= 0);
ALTER TABLE shop_order ADD COLUMN points_discount_minor BIGINT NOT NULL DEFAULT 0 CHECK (points_discount_minor >= 0);
ALTER TABLE shop_order ADD COLUMN stock_held BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE shop_order ADD COLUMN points_held BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE shop_order SET stock_held = (status <> 'PENDING'), points_held = TRUE;
