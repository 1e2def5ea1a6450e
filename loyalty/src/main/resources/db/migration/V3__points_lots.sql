-- The points ledger in lots. Every credit opens a lot with an expiry; every debit takes points out
-- of lots (oldest first) and records what it took from each, so a give-back or a refund returns
-- exactly those points to exactly those lots. The account row holds the balance so that a checker
-- can prove: account balance = sum of entries = sum of what the lots still hold.
CREATE TABLE points_account (
    shopper_id  TEXT PRIMARY KEY,
    balance     BIGINT      NOT NULL CHECK (balance >= 0),
    held        BIGINT      NOT NULL CHECK (held >= 0),
    updated_at  TIMESTAMPTZ NOT NULL
);

ALTER TABLE points_ledger_entry ADD COLUMN reference TEXT;
ALTER TABLE points_ledger_entry ADD COLUMN gives_back_entry_id BIGINT REFERENCES points_ledger_entry (id);
UPDATE points_ledger_entry SET reference = 'order:' || order_id WHERE order_id IS NOT NULL;
DROP INDEX points_ledger_once_per_order;
CREATE UNIQUE INDEX points_ledger_once_per_reference ON points_ledger_entry (shopper_id, reason, reference)
    WHERE reference IS NOT NULL;
CREATE INDEX points_ledger_order ON points_ledger_entry (order_id) WHERE order_id IS NOT NULL;

CREATE TABLE points_lot (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shopper_id  TEXT        NOT NULL,
    entry_id    BIGINT      NOT NULL REFERENCES points_ledger_entry (id),
    points      BIGINT      NOT NULL CHECK (points > 0),
    remaining   BIGINT      NOT NULL CHECK (remaining >= 0 AND remaining <= points),
    earned_at   TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX points_lot_spendable ON points_lot (shopper_id, earned_at, id) WHERE remaining > 0;
CREATE INDEX points_lot_due ON points_lot (expires_at) WHERE remaining > 0;

-- What one entry took from (negative) or put back into (positive) one lot.
CREATE TABLE points_lot_use (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entry_id  BIGINT NOT NULL REFERENCES points_ledger_entry (id),
    lot_id    BIGINT NOT NULL REFERENCES points_lot (id),
    points    BIGINT NOT NULL CHECK (points <> 0)
);
CREATE INDEX points_lot_use_entry ON points_lot_use (entry_id);

-- Entries written before lots existed: each credit becomes a lot valid for a year from its
-- date, and each refund reversal takes its points out of the lot of the credit it reversed.
INSERT INTO points_lot (shopper_id, entry_id, points, remaining, earned_at, expires_at)
SELECT e.shopper_id, e.id, e.points, e.points, e.created_at, e.created_at + INTERVAL '365 days'
FROM points_ledger_entry e WHERE e.points > 0;
INSERT INTO points_lot_use (entry_id, lot_id, points)
SELECT r.id, l.id, r.points
FROM points_ledger_entry r
JOIN points_ledger_entry c ON c.order_id = r.order_id AND c.reason = 'EARNED_FOR_ORDER'
JOIN points_lot l ON l.entry_id = c.id
WHERE r.reason = 'REVERSED_FOR_REFUND';
UPDATE points_lot l SET remaining = l.points + coalesce(
    (SELECT sum(u.points) FROM points_lot_use u WHERE u.lot_id = l.id), 0);
INSERT INTO points_account (shopper_id, balance, held, updated_at)
SELECT shopper_id, sum(points), 0, now() FROM points_ledger_entry GROUP BY shopper_id;
