-- An approved after-sales request pay could not refund, for good (PaymentRefundDeclined): closed as
-- NOT_REFUNDED with pay's reason, so its units may be asked for again.
ALTER TABLE after_sales_request ADD COLUMN not_refunded_reason TEXT;
