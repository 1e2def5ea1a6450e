-- Risk control holds an attempt for an operator's review before it reaches a channel (IN_REVIEW). An
-- approved review clears the order: its next attempt is not held again.
ALTER TABLE payment DROP CONSTRAINT payment_status;
ALTER TABLE payment ADD CONSTRAINT payment_status CHECK (status IN
    ('IN_REVIEW', 'PENDING', 'CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED', 'DECLINED', 'VOIDED', 'TIMED_OUT'));
ALTER TABLE payment ADD COLUMN risk_review_id BIGINT;
CREATE INDEX payment_risk_review ON payment (risk_review_id) WHERE risk_review_id IS NOT NULL;
ALTER TABLE payable_order ADD COLUMN risk_cleared BOOLEAN NOT NULL DEFAULT FALSE;
