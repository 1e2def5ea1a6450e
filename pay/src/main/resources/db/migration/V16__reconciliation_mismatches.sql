-- The differences a reconciliation found, each with the sentence that says it.
CREATE TABLE reconciliation_mismatch (
    report_id            BIGINT NOT NULL REFERENCES reconciliation_report (id) ON DELETE CASCADE,
    position             INT    NOT NULL,
    kind                 TEXT   NOT NULL CHECK (kind IN ('MISSING_AT_CHANNEL', 'MISSING_IN_OURS', 'AMOUNT_DIFFERS',
                                                         'DUPLICATE_AT_CHANNEL', 'DUPLICATE_IN_OURS')),
    line_kind            TEXT   NOT NULL CHECK (line_kind IN ('PAYMENT', 'REFUND')),
    reference            TEXT   NOT NULL,
    trade_id             TEXT,
    our_amount_minor     BIGINT,
    our_currency         CHAR(3),
    channel_amount_minor BIGINT,
    channel_currency     CHAR(3),
    detail               TEXT   NOT NULL,
    PRIMARY KEY (report_id, position)
);
