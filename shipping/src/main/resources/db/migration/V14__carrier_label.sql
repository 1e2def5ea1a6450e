-- Where the carrier serves the label it printed for the parcel (an international label API's PDF); null for a
-- carrier whose label we print ourselves.
ALTER TABLE shipment ADD COLUMN carrier_label_url TEXT;
