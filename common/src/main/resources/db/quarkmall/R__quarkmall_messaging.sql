-- The reliability tables every service has, owned by the shared library (io.quarkmall.common).
-- A repeatable migration: Flyway re-runs it whenever it changes, after the service's own
-- versioned migrations, so every statement here must be safe to run again.

-- Transactional outbox: written in the same transaction as the state change it announces,
-- published to Kafka by the relay, marked sent only after the broker acknowledged it.
CREATE TABLE IF NOT EXISTS outbox_event (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id        UUID        NOT NULL UNIQUE,
    topic           TEXT        NOT NULL,
    record_key      TEXT        NOT NULL,
    envelope        TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_error      TEXT,
    sent_at         TIMESTAMPTZ
);
CREATE INDEX IF NOT EXISTS outbox_event_unsent ON outbox_event (id) WHERE sent_at IS NULL;

-- Inbox: the events a consumer has applied, recorded in the same transaction as the effect.
CREATE TABLE IF NOT EXISTS inbox_event (
    consumer     TEXT        NOT NULL,
    event_id     UUID        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (consumer, event_id)
);

-- Idempotency keys of state-changing requests, stored in the same transaction as the effect.
CREATE TABLE IF NOT EXISTS idempotency_key (
    principal     TEXT        NOT NULL,
    idem_key      TEXT        NOT NULL,
    request_hash  TEXT        NOT NULL,
    status        INT         NOT NULL,
    response_body TEXT,
    created_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (principal, idem_key)
);
