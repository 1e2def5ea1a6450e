-- Lotteries: a campaign commits to a secret seed (its SHA-256 hash is public from creation, the seed
-- from the end), draws are numbered 1, 2, 3... per campaign without gaps, and the prizes given never
-- exceed their stock nor the campaign's budget (points-equivalent).
CREATE TABLE lottery_campaign (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name               TEXT        NOT NULL,
    starts_at          TIMESTAMPTZ NOT NULL,
    ends_at            TIMESTAMPTZ NOT NULL,
    cost_per_draw      BIGINT      NOT NULL CHECK (cost_per_draw >= 0),
    draws_per_shopper  INTEGER     NOT NULL CHECK (draws_per_shopper > 0),
    budget             BIGINT      NOT NULL CHECK (budget >= 0),
    budget_used        BIGINT      NOT NULL DEFAULT 0,
    no_prize_weight    BIGINT      NOT NULL CHECK (no_prize_weight >= 0),
    seed               BYTEA       NOT NULL CHECK (octet_length(seed) = 32),
    commitment         TEXT        NOT NULL,
    draws_made         BIGINT      NOT NULL DEFAULT 0 CHECK (draws_made >= 0),
    created_by         TEXT        NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    CHECK (ends_at > starts_at),
    CHECK (budget_used BETWEEN 0 AND budget)
);

CREATE TABLE lottery_prize (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    campaign_id    BIGINT  NOT NULL REFERENCES lottery_campaign (id),
    position       INTEGER NOT NULL,
    name           TEXT    NOT NULL,
    kind           TEXT    NOT NULL CHECK (kind IN ('POINTS', 'ITEM', 'VIRTUAL')),
    weight         BIGINT  NOT NULL CHECK (weight > 0),
    value          BIGINT  NOT NULL CHECK (value > 0),
    initial_stock  BIGINT  NOT NULL CHECK (initial_stock >= 0),
    awarded        BIGINT  NOT NULL DEFAULT 0,
    UNIQUE (campaign_id, position),
    CHECK (awarded BETWEEN 0 AND initial_stock)
);

CREATE TABLE lottery_draw (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    campaign_id  BIGINT      NOT NULL REFERENCES lottery_campaign (id),
    sequence     BIGINT      NOT NULL CHECK (sequence > 0),
    shopper_id   TEXT        NOT NULL,
    participant  TEXT        NOT NULL,
    prize_id     BIGINT      REFERENCES lottery_prize (id),
    drawn_at     TIMESTAMPTZ NOT NULL,
    UNIQUE (campaign_id, sequence)
);
CREATE INDEX lottery_draw_shopper ON lottery_draw (campaign_id, shopper_id);
CREATE INDEX lottery_draw_wins ON lottery_draw (campaign_id, sequence) WHERE prize_id IS NOT NULL;
