-- Earning rules an operator sets without a deploy; EarningRules applies them to an order's lines.
CREATE TABLE earning_rule (
    id                      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                    TEXT        NOT NULL,
    trigger                 TEXT        NOT NULL CHECK (trigger IN ('PAID', 'COMPLETED', 'RETURN_WINDOW_CLOSED')),
    return_window_days      INT         CHECK (return_window_days > 0),
    scope                   TEXT        NOT NULL CHECK (scope IN ('ALL', 'PRODUCT')),
    sku                     TEXT,
    multiplier_basis_points INT         CHECK (multiplier_basis_points >= 0),
    bonus_per_unit          BIGINT      CHECK (bonus_per_unit >= 0),
    minimum_order_minor     BIGINT      CHECK (minimum_order_minor >= 0),
    minimum_order_currency  TEXT,
    active_from             TIMESTAMPTZ,
    active_to               TIMESTAMPTZ,
    priority                INT         NOT NULL,
    stop                    BOOLEAN     NOT NULL,
    created_at              TIMESTAMPTZ NOT NULL,
    updated_at              TIMESTAMPTZ NOT NULL,
    CHECK ((trigger = 'RETURN_WINDOW_CLOSED') = (return_window_days IS NOT NULL)),
    CHECK ((scope = 'PRODUCT') = (sku IS NOT NULL)),
    CHECK (multiplier_basis_points IS NOT NULL OR bonus_per_unit IS NOT NULL),
    CHECK ((minimum_order_minor IS NULL) = (minimum_order_currency IS NULL)),
    CHECK (active_from IS NULL OR active_to IS NULL OR active_to > active_from)
);
CREATE INDEX earning_rule_trigger ON earning_rule (trigger);
