-- Products created before catalog announced drafts (ProductDrafted) are announced once, so that
-- stock learns who owns every SKU even when the topic no longer holds their first events.
-- One row per one-off announcement; done_at is set in the transaction that records the events.
CREATE TABLE catalog_backfill (
    name    TEXT PRIMARY KEY,
    done_at TIMESTAMPTZ
);
INSERT INTO catalog_backfill (name) VALUES ('sku-owners');
