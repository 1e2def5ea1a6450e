-- Return and refund: the shopper sends the goods back before the money goes back. An approved return
-- waits for the parcel (AWAITING_RETURN, until respond_by), is RETURN_SHIPPED once the shopper gives
-- its carrier and tracking number (the merchant has until respond_by to receive it), and is APPROVED
-- (the refund asked of pay) once received, with what becomes of the goods: SELLABLE back on the
-- shelf, or QUARANTINE until inspected. A return never shipped in time is EXPIRED.
ALTER TABLE after_sales_request
    ADD COLUMN kind             TEXT NOT NULL DEFAULT 'REFUND_ONLY' CHECK (kind IN ('REFUND_ONLY', 'RETURN_AND_REFUND')),
    ADD COLUMN return_carrier   TEXT,
    ADD COLUMN return_tracking  TEXT,
    ADD COLUMN return_shipped_at TIMESTAMPTZ,
    ADD COLUMN received_at      TIMESTAMPTZ,
    ADD COLUMN disposition      TEXT CHECK (disposition IN ('SELLABLE', 'QUARANTINE')),
    ADD CONSTRAINT after_sales_request_return_parcel CHECK ((return_tracking IS NULL) = (return_shipped_at IS NULL)),
    ADD CONSTRAINT after_sales_request_received CHECK ((received_at IS NULL) = (disposition IS NULL));

DROP INDEX after_sales_request_due;
CREATE INDEX after_sales_request_due ON after_sales_request (respond_by)
    WHERE status IN ('REQUESTED', 'AWAITING_RETURN', 'RETURN_SHIPPED');
DROP INDEX after_sales_request_one_open;
CREATE UNIQUE INDEX after_sales_request_one_open ON after_sales_request (order_id)
    WHERE status IN ('REQUESTED', 'AWAITING_RETURN', 'RETURN_SHIPPED', 'APPROVED');
