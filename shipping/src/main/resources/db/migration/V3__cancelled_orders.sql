-- Orders cancelled before shipping heard they were paid: their payment, if it arrives later, ships nothing.
CREATE TABLE cancelled_order (
    order_id     BIGINT PRIMARY KEY,
    cancelled_at TIMESTAMPTZ NOT NULL
);
