-- A request the merchant has not acted on for a while (not answered, or a return parcel not received)
-- is escalated to the mall's staff (admins) at escalate_at, before its deadline acts: escalated_at says
-- when. Each wait on the merchant has its own escalation: a parcel sent back starts a new one.
ALTER TABLE after_sales_request
    ADD COLUMN escalate_at  TIMESTAMPTZ,
    ADD COLUMN escalated_at TIMESTAMPTZ;
CREATE INDEX after_sales_request_escalation ON after_sales_request (escalate_at)
    WHERE escalated_at IS NULL AND status IN ('REQUESTED', 'RETURN_SHIPPED');
