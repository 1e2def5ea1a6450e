-- The reconciliation of a channel's statement of a day (Asia/Shanghai) with pay's records: one per
-- day and channel, replaced whole by a new run.
CREATE TABLE reconciliation_report (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    day            DATE        NOT NULL,
    channel        TEXT        NOT NULL,
    status         TEXT        NOT NULL CHECK (status IN ('BALANCED', 'MISMATCHED', 'FAILED')),
    our_lines      INT         NOT NULL CHECK (our_lines >= 0),
    channel_lines  INT         NOT NULL CHECK (channel_lines >= 0),
    matched        INT         NOT NULL CHECK (matched >= 0),
    mismatch_count INT         NOT NULL CHECK (mismatch_count >= 0),
    failure_reason TEXT,
    ran_at         TIMESTAMPTZ NOT NULL,
    CHECK ((status = 'FAILED') = (failure_reason IS NOT NULL)),
    CONSTRAINT reconciliation_report_one_per_day UNIQUE (day, channel)
);
CREATE INDEX reconciliation_report_channel ON reconciliation_report (channel, day);
