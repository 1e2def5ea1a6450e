-- Delivery chosen at checkout: the service and what it cost (part of total_minor). Orders placed before went
-- by standard delivery at no charge.
ALTER TABLE shop_order ADD COLUMN shipping_option TEXT NOT NULL DEFAULT 'STANDARD'
    CHECK (shipping_option IN ('STANDARD', 'EXPRESS'));
ALTER TABLE shop_order ADD COLUMN shipping_fee_minor BIGINT NOT NULL DEFAULT 0 CHECK (shipping_fee_minor >= 0);
-- One packed unit's weight as catalog announces it; null when the merchant did not give it.
ALTER TABLE catalog_sku ADD COLUMN weight_grams INT CHECK (weight_grams > 0);
