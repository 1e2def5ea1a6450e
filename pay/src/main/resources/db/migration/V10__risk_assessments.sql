-- Every payment attempt risk control assessed: the history later attempts are judged by, and (a
-- REVIEW) the queue operators decide. Payer identifiers are fingerprints or hashes, never card data.
CREATE TABLE risk_assessment (
    id                    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shopper_id            TEXT        NOT NULL,
    order_id              BIGINT      NOT NULL,
    amount_minor          BIGINT      NOT NULL CHECK (amount_minor >= 0),
    currency              CHAR(3)     NOT NULL,
    channel               TEXT        NOT NULL,
    device_id             TEXT,
    payer_fingerprint     TEXT,
    shipping_address_hash TEXT,
    shipping_region       TEXT,
    billing_region        TEXT,
    attempted_at          TIMESTAMPTZ NOT NULL,
    score                 INT         NOT NULL CHECK (score BETWEEN 0 AND 100),
    decision              TEXT        NOT NULL CHECK (decision IN ('ALLOW', 'REVIEW', 'DECLINE')),
    -- Set for a REVIEW only: OPEN until an operator approves or declines it, once.
    review_status         TEXT        CHECK (review_status IN ('OPEN', 'APPROVED', 'DECLINED')),
    reviewed_by           TEXT,
    review_note           TEXT,
    reviewed_at           TIMESTAMPTZ,
    -- The channel declined a charge this assessment allowed (a recent decline of the shopper).
    channel_declined_at   TIMESTAMPTZ,
    CHECK ((decision = 'REVIEW') = (review_status IS NOT NULL)),
    CHECK ((review_status IN ('APPROVED', 'DECLINED')) = (reviewed_at IS NOT NULL))
);
CREATE INDEX risk_assessment_shopper ON risk_assessment (shopper_id, attempted_at);
CREATE INDEX risk_assessment_device ON risk_assessment (device_id, attempted_at) WHERE device_id IS NOT NULL;
CREATE INDEX risk_assessment_payer ON risk_assessment (payer_fingerprint, attempted_at) WHERE payer_fingerprint IS NOT NULL;
CREATE INDEX risk_assessment_review ON risk_assessment (review_status, id) WHERE review_status IS NOT NULL;
