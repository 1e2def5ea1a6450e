-- A flash sale is closed once it has ended and no admitted ticket can still become an order: the
-- units it neither sold nor holds for unpaid orders go back to the shop (released from the
-- set-aside in its warehouse and in stock_level.reserved), once. Units of orders still unpaid at the
-- close are sold when paid, and back to the shop, not to the sale, when cancelled.
ALTER TABLE flash_sale ADD COLUMN closed_at TIMESTAMPTZ;
ALTER TABLE flash_sale ADD COLUMN units_returned_to_shop INTEGER CHECK (units_returned_to_shop >= 0);
ALTER TABLE flash_sale ADD CONSTRAINT flash_sale_closed_with_units
    CHECK ((closed_at IS NULL) = (units_returned_to_shop IS NULL));
CREATE INDEX flash_sale_open_after_end ON flash_sale (ends_at) WHERE closed_at IS NULL;
