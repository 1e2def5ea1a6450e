-- Units of a sale shoppers returned (after-sales, received back sellable or into quarantine) no longer count
-- as sold: the analysis reads units - returned_units, and the revenue in proportion.
ALTER TABLE sku_sale ADD COLUMN returned_units BIGINT NOT NULL DEFAULT 0;
ALTER TABLE sku_sale ADD CONSTRAINT sku_sale_returned_units CHECK (returned_units BETWEEN 0 AND units);
