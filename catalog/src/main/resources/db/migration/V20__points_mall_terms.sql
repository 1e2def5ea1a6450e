-- The points mall: a SKU with a points price may also have a points-plus-cash price (the money part,
-- in the SKU's currency) and a limit on the units one shopper may redeem in all.
ALTER TABLE sku ADD COLUMN points_cash_minor BIGINT CHECK (points_cash_minor >= 0);
ALTER TABLE sku ADD COLUMN redeem_limit_per_shopper INT CHECK (redeem_limit_per_shopper >= 1);
ALTER TABLE sku ADD CONSTRAINT sku_redemption_terms_need_points_price
    CHECK (points_price IS NOT NULL OR (points_cash_minor IS NULL AND redeem_limit_per_shopper IS NULL));
-- The points mall's list: listed products with a redeemable SKU.
CREATE INDEX sku_redeemable ON sku (product_id) WHERE points_price IS NOT NULL;
