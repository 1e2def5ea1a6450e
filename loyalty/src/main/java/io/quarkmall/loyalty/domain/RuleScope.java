package io.quarkmall.loyalty.domain;

/**
 * Which lines of an order an earning rule covers. No CATEGORY: catalog announces no categories on
 * catalog.product.v1 (its products have none yet), so loyalty has nothing to match one against.
 */
public enum RuleScope {
    /** Every line. */
    ALL,
    /** The lines of one SKU. */
    PRODUCT
}
