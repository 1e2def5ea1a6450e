-- The carrier's service the order chose at checkout; parcels shipped before delivery options went standard.
ALTER TABLE shipment ADD COLUMN service TEXT NOT NULL DEFAULT 'STANDARD' CHECK (service IN ('STANDARD', 'EXPRESS'));
