-- Envelope encryption (common's FieldCipher): each shopper's data keys, wrapped by a master key
-- version (AWS KMS in production). A destroyed key (the shopper's data erased) keeps its row
-- without the wrapped key, so its generation is never issued again and its values stay unreadable.
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
