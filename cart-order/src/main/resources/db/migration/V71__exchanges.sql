-- Exchanges: the shopper sends units back and gets the same SKU, or another SKU of the same product at
-- the same price, in a replacement order (kind EXCHANGE, replacement_for naming the order the units were
-- bought on), placed once the merchant received the goods. No money moves: the replacement costs
-- nothing and the request keeps the units' share of the money, which goes back (APPROVED, then REFUNDED)
-- only if the replacement order is cancelled. REPLACING while the replacement is on its way (the
-- order's one open request), EXCHANGED once it is delivered.
ALTER TABLE after_sales_request DROP CONSTRAINT after_sales_request_kind_check;
ALTER TABLE after_sales_request ADD CONSTRAINT after_sales_request_kind_check
    CHECK (kind IN ('REFUND_ONLY', 'RETURN_AND_REFUND', 'EXCHANGE'));
ALTER TABLE after_sales_request ADD COLUMN replacement_order_id BIGINT REFERENCES shop_order (id);
CREATE UNIQUE INDEX after_sales_request_replacement ON after_sales_request (replacement_order_id)
    WHERE replacement_order_id IS NOT NULL;
ALTER TABLE after_sales_request ADD CONSTRAINT after_sales_request_replacing
    CHECK (status NOT IN ('REPLACING', 'EXCHANGED') OR replacement_order_id IS NOT NULL);

DROP INDEX after_sales_request_one_open;
CREATE UNIQUE INDEX after_sales_request_one_open ON after_sales_request (order_id)
    WHERE status IN ('REQUESTED', 'AWAITING_RETURN', 'RETURN_SHIPPED', 'APPROVED', 'REPLACING');

ALTER TABLE shop_order DROP CONSTRAINT shop_order_kind_check;
ALTER TABLE shop_order ADD CONSTRAINT shop_order_kind_check
    CHECK (kind IN ('PURCHASE', 'REDEMPTION', 'FLASH_SALE', 'EXCHANGE'));
ALTER TABLE shop_order ADD COLUMN replacement_for BIGINT REFERENCES shop_order (id);
ALTER TABLE shop_order ADD CONSTRAINT shop_order_replacement CHECK ((kind = 'EXCHANGE') = (replacement_for IS NOT NULL));
