-- Carriers with an API: a parcel is booked with the carrier, whose waybill becomes its tracking number
-- (none until then), and called off there if the order is cancelled; a call that fails is tried again.
ALTER TABLE shipment ALTER COLUMN tracking_number DROP NOT NULL;
ALTER TABLE shipment ADD COLUMN carrier_api BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN carrier_call_due_at TIMESTAMPTZ,
    ADD COLUMN carrier_calls INT NOT NULL DEFAULT 0,
    ADD COLUMN carrier_error TEXT;
CREATE INDEX shipment_carrier_call ON shipment (carrier_call_due_at) WHERE carrier_call_due_at IS NOT NULL;
CREATE UNIQUE INDEX shipment_waybill ON shipment (carrier, tracking_number);

-- Each push a carrier signs carries a nonce, accepted once: a replayed push is refused.
CREATE TABLE carrier_nonce (
    carrier TEXT        NOT NULL,
    nonce   TEXT        NOT NULL,
    seen_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (carrier, nonce)
);
CREATE INDEX carrier_nonce_age ON carrier_nonce (seen_at);

-- Each scan a carrier pushes, by the carrier's id for it: a scan sent again changes nothing.
CREATE TABLE carrier_push (
    carrier     TEXT        NOT NULL,
    push_id     TEXT        NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (carrier, push_id)
);

-- The code of each parcel's last scan and when it happened, so operators can list those that need them.
ALTER TABLE shipment ADD COLUMN last_code TEXT, ADD COLUMN last_scan_at TIMESTAMPTZ;
UPDATE shipment s SET last_code = t.code, last_scan_at = t.occurred_at
FROM (SELECT DISTINCT ON (shipment_id) shipment_id, code, occurred_at FROM tracking_event ORDER BY shipment_id, id DESC) t
WHERE t.shipment_id = s.id;
