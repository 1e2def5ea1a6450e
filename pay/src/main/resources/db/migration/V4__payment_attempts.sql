-- Payments through several channels, tried again until the order's payment window closes.
-- Each attempt has its own reference at the channel (stable across retries of that attempt), a state
-- the channel confirms (a signed notification or our query, never the browser's word), and its refunds.
ALTER TABLE payment ADD COLUMN reference TEXT;
-- Payments before this migration were charged under the order's reference at the sandbox PSP.
UPDATE payment SET reference = CASE WHEN status IN ('CAPTURED', 'REFUND_PENDING', 'REFUNDED')
    THEN 'order-' || order_id ELSE 'order-' || order_id || '-attempt-' || id END;
ALTER TABLE payment ALTER COLUMN reference SET NOT NULL;
CREATE UNIQUE INDEX payment_reference ON payment (reference);

ALTER TABLE payment ADD COLUMN presentation TEXT;
ALTER TABLE payment ADD COLUMN action_kind TEXT CHECK (action_kind IN ('QR_CODE', 'REDIRECT'));
ALTER TABLE payment ADD COLUMN action_value TEXT;
ALTER TABLE payment ADD COLUMN refunded_minor BIGINT NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0);
-- A payment that reached the channel after another attempt paid the order (or after it was cancelled):
-- captured there, so it is recorded, and refunded whole.
ALTER TABLE payment ADD COLUMN surplus BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE payment ADD COLUMN paid_at TIMESTAMPTZ;
ALTER TABLE payment ADD COLUMN updated_at TIMESTAMPTZ;
UPDATE payment SET updated_at = created_at, paid_at = CASE WHEN gateway_charge_id IS NOT NULL THEN created_at END;
ALTER TABLE payment ALTER COLUMN updated_at SET NOT NULL;
-- When the channel is next asked about a payment still PENDING there.
ALTER TABLE payment ADD COLUMN next_check_at TIMESTAMPTZ;
ALTER TABLE payment ADD COLUMN checks INT NOT NULL DEFAULT 0;
CREATE INDEX payment_check_due ON payment (next_check_at) WHERE status = 'PENDING';

-- Refunds are rows of their own: partial refunds, each applied once under its own reference.
CREATE TABLE payment_refund (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    payment_id       BIGINT      NOT NULL REFERENCES payment (id),
    refund_reference TEXT        NOT NULL UNIQUE,
    amount_minor     BIGINT      NOT NULL CHECK (amount_minor > 0),
    currency         CHAR(3)     NOT NULL,
    reason           TEXT        NOT NULL,
    status           TEXT        NOT NULL CHECK (status IN ('PENDING', 'PROCESSING', 'DONE', 'REFUSED')),
    channel_refund_id TEXT,
    refusal          TEXT,
    attempts         INT         NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL,
    done_at          TIMESTAMPTZ
);
CREATE INDEX payment_refund_of ON payment_refund (payment_id);

-- Refunds owed or made before this migration become refund rows; their payments count as captured again.
INSERT INTO payment_refund (payment_id, refund_reference, amount_minor, currency, reason, status, attempts,
                            next_attempt_at, created_at, done_at)
SELECT id, 'refund-' || id, amount_minor, currency, 'ORDER_CANCELLED',
       CASE WHEN status = 'REFUNDED' THEN 'DONE' ELSE 'PENDING' END, refund_attempts,
       CASE WHEN status = 'REFUNDED' THEN NULL ELSE COALESCE(next_refund_attempt_at, updated_at) END,
       updated_at, CASE WHEN status = 'REFUNDED' THEN updated_at END
FROM payment WHERE status IN ('REFUND_PENDING', 'REFUNDED');
UPDATE payment SET refunded_minor = amount_minor WHERE status = 'REFUNDED';
UPDATE payment SET status = 'CAPTURED' WHERE status = 'REFUND_PENDING';
DROP INDEX payment_refund_due; -- V3's index of refunds owed on the payment table
CREATE INDEX payment_refund_due_at ON payment_refund (next_attempt_at) WHERE status IN ('PENDING', 'PROCESSING');
ALTER TABLE payment DROP COLUMN refund_attempts;
ALTER TABLE payment DROP COLUMN next_refund_attempt_at;

ALTER TABLE payment DROP CONSTRAINT payment_status;
ALTER TABLE payment ADD CONSTRAINT payment_status CHECK (status IN
    ('PENDING', 'CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED', 'DECLINED', 'VOIDED', 'TIMED_OUT'));
ALTER TABLE payment ADD CONSTRAINT payment_refunded_within CHECK (refunded_minor <= amount_minor);
-- The last line of defence against a double charge: at most one payment per order keeps its money.
DROP INDEX payment_one_capture_per_order;
CREATE UNIQUE INDEX payment_one_capture_per_order ON payment (order_id)
    WHERE status IN ('CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED') AND NOT surplus;
