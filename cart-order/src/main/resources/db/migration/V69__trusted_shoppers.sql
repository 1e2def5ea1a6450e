-- The trusted-shopper rule asks whether a merchant rejected one of a shopper's after-sales requests lately.
CREATE INDEX after_sales_request_rejected ON after_sales_request (shopper_id, decided_at) WHERE status = 'REJECTED';
