-- Coupon templates: what a coupon takes off, what it covers, when it is valid, how many are handed
-- out (issued, never past total_limit) and whether shoppers can claim it (status).
CREATE TABLE coupon_template (
    id                       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner_id                 TEXT        NOT NULL,
    name                     TEXT        NOT NULL,
    kind                     TEXT        NOT NULL CHECK (kind IN ('FIXED', 'PERCENT', 'THRESHOLD')),
    currency                 TEXT        NOT NULL,
    amount_off_minor         BIGINT      NOT NULL CHECK (amount_off_minor >= 0),
    percent_off_basis_points INT         NOT NULL CHECK (percent_off_basis_points BETWEEN 0 AND 10000),
    cap_minor                BIGINT      CHECK (cap_minor > 0),
    min_subtotal_minor       BIGINT      NOT NULL CHECK (min_subtotal_minor >= 0),
    scope                    TEXT        NOT NULL CHECK (scope IN ('ALL', 'CATEGORY', 'PRODUCT')),
    scope_targets            TEXT[]      NOT NULL,
    valid_from               TIMESTAMPTZ,
    valid_to                 TIMESTAMPTZ,
    valid_days_after_claim   INT,
    per_shopper_limit        INT         NOT NULL CHECK (per_shopper_limit >= 1),
    total_limit              INT         NOT NULL CHECK (total_limit >= per_shopper_limit),
    stackable                BOOLEAN     NOT NULL,
    exclusive_group          TEXT,
    status                   TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'PAUSED', 'ENDED')),
    issued                   INT         NOT NULL DEFAULT 0 CHECK (issued BETWEEN 0 AND total_limit),
    created_at               TIMESTAMPTZ NOT NULL,
    updated_at               TIMESTAMPTZ NOT NULL,
    CHECK ((valid_from IS NOT NULL AND valid_to IS NOT NULL AND valid_from < valid_to AND valid_days_after_claim IS NULL)
        OR (valid_from IS NULL AND valid_to IS NULL AND valid_days_after_claim > 0))
);
CREATE INDEX coupon_template_owner ON coupon_template (owner_id, created_at DESC);
CREATE INDEX coupon_template_claimable ON coupon_template (created_at DESC) WHERE status = 'ACTIVE';

-- One coupon in one shopper's wallet: AVAILABLE, or USED by order_id. Expiry is not stored: an
-- AVAILABLE coupon past expires_at is shown as EXPIRED.
CREATE TABLE coupon (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    template_id BIGINT      NOT NULL REFERENCES coupon_template (id),
    shopper_id  TEXT        NOT NULL,
    source      TEXT        NOT NULL CHECK (source IN ('CLAIMED', 'ISSUED')),
    status      TEXT        NOT NULL CHECK (status IN ('AVAILABLE', 'USED')),
    valid_from  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    order_id    BIGINT,
    issued_at   TIMESTAMPTZ NOT NULL,
    CHECK (valid_from < expires_at),
    CHECK ((status = 'USED') = (order_id IS NOT NULL))
);
CREATE INDEX coupon_wallet ON coupon (shopper_id, issued_at DESC);
CREATE INDEX coupon_held ON coupon (template_id, shopper_id);
CREATE INDEX coupon_used_by ON coupon (order_id) WHERE order_id IS NOT NULL;

-- Every use of a coupon by an order, and its return if the order was cancelled: a coupon has at
-- most one open use, and an order uses a coupon at most once.
CREATE TABLE coupon_use (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    coupon_id   BIGINT      NOT NULL REFERENCES coupon (id),
    order_id    BIGINT      NOT NULL,
    used_at     TIMESTAMPTZ NOT NULL,
    returned_at TIMESTAMPTZ
);
CREATE UNIQUE INDEX coupon_use_open ON coupon_use (coupon_id) WHERE returned_at IS NULL;
CREATE UNIQUE INDEX coupon_use_once_per_order ON coupon_use (coupon_id, order_id);
CREATE INDEX coupon_use_order ON coupon_use (order_id);
