-- The parcel's weight as checkout priced its delivery, passed to the carrier and printed on the label; null for
-- orders not weighed (redemptions, flash sales, orders placed before delivery options).
ALTER TABLE shop_order ADD COLUMN parcel_weight_grams INT CHECK (parcel_weight_grams >= 0);
