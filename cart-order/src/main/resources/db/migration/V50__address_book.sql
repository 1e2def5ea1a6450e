-- Envelope encryption (common's FieldCipher), as pay's V20: each shopper's data keys, wrapped by a
-- master key version (AWS KMS in production). A destroyed key (the shopper's data erased) keeps its
-- row without the wrapped key, so its generation is never issued again and its values stay unreadable.
CREATE TABLE data_key (
    subject        TEXT        NOT NULL,
    generation     INT         NOT NULL CHECK (generation > 0),
    master_version INT         CHECK (master_version > 0),
    wrapped        BYTEA,
    created_at     TIMESTAMPTZ NOT NULL,
    destroyed_at   TIMESTAMPTZ,
    PRIMARY KEY (subject, generation),
    CHECK ((wrapped IS NULL) = (master_version IS NULL)),
    CHECK ((wrapped IS NULL) = (destroyed_at IS NOT NULL))
);
-- The re-wrap job looks for live keys under an older master key version.
CREATE INDEX data_key_master_version ON data_key (master_version) WHERE wrapped IS NOT NULL;

-- A shopper's address book: the address (recipient, phone, lines, ...) sealed as one JSON value
-- under the shopper's data key; only the country is readable. One default per shopper.
CREATE TABLE shopper_address (
    id          BIGSERIAL   PRIMARY KEY,
    shopper_id  TEXT        NOT NULL,
    country     CHAR(2)     NOT NULL,
    sealed      TEXT        NOT NULL,
    is_default  BOOLEAN     NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX shopper_address_shopper ON shopper_address (shopper_id);
CREATE UNIQUE INDEX shopper_address_one_default ON shopper_address (shopper_id) WHERE is_default;

-- The delivery address an order was placed with, copied (sealed under the shopper's data key) at
-- checkout: later edits of the address book do not change it. Null: placed without an address.
ALTER TABLE shop_order ADD COLUMN delivery_address TEXT;
