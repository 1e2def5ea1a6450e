-- A shopper's referral code, and the new shoppers who came on one (once each).
CREATE TABLE referral_code (
    shopper_id  TEXT        PRIMARY KEY,
    code        TEXT        NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE referral (
    referred_id        TEXT        PRIMARY KEY,
    referrer_id        TEXT        NOT NULL,
    code               TEXT        NOT NULL,
    registered_at      TIMESTAMPTZ NOT NULL,
    rewarded_order_id  BIGINT,
    rewarded_at        TIMESTAMPTZ,
    CHECK (referrer_id <> referred_id)
);
CREATE INDEX referral_referrer ON referral (referrer_id);
