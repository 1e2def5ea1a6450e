-- The points mall's virtual goods: rewards bought with points and handed over at once, either a
-- coupon of a template or a voucher code. Each has its own stock and a per-shopper limit.
CREATE TABLE reward (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner_id            TEXT        NOT NULL,
    name                TEXT        NOT NULL,
    description         TEXT        NOT NULL,
    kind                TEXT        NOT NULL,
    coupon_template_id  BIGINT REFERENCES coupon_template (id),
    points_cost         BIGINT      NOT NULL CHECK (points_cost > 0),
    stock               INT         NOT NULL CHECK (stock >= 0),
    redeemed            INT         NOT NULL CHECK (redeemed >= 0 AND redeemed <= stock),
    per_shopper_limit   INT         NOT NULL CHECK (per_shopper_limit > 0),
    status              TEXT        NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    CHECK ((kind = 'COUPON') = (coupon_template_id IS NOT NULL))
);
CREATE INDEX reward_status ON reward (status, id);

CREATE TABLE reward_redemption (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reward_id   BIGINT      NOT NULL REFERENCES reward (id),
    shopper_id  TEXT        NOT NULL,
    points      BIGINT      NOT NULL CHECK (points > 0),
    coupon_id   BIGINT REFERENCES coupon (id),
    code        TEXT,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX reward_redemption_shopper ON reward_redemption (shopper_id, reward_id);
