-- After-sales (refund only): a shopper asks for money back on a shipped, delivered or completed
-- order, for the whole order or some of its units, without sending goods back. A merchant approves
-- or rejects it; a small amount is approved at once, and a request nobody answers by respond_by is
-- approved by the clock. An approved request is refunded through pay once (its reference
-- after-sales-<id>). One open request (REQUESTED or APPROVED) per order.
CREATE TABLE after_sales_request (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id      BIGINT      NOT NULL REFERENCES shop_order (id),
    shopper_id    TEXT        NOT NULL,
    reason        TEXT        NOT NULL,
    note          TEXT,
    lines         JSONB       NOT NULL,
    amount_minor  BIGINT      NOT NULL CHECK (amount_minor > 0),
    currency      CHAR(3)     NOT NULL,
    status        TEXT        NOT NULL,
    respond_by    TIMESTAMPTZ NOT NULL,
    decided_by    TEXT,
    decision_note TEXT,
    created_at    TIMESTAMPTZ NOT NULL,
    decided_at    TIMESTAMPTZ,
    refunded_at   TIMESTAMPTZ,
    CHECK ((status = 'REQUESTED') = (decided_at IS NULL)),
    CHECK ((status = 'REFUNDED') = (refunded_at IS NOT NULL))
);
CREATE INDEX after_sales_request_order ON after_sales_request (order_id);
CREATE INDEX after_sales_request_due ON after_sales_request (respond_by) WHERE status = 'REQUESTED';
CREATE UNIQUE INDEX after_sales_request_one_open ON after_sales_request (order_id)
    WHERE status IN ('REQUESTED', 'APPROVED');

-- What pay has given back on the order (every refund it announced): after-sales asks at most the rest.
ALTER TABLE shop_order ADD COLUMN refunded_minor BIGINT NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0);
