-- One packed unit's weight in grams, which checkout's shipping fees are computed from; null when not given.
ALTER TABLE sku ADD COLUMN weight_grams INT CHECK (weight_grams BETWEEN 1 AND 100000);
