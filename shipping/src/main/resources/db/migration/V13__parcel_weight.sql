-- The parcel's weight as the order was priced (OrderPaid.parcelWeightGrams), told to the carrier at booking; null
-- when the order was not weighed.
ALTER TABLE shipment ADD COLUMN weight_grams INT CHECK (weight_grams >= 0);
