-- The country an order's parcel goes to (ISO 3166-1 alpha-2, as the address book stores it), kept apart from
-- the sealed address so that OrderPaid can tell shipping which carrier ships there without any personal data.
-- Null for an order placed without an address (and for orders placed before it was kept).
ALTER TABLE shop_order ADD COLUMN destination_country CHAR(2) CHECK (destination_country ~ '^[A-Z]{2}$');
