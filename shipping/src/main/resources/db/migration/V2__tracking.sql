-- Where a parcel has been, as its carrier reported it; and when the sandbox carrier moves it next.
ALTER TABLE shipment ADD COLUMN next_step_at TIMESTAMPTZ;
CREATE INDEX shipment_moving ON shipment (next_step_at) WHERE next_step_at IS NOT NULL;

CREATE TABLE tracking_event (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shipment_id BIGINT      NOT NULL REFERENCES shipment (id),
    status      TEXT        NOT NULL,
    location    TEXT        NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX tracking_event_shipment ON tracking_event (shipment_id, occurred_at);
