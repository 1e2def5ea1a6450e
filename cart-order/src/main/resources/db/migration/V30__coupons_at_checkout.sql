-- Coupons take part of an order off before points do: what they took in all, and one row per coupon
-- loyalty applied at checkout (its id, its template's name, why it applies, what it took). The order
-- awaits payment once loyalty has used its coupons too (coupons_held; true for an order without any).
ALTER TABLE shop_order ADD COLUMN coupon_discount_minor BIGINT NOT NULL DEFAULT 0 CHECK (coupon_discount_minor >= 0);
ALTER TABLE shop_order ADD COLUMN coupons_held BOOLEAN NOT NULL DEFAULT TRUE;

CREATE TABLE order_adjustment (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id     BIGINT  NOT NULL REFERENCES shop_order (id),
    kind         TEXT    NOT NULL CHECK (kind IN ('COUPON')),
    coupon_id    BIGINT  CHECK (kind <> 'COUPON' OR coupon_id IS NOT NULL),
    name         TEXT    NOT NULL,
    why          TEXT    NOT NULL,
    amount_minor BIGINT  NOT NULL CHECK (amount_minor > 0),
    currency     CHAR(3) NOT NULL,
    UNIQUE (order_id, coupon_id)
);
