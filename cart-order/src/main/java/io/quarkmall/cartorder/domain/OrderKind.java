package io.quarkmall.cartorder.domain;

/**
 * How an order came about: bought from the cart, redeemed with points in the points mall, or
 * placed for a shopper stock admitted to a flash sale.
 */
public enum OrderKind {
    PURCHASE, REDEMPTION, FLASH_SALE
}
