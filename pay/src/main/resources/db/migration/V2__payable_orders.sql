-- Orders pay may take money for: announced by cart-order once their stock is held (OrderAwaitingPayment).
-- The row is locked while a payment runs, so one order is never charged twice.
CREATE TABLE payable_order (
    order_id    BIGINT PRIMARY KEY,
    shopper_id  TEXT        NOT NULL,
    amount_minor BIGINT     NOT NULL CHECK (amount_minor > 0),
    currency    CHAR(3)     NOT NULL,
    status      TEXT        NOT NULL CHECK (status IN ('PAYABLE', 'PAID', 'FAILED', 'CANCELLED', 'REFUNDED')),
    updated_at  TIMESTAMPTZ NOT NULL
);

ALTER TABLE payment ADD COLUMN gateway_charge_id TEXT;
ALTER TABLE payment ADD COLUMN failure_reason TEXT;
ALTER TABLE payment ADD CONSTRAINT payment_status CHECK (status IN ('CAPTURED', 'DECLINED', 'TIMED_OUT', 'REFUNDED'));
-- The last line of defence against a double charge: at most one captured (or later refunded) payment per order.
CREATE UNIQUE INDEX payment_one_capture_per_order ON payment (order_id) WHERE status IN ('CAPTURED', 'REFUNDED');
