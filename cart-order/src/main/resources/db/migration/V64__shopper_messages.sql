-- Messages to shoppers. A timeline step a shopper cares about names its notice (what happened, as a
-- code) and, for money, its amount; the notifier turns each such step into one message in the
-- shopper's message centre and, unless the shopper turned email off, one email in their language.
-- Steps written before this migration are marked messaged: nobody is told of old news.
ALTER TABLE order_timeline
    ADD COLUMN notice              VARCHAR(40),
    ADD COLUMN notice_amount_minor BIGINT,
    ADD COLUMN messaged            BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE order_timeline ALTER COLUMN messaged SET DEFAULT FALSE;
CREATE INDEX order_timeline_to_message ON order_timeline (id) WHERE notice IS NOT NULL AND NOT messaged;

-- How to reach a shopper: the email address from their identity (sealed under their data key, as
-- addresses are), the language they shop in, whether they want email, and the token of the
-- unsubscribe link every email carries.
CREATE TABLE shopper_contact (
    shopper_id        VARCHAR(64) PRIMARY KEY,
    sealed_email      TEXT,
    locale            VARCHAR(8)  NOT NULL,
    email_enabled     BOOLEAN     NOT NULL DEFAULT TRUE,
    unsubscribe_token VARCHAR(64) NOT NULL UNIQUE,
    updated_at        TIMESTAMPTZ NOT NULL
);

CREATE TABLE shopper_message (
    id             BIGSERIAL PRIMARY KEY,
    shopper_id     VARCHAR(64) NOT NULL,
    order_id       BIGINT      NOT NULL REFERENCES shop_order (id),
    step_id        BIGINT      NOT NULL UNIQUE REFERENCES order_timeline (id),
    notice         VARCHAR(40) NOT NULL,
    amount_minor   BIGINT,
    currency       VARCHAR(3)  NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    read_at        TIMESTAMPTZ,
    email_status   VARCHAR(12) NOT NULL,
    email_attempts INT         NOT NULL DEFAULT 0,
    email_due_at   TIMESTAMPTZ,
    emailed_at     TIMESTAMPTZ
);
CREATE INDEX shopper_message_of_shopper ON shopper_message (shopper_id, id DESC);
CREATE INDEX shopper_message_unread ON shopper_message (shopper_id) WHERE read_at IS NULL;
CREATE INDEX shopper_message_email_due ON shopper_message (email_due_at) WHERE email_status = 'PENDING';
