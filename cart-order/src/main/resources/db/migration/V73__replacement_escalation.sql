-- An exchange whose replacement order is not delivered in time is escalated too: REPLACING joins the
-- statuses the escalation sweep reads, and its escalate_at counts from the return's receipt.
DROP INDEX after_sales_request_escalation;
CREATE INDEX after_sales_request_escalation ON after_sales_request (escalate_at)
    WHERE escalated_at IS NULL AND status IN ('REQUESTED', 'RETURN_SHIPPED', 'REPLACING');
-- Exchanges already REPLACING still carry the escalation of the merchant's wait for their parcel: give
-- them the replacement's (after-sales.replacement-delivered-within, 15 days, from the receipt).
UPDATE after_sales_request SET escalate_at = received_at + INTERVAL '15 days', escalated_at = NULL
    WHERE status = 'REPLACING';
