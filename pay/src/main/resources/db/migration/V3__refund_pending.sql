-- A refund is first recorded (REFUND_PENDING) with the cancellation that causes it, then carried out
-- at the gateway by a retrying job: a gateway that is down delays a refund, never loses it.
ALTER TABLE payment DROP CONSTRAINT payment_status;
ALTER TABLE payment ADD CONSTRAINT payment_status
    CHECK (status IN ('CAPTURED', 'DECLINED', 'TIMED_OUT', 'REFUND_PENDING', 'REFUNDED'));
DROP INDEX payment_one_capture_per_order;
CREATE UNIQUE INDEX payment_one_capture_per_order ON payment (order_id)
    WHERE status IN ('CAPTURED', 'REFUND_PENDING', 'REFUNDED');
ALTER TABLE payment ADD COLUMN refund_attempts INT NOT NULL DEFAULT 0;
ALTER TABLE payment ADD COLUMN next_refund_attempt_at TIMESTAMPTZ;
CREATE INDEX payment_refund_due ON payment (next_refund_attempt_at) WHERE status = 'REFUND_PENDING';
