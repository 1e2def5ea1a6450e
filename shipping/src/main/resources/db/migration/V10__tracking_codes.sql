-- Tracking in one status model: each scan's code and place code, shown in the reader's language; the
-- carrier's location text stays for operators. And the parcel's expected delivery, moved at each scan.
ALTER TABLE tracking_event ADD COLUMN code TEXT, ADD COLUMN place TEXT;
-- The sandbox carrier's scans so far: its statuses are the codes, its route's locations the places.
UPDATE tracking_event SET code = status,
    place = CASE location
        WHEN 'Shanghai sorting centre' THEN 'CN-SH-SORT'
        WHEN 'Hangzhou hub' THEN 'CN-HZ-HUB'
        WHEN 'Doorstep' THEN 'DOORSTEP'
        WHEN 'Warehouse' THEN 'WAREHOUSE'
    END;
ALTER TABLE tracking_event ALTER COLUMN code SET NOT NULL;

-- Null once delivered or cancelled; a parcel still moving gets its ETA at its next scan.
ALTER TABLE shipment ADD COLUMN eta TIMESTAMPTZ;
