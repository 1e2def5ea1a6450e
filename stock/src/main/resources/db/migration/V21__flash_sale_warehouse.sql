-- A flash sale's units are set aside in one warehouse: held in its warehouse_stock.reserved and in
-- the SKU's stock_level.reserved (FlashSaleStock).
ALTER TABLE flash_sale ADD COLUMN warehouse_code TEXT NOT NULL DEFAULT 'DEFAULT' REFERENCES warehouse (code);
ALTER TABLE flash_sale ALTER COLUMN warehouse_code DROP DEFAULT;
