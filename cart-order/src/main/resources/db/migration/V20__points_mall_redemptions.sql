-- The points mall: the copy of a SKU keeps its points-plus-cash price (the money part, in the SKU's
-- currency; 0 when points alone pay) and the units one shopper may redeem in all (NULL: no limit).
ALTER TABLE catalog_sku ADD COLUMN points_cash_minor BIGINT CHECK (points_cash_minor >= 0);
ALTER TABLE catalog_sku ADD COLUMN redeem_limit_per_shopper INT CHECK (redeem_limit_per_shopper >= 1);

-- An order is a PURCHASE (from the cart) or a REDEMPTION (in the points mall); a redemption's line
-- costs its cash part, which is 0 when points alone pay.
ALTER TABLE shop_order ADD COLUMN kind TEXT NOT NULL DEFAULT 'PURCHASE' CHECK (kind IN ('PURCHASE', 'REDEMPTION'));
ALTER TABLE order_line DROP CONSTRAINT order_line_unit_price_minor_check;
ALTER TABLE order_line ADD CONSTRAINT order_line_unit_price_minor_check CHECK (unit_price_minor >= 0);
-- What one shopper has redeemed is counted at every redemption.
CREATE INDEX shop_order_redemptions ON shop_order (shopper_id) WHERE kind = 'REDEMPTION';
