-- Photos a shopper gives as evidence for an after-sales request: sealed under the shopper's own data key
-- (erasing the shopper deletes them), at most a few per request, one copy of each image per request.
CREATE TABLE after_sales_photo (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id   BIGINT      NOT NULL REFERENCES after_sales_request (id),
    shopper_id   TEXT        NOT NULL,
    content_type TEXT        NOT NULL,
    size_bytes   INT         NOT NULL,
    sha256       TEXT        NOT NULL,
    sealed_image TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    UNIQUE (request_id, sha256)
);
CREATE INDEX after_sales_photo_shopper ON after_sales_photo (shopper_id);
