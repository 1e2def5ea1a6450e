-- Operators see orders: a merchant those holding one of their SKUs, so the copy of a SKU keeps its merchant.
ALTER TABLE catalog_sku ADD COLUMN merchant_id TEXT;
CREATE INDEX catalog_sku_merchant ON catalog_sku (merchant_id);
CREATE INDEX order_line_sku ON order_line (sku);
CREATE INDEX shop_order_created ON shop_order (created_at DESC, id DESC);
