-- A flash-sale order: placed when stock admitted the shopper to a sale (FlashSaleAdmitted on
-- stock.flashsale.v1), one unit at the sale's price, carrying the admission ticket. One order per
-- ticket, however often the event arrives; only a flash-sale order carries one.
ALTER TABLE shop_order DROP CONSTRAINT shop_order_kind_check;
ALTER TABLE shop_order ADD CONSTRAINT shop_order_kind_check CHECK (kind IN ('PURCHASE', 'REDEMPTION', 'FLASH_SALE'));
ALTER TABLE shop_order ADD COLUMN flash_sale_ticket UUID UNIQUE;
ALTER TABLE shop_order ADD CONSTRAINT shop_order_flash_sale_ticket_check
    CHECK ((kind = 'FLASH_SALE') = (flash_sale_ticket IS NOT NULL));
