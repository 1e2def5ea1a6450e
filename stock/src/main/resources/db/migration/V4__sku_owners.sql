-- The merchant who owns each SKU, as catalog announces it on catalog.product.v1 (drafts too):
-- stock keeps levels only for SKUs catalog announced, each readable and countable by its owner.
-- Levels counted before stock knew owners have none until catalog's events (replayed from the
-- start of the topic) name them; meanwhile only an admin sees them.
ALTER TABLE stock_level ADD COLUMN merchant_id TEXT CHECK (length(merchant_id) BETWEEN 1 AND 255);
CREATE INDEX stock_level_merchant ON stock_level (merchant_id, sku);
